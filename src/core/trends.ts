import { addDays, mondayOf, mondayOfDay, toDayNumber } from './dates.js';
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

/**
 * Q2, R1: for each activity counted in reps, metres or steps (never added to minutes), the mean
 * session of each of the `weeks` weeks ending with the week of `through`, so that status shows
 * a sit-to-stand growing as the minutes line shows a walk. Activities without a session in those
 * weeks are left out; sorted by name.
 */
export function weeklySessionDoses(sessions: readonly Session[], through: IsoDate, weeks: number): SessionDoseTrend[] {
  const first = addDays(mondayOf(through), -7 * (weeks - 1));
  const byActivity = new Map<string, { unit: Exclude<Unit, 'min'>; sums: number[]; counts: number[] }>();
  for (const s of sessions) {
    if (s.unit === 'min' || s.date < first || s.date > through) continue;
    const i = (mondayOfDay(toDayNumber(s.date)) - toDayNumber(first)) / 7;
    let a = byActivity.get(s.activity);
    if (!a) byActivity.set(s.activity, (a = { unit: s.unit, sums: Array<number>(weeks).fill(0), counts: Array<number>(weeks).fill(0) }));
    a.sums[i] = (a.sums[i] ?? 0) + s.dose;
    a.counts[i] = (a.counts[i] ?? 0) + 1;
  }
  return [...byActivity.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([activity, a]) => ({
      activity,
      unit: a.unit,
      weeks: a.sums.map((sum, i) => ({ weekStart: addDays(first, 7 * i), meanDose: a.counts[i] ? oneDecimal(sum / (a.counts[i] as number)) : null })),
    }));
}
