import { chmodSync, closeSync, existsSync, linkSync, lstatSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { JournalError } from './errors.js';
import { danglingProblem, refuseDanglingLink } from './folder.js';
import { canCreateAt, canSaveTo, hotJournalBeside, isReadOnlyFailure, openJournal, pendingError, readHeader, unreadableError, type Db, type Header } from './open.js';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema.js';
import { holdsPaceSchema, missingPages, quickCheckProblems } from './soundness.js';
import { openDatabase } from './sqlite.js';
import { heedSignals, holdTempFiles, removeLeftovers, removeQuietly, tempNameOf } from './tempFiles.js';

/** What is wrong, if anything: the CLI words each case differently. */
export type Verdict = 'ok' | 'damaged' | 'foreign' | 'newer' | 'unreadable' | 'pending' | 'busy';

export interface JournalHealth {
  ok: boolean;
  verdict: Verdict;
  /** False when nothing has been logged yet: there is no file to check. */
  exists: boolean;
  /** The file is there but holds nothing: never written, or emptied by something outside pace. */
  empty: boolean;
  /** Whether a write could be saved to it from here (false for a read-only file, mount or folder); with no journal yet, whether one could be made. */
  writable: boolean;
  path: string;
  schemaVersion: number | null;
  sessions: number;
  activities: number;
  triageRecords: number;
  /** One line each, in SQLite's or our words; empty when ok. */
  problems: string[];
  /** What to do, when the verdict has one advice of its own ('pending'). */
  hint?: string;
}

const count = (db: Db, table: 'sessions' | 'activities' | 'triage_records') =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * Looks the journal over without changing what it holds: no migration, no change of journal
 * mode, no writes. It is not opened with `readonly`: a read-only connection cannot undo a write
 * that a crash cut off (and on a journal left in WAL mode it leaves -wal and -shm files behind).
 * A damaged page can hide from ordinary queries, so quick_check reads every page. Everything is
 * read in one transaction: between two statements another process could take the journal for
 * longer than the busy timeout, and a quick_check that could not start is no sign of damage.
 */
export function inspectJournal(path: string): JournalHealth {
  const health: JournalHealth = { ok: true, verdict: 'ok', exists: false, empty: false, writable: true, path, schemaVersion: null, sessions: 0, activities: 0, triageRecords: 0, problems: [] };
  const fail = (verdict: Exclude<Verdict, 'ok'>, problem: string) => {
    if (health.ok) health.verdict = verdict;
    health.ok = false;
    health.problems.push(problem);
    return health;
  };
  if (!existsSync(path)) {
    const problem = danglingProblem(path, 'it');
    if (problem === null) {
      // Only "true" where the first write could make the journal: a folder pace may not write to says no.
      health.writable = canCreateAt(path);
      return health;
    }
    health.exists = true;
    return fail('unreadable', problem);
  }
  health.exists = true;
  if (!statSync(path).isFile()) return fail('unreadable', 'it is not a file');
  health.writable = canSaveTo(path);

  let db: Db;
  try {
    db = openDatabase(path, { fileMustExist: true, timeout: 5000 });
  } catch (e) {
    return fail('unreadable', unreadableError(path) ? 'permission denied' : describe(e));
  }
  try {
    db.exec('BEGIN');
    let header: Header;
    try {
      header = readHeader(db);
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY')) return fail('busy', 'busy in another pace process');
      if (code === 'SQLITE_NOTADB' && holdsPaceSchema(path)) return fail('damaged', 'its header (the first bytes of the file) is overwritten: SQLite cannot read it, though the rest holds a pace journal');
      if (code === 'SQLITE_NOTADB') return fail('foreign', 'it is not a SQLite database');
      if (code.startsWith('SQLITE_CORRUPT')) {
        const cut = missingPages(path);
        if (cut) return fail('damaged', `it holds ${cut.have} of its ${cut.want} pages, so the file was cut short`);
        return fail('damaged', `the list of its tables cannot be read (${describe(e)})`);
      }
      // A write cut off (or entries in a -wal file) that this user may not take in: as every command says it.
      const pending = isReadOnlyFailure(e) ? pendingError(path) : null;
      if (pending) {
        health.hint = pending.hint;
        return fail('pending', pending.message.replace(`${path} `, '').replace(/\.$/, ''));
      }
      return fail('unreadable', describe(e));
    }
    const { version, appId, tables } = header;
    health.schemaVersion = version;
    // An empty file, or one whose creation was interrupted, is a journal with nothing in it yet.
    if (version === 0 && appId === 0 && tables === 0) {
      health.empty = true;
      return health;
    }
    if (appId !== APPLICATION_ID) return fail('foreign', 'it is a SQLite database of another program');
    if (version > SCHEMA_VERSION) fail('newer', `journal version ${version}, this pace knows up to ${SCHEMA_VERSION}`);

    try {
      for (const line of quickCheckProblems(db)) fail('damaged', line);
    } catch (e) {
      fail('damaged', `quick_check could not finish: ${describe(e)}`);
    }
    try {
      const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      for (const o of orphans.slice(0, 5)) fail('damaged', `${o.table} row ${o.rowid} points to a missing ${o.parent} row`);
      if (orphans.length > 5) fail('damaged', `${orphans.length - 5} more rows point to missing rows`);
    } catch (e) {
      fail('damaged', `foreign_key_check could not finish: ${describe(e)}`);
    }
    if (version >= 1) {
      try {
        health.sessions = count(db, 'sessions');
        health.activities = count(db, 'activities');
        health.triageRecords = count(db, 'triage_records');
      } catch (e) {
        fail('damaged', `the records cannot be counted: ${describe(e)}`);
      }
    }
    if (version >= 9 && !holdsDeletedIds(db)) {
      // Migration 9's one row: without it new sessions get a deleted session's id again (the
      // insert's id is NULL, so SQLite takes the highest plus one) and nothing else shows it.
      fail('damaged', 'the record of the highest deleted session id (table session_ids) is missing, so a deleted session\'s id could be given again');
    }
    return health;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

/** Whether migration 9's record of the highest deleted session id is there, as its one row. */
function holdsDeletedIds(db: Db): boolean {
  try {
    return (db.prepare('SELECT count(*) AS n FROM session_ids WHERE id = 1').get() as { n: number }).n === 1;
  } catch {
    return false;
  }
}

export interface BackupResult {
  file: string;
  sessions: number;
  bytes: number;
}

/** A copy of the journal and the files SQLite may keep beside it while it is written. */
const SQLITE_PARTS = ['', '-journal', '-wal', '-shm'];

/**
 * Copies the journal with SQLite's online backup API, so a copy taken while another pace
 * process writes is still consistent. The copy is built beside `dest` and linked into place
 * only when complete and verified, so `dest` is never overwritten and never half written.
 */
export async function backupJournal(source: string, dest: string): Promise<BackupResult> {
  if (!existsSync(source)) {
    refuseDanglingLink(source);
    throw new JournalError(`there is no journal at ${source} yet, so there is nothing to back up.`, 'Log a session first, or point --db or PACE_DB at your journal.');
  }
  refuseExisting(dest);
  refuseHotJournalBeside(dest);
  const tmp = tempNameOf(dest);
  const parts = SQLITE_PARTS.map((suffix) => `${tmp}${suffix}`);
  // Held before it exists: a signal between its creation and the hold would leave it behind.
  const release = holdTempFiles(parts);
  try {
    claim(tmp, dest);
  } catch (e) {
    release();
    throw e;
  }
  try {
    const journal = openJournal(source, { write: false });
    try {
      await journal.db.backup(tmp);
    } finally {
      journal.close();
    }
    const sessions = finishCopy(tmp);
    makePrivate(tmp, dest);
    await heedSignals();
    refuseHotJournalBeside(dest);
    place(tmp, dest);
    removeLeftovers(dest, SQLITE_PARTS);
    return { file: dest, sessions, bytes: statSync(dest).size };
  } catch (e) {
    for (const f of parts) removeQuietly(f);
    const code = (e as { code?: string }).code ?? '';
    // "Nothing was saved", SQLite's full disk as main words it, says nothing of the backup asked for.
    if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') {
      throw new JournalError(`the disk is full; the backup ${dest} was not written.`, 'Free some space, or back up to another disk.');
    }
    throw e;
  } finally {
    release();
  }
}

/**
 * A backup is 0600 or it is not placed. A disk that keeps no modes (FAT, as on most USB sticks)
 * refuses the chmod (EPERM) or shows the mode its mount gives every file.
 */
function makePrivate(tmp: string, dest: string): void {
  const refused = new JournalError(`cannot make ${dest} private to you: this disk does not keep file permissions.`,
    'Back up to a folder on a local disk, then copy the file to this one yourself.');
  try {
    chmodSync(tmp, 0o600);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') throw refused;
    throw e;
  }
  if ((statSync(tmp).mode & 0o077) !== 0) throw refused;
}

function refuseExisting(dest: string): void {
  let isDir: boolean;
  try {
    isDir = lstatSync(dest).isDirectory();
  } catch {
    return;
  }
  if (isDir) throw new InputError(`${dest} is a folder; give the backup a file name, for example ${join(dest, 'pace-backup.db')}.`);
  throw new InputError(`${dest} already exists; pace backup never overwrites a file, so choose a new name.`, 'In a script run each day, put the date in the name: pace backup "pace-$(date +%F).db"');
}

/**
 * A copy placed beside a -journal file of its name that holds a write to undo (left by a write cut
 * off in an earlier file called so) would have that write played into it at its first open, and
 * be damaged. That file is not pace's to delete.
 */
function refuseHotJournalBeside(dest: string): void {
  if (!hotJournalBeside(dest)) return;
  throw new InputError(`${dest}-journal is there, left by a write cut off in an earlier file of that name; SQLite would play it into the backup.`,
    'Move that file away, or choose another name for the backup.');
}

/** Creates the temporary file first, private from the start (the process umask is 077 too). */
function claim(tmp: string, dest: string): void {
  try {
    closeSync(openSync(tmp, 'wx', 0o600));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new InputError(`the folder ${dirname(dest)} does not exist.`, 'Create it first, or choose another place for the backup.');
    if (code === 'ENOTDIR') throw new InputError(`${dirname(dest)} is not a folder.`);
    // The name, or the temporary name beside it, is longer than the file system allows (255 bytes).
    if (code === 'ENAMETOOLONG') throw new InputError(`cannot write ${dest}: the name is too long.`, 'Choose a shorter name for the backup.');
    // Named for the backup the person asked for, not the temporary file beside it.
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new JournalError(`cannot write ${dest}: permission denied.`, 'Choose a folder you can write to.');
    throw e;
  }
}

/**
 * Makes the copy one self-contained file, with nothing of it in a file beside it, and checks it
 * before it is put in place. Returns the number of sessions it holds.
 */
function finishCopy(file: string): number {
  const copy = openDatabase(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    // SQLite's report is several lines under a heading: the first problem says enough here.
    const problems = quickCheckProblems(copy);
    if (problems.length > 0) throw new JournalError(`the copy failed its check (${problems[0]}); the journal itself may be damaged.`, 'Run pace check.');
    return count(copy, 'sessions');
  } finally {
    copy.close();
  }
}

/** link() fails when `dest` exists, so a file that appeared meanwhile is not replaced either. */
function place(tmp: string, dest: string): void {
  try {
    linkSync(tmp, dest);
    unlinkSync(tmp);
    return;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST') refuseExisting(dest);
    // Some file systems (FAT, some network shares) have no hard links.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
  }
  refuseExisting(dest);
  renameSync(tmp, dest);
}

function describe(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return `${err.message ?? String(e)}${err.code ? ` (${err.code})` : ''}`;
}
