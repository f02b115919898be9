import { pegScore } from '../core/outcomes/peg.js';
import { statusOutcomes, type StatusOutcomes } from '../core/outcomes/status.js';
import type { GoalSuggestion } from '../core/outcomes/goals.js';
import type { Suggestion } from '../core/coach/types.js';
import type { IsoDate } from '../core/types.js';
import { beforeOutcomes, listGoals } from '../store/goals.js';
import type { Db } from '../store/open.js';
import { latestPegCheckin } from '../store/pegCheckins.js';

// What `status` reads of the outcomes (M, W, R): the goals and the latest check-in, two small
// reads, so that a daily command stays quick. Closed goals too: with the day gone back, a goal
// closed after it was open then (goalsAt), as review and the report count it.

export function readStatusOutcomes(db: Db, today: IsoDate) {
  return beforeOutcomes(() => ({ goals: listGoals(db, { all: true }), peg: latestPegCheckin(db, today) }), { goals: [], peg: null });
}

/** The fields cli.md gives status for the outcomes, and the M4 suggestion. */
export function statusOutcomesJson(o: StatusOutcomes) {
  return {
    goals: o.goals.map((g) => ({ id: g.goal.id, text: g.goal.text, latest_rating: g.latestRating, rating_due: g.ratingDue })),
    function_score: o.fn.score,
    peg: o.peg && { week_start: o.peg.weekStart, score: pegScore(o.peg) },
    checkin_due: o.checkinDue,
    review_ready: o.reviewReady,
    goal_suggestion: o.suggestion,
  };
}

/**
 * M4 in a week's plan: the goals' own suggestion (set one, or look at them again) for the week's
 * phase, which takes the place of P4's general one to choose a goal once goals can be kept.
 */
export function planGoalSuggestion(db: Db | null, today: IsoDate, week: { programWeek: number; phase: number; suggestion: Suggestion | null }) {
  if (db === null) return { suggestion: week.suggestion, goalSuggestion: null as GoalSuggestion | null };
  const read = readStatusOutcomes(db, today);
  const outcomes = statusOutcomes(read.goals, read.peg, today, week.programWeek, week.phase);
  return { suggestion: week.suggestion?.rule === 'P4' ? null : week.suggestion, goalSuggestion: outcomes.suggestion };
}
