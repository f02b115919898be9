import type { Category, IsoDate, Unit } from '../types.js';
import { countsTowardAim } from '../types.js';
import { twoDecimals } from '../numbers.js';
import { atLeast, ceilToStep, hundredths, roundToStep, stepOf } from './amounts.js';

/**
 * Q6: where a session stops growing, about 30 minutes' worth; further growth is one more session a
 * week, except for strength in reps, which then maintains (2-3 strength days a week are enough).
 */
export const SESSION_CEILING: Readonly<Record<Unit, number>> = { min: 30, m: 3000, steps: 4000, reps: 30 };
/** Q6: the most sessions a week the plan grows to. */
export const MAX_SESSIONS_PER_WEEK = 7;

export interface Level {
  quota: number;
  sessionsPerWeek: number;
}

/** Q2: +10% at the unit's resolution, and never less than one step more. */
export function next(q: number, unit: Unit): number {
  // 10% of q in hundredths is an exact integer division, so a half step (19.25) rounds up reliably.
  const tenPercent = roundToStep((hundredths(q) * 11) / 1000, unit);
  return Math.max(tenPercent, ceilToStep(q + stepOf(unit), unit));
}

/** Q3: a session counts toward the plan at 90% of the quota or more. */
export function countsToward(dose: number, quota: number): boolean {
  // In hundredths both sides are integers: 9.9 against 11 is 9900 >= 9900.
  return hundredths(dose) * 10 >= hundredths(quota) * 9;
}

/**
 * Q3 and T3: whether a session counts toward its week: 90% of the week's quota or more (any dose
 * when nothing is planned), and not on a day the plan was paused. The one rule that the replay,
 * status, export --weekly and log all use.
 */
export function countsForWeek(s: { date: IsoDate; dose: number }, quota: number | null, pausedOn: (date: IsoDate) => boolean): boolean {
  return (quota === null || countsToward(s.dose, quota)) && !pausedOn(s.date);
}

export interface QuotaComparison {
  /** Dose as a whole percent of the quota; null without a quota. */
  pct: number | null;
  /** Q3: counts toward the week. With no quota there is nothing to fall short of. */
  counts: boolean;
}

export function quotaComparison(sessionDose: number, quota: number | null): QuotaComparison {
  if (quota === null || !(quota > 0)) return { pct: null, counts: true };
  return { pct: pctOfQuota(sessionDose, quota), counts: countsToward(sessionDose, quota) };
}

/**
 * Q3: the dose as a whole percent of the quota, never rounded up across the 90% line: 13 of 14.5
 * is 89.7%, shown as 89, because a "90%" that does not count would contradict itself.
 */
export function pctOfQuota(dose: number, quota: number): number {
  const pct = Math.round((dose / quota) * 100);
  return pct >= 90 && !countsToward(dose, quota) ? 89 : pct;
}

export interface Growth {
  unit: Unit;
  category: Category;
  targetMinutes: number;
  /** Q6: the planned weekly minutes of the other aerobic activities, which share the weekly aim. */
  otherAerobicMinutes?: number;
}

export type Ceiling =
  | { kind: 'target'; weeklyMinutes: number; target: number; others: number }
  | { kind: 'ceiling' }
  | { kind: 'reps' };

/**
 * Q6: where a level stops growing. The weekly aim (G1) is in minutes, for all aerobic activities
 * in minutes together; metres and steps have no minutes to add, so they stop at their session
 * ceiling and 7 sessions a week instead.
 */
export function ceilingOf(level: Level, g: Growth): Ceiling | null {
  if (countsTowardAim(g)) {
    const others = twoDecimals(g.otherAerobicMinutes ?? 0);
    const weeklyMinutes = twoDecimals(level.quota * level.sessionsPerWeek + others);
    if (atLeast(weeklyMinutes, g.targetMinutes)) return { kind: 'target', weeklyMinutes, target: g.targetMinutes, others };
  }
  const atCeiling = atLeast(level.quota, SESSION_CEILING[g.unit]);
  if (g.unit === 'reps') return atCeiling ? { kind: 'reps' } : null;
  if (atCeiling && level.sessionsPerWeek >= MAX_SESSIONS_PER_WEEK) return { kind: 'ceiling' };
  return null;
}

/** Q2 and Q6: the next level up. Callers check `ceilingOf` first. */
export function grow(level: Level, unit: Unit): Level {
  const ceiling = SESSION_CEILING[unit];
  if (atLeast(level.quota, ceiling)) {
    if (unit === 'reps') return level;
    return { quota: level.quota, sessionsPerWeek: Math.min(MAX_SESSIONS_PER_WEEK, level.sessionsPerWeek + 1) };
  }
  return { quota: Math.min(ceiling, next(level.quota, unit)), sessionsPerWeek: level.sessionsPerWeek };
}

/** S2: the quota on offer; envelope mode offers longer sessions only, up to the Q6 ceiling. */
export function offerFor(level: Level, unit: Unit): number | null {
  const ceiling = SESSION_CEILING[unit];
  if (atLeast(level.quota, ceiling)) return null;
  return Math.min(ceiling, next(level.quota, unit));
}

/** Orders levels: longer sessions first, then more of them. */
export function compareLevels(a: Level, b: Level): number {
  const dq = hundredths(a.quota) - hundredths(b.quota);
  return dq !== 0 ? dq : a.sessionsPerWeek - b.sessionsPerWeek;
}
