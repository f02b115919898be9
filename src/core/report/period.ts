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
 * with this week, or fewer when the program (`programStart`, its first day) began inside them: from
 * the Monday of its week 1, not after weeks before it that would squeeze the charts into a corner.
 * The caller has refused a `from` after `to`.
 */
export function reportPeriod(today: IsoDate, from?: IsoDate, to?: IsoDate, programStart: IsoDate | null = null): Period {
  const end = to === undefined || to > today ? today : to;
  if (from !== undefined) return { from, to: end };
  const twelve = addDays(mondayOf(end), -7 * (REPORT_WEEKS - 1));
  const weekOne = programStart === null ? null : mondayOf(programStart);
  return { from: weekOne !== null && weekOne > twelve && weekOne <= end ? weekOne : twelve, to: end };
}

/** The Mondays of the weeks the period touches, oldest first. */
export function weeksOf(p: Period): IsoDate[] {
  const first = mondayOf(p.from);
  const n = Math.floor((toDayNumber(mondayOf(p.to)) - toDayNumber(first)) / 7) + 1;
  return Array.from({ length: n }, (_, i) => addDays(first, 7 * i));
}
