import { forgetReplacedPages, write } from '../store/open.js';
import { findActivity, sessionCountOf, setActivityCategory } from '../store/activities.js';
import { answeredNotSettled, takeDayAnswer } from '../store/checkins.js';
import { answerDayLater, nextDayJson, takenAnswerJson, type LaterAnswer } from './nextDay.js';
import { getSession, updateSession } from '../store/sessions.js';
import { isFlareSession } from '../core/coach/flares.js';
import { adviceFirst, sessionSummary, triageLines } from '../ui/render.js';
import { nextDayLines, responseLines, takenAnswerLines } from '../ui/logView.js';
import { makeStyle } from '../ui/style.js';
import { note, print, printJson, withJournal, type Context } from './context.js';
import { holdJson, sessionJson, triageJson } from './json.js';
import { adviseOnStderr } from './jsonAdvice.js';
import { boomJson, boomLine, logPlanFeedback, logResponse, responseJson } from './logPlan.js';
import { openHoldOf, triageAndHold } from './safety.js';
import { noteWeekOneLater, noteWeekOneMoved, weekOneBefore } from './weekOne.js';
import { sessionById } from './sessionId.js';
import { refuseIfDamaged } from '../store/soundness.js';
import { calendarNote } from './calendarNote.js';
import { buildSession, KEEPS_CATEGORY, parseSessionFlags, settleActivity, type SessionFlags } from './sessionInput.js';
import { InputError } from '../core/errors.js';
import { parseYesNo } from '../core/input.js';
import { typedName } from '../core/names.js';
import { isWarningCode, PAIN_OVER_24H } from '../core/symptoms.js';
import { countsTowardAim, type Session } from '../core/types.js';
import { holdStaysLines, holdWayOut } from '../ui/holdStays.js';
import { shortDate } from '../core/dates.js';
import type { IsoDate } from '../core/types.js';
import type { Style } from '../ui/style.js';
import type { Db, Journal } from '../store/open.js';

export interface EditFlags extends SessionFlags {
  settled?: string;
  /** false with --no-symptoms: every symptom the person gave is taken back. */
  symptoms?: boolean;
}

/** `pace edit <id>`: changes only the fields whose flags were given. */
export async function edit(args: string[], flags: EditFlags, ctx: Context): Promise<number> {
  const p = parseSessionFlags(flags, ctx.today);
  if (flags.symptoms === false) {
    if (flags.symptom !== undefined) throw new InputError('--no-symptoms and --symptom were both given.', 'Use --no-symptoms to take back every symptom, or --symptom to replace them.');
    // A sign ticked by mistake: --symptom replaces the symptoms but cannot give none.
    p.symptoms = [];
  }
  const settled = flags.settled !== undefined ? parseYesNo(flags.settled, '--settled') : undefined;
  const changed = Object.keys(p).length > 0;
  if (!changed && settled === undefined) {
    // The session asked about, when its id is a plain number; the dose first, the usual mistake.
    const id = /^\d{1,9}$/.test(args[0] ?? '') ? args[0] : '12';
    throw new InputError('nothing to change.', `Give what to change, for example: pace edit ${id} --dose 11 or pace edit ${id} --pain-after 4 (pace edit --help lists them all).`);
  }
  return withJournal(ctx, false, async (j) => {
    // A write: a damaged journal is refused as every write refuses it, before the session is read
    // (a read that meets the damage first would say less: not that nothing was written).
    refuseIfDamaged(j.db);
    const old = sessionById(j.db, args[0]);
    // F2: the next-day check is about the day after the session (the day it moves to, with --date).
    if (settled !== undefined && (p.date ?? old.date) >= ctx.today) {
      throw new InputError(`--settled is about the day after a session, and session ${old.id} ${p.date === undefined ? 'is from' : 'would be on'} today.`, `Answer it from tomorrow: pace edit ${old.id} --settled yes (or no)`);
    }
    if (!changed) return answerOnly(j, old, settled!, flags.json === true, ctx);
    const { name, activity, recategorized, next } = editedSession(j.db, old, p, ctx.today);
    // T5: symptoms that the edit adds are triaged like those given to log: advice, hold or pause.
    const added = next.symptoms.filter((c) => !old.symptoms.includes(c));
    forgetReplacedPages(j.db);
    const { saved, result, weekOne, hold, taken, later } = write(j.db, () => {
      const weekOne = weekOneBefore(j.db);
      if (recategorized) {
        // Counted again under the write lock: another pace may have logged a second session since.
        if (sessionCountOf(j.db, recategorized.id) !== 1) throw new InputError(`${name} is already in the ${recategorized.category} category.`, KEEPS_CATEGORY);
        setActivityCategory(j.db, recategorized.id, activity.category);
      }
      updateSession(j.db, old.id, next);
      // F2: moved onto a day already answered, the session takes that day's answer (a "not
      // settled" of its own stays); the answer of the day it leaves stays with the days' other sessions.
      const taken = next.date !== old.date ? takeDayAnswer(j.db, old.id) : null;
      // F2: an answer given with the edit, for the day the session is now on, before its own triage.
      const later = settled === undefined ? null : answerDayLater(j.db, ctx.today, next.date, settled, wayOutOf(j.db, ctx.today));
      const target = { sessionId: old.id, sessionDate: next.date, codes: added, flare: isFlareSession(getSession(j.db, old.id)!) };
      const result = triageAndHold(j.db, ctx.today, 'edit', [target]).result;
      // T2, T3: removing or moving a sign leaves its triage record, and the hold, as they were.
      return { saved: getSession(j.db, old.id)!, result, weekOne, hold: openHoldOf(j.db, ctx.today), taken, later };
    });
    noteWeekOneMoved(ctx, weekOne, saved.date, saved.id);
    noteWeekOneLater(ctx, weekOne, weekOneBefore(j.db));
    // F1, F3, F4: an edit that changes how the body took the session says so as log does.
    const unsettled = later !== null && later.already === null && !later.answer.settled;
    const judged = p.painBefore !== undefined || p.painAfter !== undefined || p.flare !== undefined || p.symptoms !== undefined || taken?.settled === false || unsettled;
    // B1, B3: and one that changes how much was done, on which day, names a big day it makes.
    const moved = p.dose !== undefined || p.date !== undefined || p.activity !== undefined;
    const planned = judged || moved ? logPlanFeedback(j, saved, ctx.today) : null;
    const response = judged ? logResponse(saved, planned, ctx.today, unsettled) : null;
    const boom = moved ? (planned?.boom ?? null) : null;
    // T2, T3: an edit of a session with a warning sign, or one that words how the body took it,
    // says that the hold or pause stays, unless the advice for a sign it added said so already.
    // Nor after a "not settled" given with it, whose own words name the hold.
    const staysSaid = hold && !result && !unsettled && (old.symptoms.some(isWarningCode) || response) ? holdStaysLines(hold, 'changing') : [];
    if (flags.json) {
      await adviseOnStderr(ctx, [result, later?.answer.decision?.result]);
      // B3: the big day an edit makes is named as log names it.
      if (boom) note(ctx, boomLine(boom, saved, ctx.today));
      printJson(ctx, { session: sessionJson(saved), triage: triageJson(result), response: response && responseJson(response), boom: boomJson(boom, saved, ctx.today), hold: holdJson(hold), day_answer: takenAnswerJson(taken), checkin: later && nextDayJson(later.answer) });
    } else {
      const style = makeStyle(ctx.color, ctx.stdout.columns, ctx.plain);
      // F1: log does not ask about a flare its pain or signs already made; an edit that takes those
      // away leaves no mark of the person's own, so it says how to keep one.
      const unflared = p.flare === undefined && isFlareSession(old) && !isFlareSession(saved) ? [`It no longer counts as a flare. If it felt like one, mark it: pace edit ${saved.id} --flare`] : [];
      const newCategory = recategorized ? [categoryLine(saved, recategorized)] : [];
      const body = [`Updated session ${saved.id}: ${sessionSummary(saved)}.`, ...newCategory, ...takenAnswerLines(taken), ...laterLines(style, later), ...(response ? responseLines(style, response) : []), ...unflared, ...(boom ? [boomLine(boom, saved, ctx.today)] : []), ...staysSaid];
      print(ctx, [...(result ? adviceFirst(result.class, triageLines(style, result), body) : body), ...(await calendarNote(j, ctx.today))]);
    }
    return 0;
  });
}

/**
 * The session as the edit leaves it: the fields given, the rest kept (a dose keeps its unit), and
 * the activity it is now of, with the one whose category the edit corrects (G3), or null.
 */
function editedSession(db: Db, old: Session, p: ReturnType<typeof parseSessionFlags>, today: IsoDate) {
  const name = p.activity ?? old.activity;
  const known = findActivity(db, name);
  // Without a new dose, the old one keeps its unit: moved to another activity, 800 m must not
  // become 800 min, and a new activity takes the unit the dose was given in.
  if (!p.dose && name !== old.activity) {
    const unit = known?.unit ?? p.unit ?? old.unit;
    if (unit !== old.unit) {
      throw new InputError(`session ${old.id} is ${old.dose} ${old.unit}, and ${name} is recorded in ${unit}.`, `Give its dose in ${unit} as well: pace edit ${old.id} --activity ${typedName(name)} --dose <amount>`);
    }
  }
  // G3: the category of an activity whose only session this is can still be corrected (a name
  // pace could not place, logged as "other"); with more sessions it stays as first logged.
  const onlySession = known !== undefined && name === old.activity && sessionCountOf(db, known.id) === 1;
  const activity = settleActivity(
    name,
    known,
    {
      ...p,
      // A new dose without a unit keeps the unit the activity has.
      ...(p.dose ? {} : { dose: { amount: old.dose, unit: name === old.activity ? null : old.unit } }),
    },
    onlySession,
  );
  const recategorized = known !== undefined && activity.category !== known.category ? known : null;
  const next = buildSession(
    {
      date: p.date ?? old.date,
      painBefore: p.painBefore ?? old.painBefore ?? undefined,
      painAfter: p.painAfter ?? old.painAfter ?? undefined,
      effort: p.effort ?? old.effort ?? undefined,
      flare: p.flare ?? old.flare,
      symptoms: p.symptoms ? withNextDay(p.symptoms, answeredNotSettled(db, old.id)) : old.symptoms,
      note: p.note !== undefined ? p.note : old.note,
      activity: name,
      dose: p.dose ?? { amount: old.dose, unit: null },
    },
    activity,
    today,
    p.dose ? undefined : old.dose,
  );
  return { name, activity, recategorized, next };
}

/** F2: `pace edit <id> --settled` alone: the answer for the session's day, and nothing else changed. */
async function answerOnly(j: Journal, old: Session, settled: boolean, json: boolean, ctx: Context): Promise<number> {
  const { later, hold } = write(j.db, () => ({ later: answerDayLater(j.db, ctx.today, old.date, settled, wayOutOf(j.db, ctx.today)), hold: openHoldOf(j.db, ctx.today) }));
  if (json) {
    const saved = getSession(j.db, old.id)!;
    await adviseOnStderr(ctx, [later.answer.decision?.result]);
    // As `log --settled no` alone: the answer's triage is the command's.
    printJson(ctx, { session: sessionJson(saved), triage: triageJson(later.answer.decision?.result ?? null), response: null, boom: null, hold: holdJson(hold), day_answer: null, checkin: nextDayJson(later.answer) });
  } else print(ctx, [...laterLines(makeStyle(ctx.color, ctx.stdout.columns, ctx.plain), later), ...(await calendarNote(j, ctx.today))]);
  return 0;
}

/** F2: what an answer given with `edit` did: the answer's own words, or that the day had it. */
function laterLines(style: Style, later: LaterAnswer | null): string[] {
  if (later === null) return [];
  if (later.already === null) return nextDayLines(style, later.answer);
  const { activities, date, settled } = later.answer;
  return [`The pain from your ${activities.join(' and ')} on ${shortDate(date)} was already recorded as ${settled ? 'settled' : 'not settled'}, on ${shortDate(later.already)}.`];
}

/** T2, T3: the way out of a hold or pause open today, for a refusal that mentions it; null with none. */
function wayOutOf(db: Db, today: IsoDate): string | null {
  const hold = openHoldOf(db, today);
  return hold === null ? null : holdWayOut(hold);
}

/**
 * F1/F2: the symptoms an edit gives replace the person's own, not the next-day check's answer: a
 * session whose pain had not settled keeps `pain-over-24h`, and so stays a flare.
 */
function withNextDay(symptoms: string[], notSettled: boolean): string[] {
  return notSettled && !symptoms.includes(PAIN_OVER_24H) ? [...symptoms, PAIN_OVER_24H] : symptoms;
}

/** G3: a corrected category, and what it changes for the weekly aim when that changes. */
function categoryLine(s: Session, was: Pick<Session, 'unit' | 'category'>): string {
  const counts = countsTowardAim(s);
  const aim = counts === countsTowardAim(was) ? '' : counts ? ': its minutes count toward your weekly aim' : ': its minutes no longer count toward your weekly aim';
  return `${s.activity} is now in the category ${s.category}${aim}.`;
}
