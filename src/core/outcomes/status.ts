import type { IsoDate } from '../types.js';
import { functionScore, goalSuggestion, goalsAt, summarizeGoal, type FunctionScore, type Goal, type GoalSuggestion, type GoalSummary } from './goals.js';
import { checkinDue, type PegCheckin } from './peg.js';
import { reviewReady } from './windows.js';

/** What `status` shows of the outcomes (M2-M4, W2, R2). */
export interface StatusOutcomes {
  goals: GoalSummary[];
  fn: FunctionScore;
  /** The latest check-in. */
  peg: PegCheckin | null;
  checkinDue: boolean;
  reviewReady: boolean;
  suggestion: GoalSuggestion | null;
}

/** `goals`: all of them, closed ones too: with the day gone back, one closed later was open today. */
export function statusOutcomes(allGoals: readonly Goal[], latestPeg: PegCheckin | null, today: IsoDate, programWeek: number, phase: number): StatusOutcomes {
  // As review and the report read them: a rating dated after today (the day gone back) waits, and
  // a goal closed after today is still open (M5), so the function score is review's.
  const goals = goalsAt(allGoals, today).filter((g) => g.status === 'open').map((g) => summarizeGoal(g, today));
  return {
    goals,
    fn: functionScore(goals),
    peg: latestPeg,
    checkinDue: checkinDue(latestPeg, today),
    reviewReady: reviewReady(programWeek),
    suggestion: goalSuggestion(phase, goals),
  };
}
