// The thresholds of M3, W3 and R1: when a difference between then and now is a clear change.
// Differences are compared with a small tolerance, since means of whole numbers carry floating
// tails (5.1 - 4.1 is 0.9999999999999996).

const EPS = 1e-9;
const atLeast = (x: number, limit: number) => x >= limit - EPS;

/** M3: one goal's rating changed by 3 points or more (beyond the PSFS's detectable change). */
export const GOAL_CLEAR_POINTS = 3;
/** M3: the mean change of the open goals is 2 points or more. */
export const FUNCTION_CLEAR_POINTS = 2;
/** W3, E5: a PEG difference of 1 point or more is worth noting. */
export const PEG_CLEAR_POINTS = 1;
/** W3: a single 0-10 pain rating changes clearly by 2 points or by 30%. */
export const PAIN_CLEAR_POINTS = 2;
export const PAIN_CLEAR_SHARE = 0.3;
/** R1: minutes and sessions per week change clearly by 10%. */
export const VOLUME_CLEAR_SHARE = 0.1;
/** R1 leaves adherence open: 10 percentage points. */
export const ADHERENCE_CLEAR_POINTS = 10;
/** R1 leaves flares and boom-bust cycles open: one more or fewer per four weeks. */
export const EVENTS_CLEAR_PER_4_WEEKS = 1;

export const isClearGoalChange = (change: number): boolean => atLeast(Math.abs(change), GOAL_CLEAR_POINTS);
export const isClearMeanChange = (change: number): boolean => atLeast(Math.abs(change), FUNCTION_CLEAR_POINTS);
export const isClearPegChange = (change: number): boolean => atLeast(Math.abs(change), PEG_CLEAR_POINTS);

/** W3: 2 points, or 30% of where it started. */
export function isClearPainChange(then: number, now: number): boolean {
  const d = Math.abs(now - then);
  // No change is never a clear one, however near zero the start (30% of almost nothing).
  return atLeast(d, PAIN_CLEAR_POINTS) || (d > EPS && then > 0 && atLeast(d, PAIN_CLEAR_SHARE * then));
}

/** R1: 10% of where it started; from nothing, any amount is a change. */
export function isClearVolumeChange(then: number, now: number): boolean {
  if (then <= 0) return now > EPS;
  const d = Math.abs(now - then);
  return d > EPS && atLeast(d, VOLUME_CLEAR_SHARE * then);
}

export const isClearAdherenceChange = (then: number, now: number): boolean => atLeast(Math.abs(now - then), ADHERENCE_CLEAR_POINTS);
export const isClearEventsChange = (then: number, now: number): boolean => atLeast(Math.abs(now - then), EVENTS_CLEAR_PER_4_WEEKS);
