import { describe, expect, it } from 'vitest';
import { planHistory } from '../../../src/core/coach/plan.js';
import { weeklyRows } from '../../../src/core/coach/weekly.js';
import { toDayNumber } from '../../../src/core/dates.js';
import { d, MON, settings, times, week, weeks } from './builders.js';

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
    const h = planHistory({ sessions: history, settings: answeredYesInWeek5, overrides: [], acceptances: [], until: week(9) });
    const quota = (n: number) => h.activityPlan('walk', week(n))?.quota;
    expect([quota(3), quota(4), quota(5), quota(6), quota(7), quota(8)]).toEqual([11, 12, 13, 13, 13, 13]);
    expect(h.weekPlan(week(5)).mode).toBe('graded');
    expect(h.weekPlan(week(6)).mode).toBe('envelope');
  });

  it('S1: the week being planned follows the current answer even when it was given today', () => {
    const h = planHistory({ sessions: history, settings: settings({ pem: true, pemAnswers: [{ since: week(9), pem: true }] }), overrides: [], acceptances: [], until: week(9) });
    expect(h.modeFor(toDayNumber(week(9)))).toBe('envelope');
    expect(h.modeFor(toDayNumber(week(8)))).toBe('graded');
  });

  it('S2: without recorded answers the current setting applies to every week, as before', () => {
    const h = planHistory({ sessions: history, settings: settings({ pem: true }), overrides: [], acceptances: [], until: week(9) });
    expect(h.modeFor(toDayNumber(week(2)))).toBe('envelope');
  });
});
