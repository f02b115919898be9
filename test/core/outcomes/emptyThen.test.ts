import { describe, expect, it } from 'vitest';
import { weeklyRecord } from '../../../src/core/coach/weekly.js';
import { reviewOf } from '../../../src/core/outcomes/review.js';
import type { IsoDate, Session } from '../../../src/core/types.js';
import { reviewSummary } from '../../../src/ui/reviewWords.js';
import { d, MON, settings, times, week, weeks } from '../coach/builders.js';

// R1: a start date (pace init --start) makes program week 1 even when nothing is logged in it.
// Seen at week 5, with walks from week 3 on: status said "A review is ready" and the review said
// "Log a few sessions in your first two weeks", two weeks that were long over.
function review(sessions: Session[], today: IsoDate) {
  const s = settings({ startDate: MON });
  const { rows, cycles } = weeklyRecord({ sessions, settings: s, overrides: [], acceptances: [], triageRecords: [], today });
  return reviewOf({ today, settings: s, rows, cycles, sessions, goals: [], checkins: [] });
}

describe('R1: nothing logged in program weeks 1-2, which are over', () => {
  it('says that those weeks are empty and what can still be compared, never to log in weeks gone by', () => {
    const r = review(weeks(week(3), times(3, 10), times(3, 10)), d('2026-02-02'));
    expect(r.summary.kind).toBe('not-enough-data');
    const text = reviewSummary(r);
    expect(text).not.toMatch(/Log a few sessions in your first two weeks/);
    expect(text).toBe(
      'Not enough data yet. Nothing was logged in your first two program weeks (Mon 5 Jan to Sun 18 Jan), the weeks the review compares your sessions with. Weekly check-ins (pace checkin) and goals (pace goal add) are compared from their first answers.',
    );
  });

  it('with no session and no start date, it still says to log a few sessions', () => {
    const r = reviewOf({ today: d('2026-02-02'), settings: settings(), rows: [], cycles: [], sessions: [], goals: [], checkins: [] });
    expect(reviewSummary(r)).toMatch(/^Not enough data yet\. Log a few sessions in your first two weeks/);
  });
});
