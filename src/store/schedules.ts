import { DAY_CODES, DEFAULT_SESSION_TIME, type Schedule } from '../core/days.js';
import { getSetting } from './settings.js';
import { stmt, type Db } from './open.js';

// D1: each activity's days (bits, 1 = Monday ... 64 = Sunday) and time of day.

const toBits = (days: readonly number[]) => days.reduce((bits, d) => bits | (1 << d), 0);

/** A backup's day codes (`mon` ... `sun`, already checked) as the stored bits. */
export const dayBits = (codes: readonly string[]) => toBits(codes.map((c) => DAY_CODES.indexOf(c as (typeof DAY_CODES)[number])));
const fromBits = (bits: number) => [0, 1, 2, 3, 4, 5, 6].filter((d) => (bits & (1 << d)) !== 0);

/** Every schedule, by activity name. A journal read as it is, from before migration 6, has none. */
export function listSchedules(db: Db): Schedule[] {
  try {
    const rows = stmt(db, 'SELECT a.name AS activity, s.days, s.time FROM schedules s JOIN activities a ON a.id = s.activity_id ORDER BY a.name').all() as {
      activity: string;
      days: number;
      time: string | null;
    }[];
    return rows.map((r) => ({ activity: r.activity, days: fromBits(r.days), time: r.time }));
  } catch (e) {
    if (e instanceof Error && /no such table: schedules/.test(e.message)) return [];
    throw e;
  }
}

export function setSchedule(db: Db, activityId: number, days: readonly number[], time: string | null): void {
  stmt(db, 'INSERT INTO schedules (activity_id, days, time) VALUES (?, ?, ?) ON CONFLICT (activity_id) DO UPDATE SET days = excluded.days, time = excluded.time').run(
    activityId,
    toBits(days),
    time,
  );
}

/** The time an activity's schedule has: undefined with no schedule, null for the default time. */
export function scheduledTime(db: Db, activityId: number): string | null | undefined {
  return (stmt(db, 'SELECT time FROM schedules WHERE activity_id = ?').get(activityId) as { time: string | null } | undefined)?.time;
}

/** True when there was a schedule to clear. */
export function clearSchedule(db: Db, activityId: number): boolean {
  return stmt(db, 'DELETE FROM schedules WHERE activity_id = ?').run(activityId).changes > 0;
}

/** D2: the time of sessions whose activity has none of its own (`init --time`). */
export function defaultTime(db: Db): string {
  return getSetting(db, 'default_time') ?? DEFAULT_SESSION_TIME;
}
