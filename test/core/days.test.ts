import { describe, expect, it } from 'vitest';
import { activitySessions, chooseDays, dayCodes, parseDays, parseTime, sessionLabel } from '../../src/core/days.js';
import { InputError } from '../../src/core/errors.js';
import type { IsoDate } from '../../src/core/types.js';

const MON = '2026-03-02' as IsoDate;
const names = (days: number[]) => dayCodes(days).join(',');

describe('D2: sessions spread evenly when no days are given', () => {
  // One row per number of sessions a week: the days chosen with no days given.
  const table: [number, string][] = [
    [1, 'mon'],
    [2, 'mon,thu'],
    [3, 'mon,wed,fri'],
    [4, 'mon,tue,thu,sat'],
    [5, 'mon,tue,wed,fri,sat'],
    [6, 'mon,tue,wed,thu,fri,sat'],
    [7, 'mon,tue,wed,thu,fri,sat,sun'],
  ];
  it.each(table)('D2: %i a week falls on %s', (n, expected) => {
    expect(chooseDays(n, [])).toEqual({ days: parseDays(expected), source: 'spread' });
  });
});

describe('D1/D2: the person\'s days, for every count of sessions (1-7) and of days (1-7)', () => {
  const sets = ['mon', 'tue,thu', 'mon,wed,fri', 'mon,tue,thu,sat', 'weekdays', 'mon,tue,wed,thu,fri,sat', 'daily'];
  for (let n = 1; n <= 7; n++) {
    for (const set of sets) {
      const given = parseDays(set);
      it(`D1/D2: ${n} a week on ${set}`, () => {
        const { days, source } = chooseDays(n, given);
        expect(days).toHaveLength(n);
        expect(new Set(days).size).toBe(n);
        expect([...days].sort((a, b) => a - b)).toEqual(days);
        if (given.length >= n) {
          // D1: only the person's days, and spread over them.
          expect(source).toBe('schedule');
          expect(days.every((d) => given.includes(d))).toBe(true);
        } else {
          // D2: every day the person gave is kept, and days are added.
          expect(source).toBe('added');
          expect(given.every((d) => days.includes(d))).toBe(true);
        }
      });
    }
  }

  it('D1: weekdays at 4 a week is Mon, Tue, Thu, Fri, not Mon to Thu', () => {
    expect(names(chooseDays(4, parseDays('weekdays')).days)).toBe('mon,tue,thu,fri');
  });

  it('D1: Mon to Thu at 3 a week is Mon, Tue, Thu, not Mon, Tue, Wed', () => {
    expect(names(chooseDays(3, parseDays('mon,tue,wed,thu')).days)).toBe('mon,tue,thu');
  });

  it('D1: daily at 3 a week is Mon, Wed, Fri, as with no days', () => {
    expect(names(chooseDays(3, parseDays('daily')).days)).toBe('mon,wed,fri');
  });

  it('D2: Tue and Thu at 3 a week keep both and add Saturday, the day farthest from both', () => {
    expect(names(chooseDays(3, parseDays('tue,thu')).days)).toBe('tue,thu,sat');
  });

  it('D2: Sat and Sun at 3 a week add Wednesday, not Monday: no three days in a row', () => {
    expect(names(chooseDays(3, parseDays('sat,sun')).days)).toBe('wed,sat,sun');
  });

  it('D2: Mon, Wed, Fri at 4 a week adds Saturday, not Tuesday: Mon, Tue, Wed would be three in a row', () => {
    expect(names(chooseDays(4, parseDays('mon,wed,fri')).days)).toBe('mon,wed,fri,sat');
  });

  // The review's cases: the earliest of the farthest days made Mon, Tue, Wed where a gap fits.
  it.each([
    ['fri', 'mon,wed,fri,sat'],
    ['mon,tue', 'mon,tue,thu,fri'],
    ['tue', 'tue,wed,fri,sun'],
    ['sat,sun', 'tue,wed,sat,sun'],
  ])('D2: %s at 4 a week gives %s: no three days in a row', (set, expected) => {
    expect(names(chooseDays(4, parseDays(set)).days)).toBe(expected);
  });

  it('D2: no sessions, no days', () => {
    expect(chooseDays(0, [0, 2]).days).toEqual([]);
  });
});

// Every week the same days: Sunday, Monday and Tuesday are three in a row.
const threeInARow = (days: readonly number[]) => days.some((d) => days.includes((d + 1) % 7) && days.includes((d + 2) % 7));

/** Every set of `n` weekdays, ascending. */
function layouts(n: number): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 128; mask++) {
    const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => mask & (1 << d));
    if (days.length === n) out.push(days);
  }
  return out;
}

/** The smallest distance between two sessions, round the week (7 for a single day). */
const smallestGap = (days: readonly number[]) => Math.min(...days.map((d, i) => (days[(i + 1) % days.length]! - d + 7) % 7 || 7));

/** Whether the gaps between the chosen places in the person's list, round the list, differ by at most one. */
function evenOver(pool: readonly number[], days: readonly number[]): boolean {
  const at = days.map((d) => pool.indexOf(d));
  const gaps = at.map((i, q) => (at[(q + 1) % at.length]! - i + pool.length) % pool.length || pool.length);
  return Math.max(...gaps) - Math.min(...gaps) <= 1;
}

describe('D1/D2: every set of the person\'s days (all 128, none among them) at every count (1-7)', () => {
  const cases = layouts(0).concat(...[1, 2, 3, 4, 5, 6, 7].map(layouts));
  for (const given of cases) {
    for (let n = 1; n <= 7; n++) {
      it(`D1/D2: ${names(given) || 'no days'} at ${n} a week`, () => {
        const { days } = chooseDays(n, given);
        expect(days).toHaveLength(n);
        const fewer = given.length < n;
        // D2: fewer days than sessions keeps them all; D1: otherwise only the person's days.
        if (fewer) expect(given.every((d) => days.includes(d))).toBe(true);
        else expect(days.every((d) => given.includes(d))).toBe(true);
        // The layouts D1/D2 may choose from: all that keep the person's days (or take only theirs),
        // and of those the ones without three days in a row when there are any.
        const keeping = layouts(n).filter((l) => (fewer ? given.every((d) => l.includes(d)) : l.every((d) => given.includes(d))));
        const allowed = keeping.some((l) => !threeInARow(l)) ? keeping.filter((l) => !threeInARow(l)) : keeping;
        expect(allowed.map(names)).toContain(names(days));
        // As even as D1/D2 say: added days as far apart as the rule allows (the day farthest from
        // every day chosen); a choice among the person's days evenly spaced along their list.
        if (fewer) expect(smallestGap(days)).toBe(Math.max(...allowed.map(smallestGap)));
        else expect(evenOver(given, days)).toBe(true);
      });
    }
  }
});

describe('D1: sessions on dates and times', () => {
  const plan = { activity: 'walk', sessionsPerWeek: 3, change: 'increase' };

  it('D1: the person\'s days at their time', () => {
    const out = activitySessions(plan, MON, false, { activity: 'walk', days: parseDays('tue,thu,sat'), time: '07:30' }, '09:00');
    expect(out.sessions).toEqual([
      { date: '2026-03-03', time: '07:30' },
      { date: '2026-03-05', time: '07:30' },
      { date: '2026-03-07', time: '07:30' },
    ]);
    expect(out.source).toBe('schedule');
    expect(out.added).toEqual([]);
  });

  it('D2: no schedule: spread at the default time', () => {
    expect(activitySessions(plan, MON, false, undefined, '09:00').sessions.map((s) => `${s.date} ${s.time}`)).toEqual([
      '2026-03-02 09:00',
      '2026-03-04 09:00',
      '2026-03-06 09:00',
    ]);
  });

  it('D2: a schedule without its own time takes the default time', () => {
    const out = activitySessions(plan, MON, false, { activity: 'walk', days: [1, 3, 5], time: null }, '10:15');
    expect(out.sessions.map((s) => s.time)).toEqual(['10:15', '10:15', '10:15']);
  });

  it('D2: a paused plan has no sessions; a held one keeps its days', () => {
    expect(activitySessions({ ...plan, change: 'paused', sessionsPerWeek: 0 }, MON, true, undefined, '09:00').sessions).toEqual([]);
    expect(activitySessions({ ...plan, change: 'hold' }, MON, false, undefined, '09:00').days).toEqual([0, 2, 4]);
  });

  it('sessionLabel drops the leading zero of the hour', () => {
    expect(sessionLabel(0, '08:00')).toBe('Mon 8:00');
    expect(sessionLabel(6, '17:30')).toBe('Sun 17:30');
  });
});

describe('D1/D2: one answer per count and set of days', () => {
  it('the same days whatever the order given, and an answer changed by a caller changes no later one', () => {
    expect(chooseDays(4, [4, 0])).toEqual(chooseDays(4, [0, 4]));
    const first = chooseDays(3, []);
    first.days.push(9);
    expect(chooseDays(3, []).days).toEqual([0, 2, 4]);
  });
});

describe('days and times from people', () => {
  it('takes three-letter and whole names in any case, weekdays and daily', () => {
    expect(parseDays('Mon, WED,friday')).toEqual([0, 2, 4]);
    expect(parseDays('weekdays')).toEqual([0, 1, 2, 3, 4]);
    expect(parseDays('daily')).toHaveLength(7);
  });

  it('takes weekends, and the words for several days inside a list (weekdays,sat)', () => {
    expect(parseDays('weekends')).toEqual([5, 6]);
    expect(parseDays('weekdays,sat')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(parseDays('Weekends, wed')).toEqual([2, 5, 6]);
    expect(() => parseDays('toString')).toThrow(/is not a day of the week/);
  });

  it.each(['mon,funday', 'xyz', 'mo'])('refuses an unknown day: %s', (raw) => {
    expect(() => parseDays(raw)).toThrow(InputError);
    expect(() => parseDays(raw)).toThrow(/is not a day of the week/);
  });

  it.each(['', ' , ,'])('refuses an empty day list: "%s"', (raw) => {
    expect(() => parseDays(raw)).toThrow(/no days given/);
  });

  it('times: H:MM and HH:MM on a 24-hour clock', () => {
    expect(parseTime('8:00')).toBe('08:00');
    expect(parseTime('23:59')).toBe('23:59');
  });

  it.each(['25:00', '24:00', '12:60', '8', '8am', '08:5'])('refuses the time %s', (raw) => {
    expect(() => parseTime(raw)).toThrow(/is not a time of day/);
  });
});
