import { addDays } from '../core/dates.js';
import { InputError } from '../core/errors.js';
import { parseActivityName, parseDose, parseNote, parseScale, parseYesNo } from '../core/input.js';
import { isFlareSession } from '../core/coach/flares.js';
import { highestClass } from '../core/symptoms.js';
import { saysPaused } from '../core/triage.js';
import type { Activity, Unit } from '../core/types.js';
import { CATEGORIES, UNITS } from '../core/types.js';
import { activityNamesInUse, findActivity } from '../store/activities.js';
import { forWriting, openJournal, readTransaction, write, type Journal } from '../store/open.js';
import { refuseIfDamaged } from '../store/soundness.js';
import { getSession, insertSession, lastSessionBefore, twinsOf } from '../store/sessions.js';
import { askOptional, askSymptoms, validator } from './ask.js';
import { note, print, printJson, type Context } from './context.js';
import { PEM_QUESTION, claimFirstUse, firstUseNotice, showNotice } from './firstUse.js';
import { getSetting, setPem } from '../store/settings.js';
import { holdJson, sessionJson, triageJson } from './json.js';
import { adviseOnStderr } from './jsonAdvice.js';
import { logPlanFeedback, logPlanJson, logPlanLines, logPlanWarnings, logResponse, responseJson } from './logPlan.js';
import { answerNextDay, nextDayJson, nextDayQuestion, pendingDay, refuseSettledWithoutPending, takenAnswerJson } from './nextDay.js';
import { takeDayAnswer } from '../store/checkins.js';
import { calendarNote } from './calendarNote.js';
import { askToday, lastNight, todayOffer } from './logToday.js';
import { openHoldOf, triageAndHold } from './safety.js';
import { noteWeekOneMoved, weekOneBefore } from './weekOne.js';
import { settledOnly } from './settledOnly.js';
import { nearestName } from '../core/names.js';
import { buildSession, checkDoseFor, parseDoseAnswer, parseSessionFlags, settleActivity, type ParsedFlags, type SessionFlags } from './sessionInput.js';

/** The unit question's choices in words: "m" beside "min" read as minutes. */
const UNIT_CHOICE: Record<Unit, string> = { min: 'minutes (min)', reps: 'reps', m: 'metres (m)', steps: 'steps' };

/** How recently the same session of the same day must have been logged to be named (twinsOf). */
const TWIN_MINUTES = 30;

export interface LogFlags extends SessionFlags {
  settled?: string;
}

/** `pace log [activity] [dose]`: records one session, asking for what is missing when a person runs it. */
export async function log(args: string[], flags: LogFlags, ctx: Context): Promise<number> {
  // A third word is refused before this runs (extraLogWords, in program.ts's preAction hook).
  const [argActivity, argDose] = args;
  if (argActivity !== undefined && flags.activity !== undefined) throw new InputError('the activity was given twice (as a word and as --activity).');
  if (argDose !== undefined && flags.dose !== undefined) throw new InputError('the dose was given twice (as a word and as --dose).');

  const p = parseSessionFlags({ ...flags, activity: flags.activity ?? argActivity, dose: flags.dose ?? argDose }, ctx.today);
  let settled = flags.settled !== undefined ? parseYesNo(flags.settled, '--settled') : undefined;

  let journal: Journal = openJournal(ctx.dbPath, { write: false });
  try {
    const db = journal.db;
    // A write: a damaged journal is refused as every write refuses it, before the reads below (one
    // that meets the damage first would say less: not that nothing was written), as edit does. At
    // a terminal it was said before this, with "no question was asked" (cannotSaveError).
    if (journal.path !== null && !ctx.interactive) refuseIfDamaged(db);
    // What the flags need, read in one go before any question is asked (a read held open while a
    // person answers would hold up every other pace that wants to write).
    const { pending, pemUnset, known, weekOne } = readTransaction(db, () => ({
      // F2: the next-day check is about a session from yesterday or the day before.
      pending: pendingDay(db, ctx.today),
      pemUnset: getSetting(db, 'pem') === undefined,
      known: p.activity === undefined ? undefined : findActivity(db, p.activity),
      weekOne: weekOneBefore(db),
    }));
    refuseSettledWithoutPending(db, ctx.today, settled, pending);
    // F2, cli.md: --settled given alone (no activity, no dose, no other session flag) is a rest
    // day's answer: it records only that.
    if (settled !== undefined && pending && Object.keys(p).length === 0) {
      journal = forWriting(journal, ctx.dbPath);
      return await settledOnly(journal, pending, settled, pemUnset, flags.json === true, ctx);
    }

    let activity: Activity;
    // S1: asked once, on the first interactive use, before anything else.
    let pem: boolean | undefined;
    if (ctx.interactive) {
      // What the flags settle is checked before any question, as it is without a terminal: a dose
      // longer than a day is refused before the person has answered anything.
      if (p.activity !== undefined && (known || p.unit || p.dose?.unit)) {
        const early = settleActivity(p.activity, known, p);
        if (p.dose) checkDoseFor(p.dose, early);
      }
      try {
        const prompts = await ctx.prompts();
        if (pemUnset) {
          note(ctx, firstUseNotice(ctx));
          pem = await prompts.confirm(PEM_QUESTION, false);
        }
        if (pending && settled === undefined) {
          settled = await prompts.confirm(nextDayQuestion(pending), true);
        }
        activity = await askMissing(p, ctx, journal, settled !== false);
      } catch (e) {
        // T3: a warning sign ticked before the stop is said, though nothing is saved.
        // Loaded here: its words and colours (chalk) are for a person at a terminal, not every log.
        const stopped = await import('./stopUnsaved.js');
        const advised = stopped.stoppedAfterStopSign(ctx, p.symptoms, e);
        // F2: an answer "not settled" given before the stop is not kept: said, with the way to give it.
        if (stopped.stoppedAfterUnsettled(ctx, pending, settled, e, advised) || advised) return 130;
        throw e;
      }
    } else {
      if (p.activity === undefined) throw new InputError('the activity is missing.', 'Give it as a word or with --activity, for example: pace log walk 10');
      if (p.dose === undefined) throw new InputError('the dose is missing.', 'Give it as a word or with --dose, for example: pace log walk 10');
      activity = settleActivity(p.activity, known, p);
    }
    const input = buildSession(p as ParsedFlags & { activity: string; dose: NonNullable<ParsedFlags['dose']> }, activity, ctx.today);
    // The names before this session, for a person reading: a new one is said (and a typo named).
    // Names with a session: a typo corrected with edit leaves its name behind, which is no activity.
    const namesBefore = flags.json ? [] : activityNamesInUse(journal.db);

    journal = forWriting(journal, ctx.dbPath);
    const j = journal;
    const written = write(j.db, () => {
      const id = insertSession(j.db, input, ctx.now());
      // F2: a day answered before gives its answer to a session added to it now, before the
      // session's own triage, so its words count it a flare; the code is not triaged again.
      const taken = takeDayAnswer(j.db, id);
      // This run's next-day answer (F2) also goes before the session's own triage, so that its words
      // know the hold "not settled" opens (never "carry on" beside it); a stop sign goes first, so
      // the answer says the plan stays paused.
      const answerFirst = highestClass(input.symptoms) !== 'stop';
      const answer = () => (pending && settled !== undefined ? answerNextDay(j.db, ctx.today, pending, settled) : null);
      const early = answerFirst ? answer() : null;
      // T5: the symptoms go through the one triage that every command uses.
      const target = { sessionId: id, sessionDate: input.date, codes: input.symptoms, flare: isFlareSession(getSession(j.db, id)!) };
      const triaged = triageAndHold(j.db, ctx.today, 'log', [target]);
      const checkin = answerFirst ? early : answer();
      if (pem !== undefined) setPem(j.db, pem, ctx.today);
      // A command run again (the shell's history, a retried script): the same session of the same
      // day logged in the last half hour is named, so one walk does not count twice unseen.
      const twins = twinsOf(j.db, id, new Date(Date.parse(ctx.now()) - TWIN_MINUTES * 60_000).toISOString());
      return { session: getSession(j.db, id)!, result: triaged.result, checkin, taken, twins, hold: openHoldOf(j.db, ctx.today), first: claimFirstUse(j.db, ctx.today) };
    });
    const { session: saved, result, checkin, taken, twins, hold } = written;
    showNotice(ctx, written.first && pem === undefined, pemUnset && pem === undefined);
    noteWeekOneMoved(ctx, weekOne, saved.date, saved.id);

    const planned = logPlanFeedback(j, saved, ctx.today);
    const response = logResponse(saved, planned, ctx.today, checkin?.settled === false);
    const pauseSaid = saysPaused(result) || saysPaused(checkin?.decision?.result);
    if (flags.json) {
      await adviseOnStderr(ctx, [result, checkin?.decision?.result]);
      for (const line of logPlanWarnings(planned, saved, ctx.today, pauseSaid)) note(ctx, line);
      printJson(ctx, {
        session: sessionJson(saved), triage: triageJson(result), plan: logPlanJson(planned, saved, ctx.today), checkin: nextDayJson(checkin), response: responseJson(response),
        day_answer: takenAnswerJson(taken), same_as: twins, hold: holdJson(hold),
      });
    } else {
      // The words, colours and tables are loaded only for a person reading them, not for --json.
      const { firstSessionLines, heldLines, logLines, newActivityLines, otherCategoryLines, twinLines } = await import('../ui/logView.js');
      // T2: an assess hold open once the session is saved, which its own advice did not speak to:
      // any symptom's advice names the hold (triage.ts), as does a "not settled" answer, and only
      // they open one in a log, so a hold unspoken here was open before it.
      const spoken = result !== null || checkin?.settled === false;
      const held = hold?.kind === 'assess' && !spoken ? heldLines(hold) : [];
      print(ctx, [...logLines(ctx.color, saved, result, checkin, response, taken), ...held, ...(result?.class === 'stop' ? [] : twinLines(saved, twins, TWIN_MINUTES)), ...logPlanLines(planned, saved, ctx.today, pauseSaid), ...newActivityLines(saved, namesBefore), ...otherCategoryLines(saved, !namesBefore.includes(saved.activity) && p.category === undefined), ...(ctx.interactive && namesBefore.length === 0 && result?.class !== 'stop' ? firstSessionLines(saved) : []), ...(await calendarNote(j, ctx.today))]);
      // W2, M2: the weekly check-in and goal re-ratings, offered once the session is saved; not
      // under STOP NOW (T3), where a routine question would push the advice off the screen. The
      // check-in stays due, and the next log offers it. Nor after the safety question (S1): the
      // first log of a journal asks that one, whatever day its session is dated.
      if (ctx.interactive && result?.class !== 'stop') return await (await import('./logOutcomes.js')).offerOutcomes(ctx, j, pem === undefined);
    }
    return 0;
  } finally {
    journal.close();
  }
}

/** The interactive flow: asks only for what the flags did not give. */
async function askMissing(p: ParsedFlags, ctx: Context, journal: Journal, offerPlanned: boolean): Promise<Activity> {
  const ask = await ctx.prompts();
  const db = journal.db;
  // D1: with no activity given for today, today's planned session comes first; not after "not
  // settled" (F2), whose hold and advice to ease off come before a full session one Enter away.
  if (offerPlanned && p.activity === undefined && (p.date === undefined || p.date === ctx.today)) {
    // After midnight, before 5:00, yesterday's planned session still to do comes first (a night
    // shift's walk at 23:00 logged at 00:30); yes dates the session yesterday.
    const night = p.date === undefined ? lastNight(ctx) : null;
    const late = night ? todayOffer(journal, night) : null;
    if (night && late) await askToday(ask, late, p, night);
    const offer = p.activity === undefined ? todayOffer(journal, ctx.today) : null;
    if (offer) await askToday(ask, offer, p);
  }
  if (p.activity === undefined) {
    const last = lastSessionBefore(db, addDays(ctx.today, 1))?.activity;
    p.activity = parseActivityName(
      await ask.text(activityQuestion(activityNamesInUse(db), last), {
        ...(last ? { default: last } : {}),
        validate: validator(parseActivityName),
      }),
    );
  }
  // T3: a warning sign, given or ticked, ends the questions: STOP NOW comes next, not optional
  // questions (a new activity's unit and kind, effort, a flare mark F1 already gives, a note)
  // between chest pain and "call emergency services now". What was not asked stays missing, or
  // takes the guess --no-input takes, and can be changed with edit.
  const stop = () => p.symptoms !== undefined && highestClass(p.symptoms) === 'stop';
  let known = findActivity(db, p.activity);
  // A typo of a known name ("wlak") would start a new activity with a plan of its own: asked
  // before the new activity's questions, with the known name as the answer Enter gives.
  // A name left with no session (a typo whose sessions were moved with edit) is such a typo again.
  const inUse = activityNamesInUse(db);
  const near = (!known || !inUse.includes(p.activity)) && !stop() ? nearestName(p.activity, inUse) : undefined;
  // A unit given that is not the near activity's ("wall 12reps" beside walk in min) is another activity.
  const given = p.unit ?? p.dose?.unit ?? undefined;
  const meant = near !== undefined && (given === undefined || findActivity(db, near)?.unit === given) ? near : undefined;
  if (meant && (await ask.confirm(`${p.activity} is not in your journal yet. Did you mean ${meant}?`, true))) {
    p.activity = meant;
    known = findActivity(db, meant);
  }
  if (!known && !stop()) {
    const draft = settleActivity(p.activity, undefined, p);
    if (p.unit === undefined && p.dose?.unit == null) {
      p.unit = await ask.select(`How do you measure ${p.activity}?`, UNITS.map((u) => ({ name: UNIT_CHOICE[u], value: u })), draft.unit);
    }
    if (p.category === undefined) {
      p.category = await ask.select(`What kind of activity is ${p.activity}?`, CATEGORIES.map((c) => ({ name: c, value: c })), draft.category);
    }
  }
  // The dose question refuses what --dose refuses (a day's length, half a rep, another unit), so
  // the answers after it are not lost to a refusal at the end. A new activity whose unit was not
  // asked (T3) takes the unit its dose is written in, as with --no-input: it is recorded in nothing
  // yet, and "rowing is recorded in min, not m" stood between a warning sign and STOP NOW.
  const name = p.activity;
  const settle = (dose = p.dose) => settleActivity(name, known, { ...p, dose });
  if (p.dose === undefined) {
    const draft = settle();
    const unitFollowsDose = !known && p.unit === undefined;
    p.dose = parseDose(
      await ask.text(`How much (${draft.unit})?`, {
        validate: validator((t) => {
          const dose = parseDoseAnswer(t, draft.unit);
          return checkDoseFor(dose, unitFollowsDose ? settle(dose) : draft);
        }),
      }),
    );
  }
  const activity = settle();
  checkDoseFor(p.dose, activity);
  const scale = (flag: string) => (t: string) => parseScale(t, flag);
  if (stop()) return activity;
  if (p.painBefore === undefined) setIf(p, 'painBefore', await askOptional(ask, `Pain before: ${PAIN_ENDS}`, scale('pain before')));
  if (p.painAfter === undefined) setIf(p, 'painAfter', await askOptional(ask, `Pain after: ${PAIN_ENDS}`, scale('pain after')));
  // T4: the checklist comes straight after pain-after, while the session is fresh in mind.
  if (p.symptoms === undefined) p.symptoms = await askSymptoms(ask);
  if (stop()) return activity;
  if (p.effort === undefined) setIf(p, 'effort', await askOptional(ask, 'Effort: 0 = resting, 10 = the hardest you could do', scale('effort')));
  // F1: a pain rise of 3 or a sign to have checked already makes it a flare; the question would be moot.
  const flareWithoutMark = isFlareSession({ flare: false, painBefore: p.painBefore ?? null, painAfter: p.painAfter ?? null, symptoms: p.symptoms });
  if (p.flare === undefined && !flareWithoutMark) p.flare = await ask.confirm('Does this feel like a flare?', false);
  // The note's question refuses what --note refuses (E3's plain text, its length).
  if (p.note === undefined) p.note = await askOptional(ask, 'A private note', (t) => parseNote(t, 'The note'));
  return activity;
}

/**
 * The activity question. The last activity is its default, which inquirer shows after it: listed
 * in the question as well, a person with one activity read "Activity (walk) (walk)".
 */
function activityQuestion(known: readonly string[], last: string | undefined): string {
  if (known.length === 0) return 'Activity (for example walk, bike, stretching)';
  const others = known.filter((name) => name !== last);
  if (others.length === 0) return 'Activity';
  const listed = `${others.slice(0, 6).join(', ')}${others.length > 6 ? ', ...' : ''}`;
  return last === undefined ? `Activity (${listed})` : `Activity (others: ${listed})`;
}

/** The 0-10 pain scale's ends, in the words of the model's numeric rating (0 none, 10 worst imaginable). */
const PAIN_ENDS = '0 = none, 10 = worst imaginable';

function setIf(p: ParsedFlags, key: 'painBefore' | 'painAfter' | 'effort', value: number | null): void {
  if (value !== null) p[key] = value;
}
