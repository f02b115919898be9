import type { Activity, Category, Unit } from '../core/types.js';
import { stmt, type Db } from './open.js';

interface ActivityRow {
  id: number;
  name: string;
  unit: Unit;
  category: Category;
}

/**
 * The activity of that name. Names are stored as typed until this pace, which keeps them in NFC: a
 * name stored with combining accents is found by its NFC spelling, and keeps its stored one.
 */
export function findActivity(db: Db, name: string): (Activity & { id: number }) | undefined {
  const exact = stmt(db, 'SELECT id, name, unit, category FROM activities WHERE name = ?').get(name) as ActivityRow | undefined;
  if (exact || name.normalize('NFC') === name.normalize('NFD')) return exact;
  return listActivities(db).find((a) => a.name.normalize('NFC') === name.normalize('NFC'));
}

export function listActivities(db: Db): (Activity & { id: number })[] {
  return stmt(db, 'SELECT id, name, unit, category FROM activities ORDER BY name').all() as ActivityRow[];
}

/** The names of activities with at least one session: one whose sessions all moved away (a typo corrected) is not offered again. */
export function activityNamesInUse(db: Db): string[] {
  return (stmt(db, 'SELECT name FROM activities a WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.activity_id = a.id) ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/** Activities are created on first use; the caller has already settled the unit and category. */
export function ensureActivity(db: Db, activity: Activity): number {
  const found = findActivity(db, activity.name);
  if (found) return found.id;
  const info = stmt(db, 'INSERT INTO activities (name, unit, category) VALUES (?, ?, ?)').run(activity.name, activity.unit, activity.category);
  return Number(info.lastInsertRowid);
}

/** How many sessions an activity has: its category can be corrected while it has one (pace edit). */
export function sessionCountOf(db: Db, activityId: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM sessions WHERE activity_id = ?').get(activityId) as { n: number }).n;
}

/** A new category for an activity; the coach's checkpoint goes with it (a trigger), as the rules read it. */
export function setActivityCategory(db: Db, activityId: number, category: Category): void {
  stmt(db, 'UPDATE activities SET category = ? WHERE id = ?').run(category, activityId);
}
