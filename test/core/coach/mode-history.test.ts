import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planHistory } from '../../../src/core/coach/plan.js';
import { describeReason } from '../../../src/core/coach/reasons.js';
import { statusOf } from '../../../src/core/coach/status.js';
import { addDays } from '../../../src/core/dates.js';
import { weeklyRows } from '../../../src/core/coach/weekly.js';
import { toDayNumber } from '../../../src/core/dates.js';
import { history as randomHistory, steadyHistory } from './arbitraries.js';
import { brief, d, MON, settings, simulate, times, week, weeks } from './builders.js';

// S2: "Reports say which mode was in force." A person who answers the safety question yes in
// week 5 was on graded pacing before it; their earlier weeks must not be rewritten as envelope.

// Two baseline weeks at 10 minutes, then sessions long enough to complete every week's plan.
const history = weeks(MON, times(3, 10), times(3, 10), ...Array.from({ length: 6 }, () => times(3, 20)));
const answeredYesInWeek5 = settings({ pem: true, pemAnswers: [{ since: d('2026-02-04'), pem: true }] });

describe('S2: the mode in force, week by week', () => {
  it('S2: weeks before the answer keep graded mode and weeks after it are envelope', () => {
    const rows = weeklyRows({ sessions: history, settings: answeredYesInWeek5, overrides: [], acceptances: [], triageRecords: [], today: week(9) });
    const byWeek = new Map(rows.map((r) => [r.week_start, r.mode]));
    expect(byWeek.get(week(5))).toBe('graded'); // answered on its Wednesday: the week began graded
    expect(byWeek.get(week(6))).toBe('envelope');
    expect(byWeek.get(week(2))).toBe('graded');
  });

  it('S2: graded weeks grew, and envelope weeks hold from the answer on', () => {
    const h = planHistory({ sessions: history, settings: answeredYesInWeek5, overrides: [], acceptances: [], triageRecords: [], until: week(9), today: week(10) });
    const quota = (n: number) => h.activityPlan('walk', week(n))?.quota;
    expect([quota(3), quota(4), quota(5), quota(6), quota(7), quota(8)]).toEqual([11, 12, 13, 13, 13, 13]);
    expect(h.weekPlan(week(5)).mode).toBe('graded');
    expect(h.weekPlan(week(6)).mode).toBe('envelope');
  });

  it('S2: an answer given on a Monday leaves that week as it was planned; the mode changes from the next Monday', () => {
    const h = planHistory({ sessions: history, settings: settings({ pem: true, pemAnswers: [{ since: week(9), pem: true }] }), overrides: [], acceptances: [], triageRecords: [], until: week(10), today: week(11) });
    expect(h.modeFor(toDayNumber(week(9)))).toBe('graded');
    expect(h.modeFor(toDayNumber(week(10)))).toBe('envelope');
  });

  it('S2: without recorded answers the current setting applies to every week, as before', () => {
    const h = planHistory({ sessions: history, settings: settings({ pem: true }), overrides: [], acceptances: [], triageRecords: [], until: week(9), today: week(10) });
    expect(h.modeFor(toDayNumber(week(2)))).toBe('envelope');
  });
});

// A person who follows a graded plan (10, 10, 11, 12, 13, 14.5, 16, 17.5 min, three a week) and
// answers the safety question yes on the Wednesday of week 8.
const longer = weeks(MON, times(3, 10), times(3, 10), ...Array.from({ length: 10 }, () => times(3, 25)));
const yesInWeek8 = settings({ pem: true, pemAnswers: [{ since: addDays(week(8), 2), pem: true }] });
const base = { sessions: longer, settings: yesInWeek8, overrides: [], acceptances: [], triageRecords: [] };

describe('S2: envelope mode switched on mid-program', () => {
  it('S2: keeps the quota in force that day: no drop this week, no rise next week', () => {
    const now = statusOf({ ...base, sessions: longer.filter((s) => s.date <= addDays(week(8), 3)), today: addDays(week(8), 3) });
    expect(now.activities[0]?.plan?.quota).toBe(17.5);
    const h = planHistory({ ...base, until: week(12), today: week(13) });
    expect([8, 9, 10, 11, 12].map((n) => h.activityPlan('walk', week(n))).map((p) => [p?.quota, p?.change, p?.offer])).toEqual([
      [17.5, 'increase', null],
      [17.5, 'hold', null], // the graded weeks before the answer do not count toward an offer
      [17.5, 'hold', null],
      [17.5, 'offer', 19.5], // two completed weeks after the answer
      [17.5, 'offer', 19.5],
    ]);
    expect(h.activityPlan('walk', week(11))?.reason).toMatchObject({ rule: 'S2', kind: 'offer', weeks: 2 });
  });

  it('S2: answering no later resumes graded progression from the current quota', () => {
    const noInWeek11 = settings({ pem: false, pemAnswers: [...(yesInWeek8.pemAnswers ?? []), { since: addDays(week(11), 4), pem: false }] });
    const h = planHistory({ ...base, settings: noInWeek11, until: week(13), today: week(14) });
    expect([11, 12, 13].map((n) => h.activityPlan('walk', week(n))?.quota)).toEqual([17.5, 19.5, 21.5]);
  });

  it('S2/E2: a past week shows the same mode and quota in plan --week, status and the weekly export', () => {
    const today = addDays(week(8), 3);
    const status = statusOf({ ...base, sessions: longer.filter((s) => s.date <= today), today });
    const planned = planHistory({ ...base, until: week(8), today: week(9), before: week(8) }).weekPlan(week(8));
    const row = weeklyRows({ ...base, today: week(11) }).find((r) => r.week_start === week(8));
    expect([status.mode, status.activities[0]?.plan?.quota]).toEqual(['graded', 17.5]);
    expect([planned.mode, planned.activities[0]?.quota]).toEqual(['graded', 17.5]);
    expect([row?.mode, row?.quota]).toEqual(['graded', 17.5]);
  });

  it('S2: envelope mode never says the plan grows', () => {
    const envelope = settings({ pem: true });
    const { plans } = simulate({ weeks: 9, first: [[10], [10, 10], times(3, 10)], extra: { settings: envelope, overrides: [{ activity: 'walk', weekStart: week(7), quota: 9, sessionsPerWeek: null, setOn: week(6) }] }, doWeek: (n, p) => (n === 5 ? [p.quota ?? 1] : times(p.sessionsPerWeek, p.quota ?? 1)) });
    expect(brief(plans).map((p) => p[2])).toEqual(expect.arrayContaining(['baseline', 'hold', 'override']));
    for (const p of plans) expect(describeReason(p.reason, p.unit, 'envelope')).not.toMatch(/grow/);
  });
});

describe('S2: property', () => {
  it('S2: switching envelope mode on never raises anything, in any week, and the week of the answer keeps its plan', () => {
    fc.assert(
      fc.property(fc.oneof(randomHistory(14), steadyHistory(14)), fc.integer({ min: 7, max: 13 * 7 }), (sessions, day) => {
        const answered = addDays(MON, day);
        const graded = planHistory({ sessions, settings: settings({ pem: false }), overrides: [], acceptances: [], triageRecords: [], until: week(15), today: week(16) });
        const envelope = planHistory({ sessions, settings: settings({ pem: true, pemAnswers: [{ since: answered, pem: true }] }), overrides: [], acceptances: [], triageRecords: [], until: week(15), today: week(16) });
        for (let n = 2; n <= 15; n++) {
          for (const e of envelope.weekPlan(week(n)).activities) {
            const g = graded.activityPlan(e.activity, week(n));
            if (g === null || g.quota === null || e.quota === null) continue;
            expect(e.quota).toBeLessThanOrEqual(g.quota);
            expect(e.sessionsPerWeek).toBeLessThanOrEqual(g.sessionsPerWeek);
            if (week(n) <= answered) expect(e).toEqual(g);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

// Seen in a walk-through: "yes" at `pace init` on the morning of the first session (S1's
// question on first use). Status, the weekly export and the clinic report then called week 1
// "graded mode", and the report read "graded mode, energy-envelope mode from ..." for a person
// who never chose graded pacing. Week 1 has no quota to keep (P1, Q1), so an answer given by the
// end of program week 1 is the mode of week 1 too.
describe('S1, S2: the first answer, given in program week 1', () => {
  const yesOnDayOne = settings({ pem: true, pemAnswers: [{ since: MON, pem: true }] });
  const base = { sessions: history, settings: yesOnDayOne, overrides: [], acceptances: [], triageRecords: [] };

  it('S2: week 1 is in envelope mode in the plan, status and the weekly export', () => {
    const h = planHistory({ ...base, until: week(4), today: week(5) });
    expect(h.modeFor(toDayNumber(week(1)))).toBe('envelope');
    expect(h.weekPlan(week(1)).mode).toBe('envelope');
    const rows = weeklyRows({ ...base, today: week(4) });
    expect(rows.filter((r) => r.week_start === week(1)).map((r) => r.mode)).toEqual(['envelope']);
    const today = addDays(MON, 1);
    expect(statusOf({ ...base, sessions: history.filter((s) => s.date <= today), today }).mode).toBe('envelope');
  });

  it('S2: a first answer given on the Sunday of week 1 holds from week 1; one given in week 2 does not', () => {
    const sunday = settings({ pem: true, pemAnswers: [{ since: addDays(MON, 6), pem: true }] });
    expect(planHistory({ ...base, settings: sunday, until: week(4), today: week(5) }).modeFor(toDayNumber(week(1)))).toBe('envelope');
    const later = settings({ pem: true, pemAnswers: [{ since: addDays(week(2), 2), pem: true }] });
    const h = planHistory({ ...base, settings: later, until: week(4), today: week(5) });
    expect([1, 2, 3].map((n) => h.modeFor(toDayNumber(week(n))))).toEqual(['graded', 'graded', 'envelope']);
  });

  it('S2: the quotas are those of envelope mode from the start, as before', () => {
    const h = planHistory({ ...base, until: week(6), today: week(7) });
    // Baseline weeks do not count toward an offer: weeks 3 and 4 completed, the offer comes in week 5.
    expect([3, 4, 5].map((n) => h.activityPlan('walk', week(n))?.change)).toEqual(['hold', 'hold', 'offer']);
  });
});
