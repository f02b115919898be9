import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isoWeekday, mondayOf, mondayOfDay, parseIsoDate, toDayNumber } from '../../src/core/dates.js';
import type { IsoDate } from '../../src/core/types.js';

// dates.ts counts days by integer arithmetic; JavaScript's own UTC calendar is the reference here.
const MS_PER_DAY = 86_400_000;
const d = (text: string) => text as IsoDate;
const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
const utcDate = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

describe('day numbers agree with the UTC calendar', () => {
  it.each(['1970-01-01', '1900-03-01', '2000-02-29', '2024-02-29', '2026-01-05', '2100-03-01', '9999-12-31', '1969-12-31'])('%s', (text) => {
    expect(toDayNumber(d(text))).toBe(utcDay(text));
    expect(fromDayNumber(toDayNumber(d(text)))).toBe(text);
  });

  it('every day from 1900 to 2400 round-trips, finds its Monday and takes steps of days', () => {
    fc.assert(
      fc.property(fc.integer({ min: utcDay('1900-01-01'), max: utcDay('2400-12-31') }), fc.integer({ min: -400, max: 400 }), (n, step) => {
        const date = d(utcDate(n));
        expect(toDayNumber(date)).toBe(n);
        expect(fromDayNumber(n)).toBe(date);
        expect(fromDayNumber(mondayOfDay(n))).toBe(mondayOf(date));
        expect(isoWeekday(mondayOf(date))).toBe(1);
        expect(isoWeekday(date)).toBe(((new Date(n * MS_PER_DAY).getUTCDay() + 6) % 7) + 1);
        expect(addDays(date, step)).toBe(utcDate(n + step));
      }),
      { numRuns: 2000 },
    );
  });

  it('parseIsoDate takes real dates and refuses days past the end of a month', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate(' 2026-11-21 ')).toBe('2026-11-21');
    for (const bad of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '1899-12-31', '2026-1-05', 'today']) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});
