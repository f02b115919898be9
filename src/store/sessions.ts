import type { Category, IsoDate, Session, SessionInput, Unit } from '../core/types.js';
import { ensureActivity } from './activities.js';
import { stmt, type Db } from './open.js';
import type { DatedSession } from '../core/datedAhead.js';

interface SessionRow {
  id: number;
  uid: string;
  day: string;
  activity: string;
  unit: Unit;
  category: Category;
  dose: number;
  pain_before: number | null;
  pain_after: number | null;
  effort: number | null;
  flare: number;
  symptoms: string;
  note: string | null;
}

const SELECT = `
  SELECT s.id, s.uid, s.day, a.name AS activity, a.unit, a.category, s.dose, s.pain_before, s.pain_after,
         s.effort, s.flare, s.symptoms, s.note
  FROM sessions s JOIN activities a ON a.id = s.activity_id`;

export function toSession(r: SessionRow): Session {
  return {
    id: r.id,
    date: r.day as IsoDate,
    activity: r.activity,
    unit: r.unit,
    category: r.category,
    dose: r.dose,
    painBefore: r.pain_before,
    painAfter: r.pain_after,
    effort: r.effort,
    flare: r.flare === 1,
    symptoms: r.symptoms === '' ? [] : r.symptoms.split(';'),
    note: r.note,
  };
}

export interface NewSession extends SessionInput {
  unit: Unit;
  category: Category;
  uid?: string;
}

/**
 * A random (version 4) UUID made by SQLite from its own generator, which the OS seeds. Loading
 * node:crypto for one UUID would cost `pace log` several milliseconds of start-up.
 */
export const NEW_UID = `(SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
  substr('89ab', 1 + (unicode(substr(h, 17, 1)) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)
  FROM (SELECT lower(hex(randomblob(16))) AS h))`;

/** Inserts one session (creating its activity on first use). Call inside a write transaction. */
export function insertSession(db: Db, s: NewSession, loggedAt: string): number {
  const activityId = ensureActivity(db, { name: s.activity, unit: s.unit, category: s.category });
  const info = stmt(
    db,
    // Migration 9: above every id the journal has given, deleted ones included, never one again.
    `INSERT INTO sessions (id, uid, day, activity_id, dose, pain_before, pain_after, effort, flare, symptoms, note, logged_at)
       VALUES (max(coalesce((SELECT max(id) FROM sessions), 0), (SELECT deleted FROM session_ids WHERE id = 1)) + 1,
               coalesce(?, ${NEW_UID}), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.uid ?? null, s.date, activityId, s.dose, s.painBefore, s.painAfter, s.effort, s.flare ? 1 : 0, s.symptoms.join(';'), s.note, loggedAt);
  return Number(info.lastInsertRowid);
}

export function updateSession(db: Db, id: number, s: NewSession): void {
  const activityId = ensureActivity(db, { name: s.activity, unit: s.unit, category: s.category });
  db.prepare(
    `UPDATE sessions SET day = ?, activity_id = ?, dose = ?, pain_before = ?, pain_after = ?, effort = ?, flare = ?,
       symptoms = ?, note = ? WHERE id = ?`,
  ).run(s.date, activityId, s.dose, s.painBefore, s.painAfter, s.effort, s.flare ? 1 : 0, s.symptoms.join(';'), s.note, id);
}

/**
 * The other sessions of session `id`'s day that hold exactly what it holds (activity, dose, pain,
 * effort, flare, symptoms and note), logged at or after `since` and not after it, oldest first: the
 * same command run again, most likely, where two walks a day would differ in something or in their
 * hour. One logged "after" it was logged by a clock that was ahead and has been set back since.
 */
export function twinsOf(db: Db, id: number, since: string): number[] {
  return stmt(
    db,
    `SELECT o.id FROM sessions n JOIN sessions o ON o.day = n.day AND o.id <> n.id
       WHERE n.id = ? AND o.logged_at >= ? AND o.logged_at <= n.logged_at AND o.activity_id = n.activity_id AND o.dose = n.dose
         AND o.pain_before IS n.pain_before AND o.pain_after IS n.pain_after AND o.effort IS n.effort
         AND o.flare = n.flare AND o.symptoms = n.symptoms AND o.note IS n.note
       ORDER BY o.id`,
  )
    .pluck()
    .all(id, since) as number[];
}

export function deleteSession(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes === 1;
}

export function getSession(db: Db, id: number): Session | undefined {
  const row = stmt(db, `${SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  return row && toSession(row);
}

export interface SessionQuery {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  limit?: number | undefined;
  newestFirst?: boolean;
}

function where(q: SessionQuery): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.from) {
    clauses.push('s.day >= ?');
    params.push(q.from);
  }
  if (q.to) {
    clauses.push('s.day <= ?');
    params.push(q.to);
  }
  const order = q.newestFirst ? 'ORDER BY s.day DESC, s.id DESC' : 'ORDER BY s.day, s.id';
  const limit = q.limit !== undefined ? ` LIMIT ${Math.floor(q.limit)}` : '';
  return { sql: `${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ${order}${limit}`, params };
}

export function listSessions(db: Db, q: SessionQuery = {}): Session[] {
  const w = where(q);
  return (db.prepare(`${SELECT} ${w.sql}`).all(...w.params) as SessionRow[]).map(toSession);
}

/**
 * Sessions oldest first, one row at a time straight from the statement: for the JSON backup and
 * import's duplicate check, which need no more than a row at a time from SQLite.
 */
export function* iterateSessions(db: Db, q: SessionQuery = {}): Generator<Session & { uid: string }> {
  const w = where(q);
  for (const row of db.prepare(`${SELECT} ${w.sql}`).iterate(...w.params) as IterableIterator<SessionRow>) {
    yield { ...toSession(row), uid: row.uid };
  }
}

/** The session logged most recently before `date` (by day, then by entry order). */
export function lastSessionBefore(db: Db, date: IsoDate): Session | undefined {
  const row = db.prepare(`${SELECT} WHERE s.day < ? ORDER BY s.day DESC, s.id DESC LIMIT 1`).get(date) as SessionRow | undefined;
  return row && toSession(row);
}

/** The day of the earliest session, or null in a journal without one. */
export function firstSessionDay(db: Db): IsoDate | null {
  return ((db.prepare('SELECT min(day) AS day FROM sessions').get() as { day: IsoDate | null }).day ?? null);
}

/**
 * The sessions dated after `day`, oldest first, as id and day: one look at the index by day
 * (`sessions_by_day` holds both), so status can afford it on every run.
 */
export function sessionsAfter(db: Db, day: IsoDate): DatedSession[] {
  return stmt(db, 'SELECT id, day AS date FROM sessions WHERE day > ? ORDER BY day, id').all(day) as DatedSession[];
}

/** How many sessions the journal holds, or holds from `from` to `to` (days included). */
export function countSessions(db: Db, range: Pick<SessionQuery, 'from' | 'to'> = {}): number {
  const w = where({ from: range.from, to: range.to });
  return (db.prepare(`SELECT count(*) AS n FROM sessions s ${w.sql}`).get(...w.params) as { n: number }).n;
}

/** Adds symptom codes to a session, keeping the ones it has. */
export function addSymptoms(db: Db, id: number, codes: readonly string[]): void {
  const current = getSession(db, id);
  if (!current) return;
  const added = codes.filter((c) => !current.symptoms.includes(c));
  if (added.length === 0) return;
  const merged = [...current.symptoms, ...added];
  stmt(db, 'UPDATE sessions SET symptoms = ? WHERE id = ?').run(merged.join(';'), id);
}

/** The notes of the sessions in a date range, by session id (only sessions that have one). */
export function notesById(db: Db, q: Pick<SessionQuery, 'from' | 'to'>): Map<number, string> {
  const rows = db
    .prepare('SELECT id, note FROM sessions WHERE note IS NOT NULL AND day >= ? AND day <= ?')
    .raw(true)
    .all(q.from ?? '0000-01-01', q.to ?? '9999-12-31') as [number, string][];
  return new Map(rows);
}

/** Whether a session in a date range has a note: an export or report that leaves notes out says so only then (E3). */
export function hasNotes(db: Db, q: Pick<SessionQuery, 'from' | 'to'>): boolean {
  return stmt(db, 'SELECT 1 FROM sessions WHERE note IS NOT NULL AND day >= ? AND day <= ? LIMIT 1').get(q.from ?? '0000-01-01', q.to ?? '9999-12-31') !== undefined;
}
