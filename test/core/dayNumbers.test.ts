import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOf, dayOf, mondayOfDay } from '../../../src/core/coach/days.js';
import { fromDayNumber, isoWeekday, mondayOf, toDayNumber } from '../../../src/core/dates.js';
import { d } from './builders.js';

describe('day numbers by arithmetic agree with dates.ts', () => {
  it.each(['1970-01-01', '1900-03-01', '2000-02-29', '2024-02-29', '2026-01-05', '2100-03-01', '9999-12-31', '1969-12-31'])('%s', (text) => {
    expect(dayOf(d(text))).toBe(toDayNumber(d(text)));
    expect(dateOf(dayOf(d(text)))).toBe(text);
  });

  it('every day from 1900 to 2400 round-trips and finds its Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber(d('1900-01-01')), max: toDayNumber(d('2400-12-31')) }), (n) => {
        const date = fromDayNumber(n);
        expect(dayOf(date)).toBe(n);
        expect(dateOf(n)).toBe(date);
        expect(dateOf(mondayOfDay(n))).toBe(mondayOf(date));
        expect(isoWeekday(dateOf(mondayOfDay(n)))).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });
});
