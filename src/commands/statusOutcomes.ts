import { pegScore } from '../core/outcomes/peg.js';
import type { StatusOutcomes } from '../core/outcomes/status.js';
import type { IsoDate } from '../core/types.js';
import { beforeOutcomes, listGoals } from '../store/goals.js';
import type { Db } from '../store/open.js';
import { latestPegCheckin } from '../store/pegCheckins.js';

// What `status` reads of the outcomes (M, W, R): the open goals and the latest check-in, two
// small reads, so that a daily command stays quick.

export function readStatusOutcomes(db: Db, today: IsoDate) {
  return beforeOutcomes(() => ({ goals: listGoals(db), peg: latestPegCheckin(db, today) }), { goals: [], peg: null });
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
