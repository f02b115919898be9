import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepOf } from '../../../src/core/coach/amounts.js';
import { ceilingOf, countsToward, grow, next, offerFor, quotaComparison } from '../../../src/core/coach/progression.js';
import { sessionCells } from '../../../src/core/sessionCsv.js';
import type { Unit } from '../../../src/core/types.js';
import { d, session } from './builders.js';

describe('next() (Q2)', () => {
  it('Q2: the spec example in minutes: 10, 11, 12, 13, 14.5, 16, 17.5, 19.5, 21.5', () => {
    const seq = [10];
    while (seq.length < 9) seq.push(next(seq[seq.length - 1] as number, 'min'));
    expect(seq).toEqual([10, 11, 12, 13, 14.5, 16, 17.5, 19.5, 21.5]);
  });

  it.each<[number, Unit, number]>([
    [5, 'min', 5.5], // 10% is exactly one half step
    [1, 'min', 1.5], // 10% is less than a step: one step
    [0.5, 'min', 1],
    [30, 'min', 33],
    [19.25, 'min', 21], // off the grid: 21.175 rounds to 21
    [10, 'reps', 11],
    [5, 'reps', 6], // 5.5 rounds up to 6
    [4, 'reps', 5], // 4.4 rounds to 4: at least one more
    [1, 'reps', 2],
    [800, 'm', 880],
    [3000, 'steps', 3300],
    [7.3, 'min', 8], // a hand-set quota off the grid comes back onto it
  ])('Q2: next(%s %s) is %s', (q, unit, want) => {
    expect(next(q, unit)).toBe(want);
  });

  it('Q2: next() always rises by at least one step and lands on the unit\'s resolution', () => {
    fc.assert(
      fc.property(fc.constantFrom<Unit>('min', 'reps', 'm', 'steps'), fc.integer({ min: 1, max: 200_000 }), (unit, steps) => {
        const q = steps * stepOf(unit);
        const n = next(q, unit);
        expect(n).toBeGreaterThanOrEqual(q + stepOf(unit));
        expect(Number.isInteger(Math.round(n * 100) / (stepOf(unit) * 100))).toBe(true);
        // and never more than 10% plus half a step
        expect(n).toBeLessThanOrEqual(Math.max(q * 1.1 + stepOf(unit) / 2, q + stepOf(unit)) + 1e-9);
      }),
    );
  });

  it('Q2: next() is monotonic: a larger quota never gets a smaller next quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a / 2, b / 2] : [b / 2, a / 2];
        expect(next(lo, 'min')).toBeLessThanOrEqual(next(hi, 'min'));
      }),
    );
  });
});

describe('Q3: a session counts at 90% of the quota', () => {
  it.each<[number, number, boolean]>([
    [9.9, 11, true], // 11 * 0.9 is 9.900000000000002 in floating point
    [9.8, 11, false],
    [9, 10, true],
    [8.9, 10, false],
    [13.1, 14.5, true], // 14.5 * 0.9 = 13.05
    [13, 14.5, false],
    [20, 10, true],
    [27, 30, true],
  ])('dose %s against quota %s counts: %s', (dose, quota, want) => {
    expect(countsToward(dose, quota)).toBe(want);
    expect(quotaComparison(dose, quota).counts).toBe(want);
  });

  it('Q3: quotaComparison gives the whole percent of the quota', () => {
    expect(quotaComparison(9.9, 11)).toEqual({ pct: 90, counts: true });
    expect(quotaComparison(18, 12)).toEqual({ pct: 150, counts: true });
    expect(quotaComparison(5, 12)).toEqual({ pct: 42, counts: false });
  });

  it('Q3: a percentage never rounds up across the 90% line', () => {
    expect(quotaComparison(13, 14.5)).toEqual({ pct: 89, counts: false }); // 89.66%: not a "90%" that does not count
    expect(quotaComparison(13.05, 14.5)).toEqual({ pct: 90, counts: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 }), (d, q) => {
        const c = quotaComparison(d / 10, q / 10);
        expect(c.pct! >= 90).toBe(c.counts);
      }),
    );
  });

  it('Q3/E1: the session CSV shows the same percent', () => {
    expect(sessionCells(session(d('2026-01-05'), 13), 14.5, false)[6]).toBe(89);
  });

  it('Q3: without a quota there is no percent and nothing to fall short of', () => {
    expect(quotaComparison(10, null)).toEqual({ pct: null, counts: true });
  });

  it('Q3: counting agrees with exact tenths arithmetic for every dose and quota in tenths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (dose10, quota10) => {
        expect(countsToward(dose10 / 10, quota10 / 10)).toBe(dose10 * 10 >= quota10 * 9);
      }),
    );
  });
});

describe('Q6: ceilings', () => {
  const walk = { unit: 'min' as const, category: 'aerobic' as const, targetMinutes: 150 };
  const stretch = { unit: 'min' as const, category: 'mobility' as const, targetMinutes: 150 };

  it('Q6: a session in minutes stops at 30; 29.5 grows to 30, not 32.5', () => {
    expect(grow({ quota: 29.5, sessionsPerWeek: 4 }, 'min')).toEqual({ quota: 30, sessionsPerWeek: 4 });
    expect(grow({ quota: 27.5, sessionsPerWeek: 4 }, 'min')).toEqual({ quota: 30, sessionsPerWeek: 4 });
  });

  it('Q6: at 30 minutes growth is one more session a week, up to 7', () => {
    expect(grow({ quota: 30, sessionsPerWeek: 3 }, 'min')).toEqual({ quota: 30, sessionsPerWeek: 4 });
    expect(grow({ quota: 40, sessionsPerWeek: 6 }, 'min')).toEqual({ quota: 40, sessionsPerWeek: 7 });
    expect(ceilingOf({ quota: 30, sessionsPerWeek: 7 }, stretch)).toEqual({ kind: 'ceiling' });
    expect(ceilingOf({ quota: 30, sessionsPerWeek: 6 }, stretch)).toBeNull();
  });

  it('Q6: an aerobic activity at the weekly target maintains', () => {
    expect(ceilingOf({ quota: 30, sessionsPerWeek: 5 }, walk)).toEqual({ kind: 'target', weeklyMinutes: 150, target: 150, others: 0 });
    expect(ceilingOf({ quota: 25, sessionsPerWeek: 6 }, walk)).toEqual({ kind: 'target', weeklyMinutes: 150, target: 150, others: 0 });
    expect(ceilingOf({ quota: 30, sessionsPerWeek: 4 }, walk)).toBeNull();
    expect(ceilingOf({ quota: 20, sessionsPerWeek: 4 }, { ...walk, targetMinutes: 80 })?.kind).toBe('target');
  });

  it('Q6: the weekly aim counts minutes only; other units and categories never reach it', () => {
    expect(ceilingOf({ quota: 30, sessionsPerWeek: 5 }, stretch)).toBeNull();
    expect(ceilingOf({ quota: 3000, sessionsPerWeek: 6 }, { unit: 'steps', category: 'aerobic', targetMinutes: 150 })).toBeNull();
  });

  it('Q6: all aerobic activities in minutes share the weekly aim', () => {
    expect(ceilingOf({ quota: 20, sessionsPerWeek: 3 }, { ...walk, otherAerobicMinutes: 90 })).toEqual({ kind: 'target', weeklyMinutes: 150, target: 150, others: 90 });
    expect(ceilingOf({ quota: 20, sessionsPerWeek: 3 }, { ...walk, otherAerobicMinutes: 89.5 })).toBeNull();
    expect(ceilingOf({ quota: 20, sessionsPerWeek: 3 }, { ...stretch, otherAerobicMinutes: 200 })).toBeNull(); // mobility is not aerobic
  });

  it('Q6: 3,000 m and 4,000 steps a session, then one more session a week up to 7', () => {
    expect(grow({ quota: 3900, sessionsPerWeek: 3 }, 'steps')).toEqual({ quota: 4000, sessionsPerWeek: 3 });
    expect(grow({ quota: 4000, sessionsPerWeek: 3 }, 'steps')).toEqual({ quota: 4000, sessionsPerWeek: 4 });
    expect(grow({ quota: 2900, sessionsPerWeek: 3 }, 'm')).toEqual({ quota: 3000, sessionsPerWeek: 3 });
    expect(grow({ quota: 3000, sessionsPerWeek: 6 }, 'm')).toEqual({ quota: 3000, sessionsPerWeek: 7 });
    expect(ceilingOf({ quota: 9000, sessionsPerWeek: 7 }, { unit: 'steps', category: 'aerobic', targetMinutes: 150 })).toEqual({ kind: 'ceiling' });
    expect(offerFor({ quota: 4000, sessionsPerWeek: 3 }, 'steps')).toBeNull();
  });

  it('Q6: reps stop at 30 a session and maintain, with no extra sessions', () => {
    expect(grow({ quota: 28, sessionsPerWeek: 2 }, 'reps')).toEqual({ quota: 30, sessionsPerWeek: 2 });
    expect(ceilingOf({ quota: 30, sessionsPerWeek: 2 }, { unit: 'reps', category: 'strength', targetMinutes: 150 })).toEqual({ kind: 'reps' });
    expect(ceilingOf({ quota: 29, sessionsPerWeek: 2 }, { unit: 'reps', category: 'strength', targetMinutes: 150 })).toBeNull();
  });

  it('S2: envelope offers stop at the 30 minute ceiling', () => {
    expect(offerFor({ quota: 29.5, sessionsPerWeek: 3 }, 'min')).toBe(30);
    expect(offerFor({ quota: 30, sessionsPerWeek: 3 }, 'min')).toBeNull();
    expect(offerFor({ quota: 10, sessionsPerWeek: 3 }, 'reps')).toBe(11);
  });
});
