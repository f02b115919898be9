import { existsSync } from 'node:fs';
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
  if (!existsSync(path)) return NOTHING;
  let db: Db | undefined;
  try {
    const open = openDatabase(path, { readonly: true, fileMustExist: true, timeout: 0 });
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
