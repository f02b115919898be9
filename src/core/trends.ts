import { addDays, mondayOf, mondayOfDay, toDayNumber } from './dates.js';
import { groupBy } from './groupBy.js';
import { oneDecimal } from './numbers.js';
import type { IsoDate, Session, Unit } from './types.js';
import { countsTowardAim } from './types.js';

/** The Monday of the first of the `weeks` weeks ending with the week of `through`. */
const firstMonday = (through: IsoDate, weeks: number): IsoDate => addDays(mondayOf(through), -7 * (weeks - 1));

export interface MinutesWeek {
  weekStart: IsoDate;
  minutes: number;
}

/**
 * G3: aerobic minutes per week for the `weeks` weeks ending with the week of `through`, from the
 * sessions dated up to it (status gives its week's Sunday: `sessionsThrough`).
 */
export function weeklyAerobicMinutes(sessions: readonly Session[], through: IsoDate, weeks: number): MinutesWeek[] {
  const first = firstMonday(through, weeks);
  const out: MinutesWeek[] = Array.from({ length: weeks }, (_, i) => ({ weekStart: addDays(first, 7 * i), minutes: 0 }));
  for (const s of sessions) {
    if (!countsTowardAim(s) || s.date < first || s.date > through) continue;
    const i = (mondayOfDay(toDayNumber(s.date)) - toDayNumber(first)) / 7;
    const w = out[i];
    if (w) w.minutes = Math.round((w.minutes + s.dose) * 10) / 10;
  }
  return out;
}

/**
 * R1, G3: whether minutes mean anything for the sessions dated within `spans`. Where there are
 * sessions and every one is counted in reps, metres or steps, "0 minutes" reads as nothing done:
 * review, status and the report leave minutes out. With no session at all they stay (nothing else
 * would stand in their place, and the measures say there is not enough data).
 */
export function minutesShown(sessions: readonly Session[], spans: readonly { from: IsoDate; to: IsoDate }[]): boolean {
  const inside = sessions.filter((s) => spans.some((p) => s.date >= p.from && s.date <= p.to));
  return inside.length === 0 || inside.some((s) => s.unit === 'min');
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
  const first = firstMonday(through, weeks);
  return sessionsNotInMinutes(sessions.filter((s) => s.date >= first && s.date <= through)).map(([activity, all]) => {
    const byWeek = groupBy(all, (s) => mondayOf(s.date));
    const weekStarts = Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
    return { activity, unit: all[0]!.unit as Exclude<Unit, 'min'>, weeks: weekStarts.map((weekStart) => ({ weekStart, meanDose: meanDose(byWeek.get(weekStart) ?? []) })) };
  });
}

export interface StatusTrends {
  /** G3: aerobic minutes by week (status --json gives them always). */
  minutes: MinutesWeek[];
  doses: SessionDoseTrend[];
  /** False when no session of these weeks is timed while others are (minutesShown). */
  minutesShown: boolean;
}

/** Status's trends over the `weeks` weeks ending with the week of `through`, one span for all. */
export function statusTrends(sessions: readonly Session[], through: IsoDate, weeks: number): StatusTrends {
  const span = { from: firstMonday(through, weeks), to: through };
  return { minutes: weeklyAerobicMinutes(sessions, through, weeks), doses: weeklySessionDoses(sessions, through, weeks), minutesShown: minutesShown(sessions, [span]) };
}
