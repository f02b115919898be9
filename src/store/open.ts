import type Database from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalError } from './errors.js';
import { makeJournalFolder, refuseDanglingLink } from './folder.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { countCommit } from './commits.js';
import { damagedBeforeAsking, holdsPaceSchema, refuseIfDamaged } from './soundness.js';
import { openDatabase } from './sqlite.js';

export type Db = Database.Database;

export interface Journal {
  db: Db;
  /** The file, or null for the empty in-memory journal a read gets before anything is logged. */
  path: string | null;
  /** True for a read-only copy in memory (see `snapshot`): nothing written to it would last. */
  snapshot: boolean;
  close(): void;
}

export interface OpenOptions {
  /** A write creates the folder (0700) and file (0600) when missing; a read never creates anything. */
  write: boolean;
  /** How long a write waits for another pace process to finish, in milliseconds. */
  busyTimeoutMs?: number;
}

/**
 * Opens the journal at `path`. A file that is not a pace journal, or one written by a newer
 * pace, is refused before anything is written to it.
 */
export function openJournal(path: string, opts: OpenOptions): Journal {
  const exists = existsSync(path);
  if (!exists) refuseDanglingLink(path);
  if (!exists && !opts.write) return emptyJournal();
  if (exists && !statSync(path).isFile()) {
    throw new JournalError(`${path} is not a file.`, 'Point --db or PACE_DB at a pace journal file.');
  }
  if (!exists) {
    // Health data: only the person may read the folder or the file. The caller sets umask 077,
    // which also covers the -journal file SQLite keeps beside it.
    makeJournalFolder(dirname(path));
  }

  if (!opts.write && !canWrite(dirname(path)) && pendingBeside(path) === null) return snapshot(path);
  let db: Db | undefined;
  try {
    db = openDatabase(path, { timeout: opts.busyTimeoutMs ?? 5000 });
    const version = probe(db, path);
    // Once it is known to be a pace journal (or an empty file to become one), not before: a file
    // refused as not ours is left exactly as it was. Reads write too (the coach's checkpoint, a
    // migration), through a -journal file of the journal's own mode, so this is on every open.
    if (exists) tighten(path);
    configure(db);
    if (version < SCHEMA_VERSION) migrate(db, version);
    const open = db;
    return { db: open, path, snapshot: false, close: () => open.close() };
  } catch (e) {
    db?.close();
    if (isReadOnlyFailure(e)) {
      const denied = unreadableError(path);
      if (denied) throw denied;
    }
    if (!opts.write && isReadOnlyFailure(e)) {
      const pending = pendingError(path);
      if (pending === null) return snapshot(path);
      throw pending;
    }
    if (e instanceof JournalError) throw e;
    if (isReadOnlyFailure(e)) throw new JournalError(`cannot open ${path}: ${(e as Error).message}.`, 'Check the path and its permissions.');
    throw e;
  }
}

/**
 * A journal pace opens is made private (0600) when its owner gave it a looser mode
 * (an empty file made with touch, say), and so is its -journal file, which SQLite creates with the
 * journal's own mode and which holds the pages a write changes. A file of another user is left
 * as it is.
 */
function tighten(path: string): void {
  for (const file of [path, `${path}-journal`]) {
    let st;
    try {
      st = statSync(file);
    } catch {
      continue;
    }
    if ((st.mode & 0o077) === 0 || st.uid !== process.getuid?.()) continue;
    try {
      chmodSync(file, st.mode & 0o700);
    } catch (e) {
      // A read-only mount, or one without modes (FAT): nothing to tighten there, and a read still
      // works (from a copy in memory when the folder cannot be written).
      const code = (e as { code?: string }).code;
      if (code !== 'EROFS' && code !== 'EPERM') throw e;
    }
  }
}

/** Whether this user may write `path` (a file or a folder; a read-only mount says no, for root too). */
function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a write to the journal at `path` could be saved from here: the file, and its -journal
 * file or, without one, its folder (where SQLite creates it).
 */
export function canSaveTo(path: string): boolean {
  const beside = `${path}-journal`;
  return canWrite(path) && (existsSync(beside) ? canWrite(beside) : canWrite(dirname(path)));
}

/**
 * Whether a journal could be made at `path`, which does not exist yet: the nearest folder above
 * it that exists can be written (missing folders are made inside it). A file or a dangling link
 * on the way, or a folder that cannot be written, says no.
 */
export function canCreateAt(path: string): boolean {
  let dir = dirname(path);
  for (;;) {
    let st;
    try {
      st = statSync(dir);
    } catch {
      const up = dirname(dir);
      if (up === dir) return false;
      dir = up;
      continue;
    }
    return st.isDirectory() && canWrite(dir);
  }
}

/**
 * What a copy of the file alone would miss: entries in a -wal file (only a journal left in WAL mode
 * by an earlier pace has one), or a write in a rollback journal whose first byte is set (SQLite's
 * mark of a "hot" journal: a write cut off by a crash or a killed process, or one still under way,
 * which is treated the same).
 */
function pendingBeside(path: string): 'wal' | 'journal' | null {
  if (existsSync(`${path}-wal`)) return 'wal';
  return hotJournalBeside(path) ? 'journal' : null;
}

/**
 * Whether `path`-journal holds a write to undo (its first byte set: SQLite's "hot" journal), which
 * the next open of `path` plays back into it, whatever file `path` is by then.
 */
export function hotJournalBeside(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(`${path}-journal`, 'r');
  } catch {
    return false;
  }
  try {
    const first = Buffer.alloc(1);
    return readSync(fd, first, 0, 1, 0) === 1 && first[0] !== 0;
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a journal this user may not write cannot be read at all: what waits beside it (a write cut
 * off, entries in a -wal file) can only be taken in by someone who may write there. Null when
 * nothing waits.
 */
export function pendingError(path: string): JournalError | null {
  const pending = pendingBeside(path);
  if (pending === null) return null;
  const fix = "Run any pace command once as the journal's owner, with write access to its folder.";
  if (pending === 'wal') return new JournalError(`${path} has recent entries in ${path}-wal, which cannot be read from here.`, fix);
  return new JournalError(`${path} holds a write that was cut off (by a crash or a stopped pace), and it cannot be undone from here.`, `${fix} That undoes it.`);
}

/**
 * A journal this user may not read (another user's, mode 0600), in the same words from every
 * command; null when it can be read. Node said "EACCES: permission denied, open '...'", and SQLite
 * "unable to open database file (SQLITE_CANTOPEN)".
 */
export function unreadableError(path: string): JournalError | null {
  try {
    accessSync(path, constants.R_OK);
    return null;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'EACCES' && code !== 'EPERM') return null;
    return new JournalError(`cannot read ${path}: permission denied.`, "Check the file's permissions, or point --db or PACE_DB at your own journal.");
  }
}

/**
 * Why nothing could be saved to the journal at `path` from here, or null when it can be (or does
 * not exist yet: the write makes it). Asked before the first question, so a read-only journal (its
 * file or mount, or a folder that cannot take its -journal file), or a damaged one, is said before
 * the answers, not after.
 */
export function cannotSaveError(path: string): JournalError | null {
  if (!existsSync(path)) return null;
  if (!canSaveTo(path)) {
    return new JournalError(`the journal at ${path} is read-only here, so nothing can be saved; no question was asked.`,
      'Check the file permissions, or use --db to pick a writable journal.');
  }
  // A damaged journal refuses every write (refuseIfDamaged): said before the answers too.
  return damagedBeforeAsking(path, (p) => openDatabase(p, { readonly: true, fileMustExist: true }));
}

export function isReadOnlyFailure(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES';
}

/**
 * A journal in a folder this user may not write (a shared or mounted copy) is read from a copy in
 * memory: in place, SQLite would need to create files beside it (a -shm file, for a journal left
 * in WAL mode) or could not undo a write that was cut off.
 */
function snapshot(path: string): Journal {
  let db: Db;
  try {
    const bytes = readFileSync(path);
    // Header bytes 18-19 say "WAL"; an in-memory copy cannot use WAL, so mark the copy as rollback.
    if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
    db = openDatabase(bytes, { readonly: true });
  } catch (e) {
    throw unreadableError(path) ?? new JournalError(`cannot read ${path}: ${(e as Error).message}.`, 'Check the file permissions.');
  }
  try {
    probe(db, path);
  } catch (e) {
    db.close();
    throw e;
  }
  // Ours, and read from a copy: still made private, as on any open (the folder's mode is not the file's).
  tighten(path);
  return { db, path, snapshot: true, close: () => db.close() };
}

/**
 * The journal a command writes to, after it has read and checked everything: the one already
 * open, or the file itself when the read saw an empty or in-memory journal. Opening for writing
 * creates the folder and file on first use.
 */
export function forWriting(journal: Journal, path: string): Journal {
  if (journal.path !== null && !journal.snapshot) return journal;
  journal.close();
  return openJournal(path, { write: true });
}

/** The journal a read command sees when no journal file exists yet: empty, nothing on disk. */
function emptyJournal(): Journal {
  const db = openDatabase(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 0);
  return { db, path: null, snapshot: false, close: () => db.close() };
}

export interface Header {
  version: number;
  appId: number;
  tables: number;
}

/**
 * The fields that say whose file this is, read in one statement (one snapshot) so that a journal
 * another process is creating is seen whole or not at all. Writes nothing.
 */
export function readHeader(db: Db): Header {
  return db
    .prepare(
      `SELECT (SELECT user_version FROM pragma_user_version) AS version,
              (SELECT application_id FROM pragma_application_id) AS appId,
              (SELECT count(*) FROM sqlite_schema) AS tables`,
    )
    .get() as Header;
}

/** Reads the header only; throws before anything is written to a file that is not ours. */
function probe(db: Db, path: string): number {
  let version: number;
  let appId: number;
  let tables: number;
  try {
    ({ version, appId, tables } = readHeader(db));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' && holdsPaceSchema(path)) {
      throw new JournalError(`${path} is damaged (its header, the first bytes of the file, is overwritten); it was left untouched.`, 'Run pace check to see what it finds, and restore from a backup if it can.');
    }
    if (code === 'SQLITE_NOTADB') {
      throw new JournalError(`${path} is not a pace journal (it is not a SQLite database); it was left untouched.`, 'Point --db or PACE_DB at a pace journal, or at a new file name to start one.');
    }
    // A SQLite file whose schema cannot be read: damage, not someone else's file.
    if (code?.startsWith('SQLITE_CORRUPT')) {
      throw new JournalError(`${path} is damaged (${(e as Error).message}); it was left untouched.`, 'Run pace check to see what it finds, and restore from a backup if it can.');
    }
    // Read-only and busy journals have messages of their own (main.ts).
    if (isReadOnlyFailure(e) || code?.startsWith('SQLITE_BUSY')) throw e;
    throw new JournalError(`cannot read ${path}: ${(e as Error).message}.`);
  }
  const blank = version === 0 && appId === 0 && tables === 0;
  if (!blank && appId !== APPLICATION_ID) {
    throw new JournalError(`${path} is a SQLite database but not a pace journal; it was left untouched.`, 'Point --db or PACE_DB at a pace journal, or at a new file name to start one.');
  }
  if (version > SCHEMA_VERSION) {
    throw new JournalError(
      `${path} was written by a newer version of pace (journal version ${version}, this pace knows up to ${SCHEMA_VERSION}); it was left untouched.`,
      'Update pace to read this journal.',
    );
  }
  return version;
}

/**
 * How the journal writes (docs/decisions.md, "How the journal file is written"): a rollback journal
 * kept between writes (PERSIST) and synced in full, so every commit survives a crash or a power
 * cut, the journal file is always whole by itself between commands, and a write costs no file
 * created or deleted. PERSIST is a setting of the connection, so it is made on every open.
 */
function configure(db: Db): void {
  // The kept journal file is cut back after a write that grew it past 1 MiB (a big import or delete).
  // Temporary data (sorting, the undo record of one statement) stays in memory: SQLite would
  // otherwise spill it, note text included, to files in /var/tmp or $TMPDIR, outside the journal's
  // private folder.
  // secure_delete: a deleted or changed row (a note, say) is overwritten in the file, not left in a
  // free page for anyone with a copy to read.
  db.exec('PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 1048576; PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON');
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') {
    db.pragma('journal_mode = PERSIST');
    return;
  }
  // A journal that an earlier pace left in WAL mode moves over when nothing else has it open. If
  // something does, this run stays in WAL rather than wait; a later one moves it.
  try {
    withoutWaiting(db, () => db.pragma('journal_mode = PERSIST'));
  } catch {
    // Busy, or a read-only medium: WAL still reads and writes correctly.
  }
}

/**
 * For a write that changes or removes what the person wrote (an edit, a delete): the kept
 * -journal file, which holds the pages as they were before the write, is emptied when it commits,
 * so the old text does not stay beside the journal.
 */
export function forgetReplacedPages(db: Db): void {
  db.pragma('journal_size_limit = 0');
}

/** Runs `fn` with the connection's busy timeout at zero: a lock held elsewhere fails at once. */
export function withoutWaiting<T>(db: Db, fn: () => T): T {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

function migrate(db: Db, from: number): void {
  for (let v = from + 1; v <= SCHEMA_VERSION; v++) {
    const sql = MIGRATIONS[v - 1]!;
    write(db, () => {
      // Another process may have migrated while this one waited for the lock.
      if ((db.pragma('user_version', { simple: true }) as number) >= v) return;
      db.exec(sql);
      db.pragma(`user_version = ${v}`);
    }, true);
  }
}

/**
 * Reads in one transaction: one snapshot of the journal, however many statements. Inside another
 * transaction it is part of that one's snapshot already, and has nothing of its own to undo.
 */
export function readTransaction<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : transaction(db, 'BEGIN', fn);
}

/**
 * Every write runs in an immediate transaction, so two writers queue instead of failing.
 * `derived` marks a write nobody asked for (a checkpoint, a migration), which is not counted as
 * saved (src/store/commits.ts).
 */
export function write<T>(db: Db, fn: () => T, derived = false): T {
  const result = transaction(db, 'BEGIN IMMEDIATE', fn);
  if (!derived && !db.inTransaction) countCommit();
  return result;
}

/**
 * `fn` in a transaction, committed when it returns and rolled back when it throws; inside another
 * one, in a savepoint, so that a failure undoes only its own part. better-sqlite3's transaction()
 * does the same, but prepares nine statements at its first use and wraps `fn` four ways at every
 * call, which a daily command pays for on every run; these statements are prepared when first used.
 */
function transaction<T>(db: Db, begin: 'BEGIN' | 'BEGIN IMMEDIATE', fn: () => T): T {
  const nested = db.inTransaction;
  stmt(db, nested ? 'SAVEPOINT pace' : begin).run();
  try {
    // Every write, whichever command makes it, first makes sure the journal is not damaged.
    if (!nested && begin === 'BEGIN IMMEDIATE') refuseIfDamaged(db);
    const result = fn();
    stmt(db, nested ? 'RELEASE pace' : 'COMMIT').run();
    return result;
  } catch (e) {
    // SQLite has already rolled back by itself after some failures (a full disk, say).
    if (db.inTransaction) {
      if (!nested) stmt(db, 'ROLLBACK').run();
      else {
        stmt(db, 'ROLLBACK TO pace').run();
        stmt(db, 'RELEASE pace').run();
      }
    }
    throw e;
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection: imports of 100,000 rows prepare each SQL once. */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
