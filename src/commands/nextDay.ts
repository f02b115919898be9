import { answerOfDay, laterAnswerFor, type DayAnswer, type TakenAnswer } from '../core/nextDay.js';
import type { NextDayAnswer } from '../core/safety.js';
import { PAIN_OVER_24H } from '../core/symptoms.js';
import type { IsoDate } from '../core/types.js';
import { InputError } from '../core/errors.js';
import { addDays, shortDate } from '../core/dates.js';
import { answersOnDay, pendingCheckin, recordCheckin, type PendingDay } from '../store/checkins.js';
import { listSessions } from '../store/sessions.js';
import type { Db } from '../store/open.js';
import { triageJson } from './json.js';
import { triageAndHold } from './safety.js';

export type { NextDayAnswer };

/** F2: the day the next-day check asks about: one with a session yesterday or the day before, unanswered. */
export function pendingDay(db: Db, today: IsoDate): PendingDay | undefined {
  return pendingCheckin(db, addDays(today, -2), addDays(today, -1));
}

/**
 * F2: `--settled` (of log or checkin) answers a waiting check; with none waiting it is a usage error.
 * When the check was answered already, the refusal says what that day holds, and how a "settled"
 * that turned out wrong is corrected (`edit --settled no`), so a script's author is not left with
 * "leave it out" for pain that has not settled.
 */
export function refuseSettledWithoutPending(db: Db, today: IsoDate, settled: boolean | undefined, pending: PendingDay | undefined): void {
  if (settled === undefined || pending) return;
  const first = '--settled answers the next-day check, but there is no session from yesterday or the day before waiting for it.';
  const answered = answeredRecently(db, today);
  if (!answered) throw new InputError(first, 'Leave out --settled.');
  const { date, answer, sessionId } = answered;
  if (answer.settled && !settled) {
    throw new InputError(first, `The pain from ${shortDate(date)} was recorded as settled on ${shortDate(answer.answeredOn)}. If it has not settled after all: pace edit ${sessionId} --settled no`);
  }
  const stays = answer.settled ? '' : ', and that answer stays';
  throw new InputError(first, `The pain from ${shortDate(date)} was already recorded as ${answer.settled ? 'settled' : 'not settled'}, on ${shortDate(answer.answeredOn)}${stays}. Leave out --settled.`);
}

/** F2: the latest of yesterday and the day before whose check was answered, with that day's answer and latest session. */
function answeredRecently(db: Db, today: IsoDate): { date: IsoDate; answer: DayAnswer; sessionId: number } | null {
  for (const date of [addDays(today, -1), addDays(today, -2)]) {
    const answers = answersOnDay(db, date);
    const answer = answerOfDay([...answers.values()]);
    if (answer) return { date, answer, sessionId: Math.max(...answers.keys()) };
  }
  return null;
}

/**
 * F2: marks every session of the day. "Not settled after 24 hours" is the assess symptom
 * `pain-over-24h` on each of them, triaged like any other symptom (T5): a hold opens today.
 * Call inside the write transaction.
 */
export function answerNextDay(db: Db, today: IsoDate, pending: Pick<PendingDay, 'date'>, settled: boolean): NextDayAnswer {
  // The day as it stands in this transaction: a session just logged for it is one of "all of them".
  const day = { date: pending.date, sessions: listSessions(db, { from: pending.date, to: pending.date }) };
  const sessionIds = day.sessions.map((s) => s.id);
  recordCheckin(db, sessionIds, today, settled);
  const decision = settled
    ? null
    : triageAndHold(
        db,
        today,
        'next-day',
        day.sessions.map((s) => ({ sessionId: s.id, sessionDate: s.date, codes: [PAIN_OVER_24H], flare: true })),
      );
  return answerFor(day, settled, decision);
}

function answerFor(day: { date: IsoDate; sessions: readonly { id: number; activity: string }[] }, settled: boolean, decision: NextDayAnswer['decision']): NextDayAnswer {
  return { date: day.date, settled, sessionIds: day.sessions.map((s) => s.id), activities: [...new Set(day.sessions.map((s) => s.activity))], decision };
}

/** F2: `edit --settled`: the answer for a day, given late or corrected; `already` when the day had it. */
export interface LaterAnswer {
  answer: NextDayAnswer;
  /** The day the same answer was given before (nothing was written), or null. */
  already: IsoDate | null;
}

/**
 * F2, cli.md (`edit` takes log's flags): answers the next-day check for `date`, a day before
 * today, whenever the person gives it: a day the check never asked about, or one answered
 * "settled" that had not (laterAnswerFor). A "not settled" stays (F1 never loses a flare):
 * "settled" over it is refused, with `wayOut` when a hold is open. Call inside the write transaction.
 */
export function answerDayLater(db: Db, today: IsoDate, date: IsoDate, settled: boolean, wayOut: string | null): LaterAnswer {
  const sessions = listSessions(db, { from: date, to: date });
  const outcome = laterAnswerFor(
    sessions.map((s) => s.id),
    answersOnDay(db, date),
    settled,
  );
  if (outcome.kind === 'refused') throw refusedSettled(date, outcome.notSettled, sessions.length, wayOut);
  if (outcome.kind === 'already') return { answer: answerFor({ date, sessions }, settled, null), already: outcome.answer.answeredOn };
  return { answer: answerNextDay(db, today, { date }, settled), already: null };
}

/**
 * "Settled" over a "not settled": the day's, or (a session moved onto the day keeps its own) the
 * sessions'. An answer given on the day or before it was about another day, the one its session
 * left (F2), so it is named by its session, never as this day's answer.
 */
function refusedSettled(date: IsoDate, held: readonly { sessionId: number; answer: DayAnswer }[], ofDay: number, wayOut: string | null): InputError {
  const then = held.reduce((a, h) => (h.answer.answeredOn < a ? h.answer.answeredOn : a), held[0]!.answer.answeredOn);
  const way = wayOut ? ` ${wayOut}` : '';
  if (held.length === ofDay && then > date) {
    return new InputError(`the pain from ${shortDate(date)} was recorded as not settled on ${shortDate(then)}, and that answer stays.`, `A day whose pain had not settled stays a flare.${way}`);
  }
  const ids = held.map((h) => h.sessionId);
  const which = ids.length === 1 ? `session ${ids[0]} on ${shortDate(date)} is` : `sessions ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]} on ${shortDate(date)} are`;
  return new InputError(`${which} recorded as not settled (answered on ${shortDate(then)}), and that answer stays.`, `A session whose pain had not settled stays a flare.${way}`);
}

/** `checkin` in log's JSON: the latest session answered for (as before), and all of them. */
export function nextDayJson(a: NextDayAnswer | null) {
  return (
    a && {
      session_id: a.sessionIds[a.sessionIds.length - 1] ?? null,
      session_ids: a.sessionIds,
      date: a.date,
      settled: a.settled,
      // T5: the advice for the hold that "not settled" opened (null for "settled").
      triage: triageJson(a.decision?.result ?? null),
    }
  );
}

/** `day_answer` in log's and edit's JSON: the answer a session added to an answered day took. */
export function takenAnswerJson(a: TakenAnswer | null) {
  return a && { date: a.date, settled: a.settled, answered_on: a.answeredOn };
}

/** F2, asked in the person's words about the whole day. */
export function nextDayQuestion(day: PendingDay): string {
  const what = [...new Set(day.sessions.map((s) => s.activity))].join(' and ');
  return `Has the pain from your ${what} on ${shortDate(day.date)} settled back to its usual level?`;
}
