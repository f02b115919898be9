import type { IsoDate } from '../core/types.js';
import type { Db } from './open.js';
import { getSession } from './sessions.js';
import type { Session } from '../core/types.js';

/** F2: the latest session in [from, to] that has no next-day answer yet. */
export function pendingCheckin(db: Db, from: IsoDate, to: IsoDate): Session | undefined {
  const row = db
    .prepare(
      `SELECT s.id FROM sessions s WHERE s.day BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.session_id = s.id)
       ORDER BY s.day DESC, s.id DESC LIMIT 1`,
    )
    .get(from, to) as { id: number } | undefined;
  return row && getSession(db, row.id);
}

/** F2: records the answer; "not settled" adds the assess symptom pain-over-24h to that session. */
export function recordCheckin(db: Db, sessionId: number, day: IsoDate, settled: boolean): void {
  db.prepare('INSERT INTO checkins (session_id, day, settled) VALUES (?, ?, ?)').run(sessionId, day, settled ? 1 : 0);
  if (!settled) {
    db.prepare(
      `UPDATE sessions SET symptoms = CASE WHEN symptoms = '' THEN 'pain-over-24h' ELSE symptoms || ';pain-over-24h' END
       WHERE id = ? AND (';' || symptoms || ';') NOT LIKE '%;pain-over-24h;%'`,
    ).run(sessionId);
  }
}
