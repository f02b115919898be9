import type { Cell } from './csv.js';
import { detectSeparator, isFormulaError, parseCsv, unprotectText, type Separator } from './csv.js';
import { dateCell, flareCell } from './spreadsheetCells.js';
import { misreadUtf8 } from './encoding.js';
import { InputError } from './errors.js';
import { MAX_NOTE_LENGTH, checkDose, checkNoteText, futureInFile, parseActivityName, parseCategory, parseDate, parseDose, parseScale, parseSymptoms, parseUnit, printable } from './input.js';
import { isFlareSession } from './coach/flares.js';
import { pctOfQuota } from './coach/progression.js';
import { highestClass } from './symptoms.js';
import type { Activity, Category, IsoDate, Session, SessionInput, Unit } from './types.js';

/** E1 and cli.md: the session CSV's columns, in order; `note` follows only when asked for (E3). */
export const SESSION_COLUMNS = [
  'date', 'activity', 'category', 'dose', 'unit', 'quota', 'pct_of_quota', 'pain_before', 'pain_after',
  'pain_change', 'effort', 'flare', 'symptoms', 'triage',
] as const;

/** E1: one row per session. Missing values stay empty, never 0. */
export function sessionCells(s: Session, quota: number | null, includeNote: boolean): Cell[] {
  const change = s.painBefore !== null && s.painAfter !== null ? s.painAfter - s.painBefore : null;
  const pct = quota !== null && quota > 0 ? pctOfQuota(s.dose, quota) : null;
  const cells: Cell[] = [
    s.date, s.activity, s.category, s.dose, s.unit, quota, pct, s.painBefore, s.painAfter, change,
    // E1: the flare column is F1's verdict (a mark, a rise of 3 or more, a warning symptom), as E2 counts it.
    s.effort, isFlareSession(s) ? 'yes' : 'no', s.symptoms.join(';'), highestClass(s.symptoms),
  ];
  if (includeNote) cells.push(s.note);
  return cells;
}

/** An activity's unit and category, as the journal or an earlier row has them. */
export type ActivityKind = Pick<Activity, 'name' | 'unit' | 'category'>;
type KindOf = (activity: string) => Partial<ActivityKind> | undefined;

export interface ImportedSession extends SessionInput {
  unit: Unit;
  category: Category;
}

/**
 * A header cell as the column it names: `Pain Before` and `pain-before`, a header retyped as words
 * in a spreadsheet, are `pain_before`. Passed over as unknown, their pains came in as not recorded.
 */
const columnName = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The columns import reads, or recomputes (quota, pct_of_quota, pain_change, triage). */
const KNOWN_COLUMNS: ReadonlySet<string> = new Set([...SESSION_COLUMNS, 'note']);

/** Maps a header row to column positions; the three columns a session cannot do without are required. */
export function sessionColumnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const name = columnName(h);
    const first = index.get(name);
    // Which of two `dose` columns is meant cannot be known: the file is refused, not half read.
    if (first !== undefined && name !== '') {
      throw new InputError(`the header has the column "${printable(name)}" twice (columns ${first + 1} and ${i + 1}).`, 'Keep one of them and import again.');
    }
    index.set(name, i);
  });
  // E2's rows are a week's sums: corrected in a spreadsheet, they have no sessions to give back.
  if (!index.has('date') && index.has('week_start')) {
    throw new InputError('this is a weekly export (pace export --weekly): its rows are sums of weeks, not sessions, and cannot be imported.',
      'To correct sessions, export them with pace export --out sessions.csv, or change them with pace edit.');
  }
  for (const required of ['date', 'activity', 'dose']) {
    if (!index.has(required)) {
      throw new InputError(`the header has no "${required}" column.`, `The first line should be: ${SESSION_COLUMNS.join(',')}`);
    }
  }
  return index;
}

/**
 * A row must have the header's cells (RFC 4180). Fewer is a file cut short, whose missing pain,
 * flare and symptoms would come in as "not recorded"; more is a comma left unquoted, which would
 * drop the rest of a note. Empty cells past the header are allowed: some spreadsheets add them.
 */
function checkRowWidth(fields: readonly string[], headerWidth: number, row: number, sep: Separator): void {
  const extra = fields.slice(headerWidth).some((f) => f !== '');
  if (fields.length >= headerWidth && !extra) return;
  const hint = fields.length < headerWidth ? 'The file may be cut short: export it again.' : `A cell with a ${sep === ',' ? 'comma' : sep === ';' ? 'semicolon' : 'tab'} in it must be in double quotes.`;
  throw new InputError(`row ${row} has ${fields.length} cells, but the header has ${headerWidth}.`, hint);
}

/**
 * A row with empty cells past the header, read in a comma file: its dose may be a decimal comma
 * left unquoted (10,5), which would read as 10 and push the 5 into the next column, the row's own
 * last cell taken for padding. Which was meant cannot be known, so a whole number followed by
 * digits is refused, naming both readings.
 */
function checkSplitDose(fields: readonly string[], dose: number, row: number): void {
  const [whole, frac] = [fields[dose]?.trim() ?? '', fields[dose + 1]?.trim() ?? ''];
  if (!/^\d+$/.test(whole) || !/^\d+$/.test(frac)) return;
  throw new InputError(`row ${row}: "${whole},${frac}" could be the dose ${whole}.${frac} written with a decimal comma, or a dose of ${whole} then ${frac} (the row has more cells than the header).`,
    `Write the dose as ${whole}.${frac} (or "${whole},${frac}" in double quotes), or remove the empty cells past the header, and import again.`);
}

/** A column import does not read: its header (null when it has none) and its place, from 1. */
export interface UnreadColumn {
  name: string | null;
  column: number;
}

export interface SessionCsv {
  rows: ImportedSession[];
  /** Each session's row as the spreadsheet numbers it (the header is row 1; emptied rows count). */
  rowNumbers: number[];
  withNotes: boolean;
  /** The OPTIONAL_COLUMNS the file has. */
  said: Set<string>;
  /** Columns import does not read (one added in the spreadsheet) that hold something. */
  unread: UnreadColumn[];
}

/**
 * Reads a session CSV (the export's layout, or a spreadsheet's copy of it) into checked sessions.
 * Rows are numbered as a spreadsheet numbers them: the header is row 1.
 */
export function readSessionCsv(text: string, today: IsoDate, activities: readonly ActivityKind[] = []): SessionCsv {
  const sep = detectSeparator(text);
  const records = parseCsv(text, sep);
  const head = records.next();
  if (head.done) throw new InputError('the file is empty.', 'Import a CSV written by pace export.');
  checkNotMisread(head.value.fields, head.value.fields.map((_, i) => String(i + 1)), 1);
  const headers = head.value.fields.map(unprotectText);
  const index = sessionColumnIndex(headers);
  const names = head.value.fields.map((f) => f.trim().toLowerCase());
  // A column without a header counts too: a comment typed beside the table is the person's own.
  const other = headers.flatMap((h, i) => (KNOWN_COLUMNS.has(columnName(h)) ? [] : [i]));
  const journal = new Map(activities.map((a) => [a.name, a]));
  const cell = (fields: readonly string[], col: string) => unprotectText(fields[index.get(col) ?? -1] ?? '').trim();
  const canName = ['unit', 'category'].filter((col) => index.has(col));

  /**
   * The rows, read in one pass. A row added in the spreadsheet with its unit or category left
   * empty is of its activity's own kind: the journal's, or else the kind the activity's first row
   * in the file took (where that row left it empty too: the kind `named` gives, or the guess).
   */
  const read = (body: Iterable<{ fields: string[] }>, named: ReadonlyMap<string, Partial<ActivityKind>>) => {
    const kinds = new Map(journal);
    const rows: ImportedSession[] = [];
    // Each session's row as the spreadsheet numbers it, for later checks' messages: emptied rows count.
    const rowNumbers: number[] = [];
    const filled = new Set<number>();
    let guessed = false;
    let row = 1;
    for (const rec of body) {
      row++;
      // A row whose cells are all empty holds no session: Excel and LibreOffice write `,,,,` for a row
      // that was emptied or once formatted. It still counts, so later rows keep the spreadsheet's numbers.
      if (rec.fields.every((f) => f.trim() === '')) continue;
      checkRowWidth(rec.fields, head.value.fields.length, row, sep);
      if (sep === ',' && rec.fields.length > head.value.fields.length) checkSplitDose(rec.fields, index.get('dose')!, row);
      checkNotMisread(rec.fields, names, row);
      checkNoFormulaError(rec.fields, index, row);
      const s = parseSessionRecord(rec.fields, index, row, today, (name) => kinds.get(name) ?? named.get(name));
      // Only a column the file has can name a kind in another row (a watch's date, activity and
      // dose name none, and are not read again for nothing).
      if (!journal.has(s.activity) && canName.some((col) => cell(rec.fields, col) === '')) guessed = true;
      if (!kinds.has(s.activity)) kinds.set(s.activity, { name: s.activity, unit: s.unit, category: s.category });
      rows.push(s);
      rowNumbers.push(row);
      for (const i of other) if ((rec.fields[i] ?? '').trim() !== '') filled.add(i);
    }
    const unread = other.filter((i) => filled.has(i)).map((i): UnreadColumn => ({ name: headers[i]!.trim() || null, column: i + 1 }));
    return { rows, rowNumbers, guessed, unread };
  };
  const again = () => {
    const body = parseCsv(text, sep);
    body.next();
    return body;
  };
  let out = read(records, new Map());
  // A new activity's kind was guessed for a row that left it empty: read again, with the kind the
  // file's other rows name (rare: rows typed in by hand), so that they do not disagree with a guess.
  if (out.guessed) out = read(again(), namedKinds(again(), cell, journal));
  return { rows: out.rows, rowNumbers: out.rowNumbers, withNotes: index.has('note'), said: new Set(OPTIONAL_COLUMNS.filter((c) => index.has(c))), unread: out.unread };
}

/**
 * For each activity new to the journal, the first unit and the first category a row of the file
 * names: a first row typed with them left empty is of the kind the later rows say, not of "other"
 * in minutes, which the later rows would then disagree with. A cell that is not a unit or a category
 * names nothing here; its own row's check refuses it.
 */
function namedKinds(body: Iterable<{ fields: string[] }>, cell: (fields: readonly string[], col: string) => string, known: ReadonlyMap<string, unknown>): Map<string, Partial<ActivityKind>> {
  const named = new Map<string, Partial<ActivityKind>>();
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch {
      return undefined;
    }
  };
  for (const { fields } of body) {
    const name = attempt(() => parseActivityName(cell(fields, 'activity')));
    if (name === undefined || known.has(name)) continue;
    const kind = named.get(name) ?? {};
    kind.unit ??= cell(fields, 'unit') === '' ? undefined : attempt(() => parseUnit(cell(fields, 'unit'), 'unit'));
    kind.category ??= cell(fields, 'category') === '' ? undefined : attempt(() => parseCategory(cell(fields, 'category'), 'category'));
    named.set(name, kind);
  }
  return named;
}

/** Never imports mojibake: text a spreadsheet decoded wrongly is refused, naming where it is. */
function checkNotMisread(fields: readonly string[], names: readonly string[], row: number): void {
  fields.forEach((f, i) => {
    const m = misreadUtf8(f);
    if (m) {
      throw new InputError(`row ${row}, column ${printable(names[i] ?? String(i + 1))}: "${m.bad}" looks like UTF-8 read as Windows-1252 (it would be "${m.good}").`,
        'Export again with --out (its file tells Excel it is UTF-8), or correct the text, and import again.');
    }
  });
}

/** Never imports a spreadsheet's error value (#NAME?) as a note or an activity: it is not what was typed. */
function checkNoFormulaError(fields: readonly string[], index: ReadonlyMap<string, number>, row: number): void {
  for (const col of READ_COLUMNS) {
    const cell = fields[index.get(col) ?? -1];
    if (cell === undefined || !isFormulaError(cell)) continue;
    throw new InputError(`row ${row}, column ${col}: "${printable(cell.trim())}" is an error the spreadsheet wrote for a formula it could not work out, not what was typed.`,
      "Type the value again in that cell (text that starts with +, - or = needs a ' before it), and import again.");
  }
}

/** Where a value came from, for error messages: "row 5, column pain_after" or "sessions[4].pain_after". */
export type FieldLabel = (column: string) => string;

/** Reads one CSV record back into a session. Errors name the row and the column. */
export function parseSessionRecord(fields: readonly string[], index: Map<string, number>, row: number, today: IsoDate, kindOf?: KindOf): ImportedSession {
  const get = (col: string): string => {
    const i = index.get(col);
    const text = i === undefined ? '' : unprotectText(fields[i] ?? '');
    // Read inside parseSessionFields' checks, which name the row and column in a refusal.
    return col === 'date' ? dateCell(text) : col === 'flare' ? flareCell(text) : text;
  };
  return markFromVerdict(parseSessionFields(get, (col) => `row ${row}, column ${col}`, today, kindOf));
}

/**
 * E1 writes F1's verdict in the flare column, not the hand mark. Read back, "yes" becomes a hand
 * mark only when nothing else in the row explains it (no rise of 3 or more, no warning symptom):
 * a flare that came from a pain rise stays a flare because of that rise, and does not turn into
 * one the person marked, which would outlive a later correction of the pain.
 */
export function markFromVerdict<T extends SessionInput>(s: T): T {
  if (!s.flare) return s;
  return isFlareSession({ ...s, flare: false }) ? { ...s, flare: false } : s;
}

/**
 * Checks one session given as text fields (from a CSV row or a JSON backup). Derived columns
 * (quota, pct_of_quota, pain_change, triage) are ignored: they are recomputed from the journal.
 */
export function parseSessionFields(get: (column: string) => string, where: FieldLabel, today: IsoDate, kindOf: KindOf = () => undefined): ImportedSession {
  const at = <T>(col: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof InputError) {
        const detail = e.message.startsWith(`${col} `) ? e.message.slice(col.length + 1) : e.message.replace(/^--[a-z-]+ /, '');
        throw new InputError(`${where(col)}: ${detail}`, e.hint);
      }
      throw e;
    }
  };
  const optScale = (col: string) => (get(col).trim() === '' ? null : at(col, () => parseScale(get(col), col)));

  const date = at('date', () => parseDate(get('date'), 'date'));
  if (date > today) throw futureInFile(where('date'), date, today);
  const activity = at('activity', () => parseActivityName(get('activity')));
  const own = kindOf(activity);
  // The parser of `pace log`'s dose, so a file cannot slip in what the command line refuses (0x10,
  // 1e2), and reads a spreadsheet's decimal comma (10,5) as it does (decimalAmount). `1.500` is
  // refused there too: pace writes at most one decimal, and a decimal-comma spreadsheet may group
  // 1500 that way.
  const dose = at('dose', () => parseDose(get('dose'), 'dose'));
  // An empty unit cell is the activity's own; for a new activity, the dose's suffix (12reps), as `pace log` takes it.
  const noUnit = get('unit').trim() === '';
  const unit: Unit = noUnit ? own?.unit ?? dose.unit ?? 'min' : at('unit', () => parseUnit(get('unit'), 'unit'));
  const category: Category = get('category').trim() === '' ? own?.category ?? 'other' : at('category', () => parseCategory(get('category'), 'category'));
  if (dose.unit !== null && dose.unit !== unit) {
    const says = noUnit ? `${activity} is recorded in ${unit}` : `the unit column says ${unit}`;
    throw new InputError(`${where('dose')}: "${printable(get('dose'))}" is in ${dose.unit}, but ${says}.`);
  }
  const kept = at('dose', () => checkDose(dose.amount, unit, 'dose'));
  const flareText = get('flare').trim().toLowerCase();
  if (!['', 'yes', 'no'].includes(flareText)) throw new InputError(`${where('flare')}: "${printable(flareText)}" should be yes or no.`);
  const symptoms = at('symptoms', () => parseSymptoms([get('symptoms')], 'symptoms', true));
  const note = get('note');
  if (note.length > MAX_NOTE_LENGTH) throw new InputError(`${where('note')}: the note is longer than ${MAX_NOTE_LENGTH} characters.`);
  at('note', () => checkNoteText(note, 'note'));
  return {
    date,
    activity,
    unit,
    category,
    dose: kept,
    painBefore: optScale('pain_before'),
    painAfter: optScale('pain_after'),
    effort: optScale('effort'),
    flare: flareText === 'yes',
    symptoms,
    note: note === '' ? null : note,
  };
}

/** The columns a session file may leave out, beyond date, activity and dose (and `note`, E3). */
export const OPTIONAL_COLUMNS = ['pain_before', 'pain_after', 'effort', 'flare', 'symptoms'] as const;

/** The columns import reads (the others are recomputed or not pace's). */
const READ_COLUMNS = ['date', 'activity', 'category', 'dose', 'unit', ...OPTIONAL_COLUMNS, 'note'];

/**
 * What makes two sessions "the same" when a file is imported again (cli.md: importing twice
 * does not duplicate). Notes only count when the file carries them, and so does every column in
 * `said` (all, when not given): a file without pain columns (a watch's date, activity and dose)
 * says nothing about pain, so a session whose pain was added since is still its row.
 */
export function sessionFingerprint(s: SessionInput, withNote: boolean, said: ReadonlySet<string> = new Set(OPTIONAL_COLUMNS)): string {
  const when = <T>(column: string, value: () => T) => (said.has(column) ? value() : 0);
  // F1's verdict, not the mark: a session marked by hand and also explained by its pain comes back
  // from the CSV unmarked (markFromVerdict), and is still the same session.
  return JSON.stringify([
    s.date, s.activity, s.dose, when('pain_before', () => s.painBefore), when('pain_after', () => s.painAfter), when('effort', () => s.effort),
    when('flare', () => isFlareSession(s)), when('symptoms', () => [...s.symptoms].sort()), withNote ? s.note : 0,
  ]);
}
