import { addDays, mondayOf, mondayOfDay, toDayNumber } from './dates.js';
import { groupBy } from './groupBy.js';
import { oneDecimal } from './numbers.js';
import type { IsoDate, Session, Unit } from './types.js';
import { countsTowardAim } from './types.js';

export interface MinutesWeek {
  weekStart: IsoDate;
  minutes: number;
}

/**
 * G3: aerobic minutes per week for the `weeks` weeks ending with the week of `through`, from the
 * sessions dated up to it (status gives its week's Sunday: `sessionsThrough`).
 */
export function weeklyAerobicMinutes(sessions: readonly Session[], through: IsoDate, weeks: number): MinutesWeek[] {
  const first = addDays(mondayOf(through), -7 * (weeks - 1));
  const out: MinutesWeek[] = Array.from({ length: weeks }, (_, i) => ({ weekStart: addDays(first, 7 * i), minutes: 0 }));
  for (const s of sessions) {
    if (!countsTowardAim(s) || s.date < first || s.date > through) continue;
    const i = (mondayOfDay(toDayNumber(s.date)) - toDayNumber(first)) / 7;
    const w = out[i];
    if (w) w.minutes = Math.round((w.minutes + s.dose) * 10) / 10;
  }
  return out;
}

export interface SessionDoseWeek {
  weekStart: IsoDate;
  /** Mean dose of the week's sessions, to one decimal; null in a week without one. */
  meanDose: number | null;
}

export interface SessionDoseTrend {
  activity: string;
  unit: Exclude<Unit, 'min'>;
  weeks: SessionDoseWeek[];
}

/** The mean dose of a session, to one decimal; null when there is none. */
export function meanDose(sessions: readonly Session[]): number | null {
  return sessions.length === 0 ? null : oneDecimal(sessions.reduce((a, s) => a + s.dose, 0) / sessions.length);
}

/**
 * Q2, R1: the sessions of each activity counted in reps, metres or steps, by name, sorted: they
 * are never added to minutes, nor to each other. What status's trend and the review's then and
 * now both average (one truth).
 */
export function sessionsNotInMinutes(sessions: readonly Session[]): [string, Session[]][] {
  return [...groupBy(sessions.filter((s) => s.unit !== 'min'), (s) => s.activity)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Q2, R1: for each activity counted in reps, metres or steps, the mean session of each of the
 * `weeks` weeks ending with the week of `through`, so that status shows a sit-to-stand growing
 * as the minutes line shows a walk. Activities without a session in those weeks are left out.
 */
export function weeklySessionDoses(sessions: readonly Session[], through: IsoDate, weeks: number): SessionDoseTrend[] {
  const first = addDays(mondayOf(through), -7 * (weeks - 1));
  return sessionsNotInMinutes(sessions.filter((s) => s.date >= first && s.date <= through)).map(([activity, all]) => {
    const byWeek = groupBy(all, (s) => mondayOf(s.date));
    const weekStarts = Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
    return { activity, unit: all[0]!.unit as Exclude<Unit, 'min'>, weeks: weekStarts.map((weekStart) => ({ weekStart, meanDose: meanDose(byWeek.get(weekStart) ?? []) })) };
  });
}
