import { calendarOf } from '../core/calendar.js';
import { calendarDrift, type CalendarDrift, type CalendarRecord } from '../core/calendarDrift.js';
import { weekBeforeOf } from '../core/coach/index.js';
import { planSessions } from '../core/days.js';
import type { IsoDate } from '../core/types.js';
import type { Journal } from '../store/open.js';
import { defaultTime, listSchedules } from '../store/schedules.js';
import { planWithSessions } from './plan.js';

/**
 * D3: each week exported to a calendar (`records`, oldest first) whose plan has changed since, as
 * `plan --ics` would write it now. Loaded only when there are records: most journals have none.
 */
export function calendarDrifts(j: Journal, records: readonly CalendarRecord[], today: IsoDate): CalendarDrift[] {
  const out: CalendarDrift[] = [];
  for (const week of new Set(records.map((r) => r.weekStart))) {
    const { plan } = planWithSessions(j, week, today);
    const now = calendarOf(plan, planSessions(plan, listSchedules(j.db), defaultTime(j.db)), 0, weekBeforeOf(today, week));
    const drift = calendarDrift(records.filter((r) => r.weekStart === week), plan, now, today);
    if (drift !== null) out.push(drift);
  }
  return out;
}
