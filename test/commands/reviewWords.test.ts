import { describe, expect, it } from 'vitest';
import { weeklyRows } from '../../src/core/coach/weekly.js';
import { reviewOf } from '../../src/core/outcomes/review.js';
import type { IsoDate, Session } from '../../src/core/types.js';
import { reviewLines } from '../../src/ui/reviewView.js';
import { reviewSummary } from '../../src/ui/reviewWords.js';
import { makeStyle } from '../../src/ui/style.js';
import { flare, MON, settings, times, week, weeks } from '../core/coach/builders.js';

const review = (sessions: Session[], today: string, pem = false) =>
  reviewOf({ today: today as IsoDate, settings: settings({ pem }), rows: weeklyRows({ sessions, settings: settings({ pem }), overrides: [], acceptances: [], triageRecords: [], today: today as IsoDate }), sessions, goals: [], checkins: [] });

describe('R3: the review in words', () => {
  it('a setback is listed under a calm first sentence, with whom to talk to, never with a cause', () => {
    const r = review([...weeks(MON, times(3, 20), times(3, 20)), ...weeks(week(3), [flare(10)], [flare(10)])], '2026-02-01');
    const text = reviewSummary(r);
    expect(text).toMatch(/^Since your first two weeks, some things have clearly changed for the worse: active minutes a week 60 -> 10; sessions a week 3\.0 -> 1\.0/);
    expect(text).toMatch(/flares per 4 weeks 0\.0 -> 4\.0\. Setbacks happen; this is worth talking over with your physiotherapist or doctor\.$/);
    expect(text).not.toMatch(/because|caused|due to|thanks to|diagnos/i);
    const lines = reviewLines(makeStyle(false), r);
    expect(lines.slice(2, 4)).toEqual(['Since your first two weeks, some things have clearly changed for the worse:', '  - active minutes a week 60 -> 10']);
  });

  it('steady weeks at a plan that holds (envelope mode, S2) say that nothing has clearly changed yet', () => {
    const r = review(weeks(MON, ...Array.from({ length: 6 }, () => times(3, 10))), '2026-02-15', true);
    expect(reviewSummary(r)).toBe('Since your first two weeks, nothing has changed clearly yet, better or worse. Small changes take a while to show.');
  });
});
