import { mondayOf, shortDate } from '../core/dates.js';
import type { IsoDate } from '../core/types.js';
import { calendarRecordsFrom } from '../store/calendarExports.js';
import type { Journal } from '../store/open.js';

/**
 * D3: after a command that recorded something, one line when the plan of a week exported to the
 * calendar app no longer matches what the calendar shows (a flare dropped it back, a pause emptied
 * it, new days moved it): a person who goes by the calendar's reminders learns it now, and status
 * says what to change. Text only; `status --json` gives it in full. Most journals have no export:
 * for them it is one read, and the replay of another week is never loaded.
 */
export async function calendarNote(j: Journal, today: IsoDate): Promise<string[]> {
  if (j.path === null) return [];
  const records = calendarRecordsFrom(j.db, mondayOf(today));
  if (records.length === 0) return [];
  const drifts = (await import('./calendarCheck.js')).calendarDrifts(j, records, today);
  if (drifts.length === 0) return [];
  const weeks = drifts.map((d) => shortDate(d.weekStart));
  const which = weeks.length === 1 ? `the week of ${weeks[0]}` : `the weeks of ${weeks.join(' and ')}`;
  return [`Your calendar app no longer matches the plan for ${which}: pace status says what to change there.`];
}
