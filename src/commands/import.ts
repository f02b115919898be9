import { endsEarly, parseBackup } from '../core/backup.js';
import { InputError } from '../core/errors.js';
import { refuseChangedRows, sameSessionKey } from '../core/importChanges.js';
import { asOnItsDay } from '../core/nextDay.js';
import { readSessionCsv, type ImportedSession, type UnreadColumn } from '../core/sessionCsv.js';
import type { Activity, IsoDate, SessionInput } from '../core/types.js';
import { listActivities } from '../store/activities.js';
import { importExtras, importSessions, importSettings, type BackupExtras } from '../store/backup.js';
import { answeredDays, takeDayAnswer } from '../store/checkins.js';
import { forWriting, openJournal, write, type Journal } from '../store/open.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { listSessions } from '../store/sessions.js';
import { note, print, printJson, type Context } from './context.js';
import { keptSettingLines, takenSettingLines } from './importSettings.js';
import { importAdviceOnStderr, importedLines, unreadColumnName, unreadColumnsLine } from './importLines.js';
import { calendarNote } from './calendarNote.js';
import { coveredCodes, ImportTriage } from './importTriage.js';
import { holdJson, triageJson } from './json.js';
import { readImportFile, STDIN } from './readImport.js';

export interface ImportFlags {
  json?: boolean;
  /** Adds a CSV row that differs from a session of its day and activity as another session. */
  addChanged?: boolean;
}

/** `pace import <file>`: a session CSV or a JSON backup, all in one transaction, safe to repeat. */
export async function importCmd(args: string[], flags: ImportFlags, ctx: Context): Promise<number> {
  const file = args[0]!;
  // `-` at a terminal would wait for typing that no one means to do.
  if (file === '-' && ctx.stdinIsTerminal) {
    throw new InputError('import - reads a file piped into it, and standard input is the terminal here.', 'Pipe one in (pace --db old.db export --json | pace import -), or give the path of the file.');
  }
  const label = file === '-' ? STDIN : file;
  const text = readImportFile(file, ctx.stdinFd);
  // The journal's activities first: a CSV row added with its unit or category empty takes theirs.
  let journal: Journal = openJournal(ctx.dbPath, { write: false });
  try {
    const known = listActivities(journal.db);
    const { isJson, rows, extras, withNotes, said, unread, rowLabel } = readRows(text, label, ctx.today, known);
    checkActivities(rows, known, rowLabel);
    journal = forWriting(journal, ctx.dbPath);
    const j = journal;
    const triage = new ImportTriage(ctx.today, coveredCodes(extras?.triage_records, extras?.checkins));
    const result = write(j.db, () => {
      // A JSON backup names its sessions by uid; a CSV row changed in a spreadsheet can only be
      // recognised, against the journal as it stands under the write lock (and once it is known sound).
      // F2: a CSV row is compared as it would stand on its day: exported before the next day's
      // "not settled", it lacks the pain-over-24h its session has since, and is still that session
      // (no edit can take the code away, and --add-changed would double the session).
      const unsettled = isJson ? new Set<string>() : answeredDays(j.db, true);
      const compare = { withNotes, said, onItsDay: (s: SessionInput) => asOnItsDay(s, unsettled) };
      if (!isJson && !flags.addChanged) refuseChangedRows(rows, sessionsOnDaysOf(j, rows), compare, rowLabel);
      triage.start(j.db);
      // F2: the days answered before the import: only their answer is taken on arrival (below).
      const answered = answeredDays(j.db);
      // Extras name activities, so activities come first; triage and check-ins name sessions, so they come last.
      if (extras) importExtras(j.db, { ...emptyExtras(), activities: extras.activities ?? [] });
      const added: { id: number; date: string }[] = [];
      const counts = importSessions(j.db, rows, sameSessionKey(compare), ctx.now(), (id, row) => {
        added.push({ id, date: row.date });
        triage.onInsert(id, row);
      });
      const settings = extras ? importSettings(j.db, extras) : { added: 0, kept: [], taken: [] };
      const other = settings.added + (extras ? importExtras(j.db, { ...emptyExtras(), ...extras, activities: [] }) : 0);
      // F2: after a backup's own answers are in (so none is doubled), a session the import added
      // to a day the journal had already answered takes that day's answer, not triaged again (it
      // was, when given); one that brought its own answer keeps it, as the backup has it. A day
      // answered only by the backup is restored as the backup has it: a session there without an
      // answer (one moved onto the day by edit --date keeps its own) stays without one.
      // Only days with an answer are looked at: one query, not one a session (100,000 in a restore).
      for (const { id, date } of added) if (answered.has(date)) takeDayAnswer(j.db, id, true);
      return { ...counts, other, kept: settings.kept, taken: settings.taken, triaged: triage.finish(j.db) };
    });
    const unreadLine = unreadColumnsLine(unread);
    for (const line of [...keptSettingLines(result.kept), ...takenSettingLines(result.taken), ...(unreadLine ? [unreadLine] : [])]) note(ctx, line);
    if (flags.json) {
      await importAdviceOnStderr(ctx, result.triaged);
      printJson(ctx, {
        file, format: isJson ? 'json' : 'csv', sessions_added: result.added, sessions_already_present: result.skipped, notes_added: result.notesAdded, other_records_added: result.other,
        triage: triageJson(result.triaged.decision.result), triaged_session_ids: result.triaged.decision.sessionIds,
        restored_hold: holdJson(result.triaged.restored), past_warning_signs: result.triaged.past, kept_open: result.triaged.kept, columns_not_read: unread.map(unreadColumnName),
      });
    } else {
      const already = result.skipped === 1 ? '1 was already in the journal' : `${result.skipped} were already in the journal`;
      // A journal restored from a backup made without --include-notes takes them from one made with it.
      const n = result.notesAdded;
      const notes = n === 0 ? '' : ` ${n === 1 ? '1 session without a note took its' : `${n} sessions without a note took their`} note from this backup.`;
      print(ctx, [...importedLines(ctx, result.triaged, `Imported ${result.added} session${result.added === 1 ? '' : 's'} from ${label}${result.skipped ? `; ${already}` : ''}.${notes}`), ...(await calendarNote(journal, ctx.today))]);
    }
    return 0;
  } finally {
    journal.close();
  }
}

interface ImportRows {
  isJson: boolean;
  rows: ImportedSession[];
  extras: BackupExtras | null;
  withNotes: boolean;
  /** The optional session columns the file has (a backup has them all). */
  said?: ReadonlySet<string>;
  /** A CSV's columns that import does not read and that hold something. */
  unread: readonly UnreadColumn[];
  /** Names the i-th session's place in the file, for refusals. */
  rowLabel: (i: number) => string;
}

function readRows(text: string, file: string, today: IsoDate, known: readonly Activity[]): ImportRows {
  // A pace CSV starts with its header; JSON starts with an object (a backup) or an array (not one,
  // which parseBackup says, rather than a CSV reader missing its "date" column).
  if (!/^\uFEFF?\s*[{[]/.test(text)) {
    const parsed = readSessionCsv(text, today, known);
    return { isJson: false, rows: parsed.rows, extras: null, withNotes: parsed.withNotes, said: parsed.said, unread: parsed.unread, rowLabel: (i) => `row ${parsed.rowNumbers[i]}` };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const whole = 'Export it again with pace export --format json, or import a backup made with it, unchanged.';
    if (endsEarly(text)) throw new InputError(`${file} ends before the backup does: the file was cut short.`, whole);
    throw new InputError(`${file} is not valid JSON (${jsonProblem(e)}).`);
  }
  refuseNewerBackup(doc);
  const backup = parseBackup(doc, today);
  const rows = backup.sessions.map(({ uid, ...s }) => (uid === undefined ? s : { ...s, uid }));
  return { isJson: true, rows, extras: backup.extras, withNotes: backup.includesNotes, unread: [], rowLabel: (i) => `sessions[${i}]` };
}

/**
 * A backup made by a newer pace is refused, as its journal would be: new kinds of record came into
 * backups of the same version before (goals, schedules, dated aims), and read here they would be
 * left out without a word.
 */
function refuseNewerBackup(doc: unknown): void {
  if (typeof doc !== 'object' || doc === null || !('schema_version' in doc) || !('format' in doc) || doc.format !== 'pace-backup') return;
  const made = doc.schema_version;
  if (typeof made !== 'number' || made <= SCHEMA_VERSION) return;
  throw new InputError(`this backup was made by a newer pace (journal version ${made}; this one knows up to ${SCHEMA_VERSION}), and may hold records this one would leave out.`, 'Update pace, then import it again.');
}

function sessionsOnDaysOf(journal: Journal, rows: readonly ImportedSession[]) {
  if (rows.length === 0) return [];
  const days = rows.map((r) => r.date).sort();
  return listSessions(journal.db, { from: days[0], to: days.at(-1) });
}

function emptyExtras(): BackupExtras {
  return { settings: {}, activities: [], overrides: [], acceptances: [], triage_records: [], checkins: [], pem_answers: [] };
}

/** An activity keeps its unit and category: a file that disagrees is refused, naming the row. */
function checkActivities(rows: readonly ImportedSession[], known: readonly Activity[], rowLabel: (i: number) => string): void {
  const seen = new Map(known.map((a) => [a.name, a]));
  rows.forEach((r, i) => {
    const a = seen.get(r.activity);
    const where = rowLabel(i);
    if (!a) {
      seen.set(r.activity, { name: r.activity, unit: r.unit, category: r.category });
      return;
    }
    if (a.unit !== r.unit) throw new InputError(`${where}, column unit: ${r.activity} is recorded in ${a.unit}, not ${r.unit}.`);
    if (a.category !== r.category) throw new InputError(`${where}, column category: ${r.activity} is in the ${a.category} category, not ${r.category}.`);
  });
}

/**
 * What JSON.parse found wrong, without the text around it that Node quotes ("Unexpected token 'k',
 * ..."note":knee gave "... is not valid JSON"): in a backup, that text is often a note.
 */
function jsonProblem(e: unknown): string {
  return (e as Error).message.replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '');
}
