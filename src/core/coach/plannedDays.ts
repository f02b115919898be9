import { activitySessions, DEFAULT_SESSION_TIME, type Schedule } from '../days.js';
import { isoWeekday, mondayOf } from '../dates.js';
import type { IsoDate } from '../types.js';
import type { PlanHistory } from './plan.js';

/**
 * B2 with D1/D2: whether the replayed plan had a session of an activity on a day. The days come
 * from the same plan and the same choice of days that `plan` shows (one truth). A day the plan was
 * paused on (T3) is not a planned day. A week without a plan for the activity (program week 1, an
 * activity's first week) has the days the person gave it (D1), and with none, every day counts.
 *
 * Schedules are read as they stand now, for past weeks too: they are not part of the replay, so
 * the coach's checkpoint (which holds only the replay's state) never depends on them.
 */
export function plannedDayReader(history: Pick<PlanHistory, 'activityPlan' | 'holds'>, schedules: readonly Schedule[] = []) {
  const byName = new Map(schedules.map((s) => [s.activity, s]));
  const weeks = new Map<string, ReadonlySet<number> | null>();
  return (activity: string, date: IsoDate): boolean => {
    if (history.holds.pausedOn(date)) return false;
    const monday = mondayOf(date);
    const key = `${activity}|${monday}`;
    let days = weeks.get(key);
    if (days === undefined) {
      const plan = history.activityPlan(activity, monday);
      const schedule = byName.get(activity);
      days = plan !== null ? new Set(activitySessions(plan, monday, false, schedule, DEFAULT_SESSION_TIME).days) : schedule ? new Set(schedule.days) : null;
      weeks.set(key, days);
    }
    return days === null || days.has(isoWeekday(date) - 1);
  };
}
