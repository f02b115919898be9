import { PAIN_OVER_24H } from './symptoms.js';
import type { IsoDate } from './types.js';

/** F2: one answer to the next-day check, as a session holds it. */
export interface DayAnswer {
  settled: boolean;
  /** The day the person answered (the `checkins` row's day). */
  answeredOn: IsoDate;
}

/** F2: the answer a session arriving on an answered day took, with that day. */
export interface TakenAnswer extends DayAnswer {
  date: IsoDate;
}

/**
 * F2: the answer a day has, from the answers its sessions hold: "not settled" when any of them
 * says so (the pain is the person's, not an activity's, and a flare is never taken back by a later
 * row), else "settled" when any is answered, else none. The earliest answer of that kind is the one.
 */
export function answerOfDay(answers: readonly DayAnswer[]): DayAnswer | null {
  const notSettled = answers.filter((a) => !a.settled);
  const pool = notSettled.length ? notSettled : answers;
  return pool.reduce<DayAnswer | null>((first, a) => (first === null || a.answeredOn < first.answeredOn ? a : first), null);
}

/**
 * F2: the answer a session arriving on a day (by log, edit or import) takes from that day, or null
 * when nothing changes. A day with no answer gives none. A session that already says "not settled"
 * (its own answer, or `pain-over-24h` among its symptoms) keeps it: F1 never loses a flare that
 * way. Otherwise it takes the day's answer, so a session first answered "settled" and moved onto
 * a day whose pain had not settled becomes one of that day's flares.
 */
export function answerOnArrival(day: DayAnswer | null, own: boolean | null, symptoms: readonly string[]): DayAnswer | null {
  if (day === null) return null;
  const alreadyNotSettled = own === false || symptoms.includes(PAIN_OVER_24H);
  if (alreadyNotSettled) return own === null && !day.settled ? day : null;
  if (own === day.settled) return null;
  return day;
}

/**
 * F2: a session as it stands once it is on its day: on a day whose pain had not settled it has
 * `pain-over-24h` (answerOnArrival, for a session with no answer of its own). Import compares a
 * file's row in this form, so a row exported before the next day's answer is still its session.
 */
export function asOnItsDay<T extends { date: IsoDate; symptoms: string[] }>(s: T, notSettledDays: ReadonlySet<string>): T {
  return notSettledDays.has(s.date) && !s.symptoms.includes(PAIN_OVER_24H) ? { ...s, symptoms: [...s.symptoms, PAIN_OVER_24H] } : s;
}

/** F2, `edit --settled`: what an answer given later does to a day (`laterAnswerFor`). */
export type LaterOutcome =
  | { kind: 'answer' }
  | { kind: 'already'; answer: DayAnswer }
  | { kind: 'refused'; notSettled: { sessionId: number; answer: DayAnswer }[] };

/**
 * F2, F1: an answer for a day given later (`edit --settled`), from the answers its sessions hold
 * now. A day is "already" answered so only when every one of its sessions holds that answer: a
 * session moved onto it keeps its own (`takeDayAnswer`), which was about the day it left, so one
 * "not settled" does not answer the others. "Settled" is refused while any session holds "not
 * settled", which stays (F1 never loses a flare). Otherwise the answer is recorded.
 */
export function laterAnswerFor(sessionIds: readonly number[], answers: ReadonlyMap<number, DayAnswer>, settled: boolean): LaterOutcome {
  const held = sessionIds.map((sessionId) => ({ sessionId, answer: answers.get(sessionId) }));
  if (settled) {
    const notSettled = held.filter((h): h is { sessionId: number; answer: DayAnswer } => h.answer !== undefined && !h.answer.settled);
    if (notSettled.length > 0) return { kind: 'refused', notSettled };
  }
  const same = held.map((h) => h.answer).filter((a): a is DayAnswer => a !== undefined && a.settled === settled);
  const answer = same.length === held.length ? answerOfDay(same) : null;
  return answer === null ? { kind: 'answer' } : { kind: 'already', answer };
}
