import { toDayNumber } from '../dates.js';
import { oneDecimal, twoDecimals } from '../numbers.js';
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

/** B4's two averages at the end of `day`, so that a later run can carry on from there. */
export interface AcwrState {
  /** Day number of the first session in minutes. */
  first: number;
  day: number;
  acute: number;
  chronic: number;
}

const LAMBDA_ACUTE = 2 / (7 + 1);
const LAMBDA_CHRONIC = 2 / (28 + 1);

/**
 * The averages at the end of day `end`, from `start` (or from nothing) and the sessions after it;
 * null while no session in minutes has been logged. Sessions on or before `start.day` are skipped.
 */
export function acwrState(sessions: readonly Session[], end: number, start: AcwrState | null = null): AcwrState | null {
  if (start !== null && start.day > end) throw new Error('acwrState: the saved averages are from after the day asked for');
  const after = start === null ? -Infinity : start.day;
  const load = new Map<number, number>();
  let first = start?.first ?? Infinity;
  for (const s of sessions) {
    if (s.unit !== 'min') continue;
    const day = toDayNumber(s.date);
    if (day > end || day <= after) continue;
    load.set(day, (load.get(day) ?? 0) + s.dose);
    if (day < first) first = day;
  }
  if (first === Infinity) return null;
  let acute = start?.acute ?? 0;
  let chronic = start?.chronic ?? 0;
  for (let day = start === null ? first : start.day + 1; day <= end; day++) {
    const x = load.get(day) ?? 0;
    acute = LAMBDA_ACUTE * x + (1 - LAMBDA_ACUTE) * acute;
    chronic = LAMBDA_CHRONIC * x + (1 - LAMBDA_CHRONIC) * chronic;
  }
  return { first, day: end, acute, chronic };
}

/**
 * B4: exponentially weighted daily minutes, lambda = 2 / (N + 1) for N = 7 and N = 28, days without
 * a session as 0, both starting from 0 the day before the first session in minutes. History counts
 * from that first session, today included; null before 28 days or when there is no load at all.
 * Only `min` activities count: the ratio is about time, and reps or metres do not add up to it.
 * `progressing`: whether the plan is in a growing stretch, the only time under-doing is flagged.
 * `start`: the averages saved at an earlier day (a checkpoint); then only later sessions are read.
 */
export function acwr(sessions: readonly Session[], today: IsoDate, progressing: boolean, start: AcwrState | null = null): Acwr | null {
  const end = toDayNumber(today);
  const state = acwrState(sessions, end, start);
  if (state === null || end - state.first + 1 < ACWR_MIN_DAYS) return null;
  const { acute, chronic } = state;
  if (!(chronic > 0)) return null;
  const ratio = twoDecimals(acute / chronic);
  const flag = ratio >= SPIKE_RATIO ? 'spike' : progressing && ratio < UNDER_RATIO ? 'under' : null;
  return { ratio, acute: oneDecimal(acute), chronic: oneDecimal(chronic), flag };
}
