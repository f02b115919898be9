import { shortDate } from '../core/dates.js';
import type { IsoDate } from '../core/types.js';
import type { StatusOutcomes } from '../core/outcomes/status.js';
import { GOAL_EXAMPLES, latestRatingWords, type FunctionScore, type GoalSuggestion, type GoalSummary } from '../core/outcomes/goals.js';
import { oneDecimalText as one } from '../core/numbers.js';
import { pegScore as pegScoreOf } from '../core/outcomes/peg.js';

// M3's words: "3 -> 6: a clear change for the better", "2 -> 4: about the same so far". Better or
// worse, never success or failure.

/** A change from first to latest in words (M3); `latestShown` is the latest as said, with its day (M2). */
export function changeWords(first: number, latest: number, clear: boolean, fmt: (x: number) => string = String, latestShown = fmt(latest)): string {
  const span = `${fmt(first)} -> ${latestShown}`;
  if (!clear) return `${span}: about the same so far`;
  return `${span}: a clear change ${latest > first ? 'for the better' : 'for the worse'}`;
}

/** M5: how a closed goal ended, in the words of `goal close --help` ("dropped" is the flag and the JSON's). */
export function closedWords(status: GoalSummary['goal']['status']): string {
  return status === 'dropped' ? 'no longer relevant' : status;
}

/** One goal: its words, and its ratings from first to latest, the latest with its day (M2). */
export function goalLines(s: GoalSummary, today: IsoDate): string[] {
  const g = s.goal;
  const closed = g.status === 'open' ? '' : ` (${closedWords(g.status)}${g.status === 'dropped' ? ',' : ''} ${shortDate(g.closedOn!)})`;
  const lines = [`  ${g.id}. ${g.text}${closed}`];
  if (s.firstRating === null || s.latestRating === null) return lines;
  const latest = latestRatingWords(s, today);
  const rated = g.ratings.length === 1 ? `rated ${latest}, the first rating` : changeWords(s.firstRating, s.latestRating, s.clearChange, String, latest);
  lines.push(`     ${rated}${s.ratingDue ? '; due for a re-rating (pace goal rate)' : ''}`);
  return lines;
}

export function functionLine(f: FunctionScore): string | null {
  if (f.score === null || f.change === null) return null;
  // M3, R1: one rating of each goal has no change to judge yet, as the review and report say.
  if (!f.rerated) return `Function score (their mean) ${one(f.score)}; no goal re-rated yet`;
  return `Function score (their mean) ${changeWords(f.score - f.change, f.score, f.clearChange, one)}`;
}

export function goalListLines(goals: readonly GoalSummary[], all: boolean, f: FunctionScore, today: IsoDate): string[] {
  if (goals.length === 0) {
    return [
      all ? 'No goals yet.' : 'No open goals.',
      'A goal is something everyday that pain makes hard and you want back, in your own words:',
      `  pace goal add "${GOAL_EXAMPLES[5]}" --rating 3`,
    ];
  }
  const lines = [`Your goals (${GOAL_SCALE}):`, ...goals.flatMap((g) => goalLines(g, today))];
  const fl = functionLine(f);
  if (fl) lines.push('', fl);
  return lines;
}

/** M2: the ends of a goal's 0-10 rating, said wherever ratings are shown. */
export const GOAL_SCALE = '0 = unable, 10 = as well as before the pain problem';

/** M4 in words. */
export function suggestionLines(s: GoalSuggestion): string[] {
  if (s.kind === 'review') return ['Time to look at your goals again: are they still the ones that matter? pace goal list'];
  return [`Is there something everyday you want back? Set a movement goal, for example ${s.examples.slice(0, 4).join(', ')}: pace goal add "..." --rating 0-10`];
}

/** The outcomes part of `pace status`. */
export function statusOutcomeLines(o: StatusOutcomes, today: IsoDate): string[] {
  const lines: string[] = [];
  if (o.goals.length) {
    lines.push(`Goals (${GOAL_SCALE}):`);
    for (const g of o.goals) lines.push(`  ${g.goal.id}. ${g.goal.text}: ${latestRatingWords(g, today)}${g.ratingDue ? ', due for a re-rating (pace goal rate)' : ''}`);
    const fl = functionLine(o.fn);
    if (fl) lines.push(fl);
  }
  if (o.peg) lines.push(`Weekly check-in: PEG ${one(pegScoreOf(o.peg))} for the week of ${shortDate(o.peg.weekStart)}${o.checkinDue ? '; this week\'s is waiting (pace checkin)' : ''}.`);
  else if (o.checkinDue) lines.push('Weekly check-in: none yet. Three quick questions about your week: pace checkin');
  if (o.reviewReady) lines.push('A review is ready: pace review shows what has changed since you started.');
  if (o.suggestion) lines.push(...suggestionLines(o.suggestion));
  return lines;
}
