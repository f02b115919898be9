import { addDays, mondayOf, toDayNumber } from '../dates.js';
import type { IsoDate } from '../types.js';

/** C2: the report covers the last 12 weeks unless dates are asked for. */
export const REPORT_WEEKS = 12;

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/**
 * C2: the period asked for. Without --to it ends today, and a --to after today ends today too: the
 * weeks to come would read as weeks missed, a decline the person has not lived. Without --from it
 * is the 12 weeks (Monday to Sunday) ending with the week of its last day, as status's trends end
 * with this week. The caller has refused a `from` after `to`.
 */
export function reportPeriod(today: IsoDate, from?: IsoDate, to?: IsoDate): Period {
  const end = to === undefined || to > today ? today : to;
  return { from: from ?? addDays(mondayOf(end), -7 * (REPORT_WEEKS - 1)), to: end };
}

/** The Mondays of the weeks the period touches, oldest first. */
export function weeksOf(p: Period): IsoDate[] {
  const first = mondayOf(p.from);
  const n = Math.floor((toDayNumber(mondayOf(p.to)) - toDayNumber(first)) / 7) + 1;
  return Array.from({ length: n }, (_, i) => addDays(first, 7 * i));
}
