import { describe, expect, it } from 'vitest';
import { describeReason } from '../../../src/core/coach/reasons.js';
import { flare, MON, plan, planOf, series, times, week, weeks, weeksOf } from './builders.js';

describe('Q1 baseline', () => {
  it('Q1: an activity is not planned in the week of its first session', () => {
    expect(plan(weeks(MON, [10]), MON).activities).toEqual([]);
  });

  it('Q1: in its second week the plan repeats the median of tolerated sessions so far, with the sessions seen', () => {
    const p = planOf(weeks(MON, [8, 10, 12]), week(2));
    expect(p).toMatchObject({ quota: 10, sessionsPerWeek: 3, change: 'baseline', offer: null, flareDayDose: 5 });
    expect(p.reason).toEqual({ rule: 'Q1', quota: 10, tolerated: 3, weeks: 1, sessionsNeeded: 0, weeksNeeded: 1 });
  });

  it('Q1: after two weeks with 3 tolerated sessions, the first week after the baseline gets next(baseline)', () => {
    const p = planOf(weeks(MON, times(4, 10), times(4, 10)), week(3));
    expect(p).toMatchObject({ quota: 11, sessionsPerWeek: 4, change: 'increase' });
    expect(p.reason).toEqual({ rule: 'Q2', kind: 'after-baseline', baseline: 10, to: 11, tolerated: 8, weeks: 2 });
  });

  it('Q1: the baseline is the median of tolerated sessions only', () => {
    // 20 min with pain up by 3 is not tolerated (and is a flare, in week 1, which the baseline absorbs).
    const h = weeks(MON, [10, { dose: 20, painBefore: 2, painAfter: 5 }, 10], [10, 12, { dose: 25, symptoms: ['joint-swelling'] }]);
    expect(planOf(h, week(3)).reason).toMatchObject({ rule: 'Q5' }); // week 2 had an assess symptom
    const calm = weeks(MON, [10, { dose: 20, painBefore: 2, painAfter: 5 }, 10], [10, 12]);
    expect(planOf(calm, week(3))).toMatchObject({ quota: 11, sessionsPerWeek: 2, change: 'increase' });
  });

  it('Q1: sessions per week is the rounded mean of tolerated sessions per week, at least 1', () => {
    expect(planOf(weeks(MON, times(4, 10), times(3, 10)), week(3)).sessionsPerWeek).toBe(4); // 3.5 rounds up
    expect(planOf(weeks(MON, times(2, 10), times(1, 10)), week(3)).sessionsPerWeek).toBe(2); // 1.5
    expect(planOf(weeks(MON, [10], [10], [10]), week(4)).sessionsPerWeek).toBe(1);
  });

  it('Q1, Q6: walking twice a day plans 7 sessions a week, not 14, in the baseline and after it', () => {
    // Found by the random sequences: 14 a week could not be laid out on 7 days (D2).
    expect(planOf(weeks(MON, times(14, 5)), week(2)).sessionsPerWeek).toBe(7);
    expect(planOf(weeks(MON, times(14, 5), times(14, 5)), week(3)).sessionsPerWeek).toBe(7);
  });

  it('Q1: with fewer than 3 tolerated sessions the baseline extends one week at a time', () => {
    const h = weeks(MON, [10], [10], [], [10], times(3, 11));
    expect(series(h, 2, 6)).toEqual([
      [10, 1, 'baseline'],
      [10, 1, 'baseline'], // two weeks, but only 2 tolerated sessions
      [10, 1, 'baseline'],
      [11, 1, 'increase'], // 3 tolerated over 4 weeks: baseline 10, once a week
      [12, 1, 'increase'],
    ]);
  });

  it('Q1: the median of an even count is the mean of the middle two, halves rounded down to the step', () => {
    expect(planOf(weeks(MON, [10, 11]), week(2)).quota).toBe(10.5);
    expect(planOf(weeksOf({ activity: 'sit-to-stand', unit: 'reps', category: 'strength' }, MON, [10, 11, 12, 13]), week(2), {}, 'sit-to-stand').quota).toBe(11);
    expect(planOf(weeks(MON, [9.8, 9.8, 9.8]), week(2)).quota).toBe(10);
  });

  it('Q1: with no tolerated session yet the plan suggests half the smallest dose tried', () => {
    const p = planOf(weeks(MON, [flare(12), flare(10)]), week(2));
    expect(p).toMatchObject({ quota: 5, sessionsPerWeek: 1, change: 'baseline' });
    expect(describeReason(p.reason, 'min')).toContain('try a gentle 5 min');
  });

  it('Q1: an activity first done after week 2 gets its own two-week baseline', () => {
    const walks = weeks(MON, ...Array.from({ length: 8 }, () => times(3, 10)));
    const bike = weeksOf({ activity: 'bike', category: 'aerobic' }, week(5), times(2, 15), times(2, 15));
    const h = [...walks, ...bike];
    expect(plan(h, week(5)).activities.map((a) => a.activity)).toEqual(['walk']);
    expect(planOf(h, week(6), {}, 'bike')).toMatchObject({ quota: 15, sessionsPerWeek: 2, change: 'baseline' });
    expect(planOf(h, week(7), {}, 'bike')).toMatchObject({ quota: 16.5, sessionsPerWeek: 2, change: 'increase' });
  });

  it('Q1/Q5: a flare in the last baseline week keeps the baseline for one more week', () => {
    const h = weeks(MON, times(3, 10), [10, flare(10), 10], times(3, 10));
    expect(series(h, 3, 4)).toEqual([
      [10, 3, 'drop-back'],
      [11, 3, 'increase'],
    ]);
    expect(describeReason(planOf(h, week(3)).reason, 'min')).toBe('flare on Wed 14 Jan: staying at your baseline of 10 min for one week');
  });

  it('Q5: a baseline that settles in a flare week never rises above the week before', () => {
    // Week 1's median was 5; week 2's bigger sessions would make the baseline 7.5, but week 2 flared.
    const h = weeks(MON, [5, 5], [10, 10, flare(10)], [5, 5]);
    expect(series(h, 2, 4)).toEqual([
      [5, 2, 'baseline'],
      [5, 2, 'drop-back'],
      [5.5, 2, 'increase'],
    ]);
  });
});
