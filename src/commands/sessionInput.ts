import { guessActivity } from '../core/activityDefaults.js';
import { InputError } from '../core/errors.js';
import {
  checkDose, parseActivityName, parseCategory, parseDose, parseNote, parseScale, parseSessionDate, parseSymptoms, parseUnit, printable, writtenAsDose,
  type ParsedDose,
} from '../core/input.js';
import type { Activity, Category, IsoDate, Unit } from '../core/types.js';
import type { NewSession } from '../store/sessions.js';

/** The flags `log` and `edit` share, as commander hands them over (all text). */
export interface SessionFlags {
  activity?: string;
  dose?: string;
  unit?: string;
  category?: string;
  painBefore?: string;
  painAfter?: string;
  effort?: string;
  date?: string;
  symptom?: string[];
  flare?: boolean;
  note?: string;
  json?: boolean;
}

export interface ParsedFlags {
  activity?: string;
  dose?: ParsedDose;
  unit?: Unit;
  category?: Category;
  painBefore?: number;
  painAfter?: number;
  effort?: number;
  date?: IsoDate;
  symptoms?: string[];
  flare?: boolean;
  note?: string | null;
}

/** Checks every flag that was given; the first bad one is reported by name. */
export function parseSessionFlags(f: SessionFlags, today: IsoDate): ParsedFlags {
  const p: ParsedFlags = {};
  if (f.activity !== undefined) p.activity = parseActivityName(f.activity);
  if (f.dose !== undefined) p.dose = parseDose(f.dose);
  if (f.unit !== undefined) p.unit = parseUnit(f.unit);
  if (f.category !== undefined) p.category = parseCategory(f.category);
  if (f.painBefore !== undefined) p.painBefore = parseScale(f.painBefore, '--pain-before');
  if (f.painAfter !== undefined) p.painAfter = parseScale(f.painAfter, '--pain-after');
  if (f.effort !== undefined) p.effort = parseScale(f.effort, '--effort');
  if (f.date !== undefined) p.date = parseSessionDate(f.date, today);
  if (f.symptom !== undefined) p.symptoms = parseSymptoms(f.symptom);
  if (f.flare !== undefined) p.flare = f.flare;
  if (f.note !== undefined) p.note = parseNote(f.note);
  return p;
}

export const KEEPS_CATEGORY = 'An activity keeps the category it was first logged with; pace edit can change it only while it has one session.';

/**
 * An activity keeps the unit and category it was first logged with (cli.md). For a new one
 * they come from the flags, the dose's suffix, or a sensible guess from its name. `recategorize`:
 * the session being edited is the activity's only one, so its first log can still be corrected.
 */
export function settleActivity(name: string, known: Activity | undefined, p: ParsedFlags, recategorize = false): Activity {
  const given = p.unit ?? p.dose?.unit ?? undefined;
  if (p.unit && p.dose?.unit && p.unit !== p.dose.unit) {
    throw new InputError(`--unit ${p.unit} and the dose's unit ${p.dose.unit} disagree.`, 'Give the unit once.');
  }
  if (known) {
    if (given && given !== known.unit) {
      throw new InputError(`${name} is recorded in ${known.unit}, not ${given}.`, `Give the dose in ${known.unit}, or use a new activity name for another unit.`);
    }
    if (p.category && p.category !== known.category) {
      if (recategorize) return { ...known, category: p.category };
      throw new InputError(`${name} is already in the ${known.category} category.`, KEEPS_CATEGORY);
    }
    return known;
  }
  const guess = guessActivity(name);
  return { name, unit: given ?? guess.unit, category: p.category ?? guess.category };
}

/** A dose against its activity's unit: the same refusals at the dose question as for --dose. */
export function checkDoseFor(dose: ParsedDose, activity: Activity): number {
  if (dose.unit && dose.unit !== activity.unit) {
    throw new InputError(`${activity.name} is recorded in ${activity.unit}, not ${dose.unit}.`, `Give the dose in ${activity.unit}.`);
  }
  return checkDose(dose.amount, activity.unit);
}

/**
 * `recorded`: the dose already in the journal, which an edit without a new dose keeps as it is. It
 * is not checked again: a dose saved before a bound it now passes (MAX_DOSE) must not stand in the
 * way of changing a pain or a note; a new dose given for it is checked.
 */
export function buildSession(p: ParsedFlags & { activity: string; dose: ParsedDose }, activity: Activity, today: IsoDate, recorded?: number): NewSession {
  return {
    date: p.date ?? today,
    activity: activity.name,
    unit: activity.unit,
    category: activity.category,
    dose: recorded ?? checkDose(p.dose.amount, activity.unit),
    painBefore: p.painBefore ?? null,
    painAfter: p.painAfter ?? null,
    effort: p.effort ?? null,
    flare: p.flare ?? false,
    symptoms: p.symptoms ?? [],
    note: p.note ?? null,
  };
}

const UNIT_WORDS: Record<Unit, string> = { min: 'minutes', reps: 'reps', m: 'metres', steps: 'steps' };

/**
 * The dose question's answer. A blank or mistyped answer ("1o") is told what to type, in the unit
 * the question names: `--dose`'s own words ('"" is not a positive number', '"o" is not a unit pace
 * knows') were written for a flag and left a person at the question with no next step. 0 keeps
 * "must be more than 0", and 1,500 "could be 1500 or 1.5", which say it.
 */
export function parseDoseAnswer(text: string, unit: Unit): ParsedDose {
  try {
    return parseDose(text);
  } catch (e) {
    // A number refused for its value (0, or 1,500: fifteen hundred or one and a half) keeps the
    // words that say why; only an answer that is no amount ("0:30", "-5", "1o") is told what to type.
    if (!(e instanceof InputError) || writtenAsDose(text)) throw e;
    const typed = text.trim();
    const what = `a number of ${UNIT_WORDS[unit]}, for example 10.`;
    throw new InputError(typed === '' ? `Type how much you did: ${what}` : `"${printable(typed)}" is not an amount: type ${what}`);
  }
}
