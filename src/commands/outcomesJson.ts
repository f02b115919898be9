import { functionScore, summarizeGoal, type Goal, type GoalSummary } from '../core/outcomes/goals.js';
import { pegScore, type PegCheckin } from '../core/outcomes/peg.js';
import type { IsoDate } from '../core/types.js';

// The outcome objects of cli.md (goal, list, check-in), snake_case, shared by goal, checkin,
// status and review.

export function goalJson(s: GoalSummary) {
  return {
    id: s.goal.id,
    text: s.goal.text,
    status: s.goal.status,
    first_rating: s.firstRating,
    latest_rating: s.latestRating,
    change: s.change,
    clear_change: s.clearChange,
    rating_due: s.ratingDue,
    created_on: s.goal.createdOn,
    closed_on: s.goal.closedOn,
    ratings: s.goal.ratings.map((r) => ({ date: r.date, rating: r.rating })),
  };
}

export function goalListJson(goals: readonly Goal[], today: IsoDate) {
  const summaries = goals.map((g) => summarizeGoal(g, today));
  const score = functionScore(summaries);
  return { goals: summaries.map(goalJson), function_score: score.score, function_change: score.change, clear_change: score.clearChange };
}

export function pegCheckinJson(c: PegCheckin) {
  return { week_start: c.weekStart, date: c.date, pain: c.pain, enjoyment: c.enjoyment, general: c.general, peg: pegScore(c) };
}
