import { addDays, dateWithin, shortDateYear } from '../dates.js';
import { InputError } from '../errors.js';
import { FOLDED_SPACES, parseScale, plainTextProblem, printable } from '../input.js';
import type { IsoDate } from '../types.js';
import { isClearGoalChange, isClearMeanChange } from './thresholds.js';

// M: movement goals after the Patient-Specific Functional Scale.

/** M1: at most this many goals are open at a time. */
export const MAX_OPEN_GOALS = 5;
/** M2: a goal whose last rating is this many days old or more is due for a re-rating. */
export const RATING_DUE_DAYS = 14;
export const MAX_GOAL_LENGTH = 120;

export type GoalStatus = 'open' | 'achieved' | 'dropped';

/**
 * M2, M5: a goal is rated or closed on a day no earlier than its last rating. "Today" can go back
 * (a clock set back, a flight west over the date line, PACE_TODAY); a rating dated before the
 * others would become the goal's first, and a closing before its first rating cannot be stored.
 */
export function refuseBeforeLastRating(goal: Goal, today: IsoDate): void {
  const last = ratedAfter(goal, today);
  if (last === null) return;
  throw new InputError(`goal ${goal.id} was last rated on ${shortDateYear(last)}, after today (${shortDateYear(today)}).`, "Check the computer's date and time zone (or PACE_TODAY): a rating is dated the day it is given.");
}

/** The day of the goal's last rating when that is after `today` (so it cannot be rated today), else null. */
export function ratedAfter(goal: Goal, today: IsoDate): IsoDate | null {
  const last = goal.ratings.at(-1)?.date ?? goal.createdOn;
  return today >= last ? null : last;
}

export interface GoalRating {
  date: IsoDate;
  rating: number;
}

export interface Goal {
  id: number;
  text: string;
  status: GoalStatus;
  createdOn: IsoDate;
  closedOn: IsoDate | null;
  /** Oldest first; the first is the rating given when the goal was added (M2). */
  ratings: readonly GoalRating[];
}

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

/** One goal as the journal shows it: first and latest rating and its change (M3). */
export interface GoalSummary {
  goal: Goal;
  firstRating: number | null;
  latestRating: number | null;
  latestDate: IsoDate | null;
  /** Latest minus first; null until the goal has a rating. */
  change: number | null;
  /** M3: a change of 3 points or more. */
  clearChange: boolean;
  /** M2: open, and its last rating is 14 days old or more. */
  ratingDue: boolean;
}

export function summarizeGoal(goal: Goal, today: IsoDate): GoalSummary {
  const first = goal.ratings[0] ?? null;
  const latest = goal.ratings[goal.ratings.length - 1] ?? null;
  const change = first && latest ? latest.rating - first.rating : null;
  return {
    goal,
    firstRating: first?.rating ?? null,
    latestRating: latest?.rating ?? null,
    latestDate: latest?.date ?? null,
    change,
    clearChange: change !== null && isClearGoalChange(change),
    ratingDue: goal.status === 'open' && (latest === null || latest.date <= addDays(today, -RATING_DUE_DAYS)),
  };
}

/**
 * M2: the latest rating with its day, "7 (19 Apr)", and the year when it is not the year of
 * `asOf` (today, or a report's last day): "7" alone did not tell a rating of last week from one of
 * two months back. The report, review, goal list and status all say it with this.
 */
export function latestRatingWords(g: Pick<GoalSummary, 'latestRating' | 'latestDate'>, asOf: IsoDate): string {
  if (g.latestRating === null) return '-';
  return g.latestDate === null ? String(g.latestRating) : `${g.latestRating} (${dateWithin(g.latestDate, { from: g.latestDate, to: asOf })})`;
}

export interface FunctionScore {
  /** M3: the mean of the open goals' latest ratings; null with no rated open goal. */
  score: number | null;
  /** The mean of the open goals' changes (latest minus first). */
  change: number | null;
  /**
   * M3: the mean change is 2 points or more. A single goal's 3 points make that goal's own
   * verdict, not the score's: one goal up 3 and another down 3 leave the mean where it was.
   */
  clearChange: boolean;
  /**
   * M3, R1: some open goal has been rated a second time. Until then the change is 0 by
   * construction, not a finding: no view may call it "about the same" (the review's `no-rerating`).
   */
  rerated: boolean;
}

/** M3: the function score of the open goals, and whether it has clearly changed. */
export function functionScore(goals: readonly GoalSummary[]): FunctionScore {
  const open = goals.filter((g) => g.goal.status === 'open' && g.latestRating !== null);
  if (open.length === 0) return { score: null, change: null, clearChange: false, rerated: false };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const change = mean(open.map((g) => g.change ?? 0));
  return {
    score: mean(open.map((g) => g.latestRating as number)),
    change,
    clearChange: isClearMeanChange(change),
    rerated: open.some((g) => g.goal.ratings.length >= 2),
  };
}

/** M2: a rating is a whole number from 0 (unable) to 10 (as well as before the pain problem). */
export function parseRating(raw: string, flag = '--rating'): number {
  return parseScale(raw, flag, '0 means unable to do it, 10 as well as before the pain problem.');
}

/** M1: the goal in the person's own words, on one line. */
export function parseGoalText(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') throw new InputError('the goal is empty.', 'Say it in your own words, for example: pace goal add "climb the stairs without stopping" --rating 3');
  if (text.length > MAX_GOAL_LENGTH) throw new InputError(`the goal is longer than ${MAX_GOAL_LENGTH} characters.`, 'Say it more briefly.');
  // Shown whenever the goal is: no escape sequences, nothing invisible, nothing that turns text around.
  const problem = plainTextProblem(raw, FOLDED_SPACES);
  if (problem === 'invisible') throw new InputError('the goal contains invisible or text-direction characters.', 'Type it again in plain words.');
  if (problem === 'control') throw new InputError('the goal contains control characters.', 'Use plain words.');
  return text;
}

/** A goal id as typed: a positive whole number. */
export function parseGoalId(raw: string): number {
  const text = raw.trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) {
    throw new InputError(`"${printable(raw)}" is not a goal id.`, 'See the ids with pace goal list.');
  }
  return Number(text);
}

/** M1: a new goal is refused while five are open. */
export function checkRoomForGoal(openGoals: number): void {
  if (openGoals >= MAX_OPEN_GOALS) {
    throw new InputError(`you already have ${MAX_OPEN_GOALS} open goals, the most at one time.`, 'Close one first: pace goal close <id> --achieved (or --dropped).');
  }
}

/**
 * M1, M3: one open goal for one set of words. The same goal added twice (a script run again, a
 * goal typed a second time) would count twice in the function score and take two of the five
 * places; re-rating is the way to say it changed. Case and spacing do not make it another goal.
 */
export function refuseSameOpenGoal(goals: readonly Pick<Goal, 'id' | 'text' | 'status'>[], text: string): void {
  const words = foldGoalText(text);
  const same = goals.find((g) => g.status === 'open' && foldGoalText(g.text) === words);
  if (same) throw new InputError(`goal ${same.id} is already open: "${same.text}".`, `To say how able you are now, re-rate it: pace goal rate ${same.id} <0-10>`);
}

const foldGoalText = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** M4: everyday movements to choose a goal from. */
export const GOAL_EXAMPLES: readonly string[] = [
  'a full squat',
  'touch your toes',
  'sit on the floor and get up without hands',
  'sit cross-legged',
  'a push-up against a wall',
  'climb a flight of stairs',
  'carry the shopping',
];

export type GoalSuggestion = { rule: 'M4'; kind: 'set'; examples: readonly string[] } | { rule: 'M4'; kind: 'review' };

/**
 * M4: from phase 3 with no open goal, suggest setting one; in phase 4, reviewing them, when a goal
 * is due for a re-rating (every day of phase 4 would be a nag).
 */
export function goalSuggestion(phase: number, goals: readonly GoalSummary[]): GoalSuggestion | null {
  const open = goals.filter((g) => g.goal.status === 'open');
  if (phase >= 3 && open.length === 0) return { rule: 'M4', kind: 'set', examples: GOAL_EXAMPLES };
  if (phase === 4 && open.some((g) => g.ratingDue)) return { rule: 'M4', kind: 'review' };
  return null;
}
