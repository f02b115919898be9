import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planHistory } from '../../../src/core/coach/plan.js';
import { statusOf } from '../../../src/core/coach/status.js';
import { weeklyRows } from '../../../src/core/coach/weekly.js';
import { addDays, toDayNumber } from '../../../src/core/dates.js';
import type { IsoDate } from '../../../src/core/types.js';
import { history as randomHistory, steadyHistory } from './arbitraries.js';
import { d, MON, settings, times, week, weeks } from './builders.js';

// G1/Q6: the weekly aim is a ceiling, and it is dated like the safety answer (S2). A new aim
// applies from the next Monday: the weeks a person was shown keep their plan (Q9), and the week
// after the change grows by one Q2 step at most.

const LONG_AGO = d('1900-01-01');
// Two baseline weeks at 10 minutes, then full weeks at 15: with an aim of 40 minutes the walk
// grows 11, 12, 13, 14.5 and maintains there (3 x 14.5 = 43.5).
const history = weeks(MON, times(3, 10), times(3, 10), ...Array.from({ length: 8 }, () => times(3, 15)));
const tuesday = addDays(week(10), 1);
const aim40 = settings({ targetMinutes: 40, aims: [{ since: LONG_AGO, minutes: 40 }] });
const raisedOnTuesday = settings({ targetMinutes: 150, aims: [{ since: LONG_AGO, minutes: 40 }, { since: tuesday, minutes: 150 }] });
const base = { sessions: history, overrides: [], acceptances: [], triageRecords: [] };

describe('G1/Q6: a weekly aim changed mid-week', () => {
  it('Q6/Q9: past weeks keep the old ceiling, this week keeps its quota, and next week grows by one Q2 step', () => {
    const h = planHistory({ ...base, settings: raisedOnTuesday, until: week(11), today: addDays(week(10), 6) });
    const plan = (n: number) => h.activityPlan('walk', week(n));
    expect([3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => plan(n)?.quota)).toEqual([11, 12, 13, 14.5, 14.5, 14.5, 14.5, 14.5, 16]);
    expect([7, 8, 9, 10].map((n) => plan(n)?.change)).toEqual(['maintain', 'maintain', 'maintain', 'maintain']);
    expect(plan(11)?.change).toBe('increase');
    const before = planHistory({ ...base, settings: aim40, until: week(10), today: week(11) });
    for (let n = 1; n <= 10; n++) expect(h.weekPlan(week(n))).toEqual(before.weekPlan(week(n)));
  });

  it('Q6: the aim in force each week is the one set by the day before its Monday; weeks after today follow the current one', () => {
    const h = planHistory({ ...base, settings: raisedOnTuesday, until: week(10), today: tuesday });
    expect(h.aimFor(toDayNumber(week(10)))).toBe(40);
    expect(h.aimFor(toDayNumber(week(11)))).toBe(150);
    expect(h.aimFor(toDayNumber(week(2)))).toBe(40);
  });

  it('Q6: lowering the aim also applies from the next Monday, and the plan maintains there without a drop', () => {
    const wide = settings({ targetMinutes: 40, aims: [{ since: LONG_AGO, minutes: 150 }, { since: addDays(week(8), 2), minutes: 40 }] });
    const fuller = weeks(MON, times(3, 10), times(3, 10), ...Array.from({ length: 8 }, () => times(3, 20)));
    const h = planHistory({ ...base, sessions: fuller, settings: wide, until: week(10), today: addDays(week(9), 6) });
    expect([6, 7, 8, 9, 10].map((n) => h.activityPlan('walk', week(n))?.quota)).toEqual([14.5, 16, 17.5, 17.5, 17.5]);
    expect(h.activityPlan('walk', week(9))?.change).toBe('maintain');
  });

  it('G3/E2: status shows the new aim and the Monday it applies from; plan, status and the weekly export agree on this week', () => {
    const today = tuesday;
    const sessions = history.filter((s) => s.date <= today);
    const s = statusOf({ ...base, sessions, settings: raisedOnTuesday, today });
    expect(s.activities[0]?.plan?.quota).toBe(14.5);
    expect(s.targetMinutes).toBe(150);
    expect(s.aimFrom).toBe(week(11));
    const rows = weeklyRows({ ...base, sessions, settings: raisedOnTuesday, today });
    expect(rows.filter((r) => r.week_start >= week(7)).map((r) => r.quota)).toEqual([14.5, 14.5, 14.5, 14.5]);
    // Once the new aim is in force, status says nothing more about when.
    expect(statusOf({ ...base, settings: raisedOnTuesday, today: addDays(week(11), 1) }).aimFrom).toBeNull();
  });

  it('Q6: without a dated history the current aim applies to every week, as before', () => {
    const h = planHistory({ ...base, settings: settings({ targetMinutes: 150 }), until: week(10), today: week(11) });
    // Sessions of 15 minutes complete every week up to 16 (Q3), then the plan holds at 17.5.
    expect(h.activityPlan('walk', week(10))?.quota).toBe(17.5);
  });
});

describe('G1/Q6: property', () => {
  it('Q9: an aim changed today never changes the plan of a week whose Monday is on or before today', () => {
    const aims = fc.constantFrom(20, 40, 60, 150, 300);
    fc.assert(
      fc.property(fc.oneof(randomHistory(14), steadyHistory(14)), fc.integer({ min: 0, max: 13 * 7 + 6 }), aims, aims, (all, day, old, aim) => {
        const today = addDays(MON, day) as IsoDate;
        const sessions = all.filter((s) => s.date <= today);
        const kept = planHistory({ sessions, settings: settings({ targetMinutes: old, aims: [{ since: LONG_AGO, minutes: old }] }), overrides: [], acceptances: [], triageRecords: [], until: week(15), today });
        const changed = planHistory({
          sessions,
          settings: settings({ targetMinutes: aim, aims: [{ since: LONG_AGO, minutes: old }, { since: today, minutes: aim }] }),
          overrides: [],
          acceptances: [],
          triageRecords: [],
          until: week(15),
          today,
        });
        for (let n = 1; n <= 15 && week(n) <= today; n++) expect(changed.weekPlan(week(n))).toEqual(kept.weekPlan(week(n)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('G1/Q6: the aim of a week among decades of aims', () => {
  it('reads a few of the dated aims for each week, not every one of them', () => {
    let reads = 0;
    // An aim set every four weeks for twenty years, each counting how often its day is read.
    const aims = Array.from({ length: 260 }, (_, i) => {
      const since = addDays(LONG_AGO, 28 * i);
      return { minutes: 100 + (i % 50), get since() { reads += 1; return since; } };
    });
    const h = planHistory({ ...base, settings: settings({ targetMinutes: 150, aims }), until: week(2), today: week(3) });
    reads = 0;
    const first = toDayNumber(LONG_AGO) + 3;
    for (let i = 0; i < 1040; i++) expect(h.aimFor(first + 7 * i)).toBe(aims[Math.floor((7 * i + 2) / 28)]?.minutes);
    // Halving 260 entries takes 9 reads a week; a scan read all 260 (270,400 in all).
    expect(reads).toBeLessThanOrEqual(1040 * 9);
  });
});
