import { describe, expect, it } from 'vitest';
import { describeReason } from '../../../src/core/coach/reasons.js';
import { addDays } from '../../../src/core/dates.js';
import { brief, d, flare, MON, plan, planOf, series, settings, simulate, times, week, weeks, weeksOf } from './builders.js';

const base = [times(4, 10), times(4, 10)];

describe('Q2 progression, Q3 completed weeks, Q4 hold', () => {
  it('Q2: each completed week without a flare gets next(previous quota)', () => {
    const h = weeks(MON, ...base, times(4, 11), times(4, 12), times(4, 13), times(4, 14.5));
    expect(series(h, 3, 7).map((x) => x[0])).toEqual([11, 12, 13, 14.5, 16]);
    const p = planOf(h, week(4));
    expect(p.reason).toEqual({ rule: 'Q2', kind: 'completed', from: 11, to: 12, done: 4, planned: 4 });
    expect(describeReason(p.reason, 'min')).toBe('completed 4 of 4 sessions at 11 min, no flare: +10%');
  });

  it('Q3: 9.9 min counts toward an 11 min quota (90%), 9.8 does not', () => {
    expect(planOf(weeks(MON, ...base, times(4, 9.9)), week(4))).toMatchObject({ quota: 12, change: 'increase' });
    expect(planOf(weeks(MON, ...base, times(4, 9.8)), week(4))).toMatchObject({ quota: 11, change: 'hold' });
  });

  it('Q3: extra short sessions do not make up for missing full ones', () => {
    expect(planOf(weeks(MON, ...base, [11, 11, 11, 5, 5, 5]), week(4))).toMatchObject({ quota: 11, change: 'hold' });
  });

  it('Q3: more sessions than planned still completes the week', () => {
    expect(planOf(weeks(MON, ...base, times(6, 11)), week(4))).toMatchObject({ quota: 12, sessionsPerWeek: 4 });
  });

  it('Q4: an unfinished week without a flare keeps the same quota', () => {
    const p = planOf(weeks(MON, ...base, times(3, 11)), week(4));
    expect(p).toMatchObject({ quota: 11, sessionsPerWeek: 4, change: 'hold' });
    expect(p.reason).toEqual({ rule: 'Q4', quota: 11, done: 3, planned: 4 });
    expect(describeReason(p.reason, 'min')).toBe('3 of 4 sessions reached 11 min last week: staying at 11 min, no hurry; the plan grows after a full week');
  });

  it('Q4/Q10: one empty week is a plain hold, and the plan picks up where it was', () => {
    const h = weeks(MON, ...base, times(4, 11), [], times(4, 12));
    expect(series(h, 4, 6).map((x) => [x[0], x[2]])).toEqual([[12, 'increase'], [12, 'hold'], [13, 'increase']]);
  });

  it('Q4: pain alone never changes the plan', () => {
    const painful = { dose: 11, painBefore: 6, painAfter: 8 };
    expect(planOf(weeks(MON, ...base, times(4, painful)), week(4))).toMatchObject({ quota: 12, change: 'increase' });
  });
});

describe('Q5 flare drop-back', () => {
  it('Q5: a flare at 13 min gives 12 the next week, then 13', () => {
    const h = weeks(MON, ...base, times(4, 11), times(4, 12), [13, flare(13), 13, 13], times(4, 12), times(4, 13));
    expect(series(h, 5, 8)).toEqual([
      [13, 4, 'increase'],
      [12, 4, 'drop-back'],
      [13, 4, 'increase'],
      [14.5, 4, 'increase'],
    ]);
  });

  it('Q5/Q8: the reason names the flare day: "flare on Tue 13 Jan: back to 12 min for one week"', () => {
    const start = d('2025-12-01');
    const h = weeks(start, ...base, times(4, 11), times(4, 12), times(3, 13), times(3, 13), [13, { dose: 13, flare: true, day: 1 }, 13, 13]);
    const p = planOf(h, week(8, start));
    expect(p.reason).toEqual({ rule: 'Q5', from: 13, to: 12, fromSessions: 4, toSessions: 4, flareDate: d('2026-01-13'), atBaseline: false });
    expect(describeReason(p.reason, 'min')).toBe('flare on Tue 13 Jan: back to 12 min for one week');
  });

  it('Q5/Q8: two flares in one week: the reason names the later one, the one the person will remember', () => {
    const h = weeks(MON, ...base, times(4, 11), [{ dose: 12, flare: true, day: 0 }, { dose: 12, day: 2 }, { dose: 12, flare: true, day: 4 }]);
    expect(planOf(h, week(5)).reason).toMatchObject({ rule: 'Q5', flareDate: addDays(week(4), 4) });
  });

  it('Q5: any F1 sign is a flare: pain up by 3, an assess symptom, or pain not settled after 24 hours', () => {
    for (const sign of [{ painBefore: 2, painAfter: 5 }, { symptoms: ['new-radiation'] }, { symptoms: ['pain-over-24h'] }]) {
      const h = weeks(MON, ...base, times(4, 11), [12, 12, 12, { dose: 12, ...sign }]);
      expect(planOf(h, week(5))).toMatchObject({ quota: 11, change: 'drop-back' });
    }
  });

  it('Q5: the drop-back week must be completed before progression resumes', () => {
    const h = weeks(MON, ...base, times(4, 11), [12, flare(12)], times(2, 11), times(4, 11));
    expect(series(h, 5, 7)).toEqual([
      [11, 4, 'drop-back'],
      [11, 4, 'hold'],
      [12, 4, 'increase'],
    ]);
  });

  it('Q5: flares in a row walk back down the ladder to the baseline, and stay there', () => {
    const h = weeks(MON, ...base, times(4, 11), times(4, 12), [flare(13)], [flare(12)], [flare(11)], [flare(10)], times(4, 10));
    expect(series(h, 5, 10).map((x) => x[0])).toEqual([13, 12, 11, 10, 10, 11]);
    const atBase = planOf(h, week(9));
    expect(describeReason(atBase.reason, 'min')).toMatch(/staying at your baseline of 10 min for one week/);
  });

  it('Q5: a flare in a held week drops back from the held level', () => {
    const h = weeks(MON, ...base, times(4, 11), times(2, 12), times(2, 12), [12, flare(12)]);
    expect(series(h, 4, 7).map((x) => [x[0], x[2]])).toEqual([[12, 'increase'], [12, 'hold'], [12, 'hold'], [11, 'drop-back']]);
  });
});

describe('Q6 ceilings', () => {
  it('Q6: minutes stop at 30, then sessions grow until the aerobic weekly aim is met: maintain', () => {
    const { plans } = simulate({ weeks: 9, first: [times(3, 27), times(3, 27)] });
    expect(brief(plans)).toEqual([
      [27, 3, 'baseline'],
      [29.5, 3, 'increase'],
      [30, 3, 'increase'],
      [30, 4, 'increase'],
      [30, 5, 'increase'],
      [30, 5, 'maintain'],
      [30, 5, 'maintain'],
      [30, 5, 'maintain'],
    ]);
    expect(plans[4]?.reason).toEqual({ rule: 'Q6', kind: 'sessions', quota: 30, from: 4, to: 5, done: 4, planned: 4 });
    expect(describeReason(plans[5]!.reason, 'min')).toBe('30 min 5 times a week is 150 min, your weekly aim of 150 min: maintain');
  });

  it('Q6: the weekly aim is configurable', () => {
    const { plans } = simulate({ weeks: 5, first: [times(5, 20), times(5, 20)], extra: { settings: settings({ targetMinutes: 100 }) } });
    expect(brief(plans).slice(1)).toEqual([[20, 5, 'maintain'], [20, 5, 'maintain'], [20, 5, 'maintain']]);
  });

  it('Q6: a mobility activity grows to 30 min seven times a week, then maintains', () => {
    const spec = { activity: 'stretching', category: 'mobility' as const };
    const { plans } = simulate({ weeks: 8, first: [times(5, 30), times(5, 30)], spec });
    expect(brief(plans).map((x) => `${x[0]}x${x[1]} ${x[2]}`)).toEqual([
      '30x5 baseline', '30x6 increase', '30x7 increase', '30x7 maintain', '30x7 maintain', '30x7 maintain', '30x7 maintain',
    ]);
    expect(describeReason(plans[3]!.reason, 'min')).toBe('30 min 7 times a week is as far as the plan grows: maintain');
  });

  it('Q6: at the target an unfinished week still says maintain; a flare still drops back', () => {
    const h = weeks(MON, times(5, 30), times(5, 30), times(2, 30), [flare(30)]);
    expect(series(h, 3, 5).map((x) => [x[0], x[1], x[2]])).toEqual([[30, 5, 'maintain'], [30, 5, 'maintain'], [30, 5, 'drop-back']]);
  });

  it('Q6: reps stop at 30 a session and say maintain, with a harder variation to ask about; no extra sessions', () => {
    const spec = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };
    const { plans } = simulate({ weeks: 9, first: [times(3, 20), times(3, 20)], spec });
    expect(brief(plans)).toEqual([
      [20, 3, 'baseline'],
      [22, 3, 'increase'],
      [24, 3, 'increase'],
      [26, 3, 'increase'],
      [29, 3, 'increase'],
      [30, 3, 'increase'],
      [30, 3, 'maintain'],
      [30, 3, 'maintain'],
    ]);
    expect(describeReason(plans[6]!.reason, 'reps')).toBe(
      '30 reps a session is where the plan stops adding reps: maintain, and ask your clinician about a harder variation when it feels easy',
    );
  });

  it('Q6: steps stop at 4,000 a session; then one more session a week, up to 7', () => {
    const spec = { activity: 'steps', unit: 'steps' as const, category: 'aerobic' as const };
    const { plans } = simulate({ weeks: 12, first: [times(3, 3000), times(3, 3000)], spec });
    expect(brief(plans).slice(1)).toEqual([
      [3300, 3, 'increase'],
      [3630, 3, 'increase'],
      [3993, 3, 'increase'],
      [4000, 3, 'increase'],
      [4000, 4, 'increase'],
      [4000, 5, 'increase'],
      [4000, 6, 'increase'],
      [4000, 7, 'increase'],
      [4000, 7, 'maintain'],
      [4000, 7, 'maintain'],
    ]);
  });

  it('Q6: metres stop at 3,000 a session, then one more session a week up to 7; metres never count toward the weekly aim', () => {
    const spec = { activity: 'swim', unit: 'm' as const, category: 'aerobic' as const };
    const { plans } = simulate({ weeks: 12, first: [times(3, 2500), times(3, 2500)], spec });
    expect(brief(plans).slice(1).map((x) => `${x[0]}x${x[1]} ${x[2]}`)).toEqual([
      '2750x3 increase', '3000x3 increase', // 3025 is past the ceiling: 3000
      '3000x4 increase', '3000x5 increase', '3000x6 increase', '3000x7 increase',
      '3000x7 maintain', '3000x7 maintain', '3000x7 maintain', '3000x7 maintain',
    ]);
    expect(describeReason(plans[2]!.reason, 'm')).toBe('completed 3 of 3 sessions at 2750 m, no flare: +250 m');
    expect(describeReason(plans.at(-1)!.reason, 'm')).toBe('3000 m 7 times a week is as far as the plan grows: maintain');
  });

  it('Q6, Q8: a baseline already at the session ceiling grows by one session a week, and the reason says so, not "+0"', () => {
    const stretch = simulate({ weeks: 3, first: [times(3, 30), times(3, 30)], spec: { activity: 'stretching', category: 'mobility' } });
    expect(brief(stretch.plans)).toEqual([[30, 3, 'baseline'], [30, 4, 'increase']]);
    expect(describeReason(stretch.plans[1]!.reason, 'min')).toBe('baseline 30 min from 6 comfortable sessions over 2 weeks: sessions stay at 30 min, one more a week (4)');
    const swim = simulate({ weeks: 3, first: [times(3, 3000), times(3, 3000)], spec: { activity: 'swim', unit: 'm', category: 'aerobic' } });
    expect(brief(swim.plans)[1]).toEqual([3000, 4, 'increase']);
    expect(describeReason(swim.plans[1]!.reason, 'm')).toBe('baseline 3000 m from 6 comfortable sessions over 2 weeks: sessions stay at 3000 m, one more a week (4)');
    // Above the ceiling (a person who walked 40 minutes from the start), the same.
    const walk = simulate({ weeks: 3, first: [times(3, 40), times(3, 40)] });
    expect(brief(walk.plans)[1]).toEqual([40, 4, 'increase']);
    expect(describeReason(walk.plans[1]!.reason, 'min')).not.toMatch(/\+0/);
  });

  it('Q6: walk and bike share the weekly aim: together they stop at about 150 minutes, not 30 x 5 each', () => {
    // A baseline of three 10-minute sessions a week, then five of 30 minutes: every week completed.
    const done = [times(3, 10), times(3, 10), ...Array.from({ length: 28 }, () => times(5, 30))];
    const sessions = [...weeks(MON, ...done), ...weeksOf({ activity: 'bike' }, MON, ...done)];
    const p = plan(sessions, week(30));
    expect(p.activities.map((a) => [a.activity, a.quota, a.sessionsPerWeek])).toEqual([['bike', 26, 3], ['walk', 26, 3]]); // 156 min, not 300
    // Alone, the same walks grow to 30 minutes five times a week.
    expect(planOf(weeks(MON, ...done), week(30))).toMatchObject({ quota: 30, sessionsPerWeek: 5 });
    expect(p.activities.map((a) => a.change)).toEqual(['maintain', 'maintain']);
    expect(describeReason(p.activities[1]!.reason, 'min')).toMatch(/^with your other aerobic activities that is \d+(\.5)? min a week, your weekly aim of 150 min: maintain$/);
  });
});
