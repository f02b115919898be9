import { countsForWeek } from './coach/index.js';
import type { ActivityPlan } from './coach/index.js';
import { planSessions, type Schedule } from './days.js';
import type { IsoDate, Session, Unit } from './types.js';
import { weekSoFar } from './weekSoFar.js';

// D1: today's planned sessions, each done or still to do: what `status` shows and what `log`
// offers first. From the week's plan, the same choice of days that `plan` shows, and the week as it
// stands today that the calendar holds (one truth).

export interface TodaySession {
  activity: string;
  unit: Unit;
  quota: number | null;
  time: string;
  /** Q3: a session of the activity today that counts toward the week (`countsForWeek`). */
  done: boolean;
}

export interface TodayPlan {
  weekStart: IsoDate;
  paused: boolean;
  activities: readonly ActivityPlan[];
  /** T3: the days the plan was paused at their end; sessions on them do not count (Q3), as in status. */
  pausedOn: (date: IsoDate) => boolean;
}

export function todaySessions(plan: TodayPlan, sessions: readonly Session[], schedules: readonly Schedule[], defaultTime: string, today: IsoDate): TodaySession[] {
  const out: TodaySession[] = [];
  const planned = planSessions(plan, schedules, defaultTime);
  // Q3: the week as it stands today, as the calendar has it (weekSoFar): with the week's sessions
  // already done on other days (a missed day made up, days changed mid-week), today's slot would be
  // one more than the plan asks, so it is not shown as to do. A session done while the plan was
  // paused does not count (T3), so it leaves its slot to do.
  const soFar = weekSoFar(plan, planned, sessions, today);
  for (const a of plan.activities) {
    // Only a day the plan puts a session on: a walk made up today is not "planned today".
    if (!planned.get(a.activity)?.sessions.some((s) => s.date === today)) continue;
    const slot = soFar.get(a.activity)?.sessions.find((s) => s.date === today && !s.settled);
    if (!slot) continue;
    // A paused day has no planned session, so no pause is left to look at here.
    const done = sessions.some((s) => s.date === today && s.activity === a.activity && countsForWeek(s, a.quota, plan.pausedOn));
    out.push({ activity: a.activity, unit: a.unit, quota: a.quota, time: slot.time, done });
  }
  return out.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : x.activity < y.activity ? -1 : 1));
}

/**
 * F3: on a flare day (status's `flare_day` doses), a session of an activity logged today is that
 * day's lighter amount, done whatever its dose: "do less rather than nothing" is met, and the full
 * quota must not read as a second session still owed on the day of the flare. Activities with no
 * flare-day dose (a hold's warning sign, a pause) are left as they are.
 */
export function onFlareDay(planned: readonly TodaySession[], doses: readonly { activity: string }[], sessions: readonly Session[], today: IsoDate): TodaySession[] {
  const easing = new Set(doses.map((d) => d.activity));
  return planned.map((t) => (!t.done && easing.has(t.activity) && sessions.some((s) => s.date === today && s.activity === t.activity) ? { ...t, done: true } : t));
}
