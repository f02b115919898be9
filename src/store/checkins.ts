import { answerOfDay, answerOnArrival, type DayAnswer, type TakenAnswer } from '../core/nextDay.js';
import { PAIN_OVER_24H } from '../core/symptoms.js';
import type { IsoDate, Session } from '../core/types.js';
import { stmt, type Db } from './open.js';
import { addSymptoms, getSession, listSessions } from './sessions.js';

/** F2: a day whose pain the next-day check asks about, with every session of that day. */
export interface PendingDay {
  date: IsoDate;
  /** All the day's sessions, in the order they were logged: the pain is the person's (F2). */
  sessions: Session[];
}

/**
 * F2: the latest day in [from, to] with a session that has no next-day answer yet, on a day not
 * answered at all: a day answered once is not asked again (a session added to it later takes its
 * answer, `takeDayAnswer`; one from before that rule has none, and the day is still answered).
 */
export function pendingCheckin(db: Db, from: IsoDate, to: IsoDate): PendingDay | undefined {
  const row = db
    .prepare(
      `SELECT s.day FROM sessions s WHERE s.day BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM checkins c JOIN sessions o ON o.id = c.session_id WHERE o.day = s.day)
       ORDER BY s.day DESC LIMIT 1`,
    )
    .get(from, to) as { day: IsoDate } | undefined;
  return row && { date: row.day, sessions: listSessions(db, { from: row.day, to: row.day }) };
}

/**
 * F2: records the answer for every session of the day, one row each; a row already there is left
 * as it is (INSERT OR IGNORE: a session moved onto the day with its own "not settled"). "Not
 * settled" is triaged by the caller, which adds `pain-over-24h`. Sessions added to the day later
 * take its answer through `takeDayAnswer`.
 */
export function recordCheckin(db: Db, sessionIds: readonly number[], day: IsoDate, settled: boolean): void {
  // A session keeps its first answer, but for a "not settled" given after a "settled" (`edit
  // --settled no` corrects it): F1 never loses a flare, and never gains one from a later "settled".
  const upsert = db.prepare(
    `INSERT INTO checkins (session_id, day, settled) VALUES (?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET day = excluded.day, settled = 0 WHERE excluded.settled = 0 AND checkins.settled = 1`,
  );
  for (const id of sessionIds) upsert.run(id, day, settled ? 1 : 0);
}

/** F2: the answer each session of `date` holds, by session id (a session with none is absent). */
export function answersOnDay(db: Db, date: IsoDate): Map<number, DayAnswer> {
  return new Map(dayAnswerRows(db, date).map((r) => [r.id, toAnswer(r)]));
}

function dayAnswerRows(db: Db, date: IsoDate) {
  return stmt(db, `SELECT c.session_id AS id, c.day, c.settled FROM checkins c JOIN sessions s ON s.id = c.session_id WHERE s.day = ?`).all(date) as {
    id: number;
    day: IsoDate;
    settled: number;
  }[];
}

const toAnswer = (r: { day: IsoDate; settled: number }): DayAnswer => ({ settled: r.settled === 1, answeredOn: r.day });

/** F2: whether the next-day check said that the pain after this session had not settled. */
export function answeredNotSettled(db: Db, sessionId: number): boolean {
  return db.prepare('SELECT 1 FROM checkins WHERE session_id = ? AND settled = 0').get(sessionId) !== undefined;
}

/**
 * F2: the days that have a next-day answer (any of their sessions holds one); with `notSettled`,
 * only those whose pain had not settled (answerOfDay: any of their sessions says so).
 */
export function answeredDays(db: Db, notSettled = false): Set<string> {
  const rows = stmt(db, `SELECT DISTINCT s.day FROM checkins c JOIN sessions s ON s.id = c.session_id${notSettled ? ' WHERE c.settled = 0' : ''}`).all() as { day: string }[];
  return new Set(rows.map((r) => r.day));
}

/**
 * F2: a session logged, moved or imported onto a day that already has a next-day answer takes it
 * (`answerOnArrival`): its own `checkins` row, and for "not settled" `pain-over-24h`. Moved onto a
 * day with none, it loses a "settled" of its own, which was about the day it left. The code is
 * not triaged again: the answer was triaged when it was given, and a hold a clinician has cleared
 * since stays cleared. Call inside the write transaction, after the session is written.
 * `ownStands`: a session that brought its own answer (a backup's) keeps it, so that a restore
 * gives back the day as it was, its sessions answered differently or not.
 */
export function takeDayAnswer(db: Db, sessionId: number, ownStands = false): TakenAnswer | null {
  const session = getSession(db, sessionId);
  if (!session) return null;
  const rows = dayAnswerRows(db, session.date);
  const own = rows.find((r) => r.id === sessionId);
  if (own && ownStands) return null;
  const day = answerOfDay(rows.filter((r) => r.id !== sessionId).map(toAnswer));
  // Moved (edit) onto a day with no answer, a "settled" it holds was about the day it left: kept,
  // it would answer this day for its other sessions, and the check would never ask about them.
  // A "not settled" stays, as F1 never loses a flare.
  if (day === null && own?.settled === 1) {
    stmt(db, 'DELETE FROM checkins WHERE session_id = ?').run(sessionId);
    return null;
  }
  const taken = answerOnArrival(day, own ? own.settled === 1 : null, session.symptoms);
  if (!taken) return null;
  stmt(
    db,
    `INSERT INTO checkins (session_id, day, settled) VALUES (?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET day = excluded.day, settled = excluded.settled`,
  ).run(sessionId, taken.answeredOn, taken.settled ? 1 : 0);
  if (!taken.settled) addSymptoms(db, sessionId, [PAIN_OVER_24H]);
  return { date: session.date, ...taken };
}
