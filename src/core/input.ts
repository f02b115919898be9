import { addDays, misformedDate, parseIsoDate, shortDateYear } from './dates.js';
import { InputError } from './errors.js';
import { SYMPTOM_CODES, isSymptomCode } from './symptoms.js';
import { CATEGORIES, UNITS, type Category, type IsoDate, type Unit } from './types.js';

// Parsing and checking of what a person types. Each function names the flag it is checking,
// so one error line tells them exactly what to change.

/** A session longer than a day is refused (cli.md, `log`). */
export const MAX_MINUTES = 1440;

/**
 * The most one session can be, in each unit: past it, the dose is a slip (200 typed 2000), not a
 * session. Far past what anyone returning to exercise does, so only slips are caught; a slip left
 * in would drive the plan's baseline and growth (Q1, Q2) and the boom reference (B1) for weeks.
 * The figures and their reasons are in docs/decisions.md.
 */
export const MAX_DOSE: Readonly<Record<Unit, number>> = { min: MAX_MINUTES, reps: 1000, m: 100_000, steps: 100_000 };
export const MAX_NAME_LENGTH = 40;
export const MAX_NOTE_LENGTH = 2000;

// Control characters (Unicode's Cc: U+0000-U+001F and U+007F-U+009F), spelt out: a \p{Cc} class
// costs every run a fraction of a millisecond to build.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
// Characters that change how text around them is shown, or show nothing at all: Unicode's format
// characters (Cf: bidirectional overrides, zero-width spaces and joiners, the byte-order mark, tag
// characters), the invisible fillers and joiners of other classes, and halves of a broken
// surrogate pair. Spelt out for the same reason as CONTROL; test/core/input.test.ts checks the
// list against \p{Cf} of the running Node.
const INVISIBLE =
  /[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u2800\u3164\ufeff\uffa0\ufff9-\ufffb\u{110bd}\u{110cd}\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0001}\u{e0020}-\u{e007f}\ud800-\udfff]/u;
const INVISIBLES = new RegExp(INVISIBLE.source, 'gu');

/** Whitespace controls that a name or a goal folds into one space. */
export const FOLDED_SPACES = '\t\n\v\f\r';

/**
 * Issue 17 item 13: text that pace shows back (activity names, goals, notes) is plain. Says what
 * is wrong with it, or null: invisible or text-direction characters (a name that looks like
 * another, `wa\u200blk` shown as "walk", or text turned around), then control characters (an
 * escape sequence reaching the terminal). `keep` names the controls the caller keeps or folds.
 * Check the text as typed, before trimming or folding: \s counts the byte-order mark as a space.
 */
export function plainTextProblem(text: string, keep = ''): 'invisible' | 'control' | null {
  if (INVISIBLE.test(text)) return 'invisible';
  const rest = keep === '' ? text : [...text].filter((c) => !keep.includes(c)).join('');
  return CONTROL.test(rest) ? 'control' : null;
}

/** Activity names are case-insensitive and trimmed: stored in lower case. */
export function parseActivityName(raw: string): string {
  // NFC: "vélo" typed with a combining accent (as macOS keyboards and copied text often give it)
  // is the same activity as "vélo" typed with one character.
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (name === '') throw new InputError('--activity is empty.', 'Name the activity, for example: walk');
  if (name.length > MAX_NAME_LENGTH) {
    throw new InputError(`--activity is longer than ${MAX_NAME_LENGTH} characters.`, 'Use a shorter name.');
  }
  const problem = plainTextProblem(raw, FOLDED_SPACES);
  if (problem === 'invisible') {
    throw new InputError(`--activity "${printable(name)}" contains invisible or text-direction characters (shown as ?).`, 'Type the name again with letters, digits, spaces or dashes.');
  }
  if (problem === 'control' || name.includes('=')) {
    throw new InputError(`--activity "${printable(name)}" contains characters a name cannot have.`, 'Use letters, digits, spaces or dashes.');
  }
  return name;
}

export function parseUnit(raw: string, flag = '--unit'): Unit {
  const unit = raw.trim().toLowerCase();
  if ((UNITS as readonly string[]).includes(unit)) return unit as Unit;
  throw new InputError(`${flag} "${printable(raw)}" is not a unit pace knows.`, `Use one of: ${UNITS.join(', ')}.`);
}

export function parseCategory(raw: string, flag = '--category'): Category {
  const cat = raw.trim().toLowerCase();
  if ((CATEGORIES as readonly string[]).includes(cat)) return cat as Category;
  throw new InputError(`${flag} "${printable(raw)}" is not a category pace knows.`, `Use one of: ${CATEGORIES.join(', ')}.`);
}

export interface ParsedDose {
  amount: number;
  unit: Unit | null;
}

const DOSE = /^(\d+(?:[.,]\d+)?|[.,]\d+)\s*([a-z]*)$/i;

/**
 * An amount as people write it, on the command line or in an imported file: a decimal comma
 * (`12,5`, as German, French and most of Europe write it) is a decimal point. A mark followed by
 * exactly three digits may group thousands instead (`1,500` in English, `1.500` in German):
 * refused, naming both readings. After a 0, or with no digit before it (`0,125`), it cannot.
 */
export function decimalAmount(number: string, said: string): number {
  const m = /^([1-9]\d*)[.,](\d{3})$/.exec(number);
  if (m) {
    throw new InputError(`${said} could be ${m[1]}${m[2]} or ${m[1]}.${m[2]!.replace(/0+$/, '') || '0'}.`, 'Write it with a decimal point and no thousands separator, for example 1500 or 1.5.');
  }
  return Number(number.replace(',', '.'));
}

/** A dose is a positive number with an optional unit suffix: `10`, `10min`, `12reps`, `800m`, `12,5`. */
export function parseDose(raw: string, flag = '--dose'): ParsedDose {
  const text = raw.trim();
  const m = DOSE.exec(text);
  if (!m) {
    throw new InputError(`${flag} "${printable(raw)}" is not a positive number.`, 'Give the amount as a number, for example 10 or 10min.');
  }
  const amount = decimalAmount(m[1]!, `${flag} "${printable(text)}"`);
  const suffix = (m[2] ?? '').toLowerCase();
  if (!(amount > 0) || !Number.isFinite(amount)) {
    throw new InputError(`${flag} must be more than 0 (got ${printable(raw)}).`, 'Give the amount you did, for example 10.');
  }
  if (suffix === '') return { amount, unit: null };
  if (!(UNITS as readonly string[]).includes(suffix)) {
    throw new InputError(`${flag} "${printable(text)}": "${printable(m[2]!)}" is not a unit pace knows.`, `Use one of: ${UNITS.join(', ')}.`);
  }
  return { amount, unit: suffix as Unit };
}

/**
 * Whether `text` is written as a dose: a number, alone or with a unit pace knows. Its value may
 * still be refused (0, or 1,500, which could be either of two numbers), in words of its own.
 */
export function writtenAsDose(text: string): boolean {
  const m = DOSE.exec(text.trim());
  return m !== null && (m[2] === '' || (UNITS as readonly string[]).includes(m[2]!.toLowerCase()));
}

/** Q6: reps and steps are counted, so a dose in them is a whole number (9.5 reps is refused). */
export function requireWholeCount(amount: number, unit: Unit, flag: string): void {
  if ((unit === 'reps' || unit === 'steps') && !Number.isInteger(amount)) {
    const hint = amount < 1 ? `For example 1 ${unit === 'reps' ? 'rep' : 'step'}.` : `For example ${Math.floor(amount)} or ${Math.ceil(amount)} ${unit}.`;
    throw new InputError(`${flag} ${amount} ${unit}: ${unit} are counted in whole numbers.`, hint);
  }
}

/** How a dose past its unit's bound is said: a day's length for minutes, else too many or too far. */
const PAST_BOUND: Readonly<Record<Unit, { past: string; most: string }>> = {
  min: { past: 'is longer than a day', most: `${MAX_MINUTES} minutes` },
  reps: { past: 'is too many for one session', most: `${MAX_DOSE.reps} reps` },
  m: { past: 'is too far for one session', most: `${MAX_DOSE.m} m (${MAX_DOSE.m / 1000} km)` },
  steps: { past: 'is too many for one session', most: `${MAX_DOSE.steps} steps` },
};

/**
 * Checks a dose against its unit, whichever path records it (log, its dose question, edit,
 * plan --set, import): more than one session can be (MAX_DOSE) is refused.
 */
export function checkDose(amount: number, unit: Unit, flag = '--dose'): number {
  if (!(amount > 0) || !Number.isFinite(amount)) throw new InputError(`${flag} must be more than 0.`);
  requireWholeCount(amount, unit, flag);
  if (amount > MAX_DOSE[unit]) {
    const { past, most } = PAST_BOUND[unit];
    const check = unit === 'min' ? '' : ': check the number for an extra digit';
    throw new InputError(`${flag} ${amount} ${unit} ${past}.`, `A session can be at most ${most}${check}.`);
  }
  // Doses are kept to one decimal place: nobody walks 10.04 minutes.
  const kept = Math.round(amount * 10) / 10;
  if (kept <= 0) throw new InputError(`${flag} ${amount} is too small to record.`, 'The smallest dose pace keeps is 0.1.');
  return kept;
}

/**
 * Why `checkDose` (so import) refuses a dose a journal already holds, saved before a check it now
 * fails (MAX_DOSE, Q6's whole reps and steps), in words that follow "holds 9.5 reps, "; null when
 * import takes it. test/core/input.test.ts holds it to checkDose.
 */
export function storedDoseProblem(amount: number, unit: Unit): string | null {
  if (!(amount <= MAX_DOSE[unit])) return 'more than one session can be';
  if ((unit === 'reps' || unit === 'steps') && !Number.isInteger(amount)) return 'not a whole number';
  if (!(Math.round(amount * 10) / 10 > 0)) return 'less than pace can record';
  return null;
}

/** Pain, effort and goal ratings are whole numbers on the 0-10 scale; `hint` says what its ends mean. */
/** The anchors of the effort scale, as `log --help` gives them. */
export const EFFORT_HINT = '0 means no effort at all, 10 as hard as you could work.';

/** A 0-10 answer; `hint` names the scale's anchors (pain's by default, effort's for effort). */
export function parseScale(raw: string, flag: string, hint = /effort/.test(flag) ? EFFORT_HINT : '0 means none, 10 the worst you can imagine.'): number {
  const text = raw.trim();
  // Enter at a question: what to type, not '"" is not a whole number' (a screen reader's "quote quote").
  if (text === '') throw new InputError(`${flag} is empty: type a whole number from 0 to 10.`, hint);
  if (!/^\d{1,2}$/.test(text) || Number(text) > 10) {
    throw new InputError(`${flag} "${printable(raw)}" is not a whole number from 0 to 10.`, hint);
  }
  return Number(text);
}

/** A date written before 1900, which pace does not take: it is not "not a real date". */
export function isBefore1900(raw: string): boolean {
  return /^\s*1[0-8]\d\d-\d\d-\d\d\s*$/.test(raw);
}

const DATE_HINT = 'Write it as YYYY-MM-DD, for example 2026-03-14.';

/** A real date written YYYY-MM-DD; `hint` says how to write one where the flag takes more. */
export function parseDate(raw: string, flag: string, hint = DATE_HINT): IsoDate {
  const date = parseIsoDate(raw);
  if (!date) {
    if (isBefore1900(raw)) throw new InputError(`${flag} "${printable(raw)}" is before 1900.`, 'pace keeps dates from 1900 on.');
    // `11/24/2026` is refused as the CSV import refuses it: naming the date meant, when only one is.
    throw new InputError(`${flag} "${printable(raw)}" ${misformedDate(raw) ?? 'is not a real date.'}`, hint);
  }
  return date;
}

/** The words a session date may be given in, as days before today. */
const DAYS_AGO: ReadonlyMap<string, number> = new Map([['today', 0], ['yesterday', 1]]);

/**
 * A day typed in a flag (`--date`, `--from`, `--to`, `--week`, `--start`): a real date, or `today`
 * or `yesterday` (any case), counted from `today`. Only typed flags take the words; an imported
 * file has no today of its own and keeps exact dates (`parseDate`).
 */
export function parseDayFlag(raw: string, flag: string, today: IsoDate): IsoDate {
  const ago = DAYS_AGO.get(raw.trim().toLowerCase());
  if (ago !== undefined) return addDays(today, -ago);
  return parseDate(raw, flag, 'Write it as YYYY-MM-DD (for example 2026-03-14), today or yesterday.');
}

/** A session date (`parseDayFlag`) that is not in the future: a walk is often logged the next morning. */
export function parseSessionDate(raw: string, today: IsoDate, flag = '--date'): IsoDate {
  const date = parseDayFlag(raw, flag, today);
  if (date > today) throw new InputError(`${flag} ${date} is in the future (today is ${shortDateYear(today)}).`, 'Log sessions on or after the day they happened.');
  return date;
}

/**
 * A record in an imported file dated after today here (E1). Most often the file was made where
 * the calendar is already a day ahead (east of here, or over the date line), so the refusal says
 * what today is here and that the record imports from its day, instead of a bare "in the future".
 * Time zones are at most 26 hours apart, two calendar days: a date further ahead is a slip in
 * the file or in the computer's date, and is not promised to import once its day comes.
 */
export function futureInFile(label: string, date: IsoDate, today: IsoDate): InputError {
  const zones = date <= addDays(today, 2);
  return new InputError(`${label}: ${date} is in the future.`, zones
    ? `Today here is ${shortDateYear(today)}. A file made where the date is already later (another time zone) imports from that day on; else check the computer's date and time zone.`
    : `Today here is ${shortDateYear(today)}: check that date in the file, and the computer's date.`);
}

/**
 * Symptom codes, given as flags or as one cell of `;`-joined codes. An empty flag is a mistake
 * (`--symptom ""` is not "nothing on the list"); an empty cell is an empty list (`allowEmpty`).
 */
export function parseSymptoms(codes: readonly string[], flag = '--symptom', allowEmpty = false): string[] {
  const out: string[] = [];
  for (const raw of codes) {
    if (!allowEmpty && !/[^\s;,]/.test(raw)) {
      throw new InputError(`${flag} is empty.`, `Give a symptom code (see pace triage --help), or leave out ${flag}.`);
    }
    for (const part of raw.split(/[;,]/)) {
      const code = part.trim().toLowerCase();
      if (code === '') continue;
      if (!isSymptomCode(code)) {
        throw new InputError(`${flag} "${printable(part)}" is not a symptom code pace knows.`, `Valid codes: ${SYMPTOM_CODES.join(', ')}.`);
      }
      if (!out.includes(code)) out.push(code);
    }
  }
  return out;
}

export function parseYesNo(raw: string, flag: string): boolean {
  const v = raw.trim().toLowerCase();
  if (v === 'yes' || v === 'y') return true;
  if (v === 'no' || v === 'n') return false;
  throw new InputError(`${flag} "${printable(raw)}" should be yes or no.`);
}

/** `field` names the note in a refusal: `--note` given as a flag, "The note" answered at a question. */
export function parseNote(raw: string, field = '--note'): string | null {
  const note = raw.replace(/\r\n?/g, '\n').trim();
  if (note === '') return null;
  if (note.length > MAX_NOTE_LENGTH) throw new InputError(`${field} is longer than ${MAX_NOTE_LENGTH} characters.`);
  checkNoteText(raw, field);
  return note;
}

/** What a note keeps of the control characters: tabs and line breaks. */
const NOTE_KEEPS = '\t\n\r';

/** Whether `checkNoteText` (so import) refuses a note, one saved before it refused such characters, say. */
export const noteTextRefused = (note: string): boolean => plainTextProblem(note, NOTE_KEEPS) !== null;

/** A note keeps its tabs and line breaks; list and export show it, so nothing else unseen. */
export function checkNoteText(note: string, field: string): void {
  const problem = plainTextProblem(note, NOTE_KEEPS);
  if (problem === null) return;
  const what = problem === 'invisible' ? 'invisible or text-direction characters' : 'control characters';
  throw new InputError(`${field} contains ${what}.`, 'Type the note again in plain words.');
}

export function parsePositiveInt(raw: string, flag: string, max: number): number {
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new InputError(`${flag} "${printable(raw)}" is not a whole number from 1 to ${max}.`);
  }
  return Number(text);
}

/** Shows a value in an error without letting control characters reach the terminal. */
export function printable(text: string, max = 40): string {
  const clean = text.replace(CONTROLS, '?').replace(INVISIBLES, '?');
  return clean.length > max ? `${clean.slice(0, max)}...` : clean;
}
