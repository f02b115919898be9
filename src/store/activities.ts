import type { Activity, Category, Unit } from '../core/types.js';
import { stmt, type Db } from './open.js';

interface ActivityRow {
  id: number;
  name: string;
  unit: Unit;
  category: Category;
}

export function findActivity(db: Db, name: string): (Activity & { id: number }) | undefined {
  return stmt(db, 'SELECT id, name, unit, category FROM activities WHERE name = ?').get(name) as ActivityRow | undefined;
}

export function listActivities(db: Db): (Activity & { id: number })[] {
  return stmt(db, 'SELECT id, name, unit, category FROM activities ORDER BY name').all() as ActivityRow[];
}

/** Activities are created on first use; the caller has already settled the unit and category. */
export function ensureActivity(db: Db, activity: Activity): number {
  const found = findActivity(db, activity.name);
  if (found) return found.id;
  const info = stmt(db, 'INSERT INTO activities (name, unit, category) VALUES (?, ?, ?)').run(activity.name, activity.unit, activity.category);
  return Number(info.lastInsertRowid);
}
