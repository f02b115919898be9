import type { CalendarRecord, ExportedActivity } from '../core/calendarDrift.js';
import type { IsoDate, Unit } from '../core/types.js';
import { JournalError } from './errors.js';
import { stmt, write, type Db } from './open.js';

// D3: what the latest `plan --ics` of each week put in the person's calendar app (migration 10).

/**
 * Keeps what an export of `week` put in the calendar, in place of the week's earlier export (whose
 * extra events the export itself told the person to delete), and forgets weeks that are over.
 * A record only ever serves a later reminder, so a journal that cannot take it (read-only, busy,
 * full, damaged, or from before migration 10) is left as it is. Returns whether it was kept.
 */
export function recordCalendarExport(db: Db, week: IsoDate, thisMonday: IsoDate, activities: readonly ExportedActivity[], on: IsoDate): boolean {
  try {
    write(db, () => {
      stmt(db, 'DELETE FROM calendar_exports WHERE week_start = ? OR week_start < ?').run(week, thisMonday);
      for (const a of activities) {
        stmt(db, 'INSERT INTO calendar_exports (week_start, activity_id, quota, sessions, slots, exported_on) SELECT ?, id, ?, ?, ?, ? FROM activities WHERE name = ?').run(
          week,
          a.quota,
          a.sessions,
          a.slots,
          on,
          a.activity,
        );
      }
      // Derived: not a session or a setting the person saved (src/store/commits.ts).
    }, true);
    return true;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (e instanceof JournalError || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL' || noTable(e)) return false;
    throw e;
  }
}

/** The records of the weeks from `monday` on, oldest week first; none in a journal from before migration 10. */
export function calendarRecordsFrom(db: Db, monday: IsoDate): CalendarRecord[] {
  try {
    const rows = stmt(
      db,
      `SELECT c.week_start, a.name AS activity, a.unit, c.quota, c.sessions, c.slots, c.exported_on
         FROM calendar_exports c JOIN activities a ON a.id = c.activity_id
        WHERE c.week_start >= ? ORDER BY c.week_start, a.name`,
    ).all(monday) as { week_start: IsoDate; activity: string; unit: Unit; quota: number | null; sessions: number; slots: string; exported_on: IsoDate }[];
    return rows.map((r) => ({ weekStart: r.week_start, activity: r.activity, unit: r.unit, quota: r.quota, sessions: r.sessions, slots: r.slots, exportedOn: r.exported_on }));
  } catch (e) {
    if (noTable(e)) return [];
    throw e;
  }
}

const noTable = (e: unknown) => e instanceof Error && /no such table: calendar_exports/.test(e.message);
