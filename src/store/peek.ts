import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { beforeOutcomes } from './goals.js';
import { readHeader, type Db } from './open.js';
import { APPLICATION_ID } from './schema.js';
import { openDatabase } from './sqlite.js';

/** What shell completion offers from the journal. */
export interface JournalWords {
  /** Every activity name, in order. */
  activities: string[];
  /** The latest sessions' ids, newest first. */
  sessions: number[];
  /** The open goals' ids, oldest first: those a person rates or closes. */
  goals: number[];
}

const NOTHING: JournalWords = { activities: [], sessions: [], goals: [] };

/** How many of the latest sessions completion offers: those a person corrects or deletes. */
const RECENT = 20;

/**
 * The activity names, latest session ids and open goals' ids of the journal at `path`, for shell
 * completion. The file is opened read-only and never waited for, migrated or created: a journal
 * that is missing, busy, mid-write, not pace's or unreadable gives nothing, silently, since a Tab
 * key must never print an error into the line being typed.
 */
export function peekJournal(path: string): JournalWords {
  let db: Db | undefined;
  try {
    // Only a regular file: opening a named pipe (--db on a FIFO) waits for a writer, so Tab would hang.
    if (!statSync(path).isFile()) return NOTHING;
    const open = inWalMode(path) ? copyOutOfWal(path) : openDatabase(path, { readonly: true, fileMustExist: true, timeout: 0 });
    if (!open) return NOTHING;
    db = open;
    if (readHeader(db).appId !== APPLICATION_ID) return NOTHING;
    const activities = db.prepare('SELECT name FROM activities ORDER BY name').pluck().all() as string[];
    const sessions = db.prepare('SELECT id FROM sessions ORDER BY day DESC, id DESC LIMIT ?').pluck().all(RECENT) as number[];
    // A journal from before the goals table (version 5), not yet opened by this pace, still gives the rest.
    const goals = beforeOutcomes(() => open.prepare("SELECT id FROM goals WHERE status = 'open' ORDER BY id").pluck().all() as number[], []);
    return { activities, sessions, goals };
  } catch {
    return NOTHING;
  } finally {
    db?.close();
  }
}

/** The largest journal in WAL mode read into memory for completion: far beyond years of entries. */
const WAL_COPY_LIMIT = 64 * 1024 * 1024;

/**
 * Whether the journal is in WAL mode (an earlier pace left it so) with its -wal or -shm file absent:
 * opening it, even read-only, would create them. Bytes 18 and 19 of the header are 2 in WAL mode.
 */
function inWalMode(path: string): boolean {
  if (existsSync(`${path}-wal`) && existsSync(`${path}-shm`)) return false;
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, 20, 0) === 20 && header[18] === 2 && header[19] === 2;
  } finally {
    closeSync(fd);
  }
}

/**
 * The journal read into memory as a rollback-mode database: nothing beside it is created. No other
 * connection has it open (it would have made both files), so the file holds everything.
 */
function copyOutOfWal(path: string): Db | undefined {
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  try {
    if (fstatSync(fd).size > WAL_COPY_LIMIT) return undefined;
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  bytes[18] = 1;
  bytes[19] = 1;
  return openDatabase(bytes, { readonly: true });
}
