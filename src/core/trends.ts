import { addDays, mondayOf, mondayOfDay, toDayNumber } from './dates.js';
import type { IsoDate, Session } from './types.js';
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
