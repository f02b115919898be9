import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { JournalError } from './errors.js';

type Db = Database.Database;

/**
 * What SQLite's quick_check finds wrong with the journal, one line each; empty when sound. It
 * reads every page: a damaged page can hide from the queries a command runs.
 */
export function quickCheckProblems(db: Db): string[] {
  const cut = cutShort(db);
  if (cut !== null) return [cut];
  const rows = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
  // One row can hold several lines, under a "*** in database main ***" heading.
  return rows.flatMap((r) => r.quick_check.split('\n')).filter((l) => l !== 'ok' && !l.startsWith('*** '));
}

/**
 * SQLite writes whole pages, so a journal file that ends part-way through one was cut short (a
 * copy or a sync stopped, a disk that filled). SQLite reads the missing bytes as zeros and
 * quick_check passes when they fall inside a record: the end of that record is lost unseen.
 */
function cutShort(db: Db): string | null {
  if (db.memory) return null;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  let size: number;
  try {
    size = statSync(db.name).size;
  } catch {
    return null;
  }
  return size % pageSize === 0 ? null : `it ends part-way through a page (${size} bytes, in pages of ${pageSize}), so the file was cut short`;
}

/**
 * For a file SQLite calls malformed: whether it holds fewer pages than its header counts (a copy
 * or a sync stopped at a page boundary), as the pages there and the pages counted. The header's
 * count is only read when SQLite marks it valid (bytes 24 and 92 agree).
 */
export function missingPages(path: string): { have: number; want: number } | null {
  return readingFile(path, null, (fd) => {
    const head = Buffer.alloc(100);
    if (readSync(fd, head, 0, 100, 0) < 100) return null;
    const raw = head.readUInt16BE(16);
    const pageSize = raw === 1 ? 65_536 : raw;
    const want = head.readUInt32BE(28);
    if (pageSize < 512 || want === 0 || head.readUInt32BE(24) !== head.readUInt32BE(92)) return null;
    const have = Math.ceil(fstatSync(fd).size / pageSize);
    return have < want ? { have, want } : null;
  });
}

/** `fn` with the file at `path` open for reading, then closed; `unopened` when it cannot be opened. */
function readingFile<T>(path: string, unopened: T, fn: (fd: number) => T): T {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return unopened;
  }
  try {
    return fn(fd);
  } finally {
    closeSync(fd);
  }
}

const vouched = new WeakSet<Db>();

/**
 * Refuses to write to a damaged journal (issue 17): called by every write transaction once it
 * holds the write lock, before anything is changed.
 *
 * Reading every page costs 2-4 ms on ten years of entries, too much for every `pace log`, so the
 * full check runs only when the file looks touched by something other than SQLite's own commits:
 * pace keeps its rollback journal (`-journal`) between writes, and every commit writes that file
 * after the journal itself (it zeroes its header last). So a journal whose file was changed after
 * its -journal file, or that has no -journal file (a copy, a restore, an older pace), is checked
 * in full; otherwise two stat calls vouch for it. What this cannot see is damage that leaves the
 * file's time alone (a failing disk); `pace check` reads everything. See docs/decisions.md.
 */
export function refuseIfDamaged(db: Db): void {
  if (vouched.has(db) || db.memory) return;
  if (looksTouched(db.name)) {
    let problems: string[];
    try {
      problems = quickCheckProblems(db);
    } catch (e) {
      problems = [(e as Error).message];
    }
    if (problems.length > 0) {
      throw new JournalError(`the journal at ${db.name} is damaged (${problems[0]}); nothing was written. Run pace check.`);
    }
  }
  vouched.add(db);
}

/**
 * The damage refuseIfDamaged would find at the write, looked for before the first question (on a
 * connection of its own, vouching for nothing): the same stat calls, and the full check only when
 * the file looks touched. Null when sound, or when it cannot be read here (the read says why).
 */
export function damagedBeforeAsking(path: string, open: (path: string) => Db): JournalError | null {
  if (!looksTouched(path)) return null;
  let problems: string[];
  try {
    const db = open(path);
    try {
      problems = quickCheckProblems(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
  if (problems.length === 0) return null;
  return new JournalError(`the journal at ${path} is damaged (${problems[0]}); no question was asked. Run pace check.`);
}

function looksTouched(path: string): boolean {
  try {
    const file = statSync(path, { bigint: true });
    const journal = statSync(`${path}-journal`, { bigint: true });
    return file.mtimeNs > journal.mtimeNs;
  } catch {
    return true;
  }
}

/** In the schema of every pace journal (migration 1), and in no other program's file we know of. */
const PACE_TABLE = Buffer.from('CREATE TABLE triage_records (');
/**
 * What precedes it in the schema table's record: the type, name and table name, then the root
 * page (one to four bytes). A SQL dump, or pace's own code, holds the statement without these.
 */
const RECORD_NAMES = Buffer.from('triage_recordstriage_records');
const MAX_ROOT_BYTES = 4;
/** How far a file is searched for it: only ever on the way to refusing a file. */
const SEARCH_LIMIT = 64 * 1024 * 1024;

/**
 * For a file SQLite calls "not a database": whether it still holds a pace journal's schema record,
 * so it is a journal whose first bytes (the SQLite header) were overwritten, not someone else's
 * file. The schema can sit on any page after migrations, so the file is searched (up to 64 MiB).
 */
export function holdsPaceSchema(path: string): boolean {
  return readingFile(path, false, (fd) => {
    const overlap = RECORD_NAMES.length + MAX_ROOT_BYTES + PACE_TABLE.length - 1;
    const chunk = Buffer.alloc(1024 * 1024 + overlap);
    let keep = 0;
    for (let at = 0; at < SEARCH_LIMIT; ) {
      const n = readSync(fd, chunk, keep, chunk.length - keep, at);
      if (n === 0) return false;
      const filled = keep + n;
      if (holdsSchemaRecord(chunk.subarray(0, filled))) return true;
      at += n;
      // The last bytes again, in case the record straddles two reads.
      keep = Math.min(overlap, filled);
      chunk.copy(chunk, 0, filled - keep, filled);
    }
    return false;
  });
}

function holdsSchemaRecord(bytes: Buffer): boolean {
  for (let i = bytes.indexOf(PACE_TABLE); i >= 0; i = bytes.indexOf(PACE_TABLE, i + 1)) {
    for (let k = 1; k <= MAX_ROOT_BYTES; k++) {
      const end = i - k;
      if (end >= RECORD_NAMES.length && bytes.subarray(end - RECORD_NAMES.length, end).equals(RECORD_NAMES)) return true;
    }
  }
  return false;
}
