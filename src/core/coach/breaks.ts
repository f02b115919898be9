import type { Unit } from '../types.js';
import { atLeastOneStep, roundToStepHalfDown } from './amounts.js';
import type { Level } from './progression.js';
import type { Decision, Ladder } from './transition.js';
import { topOf } from './transition.js';

// Q10: capacity fades when an activity stops, so coming back at the old quota is a boom. After 2-5
// empty weeks the plan steps down one level of the ladder per empty week from the level of the
// last week the activity was done, never below the baseline; after 6 or more it starts over with
// a new two-week baseline (Q1), suggesting about half the last quota. One empty week is a Q4 hold.

/** Q10: from this many empty weeks on, the activity starts over with a new baseline. */
export const REBASELINE_WEEKS = 6;

/** The last week the activity was done: its Monday, and the rung its plan stood on (-1 in the baseline). */
export interface LastDone {
  week: number;
  rung: number;
  quota: number | null;
  sessionsPerWeek: number;
}

/** Q10: starting over after a long break, until the new baseline is known. */
export interface Restart {
  last: number;
  quota: number;
  sessionsPerWeek: number;
  /** True when the week before planned less than half the last quota, and that lower plan stands. */
  held: boolean;
}

/** Whole weeks without a session between the last week done and `week`. */
export function emptyWeeks(lastDone: LastDone | null, week: number): number {
  return lastDone === null ? 0 : (week - lastDone.week) / 7 - 1;
}

/**
 * Q10: 2-5 empty weeks. Steps the ladder down to `away` levels below the last week done (never
 * below its bottom rung, the baseline); a flare or Q4 step that already went lower stands.
 */
export function returnAfterBreak(ladder: Ladder, lastDone: LastDone, away: number, activity: string): Decision {
  const from = topOf(ladder);
  const target = Math.max(0, lastDone.rung - away);
  while (ladder.rungs.length - 1 > target) ladder.rungs.pop();
  ladder.steadyWeeks = 0;
  ladder.unfinishedWeeks = 0;
  const to = topOf(ladder);
  return {
    level: to,
    change: 'return',
    reason: {
      rule: 'Q10',
      kind: 'step',
      activity,
      weeks: away,
      from: lastDone.quota ?? from.quota,
      to: to.quota,
      fromSessions: lastDone.sessionsPerWeek,
      toSessions: to.sessionsPerWeek,
      atBaseline: ladder.rungs.length === 1,
    },
    offer: null,
  };
}

/**
 * Q10: 6 or more empty weeks: about half the last quota, as the comfortable amount to repeat, and
 * never more than the week just before planned (`held`): a baseline that settled below what was
 * planned in the last week done, or a hold since, stands, so a return is never a rise (S2, Q4).
 */
export function restartAfterBreak(lastDone: LastDone, unit: Unit, held: Level | null): Restart {
  const last = lastDone.quota ?? 1;
  const half = atLeastOneStep(roundToStepHalfDown(last / 2, unit), unit);
  const quota = held === null ? half : Math.min(half, held.quota);
  const sessionsPerWeek = held === null ? lastDone.sessionsPerWeek : Math.min(lastDone.sessionsPerWeek, held.sessionsPerWeek);
  return { last, quota, sessionsPerWeek, held: quota < half };
}

export function restartLevel(r: Restart): Level {
  return { quota: r.quota, sessionsPerWeek: r.sessionsPerWeek };
}
