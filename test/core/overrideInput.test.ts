import { describe, expect, it } from 'vitest';
import { parseOverride, refuseWeekOver } from '../../src/core/overrideInput.js';
import type { IsoDate } from '../../src/core/types.js';

const d = (s: string) => s as IsoDate;

describe('Q7, Q9: --set and --accept-increase are for this week or a later one', () => {
  it.each([
    ['2026-03-02', '2026-03-08', 'the Sunday of the week itself'],
    ['2026-03-09', '2026-03-08', 'the coming week'],
    ['2026-12-28', '2027-01-03', 'a week across a year end, on its Sunday'],
    // Its Sunday has a five-digit year as a string ("10000-01-02"), which sorts before 2026: the
    // week was called over.
    ['9999-12-27', '2026-03-06', 'the last week the calendar holds'],
  ])('the week of %s on %s is not over (%s)', (week, today) => {
    expect(() => refuseWeekOver(d(week), d(today), '--set')).not.toThrow();
  });

  it.each([
    ['2026-03-02', '2026-03-09'],
    ['2026-12-28', '2027-01-04'],
  ])('the week of %s is over on %s', (week, today) => {
    expect(() => refuseWeekOver(d(week), d(today), '--set')).toThrow(/is over/);
  });
});

describe('Q7: --set reads a quota as --dose does', () => {
  it('a decimal comma is a decimal point: spaziergang=12,5x4 is 12.5 min, 4 a week', () => {
    expect(parseOverride('Spaziergang=12,5x4')).toEqual({ activity: 'spaziergang', quota: 12.5, unit: null, sessionsPerWeek: 4 });
  });

  it('a mark before three digits is refused naming both readings, as --dose refuses it', () => {
    expect(() => parseOverride('walk=1,500m')).toThrow(/could be 1500 or 1\.5/);
  });
});
