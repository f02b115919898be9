import type { Session } from '../types.js';
import { oneDecimal } from '../numbers.js';
import { meanOf } from '../coach/amounts.js';
import { personCycles, type BoomBustCycle } from '../coach/boombust.js';
import { flareDays } from '../coach/flares.js';
import { isActivityRow, type WeeklyRow } from '../coach/weekly.js';
import {
  isClearAdherenceChange, isClearEventsChange, isClearPainChange, isClearPegChange, isClearVolumeChange, PAIN_CLEAR_POINTS,
} from './thresholds.js';
import { pegScore, type PegCheckin } from './peg.js';
import { wholeWeekWithin, within, type ReviewWindows, type Span } from './windows.js';

// R1: the activity, pain and PEG measures of a review, each then against now with its verdict.
// Minutes and adherence are read from the weekly rows (E2), the same rows `export
// --weekly` writes, so the review and the clinic's export never disagree. Boom-bust cycles are the
// person's (B3, `personCycles`, as status counts them), from the cycles those rows count per activity.

export const MEASURE_NAMES = [
  'minutes_per_week', 'sessions_per_week', 'adherence_pct', 'pain_before', 'pain_change', 'peg', 'function_score',
  'flares_per_4_weeks', 'boom_bust_cycles',
] as const;
export type MeasureName = (typeof MEASURE_NAMES)[number];

export type Verdict = 'better' | 'same' | 'worse' | 'not-enough-data';

/** Why a measure has no verdict: data the renderer phrases. */
export type Missing =
  | 'no-week-after-start' // no whole week after program weeks 1-2 has been lived yet
  | 'no-sessions-then' // nothing recorded in program weeks 1-2
  | 'no-sessions-now' // nothing of that activity recorded in the last weeks (doses.ts)
  | 'no-plan' // no planned sessions to compare against (Q3)
  | 'no-timed-sessions' // minutes only: every session in both windows is in reps, metres or steps (minutesShown)
  | 'few-pain-ratings' // fewer than MIN_PAIN_RATINGS on one side
  | 'no-checkin' // no check-in yet
  | 'one-checkin' // no check-in in the last weeks besides the first
  | 'no-goal' // no open goal
  | 'no-rerating'; // no open goal re-rated since it was set

export interface Measure {
  name: MeasureName;
  then: number | null;
  now: number | null;
  /** now minus then. */
  change: number | null;
  verdict: Verdict;
  missing: Missing | null;
  /**
   * R1: flares and boom-bust cycles only: what was counted, and over how many weeks, before it was
   * put per four weeks. One flare in the two weeks of then is 2.0 per four weeks; the views say
   * "2.0 (1 in 2 weeks)" so that it never reads as two flares.
   */
  counts?: EventCounts;
}

export interface EventCounts {
  then: number;
  now: number;
  thenWeeks: number;
  nowWeeks: number;
}

/** Pain means need a few ratings on each side to say anything. */
export const MIN_PAIN_RATINGS = 3;

export interface MeasureInput {
  windows: ReviewWindows;
  rows: readonly WeeklyRow[];
  /** B2: the cycles the rows count per activity (weeklyRecord), counted here for the person (B3). */
  cycles: readonly BoomBustCycle[];
  sessions: readonly Session[];
  /** Oldest first. */
  checkins: readonly PegCheckin[];
  /** R1: false when no session of then or now is timed while others are (minutesShown). */
  minutesShown: boolean;
}

type Direction = 'up' | 'down';

/** One side of the comparison, per week (flares and cycles per four weeks). */
interface Side {
  any: boolean;
  minutes: number | null;
  sessions: number | null;
  adherence: number | null;
  painBefore: number | null;
  painChange: number | null;
  flares: number | null;
  cycles: number | null;
  flareCount: number;
  cycleCount: number;
}

export function measure(name: MeasureName, rawThen: number | null, rawNow: number | null, clear: (then: number, now: number) => boolean, better: Direction, missing: Missing | null = null): Measure {
  // Judged as people read them, to one decimal (review --json, the words, the report): 3.25
  // sessions a week shown as 3.3 against 3.0 is the 10% it reads as, never "about the same".
  const then = rawThen === null ? null : oneDecimal(rawThen);
  const now = rawNow === null ? null : oneDecimal(rawNow);
  if (missing !== null || then === null || now === null) return { name, then, now, change: null, verdict: 'not-enough-data', missing: missing ?? 'no-sessions-then' };
  const change = oneDecimal(now - then);
  let verdict: Verdict = 'same';
  if (clear(then, now)) verdict = (change > 0) === (better === 'up') ? 'better' : 'worse';
  return { name, then, now, change, verdict, missing: null };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const meanOrNull = (xs: readonly number[]) => (xs.length === 0 ? null : sum(xs) / xs.length);

/**
 * E2's adherence of each week and activity, averaged; more sessions than planned is not more
 * adherence, so a week counts at most as 100%. Null when no row had a plan. The review and the
 * clinic report (C1) both read it here.
 */
export function meanAdherence(rows: readonly WeeklyRow[]): number | null {
  return meanOrNull(rows.filter((r) => r.adherence_pct !== null).map((r) => Math.min(100, r.adherence_pct as number)));
}

/**
 * Q3 adherence over the weeks wholly within `span` and over by its end (wholeWeekWithin). The
 * review (R1) and the clinic report (C1) both read it here, so their figures agree.
 */
export function adherenceOver(rows: readonly WeeklyRow[], span: Span): number | null {
  return meanAdherence(rows.filter((r) => wholeWeekWithin(r.week_start, span)));
}

/** R1's measures other than the function score (goals.ts and review.ts add that one). */
export function activityMeasures(input: MeasureInput): Measure[] {
  const { windows: w } = input;
  // A check-in's own row (E2, W2) holds no activity: the PEG measure reads the check-ins.
  const rowsIn = (s: Span) => input.rows.filter(isActivityRow).filter((r) => within(r.week_start, s));
  const sessionsIn = (s: Span) => input.sessions.filter((x) => within(x.date, s));
  const side = (s: Span, weeks: number): Side => {
    const rows = rowsIn(s);
    const sessions = sessionsIn(s);
    const before = sessions.map((x) => x.painBefore).filter((p) => p !== null);
    // R1: the person's flares, by day (flareDays), not the rows' flare sessions of each activity.
    const flareCount = flareDays(sessions);
    const cycleCount = personCycles(input.cycles, s.from, s.to);
    const rises = sessions.flatMap((x) => (x.painBefore === null || x.painAfter === null ? [] : [x.painAfter - x.painBefore]));
    return {
      any: sessions.length > 0,
      minutes: sum(rows.filter((r) => r.unit === 'min').map((r) => r.total_dose)) / weeks,
      sessions: sessions.length / weeks,
      adherence: adherenceOver(input.rows, s),
      // Pain means as status and the weekly export give them (meanOf: one decimal).
      painBefore: before.length >= MIN_PAIN_RATINGS ? meanOf(before) : null,
      painChange: rises.length >= MIN_PAIN_RATINGS ? meanOf(rises) : null,
      flares: (flareCount * 4) / weeks,
      cycles: (cycleCount * 4) / weeks,
      flareCount,
      cycleCount,
    };
  };
  const then = side(w.then, w.thenWeeks);
  const now = side(w.now, w.nowWeeks);
  const base: Missing | null = !w.ready ? 'no-week-after-start' : !then.any ? 'no-sessions-then' : null;
  // Nothing to compare: no figures either (a week not lived yet has no 0 minutes).
  if (base !== null) for (const x of [then, now]) Object.assign(x, { minutes: null, sessions: null, adherence: null, painBefore: null, painChange: null, flares: null, cycles: null });
  const pain = (a: number | null, b: number | null) => base ?? (a === null || b === null ? 'few-pain-ratings' : null);
  const counted = (m: Measure, a: number, b: number): Measure => (base === null ? { ...m, counts: { then: a, now: b, thenWeeks: w.thenWeeks, nowWeeks: w.nowWeeks } } : m);
  const plan = base ?? (then.adherence === null || now.adherence === null ? 'no-plan' : null);
  return [
    // R3: with nothing timed, 0 -> 0 minutes is no measure of them: never "about the same".
    input.minutesShown || base !== null
      ? measure('minutes_per_week', then.minutes, now.minutes, isClearVolumeChange, 'up', base)
      : measure('minutes_per_week', null, null, isClearVolumeChange, 'up', 'no-timed-sessions'),
    measure('sessions_per_week', then.sessions, now.sessions, isClearVolumeChange, 'up', base),
    measure('adherence_pct', then.adherence, now.adherence, isClearAdherenceChange, 'up', plan),
    measure('pain_before', then.painBefore, now.painBefore, isClearPainChange, 'down', pain(then.painBefore, now.painBefore)),
    // The rise during a session is a difference, so 30% of it means little: 2 points only.
    measure('pain_change', then.painChange, now.painChange, (a, b) => Math.abs(b - a) >= PAIN_CLEAR_POINTS - 1e-9, 'down', pain(then.painChange, now.painChange)),
    pegMeasure(input.checkins, w),
    counted(measure('flares_per_4_weeks', then.flares, now.flares, isClearEventsChange, 'down', base), then.flareCount, now.flareCount),
    counted(measure('boom_bust_cycles', then.cycles, now.cycles, isClearEventsChange, 'down', base), then.cycleCount, now.cycleCount),
  ];
}

/** R1: the first check-in against the mean of those in the last weeks (the first one aside). */
function pegMeasure(checkins: readonly PegCheckin[], w: ReviewWindows): Measure {
  const [first, ...rest] = checkins;
  // R1: until a whole week after then is over, `now` is a week not lived yet: no check-in of it counts.
  if (!w.ready) return measure('peg', first ? pegScore(first) : null, null, isClearPegChange, 'down', 'no-week-after-start');
  if (!first) return measure('peg', null, null, isClearPegChange, 'down', 'no-checkin');
  const recent = rest.filter((c) => within(c.date, w.now)).map(pegScore);
  const now = meanOrNull(recent);
  return measure('peg', pegScore(first), now, (a, b) => isClearPegChange(b - a), 'down', now === null ? 'one-checkin' : null);
}
