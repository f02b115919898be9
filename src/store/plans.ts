import { storedDoseProblem } from '../core/input.js';
import type { IsoDate } from '../core/types.js';
import { findActivity } from './activities.js';
import type { Db } from './open.js';

// Q7 overrides and S2 acceptances: the only plan decisions that are stored. The plan itself is
// always derived from history (Q9).

export interface OverrideRecord {
  activity: string;
  weekStart: IsoDate;
  quota: number | null;
  sessionsPerWeek: number | null;
  setOn: IsoDate;
}

export interface AcceptanceRecord {
  activity: string;
  weekStart: IsoDate;
  quota: number;
  acceptedOn: IsoDate;
}

/**
 * Q7: a new setting is the one that stands, so it is dated no earlier than the latest already set
 * for that activity and week: with the day gone back (a clock set back, a flight west), dated by
 * the calendar it lost to the older one, and the plan kept what the person had just changed.
 */
export function insertOverride(db: Db, o: OverrideRecord): void {
  const a = findActivity(db, o.activity);
  if (!a) throw new Error(`unknown activity ${o.activity}`);
  db.prepare(
    `INSERT INTO overrides (activity_id, week_start, quota, sessions_per_week, set_on)
     SELECT ?, ?, ?, ?, max(?, coalesce(max(set_on), ?)) FROM overrides
      WHERE activity_id = ? AND week_start BETWEEN date(?, 'weekday 0', '-6 days') AND date(?, 'weekday 0')`,
  ).run(a.id, o.weekStart, o.quota, o.sessionsPerWeek, o.setOn, o.setOn, a.id, o.weekStart, o.weekStart);
}

/**
 * Q7: the settings of an activity's week (the week holding `weekStart`) whose quota import now
 * refuses (saved before MAX_DOSE or Q6's whole reps: `storedDoseProblem`), taken out as a new
 * setting of that week replaces them. The plan never reads them again (the newer one stands), and
 * kept beside it, they left the journal's backup one that no import takes. Returns how many.
 */
export function dropRefusedOverrides(db: Db, activity: string, weekStart: IsoDate): number {
  const a = findActivity(db, activity);
  if (!a) return 0;
  const rows = db
    .prepare(`SELECT id, quota FROM overrides WHERE activity_id = ? AND quota IS NOT NULL AND week_start BETWEEN date(?, 'weekday 0', '-6 days') AND date(?, 'weekday 0')`)
    .all(a.id, weekStart, weekStart) as { id: number; quota: number }[];
  const drop = db.prepare('DELETE FROM overrides WHERE id = ?');
  let n = 0;
  for (const r of rows) if (storedDoseProblem(r.quota, a.unit) !== null) n += drop.run(r.id).changes;
  return n;
}

export function listOverrides(db: Db): OverrideRecord[] {
  return db
    .prepare(
      `SELECT a.name AS activity, o.week_start AS weekStart, o.quota, o.sessions_per_week AS sessionsPerWeek, o.set_on AS setOn
       FROM overrides o JOIN activities a ON a.id = o.activity_id ORDER BY o.week_start, o.id`,
    )
    .all() as OverrideRecord[];
}

/**
 * S2, T2/T3: an acceptance comes after every triage record already stored (`plan` refuses one
 * while a hold is open), so it is dated no earlier than the latest of them. With the day gone
 * back, a clearance can be dated after today; an acceptance dated by the calendar fell inside the
 * hold by the dates, counted for nothing, and the plan went on offering the increase.
 */
export function insertAcceptance(db: Db, x: AcceptanceRecord): void {
  const a = findActivity(db, x.activity);
  if (!a) throw new Error(`unknown activity ${x.activity}`);
  db.prepare(
    `INSERT INTO acceptances (activity_id, week_start, quota, accepted_on)
     SELECT ?, ?, ?, max(?, coalesce(max(day), ?)) FROM triage_records`,
  ).run(a.id, x.weekStart, x.quota, x.acceptedOn, x.acceptedOn);
}

export function listAcceptances(db: Db): AcceptanceRecord[] {
  return db
    .prepare(
      `SELECT a.name AS activity, x.week_start AS weekStart, x.quota, x.accepted_on AS acceptedOn
       FROM acceptances x JOIN activities a ON a.id = x.activity_id ORDER BY x.week_start, x.id`,
    )
    .all() as AcceptanceRecord[];
}
