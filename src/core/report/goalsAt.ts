import type { Goal } from '../outcomes/goals.js';
import type { IsoDate } from '../types.js';

/**
 * The goals as they stood on `date`: those set by then, with the ratings given by then, and open
 * if they were closed later. A report for a past period shows what was known at its end.
 */
export function goalsAt(goals: readonly Goal[], date: IsoDate): Goal[] {
  return goals
    .filter((g) => g.createdOn <= date)
    .map((g) => {
      const closed = g.closedOn !== null && g.closedOn <= date;
      return { ...g, status: closed ? g.status : 'open', closedOn: closed ? g.closedOn : null, ratings: g.ratings.filter((r) => r.date <= date) };
    });
}
