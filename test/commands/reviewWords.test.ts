import { describe, expect, it } from 'vitest';
import { weeklyRecord } from '../../src/core/coach/weekly.js';
import { reviewOf } from '../../src/core/outcomes/review.js';
import type { IsoDate, Session } from '../../src/core/types.js';
import { reviewLines } from '../../src/ui/reviewView.js';
import { reviewSummary } from '../../src/ui/reviewWords.js';
import { makeStyle } from '../../src/ui/style.js';
import { flare, MON, settings, times, week, weeks, weeksOf } from '../core/coach/builders.js';
import { statusOf } from '../../src/core/coach/status.js';
import { statusLines } from '../../src/ui/statusView.js';
import { reviewJson } from '../../src/commands/review.js';

const review = (sessions: Session[], today: string, pem = false) =>
  reviewOf({ today: today as IsoDate, settings: settings({ pem }), ...weeklyRecord({ sessions, settings: settings({ pem }), overrides: [], acceptances: [], triageRecords: [], today: today as IsoDate }), sessions, goals: [], checkins: [] });

describe('R1/Q6: two kinds of minutes, each named for what it counts', () => {
  it('R1: the review counts every activity timed in minutes and says so; the weekly aim counts aerobic ones', () => {
    // Review 19: status and the weekly aim count aerobic minutes only; the review counted all minutes
    // under the same word. Stretching here adds 30 minutes a week to the review, none to the aim.
    const stretch = { activity: 'stretching', unit: 'min' as const, category: 'mobility' as const };
    const sessions = [...weeks(MON, times(3, 20), times(3, 20)), ...weeks(week(3), times(3, 20), times(3, 20)), ...weeksOf(stretch, week(3), times(3, 10), times(3, 10))];
    const r = review(sessions, '2026-02-01');
    expect(reviewSummary(r)).toMatch(/minutes of any activity a week 60 -> 90/);
    const status = statusLines(makeStyle(false), statusOf({ sessions, settings: settings(), overrides: [], acceptances: [], triageRecords: [], today: '2026-01-30' as IsoDate }), [{ weekStart: week(4), minutes: 60 }]);
    expect(status.join('\n')).toMatch(/60 of 150 aerobic minutes this week/);
    expect(status.join('\n')).toMatch(/aerobic minutes a week, last 1 week/);
  });
});

describe('R3: the review in words', () => {
  it('a setback is listed under a calm first sentence, with whom to talk to, never with a cause', () => {
    const r = review([...weeks(MON, times(3, 20), times(3, 20)), ...weeks(week(3), [flare(10)], [flare(10)])], '2026-02-01');
    const text = reviewSummary(r);
    expect(text).toMatch(/^Since your first two weeks, some things have clearly changed for the worse: minutes of any activity a week 60 -> 10; sessions a week 3\.0 -> 1\.0/);
    expect(text).toMatch(/flares per 4 weeks 0\.0 \(0 in 2 weeks\) -> 4\.0 \(2 in 2 weeks\)\. Setbacks happen; this is worth talking over with your physiotherapist or doctor\.$/);
    expect(text).not.toMatch(/because|caused|due to|thanks to|diagnos/i);
    const lines = reviewLines(makeStyle(false), r);
    expect(lines.slice(2, 4)).toEqual(['Since your first two weeks, some things have clearly changed for the worse:', '  - minutes of any activity a week 60 -> 10']);
  });

  it('steady weeks at a plan that holds (envelope mode, S2) say that nothing has clearly changed yet', () => {
    const r = review(weeks(MON, ...Array.from({ length: 6 }, () => times(3, 10))), '2026-02-15', true);
    expect(reviewSummary(r)).toBe('Since your first two weeks, nothing has changed clearly yet, better or worse. Small changes take a while to show.');
  });
});

describe('R1: flares and boom-bust cycles are put per 4 weeks, and said with their counts', () => {
  // One flare in the two weeks of "then" is 2.0 per 4 weeks: shown alone it read as two flares.
  const r = review([...weeks(MON, [10, 10, flare(10)], times(3, 10)), ...weeks(week(3), ...Array.from({ length: 4 }, () => times(3, 10)))], '2026-02-15');

  it('the words give the count and its weeks beside the rate', () => {
    expect(reviewSummary(r)).toMatch(/flares per 4 weeks 2\.0 \(1 in 2 weeks\) -> 0\.0 \(0 in 4 weeks\)/);
  });

  it('the table gives each rate its count on the row below (not for none either side), within 80 columns', () => {
    const lines = reviewLines(makeStyle(false), r).join('\n').split('\n');
    const at = lines.findIndex((l) => l.startsWith('│') && l.includes('flares per 4 weeks'));
    expect(lines[at]).toMatch(/│ +2\.0 │ +0\.0 │ better/);
    expect(lines[at + 1]).toMatch(/^│   counted \(then 2 weeks, now 4\) +│ +1 │ +0 │/);
    expect(lines[at + 2]).toMatch(/boom-bust cycles per 4 weeks +│ +0\.0 │ +0\.0 │ about the same/);
    // 0.0 -> 0.0 cannot be read as a count: no row of zeros under it.
    expect(lines[at + 3]).not.toMatch(/counted/);
    expect(Math.max(...lines.filter((l) => l.startsWith('│')).map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('review --json adds the counts to those two measures (cli.md: additive)', () => {
    const json = reviewJson(r);
    expect(json.measures.find((m) => m.name === 'flares_per_4_weeks')).toMatchObject({ then: 2, now: 0, then_count: 1, now_count: 0 });
    expect(json.measures.find((m) => m.name === 'boom_bust_cycles')).toMatchObject({ then: 0, now: 0, then_count: 0, now_count: 0 });
    expect(json.measures.find((m) => m.name === 'sessions_per_week')).not.toHaveProperty('then_count');
  });
});

describe('R1, Q3: planned sessions done is named for how it is counted', () => {
  // The figure is the mean of each week's share (each activity's week, at most 100%), not the
  // sessions done over all planned: "planned sessions done 78%" read as the second (78.6%).
  const r = review([...weeks(MON, [10, 10, flare(10)], times(3, 10)), ...weeks(week(3), ...Array.from({ length: 4 }, () => times(3, 10)))], '2026-02-15');

  it('the words and the table say it is a mean of the weeks', () => {
    expect(reviewSummary(r)).toMatch(/planned sessions done \(mean of weeks\) 100% -> 25%/);
    const lines = reviewLines(makeStyle(false), r).join('\n').split('\n');
    expect(lines.find((l) => l.startsWith('│') && l.includes('planned sessions'))).toMatch(/^│ planned sessions done \(mean of weeks\) │ +100% │ +25% │ worse/);
  });
});
