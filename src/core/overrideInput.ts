import { mondayOf, shortDate } from './dates.js';
import { InputError } from './errors.js';
import { decimalAmount, parseActivityName, printable } from './input.js';
import type { IsoDate, Unit } from './types.js';

export interface OverrideRequest {
  activity: string;
  quota: number;
  unit: Unit | null;
  sessionsPerWeek: number | null;
}

const SET = /^(.+?)=\s*(\d+(?:[.,]\d+)?)\s*(min|reps|m|steps)?\s*(?:x\s*(\d+))?$/i;

/** Q7: `--set walk=12` or `--set walk=12x4` (quota, and optionally sessions per week). */
export function parseOverride(raw: string): OverrideRequest {
  const m = SET.exec(raw.trim());
  if (!m) {
    throw new InputError(`--set "${printable(raw)}" is not in the form activity=quota or activity=quotaxsessions.`, 'For example: --set walk=12 or --set walk=12x4');
  }
  const quota = decimalAmount(m[2]!, `--set "${printable(raw)}"`);
  if (!(quota > 0)) throw new InputError(`--set ${printable(raw)}: the quota must be more than 0.`);
  const sessions = m[4] === undefined ? null : Number(m[4]);
  if (sessions !== null && (sessions < 1 || sessions > 7)) {
    throw new InputError(`--set ${printable(raw)}: sessions per week must be from 1 to 7.`);
  }
  return { activity: parseActivityName(m[1]!), quota, unit: (m[3]?.toLowerCase() as Unit | undefined) ?? null, sessionsPerWeek: sessions };
}

/**
 * Q7, Q9: a setting (or an accepted increase) is for this week, begun or not, or a later one. A
 * week that is over keeps the plan it had: set afterwards, it would turn the sessions done then
 * into a week missed, and the record would no longer say what was planned.
 */
export function refuseWeekOver(weekStart: IsoDate, today: IsoDate, flag: string): void {
  // By Mondays, not by the week's Sunday: the Sunday of the week of 9999-12-31 is in year 10000,
  // whose five-digit text sorts before today's.
  if (weekStart >= mondayOf(today)) return;
  throw new InputError(`${flag}: the week of ${shortDate(weekStart)} is over; it keeps the plan it had.`, 'Give --week a day of this week or a later one, or leave --week out for the coming week.');
}
