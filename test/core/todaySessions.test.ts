import { describe, expect, it } from 'vitest';
import type { ActivityPlan } from '../../src/core/coach/types.js';
import { todaySessions } from '../../src/core/todaySessions.js';
import type { IsoDate, Session } from '../../src/core/types.js';
import { session } from './coach/builders.js';

const MON = '2026-03-02' as IsoDate;
const WED = '2026-03-04' as IsoDate;
const walk: ActivityPlan = {
  activity: 'walk', unit: 'min', category: 'aerobic', quota: 10, sessionsPerWeek: 3, change: 'increase',
  reason: { rule: 'P1', quota: 10 }, flareDayDose: 5, offer: null,
};
const week = (over: Partial<{ paused: boolean; activities: ActivityPlan[] }> = {}) => ({ weekStart: MON, paused: false, activities: [walk], ...over });

describe("D1: today's planned sessions", () => {
  it('D1: a spread Wednesday session at the default time, still to do', () => {
    expect(todaySessions(week(), [], [], '09:00', WED)).toEqual([{ activity: 'walk', unit: 'min', quota: 10, time: '09:00', done: false }]);
  });

  it('Q3: done at 90% of the quota, not at 89%', () => {
    const on = (dose: number): Session[] => [session(WED, dose)];
    expect(todaySessions(week(), on(9), [], '09:00', WED)[0]?.done).toBe(true);
    expect(todaySessions(week(), on(8.9), [], '09:00', WED)[0]?.done).toBe(false);
  });

  it('D1: a day the schedule leaves free has none; a paused plan has none', () => {
    expect(todaySessions(week(), [], [{ activity: 'walk', days: [1, 3, 5], time: '07:30' }], '09:00', WED)).toEqual([]);
    expect(todaySessions(week({ paused: true }), [], [], '09:00', WED)).toEqual([]);
  });
});
