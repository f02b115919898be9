import { countsForWeek } from './coach/index.js';
import { addDays } from './dates.js';
import type { ActivitySessions, PlannedSession } from './days.js';
import type { IsoDate, Session } from './types.js';

// D1-D3: a week's sessions as they stand on a day of it. The plan puts n sessions on its days;
// once some are done, the days from today on hold only the ones still owed, so that status (today's
// slot) and the calendar (every event of the week) never ask for more than the plan. One truth:
// both read it from here.

/**
 * One activity's week on `today`: `planned` (the plan's days, D1/D2), with `done` the days of its
 * sessions that count toward the week (Q3), in any order. From today on: today's slot while one is
 * still owed (or done today), then the next of the planned days, as many as are still owed. The
 * rest of the week's events lie before today: each session done there on its day, at the
 * activity's time, then the planned days missed, so the week keeps as many events as the plan
 * (an export of it replaces an earlier one whole: an import keeps every event it does not
 * replace). A week not yet begun is the plan as it is.
 */
export function slotsSoFar(planned: readonly PlannedSession[], done: readonly IsoDate[], today: IsoDate): PlannedSession[] {
  const first = planned[0];
  if (first === undefined) return [];
  const n = planned.length;
  const dates = done.filter((d) => d <= today).sort();
  const earlier = dates.filter((d) => d < today).length;
  const doneToday = dates.length - earlier;
  const slotToday = planned.find((s) => s.date === today);
  const keepToday = slotToday !== undefined && (doneToday > 0 || earlier < n);
  const owedAfter = Math.max(0, n - earlier - Math.max(doneToday, keepToday ? 1 : 0));
  const ahead = [...(keepToday ? [slotToday] : []), ...planned.filter((s) => s.date > today).slice(0, owedAfter)];
  // Sessions done: the ones before today, and today's beyond the slot that stands for one of them.
  const doneDays = keepToday && doneToday > 0 ? dates.slice(0, -1) : dates;
  const missed = planned.filter((s) => s.date < today && !dates.includes(s.date));
  const before = [...doneDays.map((date) => ({ date, time: first.time })), ...missed].slice(0, Math.max(0, n - ahead.length)).map((s) => ({ ...s, settled: true as const }));
  return [...before, ...ahead].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

export interface WeekSoFar {
  weekStart: IsoDate;
  activities: readonly { activity: string; quota: number | null }[];
  /** T3: the days the plan was paused at their end; sessions on them do not count (Q3). */
  pausedOn: (date: IsoDate) => boolean;
}

/** D1-D3: every activity's sessions (`planned`, from `planSessions`) as they stand on `today`. */
export function weekSoFar(week: WeekSoFar, planned: ReadonlyMap<string, ActivitySessions>, sessions: readonly Session[], today: IsoDate): Map<string, ActivitySessions> {
  const end = addDays(week.weekStart, 7);
  const out = new Map<string, ActivitySessions>();
  for (const [activity, own] of planned) {
    const a = week.activities.find((x) => x.activity === activity);
    const done = a === undefined ? [] : sessions.filter((s) => s.activity === activity && s.date >= week.weekStart && s.date < end && countsForWeek(s, a.quota, week.pausedOn)).map((s) => s.date);
    out.set(activity, { ...own, sessions: slotsSoFar(own.sessions, done, today) });
  }
  return out;
}
