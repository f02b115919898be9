import { calendarOf, type Calendar } from '../core/calendar.js';
import { calendarDrift, exportAgain, type CalendarDrift, type CalendarRecord } from '../core/calendarDrift.js';
import { weekBeforeOf, type WeekPlan } from '../core/coach/index.js';
import { planSessions } from '../core/days.js';
import { weekSoFar } from '../core/weekSoFar.js';
import type { IsoDate } from '../core/types.js';
import type { Journal } from '../store/open.js';
import { defaultTime, listSchedules } from '../store/schedules.js';
import { planWithSessions } from './plan.js';

/**
 * D3: each week exported to a calendar (`records`, oldest first) whose plan has changed since, as
 * `plan --ics` would write it now. Loaded only when there are records: most journals have none.
 */
export function calendarDrifts(j: Journal, records: readonly CalendarRecord[], today: IsoDate): CalendarDrift[] {
  return byWeek(j, records, today, (week, plan, now, whole) => calendarDrift(week, plan, now, today, whole));
}

/**
 * D3, T3: once a pause ends, each week on record (`records`, from this one on), as its export put
 * it in the calendar app against its plan now: `triage --cleared` asks for each to be exported
 * again, in words and in `--json`, from this one list.
 */
export function weeksToExportAgain(j: Journal, records: readonly CalendarRecord[], today: IsoDate): CalendarDrift[] {
  return byWeek(j, records, today, exportAgain);
}

/** `compare` for each week of `records`, oldest first, with its plan and the calendar it would export now. */
function byWeek(j: Journal, records: readonly CalendarRecord[], today: IsoDate, compare: (week: CalendarRecord[], plan: WeekPlan, now: Calendar, whole: Calendar) => CalendarDrift | null): CalendarDrift[] {
  const out: CalendarDrift[] = [];
  for (const week of new Set(records.map((r) => r.weekStart))) {
    const { plan, sessions, pausedOn } = planWithSessions(j, week, today, { sessionsFrom: week });
    // D1-D3: an export now holds the week as it stands today (weekSoFar); `whole` is the plan's.
    const planned = planSessions(plan, listSchedules(j.db), defaultTime(j.db));
    const before = weekBeforeOf(today, week);
    const now = calendarOf(plan, weekSoFar({ ...plan, pausedOn }, planned, sessions, today), 0, before);
    const drift = compare(records.filter((r) => r.weekStart === week), plan, now, calendarOf(plan, planned, 0, before));
    if (drift !== null) out.push(drift);
  }
  return out;
}
