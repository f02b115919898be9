import { describe, expect, it } from 'vitest';
import { describeReason } from '../../../src/core/coach/reasons.js';
import type { Acceptance, TriageRecord } from '../../../src/core/coach/types.js';
import { addDays } from '../../../src/core/dates.js';
import type { Session } from '../../../src/core/types.js';
import { brief, flare, MON, plan, planOf, settings, simulate, times, week, weeksOf } from './builders.js';

describe('scenario: 10 minute walks four times a week, a flare in week 6, an unfinished week 8', () => {
  const { sessions, plans } = simulate({
    weeks: 19,
    first: [times(4, 10), times(4, 10)],
    doWeek: (n, p) => {
      const q = p.quota as number;
      if (n === 6) return [q, flare(q), q, q];
      if (n === 8) return times(2, q);
      return times(p.sessionsPerWeek, q);
    },
  });

  it('P/Q: predicts the plan week by week', () => {
    expect(brief(plans).map(([q, n, c], i) => `w${i + 2} ${q}x${n} ${c}`)).toEqual([
      'w2 10x4 baseline',
      'w3 11x4 increase',
      'w4 12x4 increase',
      'w5 13x4 increase',
      'w6 14.5x4 increase',
      'w7 13x4 drop-back', // Q5: the flare at 14.5 in week 6
      'w8 14.5x4 increase',
      'w9 14.5x4 hold', // Q4: week 8 was unfinished
      'w10 16x4 increase',
      'w11 17.5x4 increase',
      'w12 19.5x4 increase',
      'w13 21.5x4 increase',
      'w14 23.5x4 increase',
      'w15 26x4 increase',
      'w16 28.5x4 increase',
      'w17 30x4 increase', // Q6: capped at 30
      'w18 30x5 increase', // Q6: then one more session
      'w19 30x5 maintain', // Q6: 150 minutes a week
    ]);
  });

  it('Q8: says why, in plain words', () => {
    const words = plans.map((p) => describeReason(p.reason, p.unit));
    expect(words[5]).toBe('flare on Tue 10 Feb: back to 13 min for one week');
    expect(words[7]).toBe('2 of 4 sessions reached 14.5 min last week: staying at 14.5 min, no hurry; the plan grows after a full week');
    expect(words[16]).toBe('completed 4 of 4 sessions at 30 min, no flare: sessions stay at 30 min, one more a week (5)');
  });

  it('P: phases follow the calendar, with the variety suggestion in consolidation and goals after', () => {
    const phases = [1, 3, 5, 13, 14].map((n) => {
      const p = plan(sessions, week(n));
      return [p.programWeek, p.phase, p.suggestion?.rule ?? null];
    });
    expect(phases).toEqual([[1, 1, null], [3, 2, null], [5, 3, 'P3'], [13, 3, 'P3'], [14, 4, 'P4']]);
  });

  it('F3: every planned week carries a flare-day dose of half the quota', () => {
    expect(plans.map((p) => p.flareDayDose).slice(0, 6)).toEqual([5, 5.5, 6, 6.5, 7, 6.5]);
  });
});

describe('scenario: envelope mode (post-exertional malaise) over three months', () => {
  const acceptances: Acceptance[] = [{ activity: 'walk', weekStart: week(6), quota: 9, acceptedOn: addDays(week(5), 3) }];
  const { plans } = simulate({
    weeks: 13,
    first: [[8, 8, 7], [8, 8, 8]],
    extra: { settings: settings({ pem: true }), acceptances },
    doWeek: (n, p) => {
      const q = p.quota as number;
      // Week 8: the next-day check says the pain had not settled (F2).
      if (n === 8) return [q, { dose: q, symptoms: ['pain-over-24h'] }, q];
      return times(p.sessionsPerWeek, q);
    },
  });

  it('S2: holds, offers, applies the acceptance, drops back after the flare, and offers again later', () => {
    expect(plans.map((p) => [p.quota, p.change, p.offer])).toEqual([
      [8, 'baseline', null],
      [8, 'hold', null], // baseline weeks do not count toward the two steady weeks
      [8, 'hold', null],
      [8, 'offer', 9], // Q2: next(8) is 8.8, which is 9 in half minutes
      [9, 'increase', null], // accepted
      [9, 'hold', null],
      [9, 'offer', 10],
      [8, 'drop-back', null], // F1 via F2: pain had not settled after week 8's session
      [8, 'hold', null],
      [8, 'offer', 9],
      [8, 'offer', 9],
      [8, 'offer', 9],
    ]);
  });
});

describe('scenario: walking, then stretching added in phase 3, then an assessment', () => {
  const walks = weeksOf({}, MON, ...Array.from({ length: 12 }, () => times(3, 15)));
  const stretches = weeksOf({ activity: 'stretching', category: 'mobility' }, week(6), [5, 5, 5], [5, 5, 5], [5.5, 5.5, 5.5], [6, 6, 6], [6.5, 6.5, 6.5], [7, 7, 7]);
  const sessions: Session[] = [...walks, ...stretches];
  const triageRecords: TriageRecord[] = [
    { date: addDays(week(9), 2), kind: 'triage', class: 'assess', symptoms: ['joint-swelling'] },
    { date: addDays(week(11), 1), kind: 'cleared', class: null, symptoms: [] },
  ];

  it('P3/Q1: stretching gets its own baseline, and the variety suggestion goes once it is done', () => {
    expect(plan(sessions, week(6)).suggestion?.rule).toBe('P3');
    expect(plan(sessions, week(7)).suggestion).toBeNull();
    expect(planOf(sessions, week(7), {}, 'stretching')).toMatchObject({ quota: 5, sessionsPerWeek: 3, change: 'baseline' });
    expect(planOf(sessions, week(8), {}, 'stretching')).toMatchObject({ quota: 5.5, change: 'increase' });
  });

  it('T2: an assessment hold in weeks 10 and 11 holds stretching, which then grows again', () => {
    // The walks stay at 15 min: 16.5 counts (90%), 18 does not, so walking holds at 18 and, after
    // three such weeks, steps down to 16.5 (Q4), which the walks complete.
    const row = (n: number) => plan(sessions, week(n), { triageRecords }).activities.map((a) => `${a.activity} ${a.quota} ${a.change}`);
    expect(row(9)).toEqual(['stretching 6 increase', 'walk 18 hold']);
    expect(row(10)).toEqual(['stretching 6 hold', 'walk 18 hold']);
    expect(row(11)).toEqual(['stretching 6 hold', 'walk 16.5 step-down']);
    expect(row(12)).toEqual(['stretching 6.5 increase', 'walk 18 increase']);
    expect(plan(sessions, week(10), { triageRecords }).hold).toEqual({ kind: 'assess', since: addDays(week(9), 2), symptoms: ['joint-swelling'] });
  });
});

describe('time zones', () => {
  it('the plan is the same in any time zone (dates are calendar days, not moments)', () => {
    const { sessions } = simulate({ weeks: 12, first: [times(4, 10), times(4, 10)], doWeek: (n, p) => (n === 6 ? [flare(p.quota as number)] : times(4, p.quota as number)) });
    const saved = process.env.TZ;
    const plans: unknown[] = [];
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Auckland']) {
        process.env.TZ = tz;
        plans.push(Array.from({ length: 12 }, (_, i) => plan(sessions, week(i + 1))));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(plans[1]).toEqual(plans[0]);
    expect(plans[2]).toEqual(plans[0]);
  });
});
