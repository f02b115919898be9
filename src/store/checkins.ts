import type { IsoDate, Session } from '../core/types.js';
import type { Db } from './open.js';
import { listSessions } from './sessions.js';

/** F2: a day whose pain the next-day check asks about, with every session of that day. */
export interface PendingDay {
  date: IsoDate;
  /** All the day's sessions, in the order they were logged: the pain is the person's (F2). */
  sessions: Session[];
}

/** F2: the latest day in [from, to] with a session that has no next-day answer yet. */
export function pendingCheckin(db: Db, from: IsoDate, to: IsoDate): PendingDay | undefined {
  const row = db
    .prepare(
      `SELECT s.day FROM sessions s WHERE s.day BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.session_id = s.id)
       ORDER BY s.day DESC LIMIT 1`,
    )
    .get(from, to) as { day: IsoDate } | undefined;
  return row && { date: row.day, sessions: listSessions(db, { from: row.day, to: row.day }) };
}

/**
 * F2: records the answer for every session of the day (one row each; a session answered before
 * keeps its first answer). "Not settled" is triaged by the caller, which adds `pain-over-24h`.
 */
export function recordCheckin(db: Db, sessionIds: readonly number[], day: IsoDate, settled: boolean): void {
  const insert = db.prepare('INSERT OR IGNORE INTO checkins (session_id, day, settled) VALUES (?, ?, ?)');
  for (const id of sessionIds) insert.run(id, day, settled ? 1 : 0);
}

/** F2: whether the next-day check said that the pain after this session had not settled. */
export function answeredNotSettled(db: Db, sessionId: number): boolean {
  return db.prepare('SELECT 1 FROM checkins WHERE session_id = ? AND settled = 0').get(sessionId) !== undefined;
}
