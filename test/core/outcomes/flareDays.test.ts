import { describe, expect, it } from 'vitest';
import { weeklyRecord } from '../../../src/core/coach/weekly.js';
import { reviewOf } from '../../../src/core/outcomes/review.js';
import { clinicReport } from '../../../src/core/report/report.js';
import { reportPeriod } from '../../../src/core/report/period.js';
import type { Session } from '../../../src/core/types.js';
import { d, MON, settings, times, week, weeks, weeksOf } from '../coach/builders.js';

// F1, F2, R1: a flare is the person's, not an activity's. A walk and stretching on one day whose
// pain had not settled the next day (F2 puts pain-over-24h on both) is one flare. Seen: the review
// said "flares per 4 weeks 0.0 -> 4.0 (2 in 2 weeks)", and the report "Flares 2", for that one day.
const stretch = { activity: 'stretching', unit: 'min' as const, category: 'mobility' as const };
const notSettled = { dose: 10, symptoms: ['pain-over-24h'], day: 0 };
const sessions: Session[] = [
  ...weeks(MON, times(3, 10), times(3, 10), times(3, 10), [notSettled, { dose: 10, day: 2 }, { dose: 10, day: 4 }]),
  ...weeksOf(stretch, MON, times(3, 10), times(3, 10), times(3, 10), [notSettled, { dose: 10, day: 2 }, { dose: 10, day: 4 }]),
];
const today = d('2026-02-01'); // Sunday of program week 4

describe('R1, C1: flares are counted by day, once however many sessions that day had', () => {
  it('the review counts one flare', () => {
    const s = settings();
    const { rows, cycles } = weeklyRecord({ sessions, settings: s, overrides: [], acceptances: [], triageRecords: [], today });
    const r = reviewOf({ today, settings: s, rows, cycles, sessions, goals: [], checkins: [] });
    expect(r.measures.find((m) => m.name === 'flares_per_4_weeks')).toMatchObject({ then: 0, now: 2, counts: { then: 0, now: 1 } });
  });

  it('the report counts one flare, in its period and in its week', () => {
    const r = clinicReport({ sessions, settings: settings(), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], notes: null, today, period: reportPeriod(today) });
    expect(r.flareDays).toBe(1);
    expect(r.weeks.find((w) => w.weekStart === week(4))!.flares).toBe(1);
  });
});
