import { describe, expect, it } from 'vitest';
import { describeReason } from '../../../src/core/coach/reasons.js';
import { d, flare, MON, planOf, series, times, week, weeks, weeksOf } from './builders.js';

const base = [times(4, 10), times(4, 10)];

describe('Q7 overrides', () => {
  const o = (weekStart: string, quota: number | null, sessionsPerWeek: number | null, setOn = weekStart, activity = 'walk') => ({
    activity,
    weekStart: d(weekStart),
    quota,
    sessionsPerWeek,
    setOn: d(setOn),
  });

  it('Q7: an override sets the quota from its week on, and progression continues from it', () => {
    const h = weeks(MON, ...base, times(4, 11), times(4, 15), times(4, 16.5));
    const extra = { overrides: [o(week(4), 15, null, '2026-01-22')] };
    expect(series(h, 3, 6, extra)).toEqual([
      [11, 4, 'increase'],
      [15, 4, 'override'],
      [16.5, 4, 'increase'],
      [18, 4, 'increase'],
    ]);
    const p = planOf(h, week(4), extra);
    expect(p.reason).toEqual({ rule: 'Q7', quota: 15, sessionsPerWeek: null, setOn: d('2026-01-22') });
    expect(describeReason(p.reason, 'min')).toBe('set by hand on Thu 22 Jan: 15 min; the plan grows from here');
  });

  it('Q7: after a raised override, a flare drops back to the level before it', () => {
    const h = weeks(MON, ...base, times(4, 11), [15, flare(15)]);
    expect(planOf(h, week(5), { overrides: [o(week(4), 15, null)] })).toMatchObject({ quota: 11, change: 'drop-back' });
  });

  it('Q7/Q5: an override stored for the week after a flare raises nothing: the drop-back stands', () => {
    const h = weeks(MON, ...base, times(4, 11), times(4, 12), [12, flare(12)]);
    const p = planOf(h, week(6), { overrides: [o(week(6), 15, 5)] });
    expect(p).toMatchObject({ quota: 12, sessionsPerWeek: 4, change: 'drop-back', reason: { rule: 'Q5', from: 13, to: 12 } });
  });

  it('Q7: a lowered override becomes the floor a flare drops back to', () => {
    const h = weeks(MON, ...base, times(4, 11), times(4, 12), [8, flare(8)]);
    const p = planOf(h, week(6), { overrides: [o(week(5), 8, null)] });
    expect(p).toMatchObject({ quota: 8, change: 'drop-back' });
    expect(p.reason).toMatchObject({ atBaseline: true });
  });

  it('Q7: sessions per week alone keeps the quota the rules give that week', () => {
    const h = weeks(MON, ...base, times(4, 11), times(2, 12));
    const overrides = [o(week(4), null, 2)];
    expect(planOf(h, week(4), { overrides })).toMatchObject({ quota: 12, sessionsPerWeek: 2, change: 'override' });
    expect(planOf(h, week(5), { overrides })).toMatchObject({ quota: 13, sessionsPerWeek: 2, change: 'increase' });
  });

  it('Q7: a quota alone keeps the sessions per week', () => {
    const h = weeks(MON, ...base, times(4, 11));
    expect(planOf(h, week(4), { overrides: [o(week(4), 9, null)] })).toMatchObject({ quota: 9, sessionsPerWeek: 4, change: 'override' });
  });

  it('Q7/Q5: fewer sessions set by hand still hold after a drop-back', () => {
    const h = weeks(MON, ...base, times(4, 11), times(2, 12), [13, flare(13)]);
    const overrides = [o(week(4), null, 2)];
    expect(planOf(h, week(6), { overrides })).toMatchObject({ quota: 12, sessionsPerWeek: 2, change: 'drop-back' });
  });

  it('Q7: of two overrides for the same week, the one set later stands; a date inside a week means that week', () => {
    const h = weeks(MON, ...base);
    const overrides = [o('2026-01-21', 20, 3, '2026-01-18'), o('2026-01-19', 14, 3, '2026-01-17')];
    expect(planOf(h, week(3), { overrides })).toMatchObject({ quota: 20, sessionsPerWeek: 3 });
  });

  it('Q7: an override during the baseline ends it; progression waits for program week 3 (P1)', () => {
    const h = weeks(MON, times(3, 6), times(3, 5), times(3, 5.5));
    const extra = { overrides: [o(MON, 5, 3)] };
    expect(series(h, 1, 4, extra)).toEqual([
      [5, 3, 'override'],
      [5, 3, 'hold'], // P1: week 1 was completed, but the first two weeks only build the habit
      [5.5, 3, 'increase'],
      [6, 3, 'increase'],
    ]);
    expect(planOf(h, week(2), extra).reason).toEqual({ rule: 'P1', quota: 5 });
  });

  it('Q7: sessions per week set during the baseline carry into it', () => {
    const h = weeks(MON, times(4, 10), times(4, 10));
    expect(planOf(h, week(2), { overrides: [o(week(2), null, 2)] })).toMatchObject({ quota: 10, sessionsPerWeek: 2, change: 'override' });
    expect(planOf(h, week(3), { overrides: [o(week(2), null, 2)] })).toMatchObject({ quota: 11, sessionsPerWeek: 2, change: 'increase' });
  });

  it('Q7: an override brings a new activity into the plan, with its unit and category when known', () => {
    const h = weeks(MON, ...base);
    const overrides = [o(week(3), 8, 2, week(3), 'sit-to-stand')];
    const p = planOf(h, week(3), { overrides }, 'sit-to-stand');
    expect(p).toMatchObject({ quota: 8, sessionsPerWeek: 2, change: 'override', unit: 'min', category: 'other' });
    expect(planOf(h, week(2), {}).activity).toBe('walk');
  });

  it('Q7: an override for a later week changes nothing yet', () => {
    const h = weeks(MON, ...base);
    expect(planOf(h, week(3), { overrides: [o(week(4), 20, 5)] })).toMatchObject({ quota: 11, sessionsPerWeek: 4 });
  });

  it('Q7: unit and category come from the activity list when given', () => {
    const h = weeksOf({ activity: 'bands', unit: 'reps', category: 'strength' }, MON, [8], [8]);
    const p = planOf(h, week(2), {}, 'bands');
    expect(p).toMatchObject({ unit: 'reps', category: 'strength' });
  });
});
