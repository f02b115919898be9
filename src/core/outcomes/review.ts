import { mondayOf, toDayNumber } from '../dates.js';
import type { IsoDate, Session, Settings } from '../types.js';
import { programStanding, programStartOf, programWeekAt } from '../coach/phases.js';
import type { BoomBustCycle } from '../coach/boombust.js';
import type { WeeklyRow } from '../coach/weekly.js';
import { functionScore, goalsAt, summarizeGoal, type Goal, type GoalSummary } from './goals.js';
import { doseMeasures, type DoseMeasure } from './doses.js';
import { activityMeasures, measure, type Measure, type MeasureName, type Verdict } from './measures.js';
import type { PegCheckin } from './peg.js';
import { isClearMeanChange } from './thresholds.js';
import { reviewWindows, type Span } from './windows.js';
import { minutesShown } from '../trends.js';

// R: then and now, measure by measure, and what to say first (R3).

export interface ReviewInput {
  today: IsoDate;
  /** P: the start date sets program week 1 with the first session, as for plan and status. */
  settings: Settings;
  /** E2's rows up to today (weeklyRecord): minutes, adherence and flares come from them. */
  rows: readonly WeeklyRow[];
  /** B2: the cycles of the same weeklyRecord; the review counts them for the person (B3). */
  cycles: readonly BoomBustCycle[];
  sessions: readonly Session[];
  goals: readonly Goal[];
  /** Oldest first. */
  checkins: readonly PegCheckin[];
}

export interface ReviewedGoal extends GoalSummary {
  /** M3: 3 points up is better, 3 down worse; one rating only is not enough data. */
  verdict: Verdict;
}

/**
 * R3 as data. `pain-same-but-better`: pain is about the same while activity or function is
 * better, which the review says plainly and first. `better` and `worse` list what clearly changed.
 */
export interface ReviewSummary {
  kind: 'not-enough-data' | 'pain-same-but-better' | 'changes' | 'no-clear-change';
  better: MeasureName[];
  worse: MeasureName[];
  goalsBetter: number[];
  goalsWorse: number[];
  /** R1/R3: activities in reps, metres or steps whose session clearly grew or shrank (doses.ts). */
  dosesBetter: string[];
  dosesWorse: string[];
  /** The first Sunday after which a review can compare anything (kind not-enough-data); null when ready, or before any session or start date. */
  readyAfter: IsoDate | null;
}

export interface Review {
  today: IsoDate;
  programWeek: number;
  /** P: the program's first day (start date or first session), null with neither; as plan and status give it. */
  programStart: IsoDate | null;
  /** P: this week comes before program week 1 (a start date after today): no program week to name. */
  beforeProgram: boolean;
  then: Span;
  now: Span;
  measures: Measure[];
  /** R1: false when every session of then and now is in reps, metres or steps: no minutes row (minutesShown). */
  minutesShown: boolean;
  /** R1: each activity not in minutes, its session then and now (doses.ts). */
  doses: DoseMeasure[];
  goals: ReviewedGoal[];
  summary: ReviewSummary;
}

const ACTIVITY: readonly MeasureName[] = ['minutes_per_week', 'sessions_per_week', 'adherence_pct'];

export function reviewOf(input: ReviewInput): Review {
  const { today } = input;
  // P: program week 1 as plan and status count it (start date or first session); this week when
  // there is neither.
  const programStart = programStartOf(input.settings, input.sessions);
  const origin = mondayOf(programStart ?? today);
  const originDay = programStart === null ? null : toDayNumber(origin);
  const windows = reviewWindows(origin, today);
  const programWeek = programWeekAt(originDay, toDayNumber(mondayOf(today)));

  // M3: the goals as they stood today, as the report reads them: with the day gone back (a clock
  // set back, PACE_TODAY), a rating dated later waits for its day.
  const goals: ReviewedGoal[] = goalsAt(input.goals, today).map((g) => {
    const s = summarizeGoal(g, today);
    // R1: no goal is judged before a whole week after then is over, as no measure is.
    const verdict: Verdict = !windows.ready || g.ratings.length < 2 || s.change === null ? 'not-enough-data' : s.clearChange ? (s.change > 0 ? 'better' : 'worse') : 'same';
    return { ...s, verdict };
  });
  const timed = minutesShown(input.sessions, [windows.then, windows.now]);
  // W1: with the day gone back, a check-in answered after today is not there yet, as in the report.
  const checkins = input.checkins.filter((c) => c.date <= today);
  const measures = activityMeasures({ windows, rows: input.rows, cycles: input.cycles, sessions: input.sessions, checkins, minutesShown: timed });
  measures.splice(6, 0, functionMeasure(goals, windows.ready));
  // With the day gone back, an activity first logged after today is not there yet.
  const doses = doseMeasures(windows, input.sessions.filter((s) => s.date <= today));
  // R1: with no session and no start date the program has not begun, and no Sunday can be named:
  // one counted from this week would move with today and never come.
  const readyAfter = windows.ready || originDay === null ? null : windows.now.to;
  return { today, programWeek, ...programStanding(programStart, toDayNumber(mondayOf(today))), then: windows.then, now: windows.now, minutesShown: timed, measures, doses, goals, summary: summarize(measures, doses, goals, readyAfter) };
}

/** M3 within R1: the open goals' first ratings against their latest. */
function functionMeasure(goals: readonly ReviewedGoal[], ready: boolean): Measure {
  const open = goals.filter((g) => g.goal.status === 'open' && g.latestRating !== null);
  const then = open.length === 0 ? null : open.reduce((a, g) => a + (g.firstRating as number), 0) / open.length;
  // R1: a rating given before a whole week after then is over has nothing yet to be compared in.
  if (!ready) return measure('function_score', then, null, isClearMeanChange, 'up', 'no-week-after-start');
  if (open.length === 0) return measure('function_score', null, null, isClearMeanChange, 'up', 'no-goal');
  const score = functionScore(open);
  // M3: the score is judged by its mean change (2 points); each goal has its own verdict above.
  return measure('function_score', then, score.score, () => score.clearChange, 'up', score.rerated ? null : 'no-rerating');
}

function summarize(measures: readonly Measure[], doses: readonly DoseMeasure[], goals: readonly ReviewedGoal[], readyAfter: IsoDate | null): ReviewSummary {
  const pick = (v: Verdict) => measures.filter((m) => m.verdict === v).map((m) => m.name);
  const better = pick('better');
  const worse = pick('worse');
  const goalsBetter = goals.filter((g) => g.verdict === 'better').map((g) => g.goal.id);
  const goalsWorse = goals.filter((g) => g.verdict === 'worse').map((g) => g.goal.id);
  const dosesBetter = doses.filter((m) => m.verdict === 'better').map((m) => m.activity);
  const dosesWorse = doses.filter((m) => m.verdict === 'worse').map((m) => m.activity);
  const base = { better, worse, goalsBetter, goalsWorse, dosesBetter, dosesWorse, readyAfter };
  if (measures.every((m) => m.verdict === 'not-enough-data') && goals.every((g) => g.verdict === 'not-enough-data')) return { kind: 'not-enough-data', ...base };
  const pain = measures.find((m) => m.name === 'pain_before');
  const movingBetter = better.some((n) => ACTIVITY.includes(n) || n === 'function_score') || goalsBetter.length > 0 || dosesBetter.length > 0;
  // R3: pain about the same while activity or function is better is said plainly, first.
  if (pain?.verdict === 'same' && movingBetter) return { kind: 'pain-same-but-better', ...base };
  if (better.length + worse.length + goalsBetter.length + goalsWorse.length + dosesBetter.length + dosesWorse.length === 0) return { kind: 'no-clear-change', ...base };
  return { kind: 'changes', ...base };
}
