import { dayOf } from './days.js';
import type { IsoDate, Session } from '../types.js';

/** B4: the ratio is only shown once there are this many days of history. */
export const ACWR_MIN_DAYS = 28;
export const SPIKE_RATIO = 1.5;
export const UNDER_RATIO = 0.8;

export interface Acwr {
  /** Acute (7-day) over chronic (28-day) load, to two decimals. */
  ratio: number;
  acute: number;
  chronic: number;
  flag: 'spike' | 'under' | null;
}

/**
 * B4: exponentially weighted daily minutes, lambda = 2 / (N + 1) for N = 7 and N = 28, days without
 * a session as 0, both starting from 0 the day before the first session in minutes. History counts
 * from that first session, today included; null before 28 days or when there is no load at all.
 * Only `min` activities count: the ratio is about time, and reps or metres do not add up to it.
 * `progressing`: whether the plan is in a growing stretch, the only time under-doing is flagged.
 */
export function acwr(sessions: readonly Session[], today: IsoDate, progressing: boolean): Acwr | null {
  const end = dayOf(today);
  const load = new Map<number, number>();
  let first = Infinity;
  for (const s of sessions) {
    if (s.unit !== 'min') continue;
    const day = dayOf(s.date);
    if (day > end) continue;
    load.set(day, (load.get(day) ?? 0) + s.dose);
    if (day < first) first = day;
  }
  if (first === Infinity || end - first + 1 < ACWR_MIN_DAYS) return null;
  const la = 2 / (7 + 1);
  const lc = 2 / (28 + 1);
  let acute = 0;
  let chronic = 0;
  for (let day = first; day <= end; day++) {
    const x = load.get(day) ?? 0;
    acute = la * x + (1 - la) * acute;
    chronic = lc * x + (1 - lc) * chronic;
  }
  if (!(chronic > 0)) return null;
  const ratio = Math.round((acute / chronic) * 100) / 100;
  // The flag follows the ratio as shown, so "1.50" is never shown without its spike label.
  const flag = ratio >= SPIKE_RATIO ? 'spike' : progressing && ratio < UNDER_RATIO ? 'under' : null;
  return { ratio, acute: Math.round(acute * 10) / 10, chronic: Math.round(chronic * 10) / 10, flag };
}
