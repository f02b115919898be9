import { describe, expect, it } from 'vitest';
import { weekOneMoves } from '../../../src/core/coach/phases.js';
import type { IsoDate } from '../../../src/core/types.js';

const d = (s: string) => s as IsoDate;

describe('P: when a session moves program week 1 back', () => {
  it('a day before the first session, in an earlier week, moves it; the same week or later does not', () => {
    expect(weekOneMoves(null, d('2026-11-18'), d('2026-11-08'))).toEqual({ was: '2026-11-16', now: '2026-11-02' });
    expect(weekOneMoves(null, d('2026-11-18'), d('2026-11-16'))).toBeNull();
    expect(weekOneMoves(null, d('2026-11-18'), d('2026-12-01'))).toBeNull();
  });

  it('week 1 is the earlier of the start date and the first session', () => {
    // A start date before the first session: a day between them leaves week 1 where it is.
    expect(weekOneMoves(d('2026-11-02'), d('2026-11-18'), d('2026-11-09'))).toBeNull();
    expect(weekOneMoves(d('2026-11-02'), d('2026-11-18'), d('2026-11-01'))).toEqual({ was: '2026-11-02', now: '2026-10-26' });
    // A start date after the first session: the first session decides.
    expect(weekOneMoves(d('2026-12-07'), d('2026-11-18'), d('2026-11-20'))).toBeNull();
  });

  it('the first session of a journal without a start date moves nothing: there was no week 1', () => {
    expect(weekOneMoves(null, null, d('2002-11-20'))).toBeNull();
    expect(weekOneMoves(d('2026-11-16'), null, d('2026-11-02'))).toEqual({ was: '2026-11-16', now: '2026-11-02' });
  });
});
