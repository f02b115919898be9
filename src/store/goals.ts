import type { Goal, GoalRating, GoalStatus } from '../core/outcomes/goals.js';
import type { IsoDate } from '../core/types.js';
import { stmt, type Db } from './open.js';
import { NEW_UID } from './sessions.js';

// M: movement goals and their ratings. Call the writers inside a write transaction.

interface GoalRow {
  id: number;
  uid: string;
  text: string;
  status: GoalStatus;
  created_on: IsoDate;
  closed_on: IsoDate | null;
}

/** Goals with their ratings, oldest first; open ones only unless `all`. */
export function listGoals(db: Db, opts: { all?: boolean } = {}): Goal[] {
  const rows = stmt(db, `SELECT id, uid, text, status, created_on, closed_on FROM goals ${opts.all ? '' : "WHERE status = 'open'"} ORDER BY id`).all() as GoalRow[];
  if (rows.length === 0) return [];
  const ratings = new Map<number, GoalRating[]>();
  for (const r of stmt(db, 'SELECT goal_id, day, rating FROM goal_ratings ORDER BY goal_id, day').all() as { goal_id: number; day: IsoDate; rating: number }[]) {
    const list = ratings.get(r.goal_id) ?? [];
    list.push({ date: r.day, rating: r.rating });
    ratings.set(r.goal_id, list);
  }
  return rows.map((r) => toGoal(r, ratings.get(r.id) ?? []));
}

export function getGoal(db: Db, id: number): Goal | undefined {
  const row = stmt(db, 'SELECT id, uid, text, status, created_on, closed_on FROM goals WHERE id = ?').get(id) as GoalRow | undefined;
  if (!row) return undefined;
  const ratings = stmt(db, 'SELECT day AS date, rating FROM goal_ratings WHERE goal_id = ? ORDER BY day').all(id) as GoalRating[];
  return toGoal(row, ratings);
}

export function countOpenGoals(db: Db): number {
  return (stmt(db, "SELECT count(*) AS n FROM goals WHERE status = 'open'").get() as { n: number }).n;
}

/** M1, M2: a new goal, with its first rating that day. */
export function insertGoal(db: Db, text: string, rating: number, day: IsoDate): number {
  const id = Number(stmt(db, `INSERT INTO goals (uid, text, created_on) VALUES (${NEW_UID}, ?, ?)`).run(text, day).lastInsertRowid);
  rateGoal(db, id, rating, day);
  return id;
}

/** M2: one rating per goal per day; a second one that day replaces the first. */
export function rateGoal(db: Db, id: number, rating: number, day: IsoDate): void {
  stmt(db, 'INSERT INTO goal_ratings (goal_id, day, rating) VALUES (?, ?, ?) ON CONFLICT (goal_id, day) DO UPDATE SET rating = excluded.rating').run(id, day, rating);
}

/** M5: closed as achieved or dropped; its ratings stay. */
export function closeGoal(db: Db, id: number, status: 'achieved' | 'dropped', day: IsoDate): void {
  stmt(db, "UPDATE goals SET status = ?, closed_on = ? WHERE id = ? AND status = 'open'").run(status, day, id);
}

function toGoal(r: GoalRow, ratings: GoalRating[]): Goal {
  return { id: r.id, text: r.text, status: r.status, createdOn: r.created_on, closedOn: r.closed_on, ratings };
}

/**
 * `fn`, or `fallback` on a journal from before the outcome tables (version 5) that could not be
 * brought up to date: one read from a folder pace may not write to is read as it is.
 */
export function beforeOutcomes<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && /no such table: (goals|goal_ratings|peg_checkins|peg_offers)/.test(e.message)) return fallback;
    throw e;
  }
}
