import { describe, expect, it } from 'vitest';
import { boomAt, boomBust, personCycles } from '../../../src/core/coach/boombust.js';
import { describeBigDays, describeBoom, describeBoomBust } from '../../../src/core/coach/reasons.js';
import { addDays, isoWeekday, toDayNumber } from '../../../src/core/dates.js';
import type { IsoDate, Session } from '../../../src/core/types.js';
import { d, session } from './builders.js';

const day0 = d('2026-03-02'); // a Monday
const on = (offset: number, dose: number, extra: Partial<Session> = {}) => session(addDays(day0, offset), dose, extra);
const noPlan = () => null;
const planOf10 = () => 10;

/** Ten days of steady 10 minute walks before day 0, so the recent median is 10. */
const steady = Array.from({ length: 10 }, (_, i) => on(i - 10, 10));

describe('B1 boom days', () => {
  it('B1: a day at 1.5 x the week\'s quota is a boom; just under is not', () => {
    const bb = boomBust({ sessions: [on(0, 10), on(0, 5), on(3, 14.9)], today: addDays(day0, 6), quotaFor: planOf10 });
    expect(bb.booms).toEqual([{ date: day0, activity: 'walk', dose: 15, reference: 10, basis: 'quota', ratio: 1.5 }]);
  });

  it('B1: without a quota, the reference is the median day of the last 14 days with a session', () => {
    const sessions = [...steady, on(-3, 20), on(0, 18)];
    // Day totals before day 0: nine 10s and one 30 (day -3 has 10 + 20): the median is 10.
    const bb = boomBust({ sessions, today: day0, quotaFor: noPlan });
    expect(bb.booms.map((b) => [b.date, b.basis, b.reference, b.ratio])).toEqual([
      [addDays(day0, -3), 'recent', 10, 3],
      [day0, 'recent', 10, 1.8],
    ]);
  });

  it('B1: days more than 14 days back do not count toward the reference', () => {
    const sessions = [on(-20, 30), on(-19, 30), on(-18, 30), on(-5, 10), on(0, 16)];
    expect(boomBust({ sessions, today: day0, quotaFor: noPlan }).booms.map((b) => b.date)).toEqual([day0]);
  });

  it('B1: the previous 14 days are day -14 to day -1: day -15 is out, the boom day itself is not its own reference', () => {
    const sessions = [on(-15, 40), on(-14, 10), on(0, 16)];
    expect(boomBust({ sessions, today: day0, quotaFor: noPlan }).booms).toEqual([{ date: day0, activity: 'walk', dose: 16, reference: 10, basis: 'recent', ratio: 1.6 }]);
    expect(boomAt({ sessions, activity: 'walk', date: day0, quota: null })).toMatchObject({ reference: 10, basis: 'recent', ratio: 1.6 });
  });

  it('B1: the first day of an activity has no reference and is never a boom', () => {
    expect(boomBust({ sessions: [on(0, 120)], today: day0, quotaFor: noPlan }).booms).toEqual([]);
  });

  it('B1: each activity is measured against its own reference', () => {
    const bike = (offset: number, dose: number) => on(offset, dose, { activity: 'bike' });
    const sessions = [...steady, bike(-2, 40), bike(-1, 40), on(0, 10), bike(0, 40)];
    expect(boomBust({ sessions, today: day0, quotaFor: noPlan }).booms).toEqual([]);
  });
});

describe('B2 busts and B3 alerts', () => {
  it('B2: a flare within the next two days after a boom makes a cycle', () => {
    const sessions = [on(0, 20), on(2, 5, { flare: true })];
    expect(boomBust({ sessions, today: addDays(day0, 2), quotaFor: planOf10 }).cycles).toEqual([
      { boomDate: day0, activity: 'walk', bust: 'flare', bustDate: addDays(day0, 2) },
    ]);
  });

  it('B2: a flare on the boom day itself counts; a flare three days later does not', () => {
    expect(boomBust({ sessions: [on(0, 20, { painBefore: 2, painAfter: 6 })], today: day0, quotaFor: planOf10 }).cycles).toHaveLength(1);
    expect(boomBust({ sessions: [on(0, 20), on(1, 10), on(2, 10), on(3, 10, { flare: true })], today: addDays(day0, 9), quotaFor: planOf10 }).cycles).toEqual([]);
  });

  it('B2: a flare in any activity counts: the flare is the person\'s', () => {
    const sessions = [on(0, 20), on(1, 5, { activity: 'stretching', symptoms: ['pain-over-24h'] })];
    expect(boomBust({ sessions, today: addDays(day0, 1), quotaFor: planOf10 }).cycles[0]?.bust).toBe('flare');
  });

  it('B2: both next days below half the reference is a bust; a day without the activity counts as 0', () => {
    const bust = boomBust({ sessions: [on(0, 20), on(2, 4.9)], today: addDays(day0, 3), quotaFor: planOf10 });
    expect(bust.cycles).toEqual([{ boomDate: day0, activity: 'walk', bust: 'low', bustDate: addDays(day0, 2) }]);
    const halfIsEnough = boomBust({ sessions: [on(0, 20), on(2, 5)], today: addDays(day0, 3), quotaFor: planOf10 });
    expect(halfIsEnough.cycles).toEqual([]);
  });

  it('B2, F3: two days at the flare-day dose the plan offers ("half the quota", rounded down to a step) are not a bust', () => {
    // 14.5 min: the plan's bad-day dose is 7 min, a little under 7.25.
    const halfOf14 = () => 14.5;
    expect(boomBust({ sessions: [on(0, 30), on(1, 7), on(2, 7)], today: addDays(day0, 3), quotaFor: halfOf14 }).cycles).toEqual([]);
    expect(boomBust({ sessions: [on(0, 30), on(1, 6.5), on(2, 6.5)], today: addDays(day0, 3), quotaFor: halfOf14 }).cycles).toHaveLength(1);
    // 13 reps: the bad-day dose is 6 reps.
    const reps = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };
    const of13 = () => 13;
    expect(boomBust({ sessions: [on(0, 20, reps), on(1, 6, reps), on(2, 6, reps)], today: addDays(day0, 3), quotaFor: of13 }).cycles).toEqual([]);
    expect(boomBust({ sessions: [on(0, 20, reps), on(1, 5, reps), on(2, 5, reps)], today: addDays(day0, 3), quotaFor: of13 }).cycles).toHaveLength(1);
  });

  it('B2: low days are judged only once both are over', () => {
    const sessions = [on(0, 20)];
    expect(boomBust({ sessions, today: addDays(day0, 2), quotaFor: planOf10 }).cycles).toEqual([]);
    expect(boomBust({ sessions, today: addDays(day0, 3), quotaFor: planOf10 }).cycles).toHaveLength(1);
  });

  it('B2: two booms that end in the same bust are one cycle', () => {
    const sessions = [on(0, 20), on(1, 20), on(2, 5, { flare: true })];
    const bb = boomBust({ sessions, today: addDays(day0, 5), quotaFor: planOf10 });
    expect(bb.booms).toHaveLength(2);
    expect(bb.cycles).toEqual([{ boomDate: day0, activity: 'walk', bust: 'flare', bustDate: addDays(day0, 2) }]);
  });

  // B2 with D1/D2: a plan of Mon, Wed and Fri (weekdays 0, 2, 4 from day 0, a Monday).
  const monWedFri = (_activity: string, date: IsoDate) => [0, 2, 4].includes((toDayNumber(date) - toDayNumber(day0)) % 7);

  it('B2: a Friday boom before a free weekend is no bust: the next planned day is Monday', () => {
    const sessions = [on(0, 10), on(2, 10), on(4, 20), on(7, 10)];
    const today = addDays(day0, 10);
    expect(boomBust({ sessions, today, quotaFor: planOf10, isPlannedDay: monWedFri }).cycles).toEqual([]);
    // Read day by day, as before plans had days, the empty weekend was a bust.
    expect(boomBust({ sessions, today, quotaFor: planOf10 }).cycles).toEqual([{ boomDate: addDays(day0, 4), activity: 'walk', bust: 'low', bustDate: addDays(day0, 6) }]);
  });

  it('B2: a boom, then the next two planned days missed, is a bust on the second of them', () => {
    const sessions = [on(0, 10), on(2, 10), on(4, 20)];
    expect(boomBust({ sessions, today: addDays(day0, 10), quotaFor: planOf10, isPlannedDay: monWedFri }).cycles).toEqual([
      { boomDate: addDays(day0, 4), activity: 'walk', bust: 'low', bustDate: addDays(day0, 9) },
    ]);
    // Judged only once both planned days are over.
    expect(boomBust({ sessions, today: addDays(day0, 9), quotaFor: planOf10, isPlannedDay: monWedFri }).cycles).toEqual([]);
  });

  it('B2: a planned day at half the reference or more after a boom ends the search: no bust', () => {
    const sessions = [on(0, 20), on(2, 5), on(4, 0.5)];
    expect(boomBust({ sessions, today: addDays(day0, 10), quotaFor: planOf10, isPlannedDay: monWedFri }).cycles).toEqual([]);
  });

  it('B2: a flare within two days is a bust on a free day too', () => {
    const sessions = [on(4, 20), on(5, 3, { flare: true })];
    expect(boomBust({ sessions, today: addDays(day0, 5), quotaFor: planOf10, isPlannedDay: monWedFri }).cycles[0]?.bust).toBe('flare');
  });

  it('B2: with no planned day in four weeks (a long pause), no bust is found', () => {
    const sessions = [on(0, 20)];
    expect(boomBust({ sessions, today: addDays(day0, 40), quotaFor: planOf10, isPlannedDay: () => false }).cycles).toEqual([]);
  });

  it('B2: the search for the next planned days stops after four weeks: days 27-28 after a boom can be its bust, days 29-30 cannot', () => {
    const sessions = [on(0, 20)];
    const plannedOn = (...offsets: number[]) => (_activity: string, d: IsoDate) => offsets.some((o) => addDays(day0, o) === d);
    const within = boomBust({ sessions, today: addDays(day0, 40), quotaFor: planOf10, isPlannedDay: plannedOn(27, 28) });
    expect(within.cycles.map((c) => c.bust)).toEqual(['low']);
    expect(boomBust({ sessions, today: addDays(day0, 40), quotaFor: planOf10, isPlannedDay: plannedOn(29, 30) }).cycles).toEqual([]);
  });

  it('B3: two cycles in the last 14 days raise the alert; an older one does not count', () => {
    const cycle = (offset: number) => [on(offset, 20), on(offset + 1, 5, { flare: true })];
    const sessions = [...cycle(-20), ...cycle(0), ...cycle(7)];
    const today = addDays(day0, 12);
    const bb = boomBust({ sessions, today, quotaFor: planOf10 });
    expect(bb.cycles).toHaveLength(3);
    expect(bb.cycles14d).toBe(2);
    expect(bb.alert).toBe(true);
    expect(boomBust({ sessions, today: addDays(day0, 14), quotaFor: planOf10 }).alert).toBe(false);
    expect(describeBoomBust(bb, today)).toBe(
      'a boom-and-bust pattern: 2 times in the last 14 days a big day was followed by a crash (walk on Mon 2 Mar, then a flare by Tue 3 Mar; walk on Mon 9 Mar, then a flare by Tue 10 Mar). Keeping to the plan on good days helps break it',
    );
  });

  it('B2/B3: one cycle is not yet a pattern, but the words never say "no crash" after a big day that had one', () => {
    // Review: status said "Big days ...: Mon 2 Mar; no crash after them so far." under a cycle of its own.
    const sessions = [on(0, 20), on(1, 5, { flare: true }), on(4, 20)];
    const today = addDays(day0, 5);
    const bb = boomBust({ sessions, today, quotaFor: planOf10 });
    expect(bb.cycles14d).toBe(1);
    expect(bb.alert).toBe(false);
    expect(describeBigDays(bb, today)).toBe('Big days in the last 14 days: Mon 2 Mar, then a flare by Tue 3 Mar; Fri 6 Mar, no crash after it so far.');
    const quiet = boomBust({ sessions: [on(0, 20)], today: addDays(day0, 1), quotaFor: planOf10 });
    expect(describeBigDays(quiet, addDays(day0, 1))).toBe('Big days in the last 14 days: Mon 2 Mar; no crash after them so far.');
    expect(describeBigDays(boomBust({ sessions: [on(0, 10)], today: day0, quotaFor: planOf10 }), day0)).toBeNull();
  });

  it('B2/B3: a big day that was itself a flare reads "with a flare the same day", not "then a flare by" that day', () => {
    // Seen in status: "Big days in the last 14 days: Thu 26 Nov, then a flare by Thu 26 Nov."
    const sessions = [on(0, 20, { flare: true }), on(7, 20, { flare: true })];
    const today = addDays(day0, 8);
    const bb = boomBust({ sessions, today, quotaFor: planOf10 });
    expect(bb.cycles.map((c) => c.bustDate)).toEqual([day0, addDays(day0, 7)]);
    expect(describeBigDays(bb, today)).toBe('Big days in the last 14 days: Mon 2 Mar, with a flare the same day; Mon 9 Mar, with a flare the same day.');
    expect(describeBoomBust(bb, today)).toMatch(/\(walk on Mon 2 Mar, with a flare the same day; walk on Mon 9 Mar, with a flare the same day\)/);
  });

  it('B3: booms of two activities on one day that end in the same flare are one cycle for the alert', () => {
    const sessions = [on(0, 20), on(0, 30, { activity: 'bike' }), on(1, 5, { flare: true })];
    const bb = boomBust({ sessions, today: addDays(day0, 3), quotaFor: (a) => (a === 'bike' ? 15 : 10) });
    expect(bb.cycles).toHaveLength(2);
    expect(bb.cycles14d).toBe(1);
    expect(bb.alert).toBe(false);
    expect(describeBoomBust(bb, addDays(day0, 3))).toBeNull();
  });

  it('B2: booms that end in the same bust are one cycle even when a boom with another bust comes between them', () => {
    // Only Mondays are planned. Tuesday's boom ends in the low Mondays after it (day 14); Wednesday's
    // in Friday's flare; Saturday's in the same low Mondays as Tuesday's: two busts, two cycles.
    const sessions = [on(1, 20), on(2, 20), on(4, 5, { flare: true }), on(5, 20)];
    const bb = boomBust({ sessions, today: addDays(day0, 16), quotaFor: planOf10, isPlannedDay: (_, date) => isoWeekday(date) === 1 });
    expect(bb.booms).toHaveLength(3);
    expect(bb.cycles.map((c) => [c.boomDate, c.bust, c.bustDate])).toEqual([
      [addDays(day0, 1), 'low', addDays(day0, 14)],
      [addDays(day0, 2), 'flare', addDays(day0, 4)],
    ]);
    expect(personCycles(bb.cycles, day0, addDays(day0, 16))).toBe(2);
  });

  it('B2, B3: personCycles counts a bust once for the person, dated by the first boom that led to it', () => {
    const cycle = (boom: number, activity: string, bust: number) => ({ boomDate: addDays(day0, boom), activity, bust: 'flare' as const, bustDate: addDays(day0, bust) });
    // A ride's boom on day 0 and a walk's on day 1 end in one flare on day 2; a walk's boom on day 9, its own.
    const cycles = [cycle(0, 'ride', 2), cycle(1, 'walk', 2), cycle(9, 'walk', 10)];
    expect(personCycles(cycles, day0, addDays(day0, 13))).toBe(2);
    // The shared bust belongs to day 0, its first boom: a span from day 1 does not count it.
    expect(personCycles(cycles, addDays(day0, 1), addDays(day0, 13))).toBe(1);
    expect(personCycles(cycles, day0, addDays(day0, 8))).toBe(1);
    expect(personCycles([], day0, addDays(day0, 13))).toBe(0);
  });

  it('B1: `from` limits where booms are looked for, but the reference still looks back', () => {
    const sessions = [...steady, on(-5, 30), on(0, 30)];
    const bb = boomBust({ sessions, today: day0, quotaFor: noPlan, from: addDays(day0, -1) });
    expect(bb.booms.map((b) => b.date)).toEqual([day0]);
  });

  it('B1: sessions after today are left out', () => {
    expect(boomBust({ sessions: [on(5, 40)], today: day0, quotaFor: planOf10 }).booms).toEqual([]);
  });

  it('B1: the quota is looked up for the week of the boom', () => {
    const asked: [string, IsoDate][] = [];
    boomBust({ sessions: [on(2, 20)], today: addDays(day0, 3), quotaFor: (a, w) => (asked.push([a, w]), 10) });
    expect(asked).toEqual([['walk', day0]]);
  });
});

describe('B3 naming a boom as it is logged', () => {
  it('B3: the day\'s total against the planned session', () => {
    const boom = boomAt({ sessions: [on(0, 10), on(0, 8)], activity: 'walk', date: day0, quota: 10 });
    expect(boom).toEqual({ date: day0, activity: 'walk', dose: 18, reference: 10, basis: 'quota', ratio: 1.8 });
    expect(describeBoom(boom!, 'min', day0)).toBe("18 min today is 1.8 x your planned session of 10 min; on good days, sticking to the plan keeps the bad days fewer");
  });

  it('B3 (seen): a back-dated boom is named by its day, not "today"', () => {
    const boom = boomAt({ sessions: [on(0, 20)], activity: 'walk', date: day0, quota: 10 })!;
    const said = describeBoom(boom, 'min', addDays(day0, 4));
    expect(said).not.toMatch(/today/);
    expect(said).toMatch(/^20 min on \w{3} \d+ \w{3} is 2 x your planned session of 10 min/);
  });

  it('B3: without a plan, against the recent median; null when not a boom', () => {
    const boom = boomAt({ sessions: [...steady, on(0, 16)], activity: 'walk', date: day0, quota: null });
    expect(boom).toMatchObject({ basis: 'recent', reference: 10, ratio: 1.6 });
    expect(describeBoom(boom!, 'min', day0)).toContain('1.6 x your usual day lately');
    expect(boomAt({ sessions: [...steady, on(0, 14)], activity: 'walk', date: day0, quota: null })).toBeNull();
    expect(boomAt({ sessions: [on(0, 14)], activity: 'walk', date: day0, quota: null })).toBeNull();
  });
});
