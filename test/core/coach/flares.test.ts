import { describe, expect, it } from 'vitest';
import { flareDayDose, isFlareSession, isTolerated } from '../../../src/core/coach/flares.js';
import type { Unit } from '../../../src/core/types.js';

const s = (extra: { flare?: boolean; painBefore?: number | null; painAfter?: number | null; symptoms?: string[] }) => ({
  flare: false,
  painBefore: 3 as number | null,
  painAfter: 4 as number | null,
  symptoms: [] as string[],
  ...extra,
});

describe('F1 flare and Q1 tolerated sessions', () => {
  it.each([
    ['an ordinary session', s({}), false, true],
    ['marked as a flare', s({ flare: true }), true, false],
    ['pain up by 2', s({ painBefore: 3, painAfter: 5 }), false, true],
    ['pain up by 3', s({ painBefore: 3, painAfter: 6 }), true, false],
    ['pain down', s({ painBefore: 6, painAfter: 2 }), false, true],
    ['pain before missing', s({ painBefore: null, painAfter: 9 }), false, true],
    ['pain after missing', s({ painBefore: 1, painAfter: null }), false, true],
    ['a continue symptom', s({ symptoms: ['muscle-fatigue', 'effort-warmth'] }), false, true],
    ['an assess symptom', s({ symptoms: ['pain-worsening'] }), true, false],
    ['F2: pain not settled the next day', s({ symptoms: ['pain-over-24h'] }), true, false],
    ['a stop symptom', s({ symptoms: ['chest-pain'] }), true, false],
    ['an unknown code', s({ symptoms: ['not-a-code'] }), false, true],
  ])('%s: flare %s, tolerated %s', (_name, session, flare, tolerated) => {
    expect(isFlareSession(session)).toBe(flare);
    expect(isTolerated(session)).toBe(tolerated);
  });

  it('Q1: a rise between 2 and 3 is neither tolerated nor a flare', () => {
    const between = s({ painBefore: 3, painAfter: 5.5 });
    expect(isTolerated(between)).toBe(false);
    expect(isFlareSession(between)).toBe(false);
  });
});

describe('F3 flare-day dose', () => {
  it.each<[number | null, Unit, number | null]>([
    [13, 'min', 6.5],
    [11, 'min', 5.5],
    [14.5, 'min', 7], // 7.25 rounds down: reduce on a flare day
    [1, 'min', 0.5],
    [0.5, 'min', 0.5], // never nothing: keep some light activity
    [11, 'reps', 5],
    [1, 'reps', 1],
    [800, 'm', 400],
    [null, 'min', null],
  ])('F3: half of %s %s is %s', (quota, unit, want) => {
    expect(flareDayDose(quota, unit)).toBe(want);
  });
});
