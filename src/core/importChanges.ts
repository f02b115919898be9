import { isFlareSession } from './coach/flares.js';
import { InputError } from './errors.js';
import { groupBy } from './groupBy.js';
import { sessionFingerprint } from './sessionCsv.js';
import type { Session, SessionInput } from './types.js';

// A CSV has no ids. A row that matches no session of the journal, on a day whose session of the
// same activity no row of the file matches either, is that session with a value changed in a
// spreadsheet (a typo corrected): import only adds, so it would become a second session that day
// beside the uncorrected one. Such a file is refused unless the person says the row is another session.

interface Column {
  name: string;
  value: (s: SessionInput) => string;
  /** The `pace edit` flag that sets the file's value, when one does. */
  flag?: (v: string) => string;
}

const num = (n: number | null) => (n === null ? '' : String(n));

const COLUMNS: readonly Column[] = [
  { name: 'dose', value: (s) => String(s.dose), flag: (v) => `--dose ${v}` },
  { name: 'pain_before', value: (s) => num(s.painBefore), flag: (v) => `--pain-before ${v}` },
  { name: 'pain_after', value: (s) => num(s.painAfter), flag: (v) => `--pain-after ${v}` },
  { name: 'effort', value: (s) => num(s.effort), flag: (v) => `--effort ${v}` },
  { name: 'flare', value: (s) => (isFlareSession(s) ? 'yes' : 'no') },
  { name: 'symptoms', value: (s) => [...s.symptoms].sort().join(';') },
];
const NOTE: Column = { name: 'note', value: (s) => s.note ?? '', flag: () => '--note "..."' };

/** The columns the file has (`said`) whose values differ: a column it leaves out says nothing. */
function differences(journal: SessionInput, file: SessionInput, withNotes: boolean, said: ReadonlySet<string> | undefined): Column[] {
  // Dose is a required column, and the note is compared only when the file has notes.
  const inFile = (c: Column) => c.name === 'dose' || c === NOTE || said === undefined || said.has(c.name);
  return [...COLUMNS, ...(withNotes ? [NOTE] : [])].filter((c) => inFile(c) && c.value(journal) !== c.value(file));
}

const shown = (v: string) => (v === '' ? 'empty' : v);

/** How import tells a row from a session: the file's columns, and F2's day as it stood. */
export interface SessionComparison {
  withNotes: boolean;
  /** The optional columns the file has (all, when not given). */
  said?: ReadonlySet<string>;
  /** A session as it stands on its day (F2's answers given). */
  onItsDay?: (s: SessionInput) => SessionInput;
}

/** Import's duplicate check: rows and sessions with the same key are the same session. */
export function sameSessionKey({ withNotes, said, onItsDay = (s) => s }: SessionComparison): (s: SessionInput) => string {
  return (s) => sessionFingerprint(onItsDay(s), withNotes, said);
}

/**
 * Refuses the first row of a file (in file order) that looks like a changed copy of a session
 * already in the journal, naming the row, the columns, the session and what to do. Rows are
 * matched by `sameSessionKey(compare)`, as import matches them; `journal` holds at least the
 * sessions of the file's days.
 */
export function refuseChangedRows(
  rows: readonly SessionInput[],
  journal: readonly Session[],
  compare: SessionComparison,
  rowLabel: (i: number) => string,
): void {
  const { withNotes, said, onItsDay = (s) => s } = compare;
  const sameAs = sameSessionKey(compare);
  const unmatched = groupBy(journal, sameAs);
  const changed: number[] = [];
  rows.forEach((r, i) => {
    if (!unmatched.get(sameAs(r))?.shift()) changed.push(i);
  });
  // The sessions no row matched, by day and activity: looked up for each row not matched, as a
  // scan of them all for each made a merge of two large journals quadratic (minutes at 100,000).
  const dayAndActivity = (s: SessionInput) => `${s.date}|${s.activity}`;
  const left = groupBy([...unmatched.values()].flat(), dayAndActivity);
  for (const i of changed) {
    const row = rows[i]!;
    const closest = (left.get(dayAndActivity(row)) ?? [])
      // Compared as the match was: a row from before the next day's "not settled" differs from its
      // session in what the person changed, not in the pain-over-24h that answer gave it.
      .map((s) => ({ s, diff: differences(onItsDay(s), onItsDay(row), withNotes, said) }))
      .sort((a, b) => a.diff.length - b.diff.length || a.s.id - b.s.id)[0];
    if (closest) throw changedRowError(rowLabel(i), row, closest.s, closest.diff);
  }
}

function changedRowError(where: string, row: SessionInput, s: Session, diff: readonly Column[]): InputError {
  const names = diff.map((c) => c.name);
  const values = diff.map((c) => (c === NOTE ? 'a different note' : `${c.name} ${shown(c.value(s))}, not ${shown(c.value(row))}`));
  // The values hold commas ("dose 10, not 12.5"), so their list takes one before its "and".
  const list = (xs: readonly string[], and = ' and ') => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')}${and}${xs.at(-1)}`);
  const flags = diff.filter((c) => c.flag && c.value(row) !== '').map((c) => c.flag!(c.value(row)));
  const fix = `pace edit ${s.id}${flags.length && flags.length === diff.length ? ` ${flags.join(' ')}` : ''}`;
  return new InputError(
    `${where}, column${names.length > 1 ? 's' : ''} ${list(names)}: ${s.activity} on ${s.date} is already in the journal as session ${s.id}, with ${list(values, ', and ')}; import adds sessions and never changes one.`,
    // The file may be the newer (a typo corrected in a spreadsheet) or the older (an export from
    // before an edit in pace): the person knows which, so each way is named.
    `If the file is right, run ${fix} and import again; if the journal is right, the file is older: leave the row out; if the row is another session, import with --add-changed.`,
  );
}
