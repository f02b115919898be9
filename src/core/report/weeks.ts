import { addDays, mondayOf } from '../dates.js';
import { groupBy } from '../groupBy.js';
import { meanOf } from '../coach/amounts.js';
import { flareDays } from '../coach/flares.js';
import { isActivityRow, type WeeklyRow } from '../coach/weekly.js';
import { functionScore, goalsAt, summarizeGoal, type Goal } from '../outcomes/goals.js';
import { oneDecimal, twoDecimals } from '../numbers.js';
import { pegScore, type PegCheckin } from '../outcomes/peg.js';
import type { IsoDate, Session, Unit } from '../types.js';

/** C1: one week of the report's charts. Not recorded is null, never 0. */
export interface ReportWeek {
  weekStart: IsoDate;
  /** The planned dose in the charted unit: the weekly rows' quota times sessions planned; null without a plan. */
  planned: number | null;
  /** The dose done in the charted unit (the rows' total_dose). */
  done: number;
  /** Pain means over the week's sessions (meanOf, as status's trend has them). */
  painBefore: number | null;
  painAfter: number | null;
  /** W2: that week's PEG score, one decimal. */
  peg: number | null;
  /** M3: the function score as it stood at the week's end, one decimal. */
  functionScore: number | null;
  flares: number;
}

export interface WeeksInput {
  mondays: readonly IsoDate[];
  /** The period's last day: a week that runs past it reads the goals as they stood on it (the sessions come as given). */
  to: IsoDate;
  /** E2's rows (weeklyRows), any range: those of each Monday are read. */
  rows: readonly WeeklyRow[];
  /** The sessions of the period's weeks, each week whole from its Monday (through the rest of today's week, when it ends today). */
  sessions: readonly Session[];
  goals: readonly Goal[];
  checkins: readonly PegCheckin[];
  unit: Unit;
}

/**
 * C1: the charts' figures by week. Planned and done doses come from
 * the weekly export's rows (E2); the pain means from the sessions, as status and the review read
 * them; flares by day (flareDays); PEG and the function score through the same functions as check-in and goal list.
 */
export function reportWeeks(input: WeeksInput): ReportWeek[] {
  const rowsBy = groupBy(input.rows, (r) => r.week_start);
  const sessionsBy = groupBy(input.sessions, (s) => mondayOf(s.date));
  const pegBy = new Map(input.checkins.map((c) => [c.weekStart, c]));
  return input.mondays.map((monday) => {
    const rows = rowsBy.get(monday) ?? [];
    const activities = rows.filter(isActivityRow);
    const own = activities.filter((r) => r.unit === input.unit);
    const planned = own.filter((r) => r.quota !== null && r.sessions_planned !== null);
    const sessions = sessionsBy.get(monday) ?? [];
    const sunday = addDays(monday, 6);
    const fn = functionScore(goalsAt(input.goals, sunday < input.to ? sunday : input.to).map((g) => summarizeGoal(g, sunday)));
    const checkin = pegBy.get(monday);
    return {
      weekStart: monday,
      planned: planned.length === 0 ? null : twoDecimals(planned.reduce((a, r) => a + (r.quota as number) * (r.sessions_planned as number), 0)),
      done: twoDecimals(own.reduce((a, r) => a + r.total_dose, 0)),
      painBefore: meanOf(sessions.map((s) => s.painBefore)),
      painAfter: meanOf(sessions.map((s) => s.painAfter)),
      peg: checkin && checkin.date <= input.to ? oneDecimal(pegScore(checkin)) : null,
      functionScore: fn.score === null ? null : oneDecimal(fn.score),
      // F1, C1: the week's flares by day, as the period's count and the review have them.
      flares: flareDays(sessions),
    };
  });
}


/**
 * The unit the dose chart shows: minutes when any activity of the period is timed, else the
 * unit most of the period's rows are counted in (repetitions, metres, steps).
 */
export function chartUnit(rows: readonly WeeklyRow[]): Unit {
  const counts = new Map<Unit, number>();
  for (const r of rows.filter(isActivityRow)) counts.set(r.unit, (counts.get(r.unit) ?? 0) + 1);
  if (counts.size === 0 || counts.has('min')) return 'min';
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}
