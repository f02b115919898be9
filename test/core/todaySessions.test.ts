import { describe, expect, it } from 'vitest';
import { plannedDayReader } from '../../src/core/coach/plannedDays.js';
import type { ActivityPlan } from '../../src/core/coach/types.js';
import type { WeekHolds } from '../../src/core/coach/weekHolds.js';
import { addDays } from '../../src/core/dates.js';
import { planSessions } from '../../src/core/days.js';
import { onFlareDay, todaySessions } from '../../src/core/todaySessions.js';
import type { IsoDate, Session } from '../../src/core/types.js';
import { session } from './coach/builders.js';

const MON = '2026-03-02' as IsoDate;
const WED = '2026-03-04' as IsoDate;
const walk: ActivityPlan = {
  activity: 'walk', unit: 'min', category: 'aerobic', quota: 10, sessionsPerWeek: 3, change: 'increase',
  reason: { rule: 'P1', quota: 10 }, flareDayDose: 5, offer: null,
};
const week = (over: Partial<{ paused: boolean; activities: ActivityPlan[] }> = {}) => ({ weekStart: MON, paused: false, activities: [walk], pausedOn: () => false, ...over });

describe("D1: today's planned sessions", () => {
  it('D1: a spread Wednesday session at the default time, still to do', () => {
    expect(todaySessions(week(), [], [], '09:00', WED)).toEqual([{ activity: 'walk', unit: 'min', quota: 10, time: '09:00', done: false }]);
  });

  it('Q3: done at 90% of the quota, not at 89%', () => {
    const on = (dose: number): Session[] => [session(WED, dose)];
    expect(todaySessions(week(), on(9), [], '09:00', WED)[0]?.done).toBe(true);
    expect(todaySessions(week(), on(8.9), [], '09:00', WED)[0]?.done).toBe(false);
  });

  it("Q3/D1: with the week's sessions done on other days, today's is not still to do (no extra session)", () => {
    const fri = addDays(MON, 4);
    // Done Mon, Tue and Wed (off the spread days): Friday's slot would be a fourth session.
    const done = [session(MON, 10), session(addDays(MON, 1), 10), session(WED, 10)];
    expect(todaySessions(week(), done, [], '09:00', fri)).toEqual([]);
    // Two of three done: Friday's is still to do; one done too short (Q3) does not count.
    expect(todaySessions(week(), done.slice(0, 2), [], '09:00', fri)[0]?.done).toBe(false);
    expect(todaySessions(week(), [...done.slice(0, 2), session(WED, 8)], [], '09:00', fri)).toHaveLength(1);
    // A fourth walk done today on a planned day: shown done, not hidden and not still to do.
    expect(todaySessions(week(), [...done, session(fri, 10)], [], '09:00', fri)).toEqual([{ activity: 'walk', unit: 'min', quota: 10, time: '09:00', done: true }]);
    // Today's own session completing the week is shown done, as before.
    expect(todaySessions(week(), [session(MON, 10), session(WED, 10)], [], '09:00', WED)[0]?.done).toBe(true);
  });

  it("T3/Q3: sessions logged while the plan was paused do not count toward the week, so they leave Friday's session to do", () => {
    const tue = addDays(MON, 1);
    const fri = addDays(MON, 4);
    // Seen: walk Mon, Tue (the pause opened that day), cleared Wed, walk Wed. Status said "2 of 3"
    // done, yet Friday had nothing planned: Tuesday's walk, which does not count, was taken as one.
    const done = [session(MON, 10), session(tue, 10), session(WED, 10)];
    const paused = { ...week(), pausedOn: (d: IsoDate) => d === tue };
    expect(todaySessions(paused, done, [], '09:00', fri)).toEqual([{ activity: 'walk', unit: 'min', quota: 10, time: '09:00', done: false }]);
  });

  it('D1: a day the schedule leaves free has none; a paused plan has none', () => {
    expect(todaySessions(week(), [], [{ activity: 'walk', days: [1, 3, 5], time: '07:30' }], '09:00', WED)).toEqual([]);
    expect(todaySessions(week({ paused: true }), [], [], '09:00', WED)).toEqual([]);
  });
});

describe('D1/D2: the plan, today\'s sessions and B2\'s planned days read one choice of days', () => {
  it('D2: walk at 4 a week with Fri given is Mon, Wed, Fri, Sat for all three (no three days in a row)', () => {
    const four = { ...walk, sessionsPerWeek: 4 };
    const schedules = [{ activity: 'walk', days: [4], time: '08:00' }];
    const days = [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(MON, d));
    const plan = planSessions(week({ activities: [four] }), schedules, '09:00').get('walk')!.sessions.map((s) => s.date);
    const today = days.filter((d) => todaySessions(week({ activities: [four] }), [], schedules, '09:00', d).length > 0);
    const planned = plannedDayReader({ activityPlan: () => four, holds: { pausedOn: () => false } as unknown as WeekHolds }, schedules);
    expect(plan).toEqual([MON, WED, addDays(MON, 4), addDays(MON, 5)]);
    expect(today).toEqual(plan);
    expect(days.filter((d) => planned('walk', d))).toEqual(plan);
  });
});

describe('F3: a flare day', () => {
  it("F3: a short session of the activity today is the day's lighter amount, done; others are left as they are", () => {
    const slots = todaySessions(week(), [session(WED, 4)], [], '09:00', WED);
    expect(slots[0]?.done).toBe(false);
    expect(onFlareDay(slots, [{ activity: 'walk' }], [session(WED, 4)], WED)[0]?.done).toBe(true);
    expect(onFlareDay(slots, [], [session(WED, 4)], WED)[0]?.done).toBe(false);
    expect(onFlareDay(slots, [{ activity: 'walk' }], [session(addDays(WED, -1), 4)], WED)[0]?.done).toBe(false);
  });
});
