import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functionScore, summarizeGoal, type Goal } from '../../../src/core/outcomes/goals.js';
import { measure } from '../../../src/core/outcomes/measures.js';
import { pegScore } from '../../../src/core/outcomes/peg.js';
import { isClearPainChange, isClearPegChange, isClearVolumeChange } from '../../../src/core/outcomes/thresholds.js';
import { reviewWindows } from '../../../src/core/outcomes/windows.js';
import { addDays, isoWeekday, toDayNumber } from '../../../src/core/dates.js';
import type { IsoDate } from '../../../src/core/types.js';

const scale = fc.integer({ min: 0, max: 10 });
const amount = fc.double({ min: 0, max: 500, noNaN: true });
const TODAY = '2026-11-21' as IsoDate;

describe('properties of M3, W1-W3 and R1', () => {
  it('W1: the PEG score lies between the lowest and highest answer', () => {
    fc.assert(
      fc.property(scale, scale, scale, (pain, enjoyment, general) => {
        const s = pegScore({ pain, enjoyment, general });
        return s >= Math.min(pain, enjoyment, general) && s <= Math.max(pain, enjoyment, general);
      }),
    );
  });

  it('M3: the function score stays on the 0-10 scale, and its change is the mean of the goals\' changes', () => {
    const goal = fc.array(scale, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(goal, { minLength: 1, maxLength: 5 }), (ratingsOf) => {
        const goals = ratingsOf.map((ratings, i): Goal => ({
          id: i + 1, text: `g${i}`, status: 'open', createdOn: '2026-01-05' as IsoDate, closedOn: null,
          ratings: ratings.map((rating, k) => ({ date: addDays('2026-01-05' as IsoDate, k), rating })),
        }));
        const f = functionScore(goals.map((g) => summarizeGoal(g, TODAY)));
        const changes = ratingsOf.map((r) => r[r.length - 1]! - r[0]!);
        expect(f.score).toBeGreaterThanOrEqual(0);
        expect(f.score).toBeLessThanOrEqual(10);
        expect(f.change).toBeCloseTo(changes.reduce((a, b) => a + b, 0) / changes.length, 9);
      }),
    );
  });

  it('W3, R1: a PEG change is clear either way alike, and swapping then and now swaps better and worse', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const pegClear = isClearPegChange(b - a);
        expect(isClearPegChange(a - b)).toBe(pegClear);
        const there = measure('minutes_per_week', a, b, isClearVolumeChange, 'up').verdict;
        const back = measure('minutes_per_week', b, a, (x, y) => isClearVolumeChange(y, x), 'up').verdict;
        const flip = { better: 'worse', worse: 'better', same: 'same', 'not-enough-data': 'not-enough-data' } as const;
        expect(back).toBe(flip[there]);
      }),
    );
  });

  it('W3: a pain change of 2 points is always clear, of less than 30% of where it started and under 2 points never', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (then, now) => {
        const d = Math.abs(now - then);
        if (d >= 2) expect(isClearPainChange(then, now)).toBe(true);
        if (d < 2 - 1e-6 && d < 0.3 * then - 1e-6) expect(isClearPainChange(then, now)).toBe(false);
      }),
    );
  });

  it('R1: now never reaches into then, is made of whole Monday-Sunday weeks, and never goes past today', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), (days) => {
        const origin = '2026-01-05' as IsoDate;
        const today = addDays(origin, days);
        const w = reviewWindows(origin, today);
        expect(w.now.from > w.then.to).toBe(true);
        expect(isoWeekday(w.now.from)).toBe(1);
        expect(isoWeekday(w.now.to)).toBe(7);
        expect(w.nowWeeks).toBe((toDayNumber(w.now.to) - toDayNumber(w.now.from) + 1) / 7);
        expect(w.nowWeeks).toBeLessThanOrEqual(4);
        if (w.ready) expect(w.now.to <= today).toBe(true);
        else expect(w.now.to > today).toBe(true);
      }),
    );
  });
});
