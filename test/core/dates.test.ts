import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isoWeekday, mondayOf, mondayOfDay, nextMonday, parseIsoDate, shortDate, toDayNumber } from '../../src/core/dates.js';
import type { IsoDate } from '../../src/core/types.js';

const d = (s: string) => s as IsoDate;
// JavaScript's own UTC calendar, the reference for the day numbers dates.ts counts by arithmetic.
const MS_PER_DAY = 86_400_000;
const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
const utcDate = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

const ADD_DAYS: [string, number, string][] = [
  ['2026-03-07', 1, '2026-03-08'], // US clocks go forward on 8 March 2026
  ['2026-03-08', 1, '2026-03-09'],
  ['2026-03-09', -2, '2026-03-07'],
  ['2026-10-31', 1, '2026-11-01'], // US clocks go back on 1 November 2026
  ['2026-11-01', 1, '2026-11-02'],
  ['2026-04-04', 2, '2026-04-06'], // New Zealand clocks go back on 5 April 2026
  ['2026-09-26', 2, '2026-09-28'], // and forward on 27 September 2026
  ['2026-12-31', 1, '2027-01-01'],
  ['2027-01-01', -1, '2026-12-31'],
  ['2026-01-01', 365, '2027-01-01'],
  ['2028-02-28', 1, '2028-02-29'],
  ['2028-02-29', 1, '2028-03-01'],
  ['2026-02-28', 1, '2026-03-01'],
  ['1999-12-31', 1, '2000-01-01'],
  ['2026-11-21', 0, '2026-11-21'],
];

const MONDAYS: [string, string][] = [
  ['2026-11-21', '2026-11-16'], // Saturday
  ['2026-11-22', '2026-11-16'], // Sunday ends the week
  ['2026-11-23', '2026-11-23'], // Monday starts it
  ['2027-01-01', '2026-12-28'], // across a year end
  ['2026-01-01', '2025-12-29'],
  ['2026-03-08', '2026-03-02'], // a DST Sunday
  ['2026-11-01', '2026-10-26'],
  ['2028-02-29', '2028-02-28'],
];

describe.each(ZONES)('calendar dates under TZ=%s', (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('really runs in that timezone', () => {
    const offset = new Date(2026, 0, 15).getTimezoneOffset();
    const expected: Record<string, number> = {
      UTC: 0, 'America/Los_Angeles': 480, 'Pacific/Auckland': -780, 'Asia/Kolkata': -330, 'Pacific/Kiritimati': -840, 'Pacific/Pago_Pago': 660,
    };
    expect(offset).toBe(expected[zone]);
  });

  it.each(ADD_DAYS)('addDays(%s, %d) is %s', (from, n, to) => {
    expect(addDays(d(from), n)).toBe(to);
  });

  it.each(MONDAYS)('the week holding %s starts on Monday %s', (date, monday) => {
    expect(mondayOf(d(date))).toBe(monday);
  });

  it('the coming week starts on the Monday after today', () => {
    expect(nextMonday(d('2026-11-21'))).toBe('2026-11-23');
    expect(nextMonday(d('2026-11-23'))).toBe('2026-11-30');
  });

  it('names days without shifting them', () => {
    expect(shortDate(d('2026-01-13'))).toBe('Tue 13 Jan');
    expect(shortDate(d('2026-03-08'))).toBe('Sun 8 Mar');
  });

  // Day numbers are counted by integer arithmetic; JavaScript's own UTC calendar is the reference.
  it.each(['1970-01-01', '1900-03-01', '2000-02-29', '2024-02-29', '2026-01-05', '2100-03-01', '9999-12-31', '1969-12-31'])(
    'day numbers agree with the UTC calendar on %s',
    (text) => {
      expect(toDayNumber(d(text))).toBe(utcDay(text));
      expect(fromDayNumber(toDayNumber(d(text)))).toBe(text);
    },
  );

  it('parseIsoDate takes real dates and refuses days past the end of a month', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate(' 2026-11-21 ')).toBe('2026-11-21');
    for (const bad of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '1899-12-31', '2026-1-05', 'today']) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});


describe('date arithmetic for any day', () => {
  const day = fc.integer({ min: -20_000, max: 60_000 }).map((n) => addDays(d('1970-01-01'), n));

  it('addDays(n) then addDays(-n) returns to the same day, and stays a real date', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(parseIsoDate(moved)).toBe(moved);
        expect(addDays(moved, -n)).toBe(date);
      }),
    );
  });

  it('every day from 1900 to 2400 round-trips through its day number, finds its Monday and its weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: utcDay('1900-01-01'), max: utcDay('2400-12-31') }), fc.integer({ min: -400, max: 400 }), (n, step) => {
        const date = d(utcDate(n));
        expect(toDayNumber(date)).toBe(n);
        expect(fromDayNumber(n)).toBe(date);
        expect(fromDayNumber(mondayOfDay(n))).toBe(mondayOf(date));
        expect(isoWeekday(date)).toBe(((new Date(n * MS_PER_DAY).getUTCDay() + 6) % 7) + 1);
        expect(addDays(date, step)).toBe(utcDate(n + step));
      }),
      { numRuns: 2000 },
    );
  });

  it('mondayOf gives a Monday 0 to 6 days before the date', () => {
    fc.assert(
      fc.property(day, (date) => {
        const monday = mondayOf(date);
        expect(isoWeekday(monday)).toBe(1);
        const back = [0, 1, 2, 3, 4, 5, 6].map((k) => addDays(date, -k));
        expect(back).toContain(monday);
      }),
    );
  });
});
