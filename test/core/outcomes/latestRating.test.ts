import { describe, expect, it } from 'vitest';
import { latestRatingWords, summarizeGoal, type Goal } from '../../../src/core/outcomes/goals.js';
import type { IsoDate } from '../../../src/core/types.js';

const d = (x: string) => x as IsoDate;

function goal(...ratings: [string, number][]): Goal {
  return { id: 1, text: 'climb the stairs', status: 'open', createdOn: d(ratings[0]?.[0] ?? '2026-01-05'), closedOn: null, ratings: ratings.map(([date, rating]) => ({ date: d(date), rating })) };
}

describe('M2: the latest rating is given with its day, the same words wherever it is shown', () => {
  it('"7 (19 Apr)" when the rating is of the same year as the day it is read on', () => {
    expect(latestRatingWords(summarizeGoal(goal(['2026-01-05', 3], ['2026-04-19', 7]), d('2026-05-02')), d('2026-05-02'))).toBe('7 (19 Apr)');
  });

  it('with the year when the rating is of another year', () => {
    expect(latestRatingWords(summarizeGoal(goal(['2025-12-29', 4]), d('2026-01-10')), d('2026-01-10'))).toBe('4 (29 Dec 2025)');
  });

  it('a goal with no rating reads "-"', () => {
    expect(latestRatingWords(summarizeGoal(goal(), d('2026-01-10')), d('2026-01-10'))).toBe('-');
  });
});
