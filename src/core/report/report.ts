import { personCycleDates } from '../coach/boombust.js';
import { flareDays, flareReasons, isFlareSession, type FlareReason } from '../coach/flares.js';
import { weekDayOf } from '../coach/history.js';
import { programOrigin } from '../coach/phases.js';
import { weeklyModes } from '../coach/plan.js';
import { asOf, statusOf } from '../coach/status.js';
import type { Hold, History, Mode, Phase, TriageRecord } from '../coach/types.js';
import { weeklyRecord } from '../coach/weekly.js';
import { functionScore, goalsAt, type FunctionScore, type Goal } from '../outcomes/goals.js';
import { adherenceOver } from '../outcomes/measures.js';
import { pegScore, type PegCheckin } from '../outcomes/peg.js';
import { reviewOf, type Review } from '../outcomes/review.js';
import { wholeWeekWithin } from '../outcomes/windows.js';
import { mondayOf } from '../dates.js';
import type { IsoDate, Unit } from '../types.js';
import { weeksOf, type Period } from './period.js';
import { chartUnit, reportWeeks, type ReportWeek } from './weeks.js';

// C: the clinic report's content as one plain object. Every figure comes from the functions that
// status, review and export --weekly use; the renderers (HTML and PDF) only phrase and draw it.

export interface ReportInput extends History {
  today: IsoDate;
  period: Period;
  triageRecords: readonly TriageRecord[];
  goals: readonly Goal[];
  /** Oldest first. */
  checkins: readonly PegCheckin[];
  /** C3, E3: private notes by session id, only when the person asked for them; otherwise null. */
  notes: ReadonlyMap<number, string> | null;
}

/** A flare (F1) or a triage result or clearance (T) in the period, by date. */
export type ReportEvent =
  | { kind: 'flare'; date: IsoDate; activity: string; reasons: FlareReason[] }
  | { kind: 'assess' | 'stop'; date: IsoDate; symptoms: string[] }
  | { kind: 'cleared'; date: IsoDate };

export interface ReportNote {
  date: IsoDate;
  activity: string;
  text: string;
}

export interface ClinicReport {
  madeOn: IsoDate;
  period: Period;
  /** Status as of the period's last day (P, S). */
  programWeek: number;
  phase: Phase;
  /** P: the program's first day, and whether the period's last week comes before week 1. */
  programStart: IsoDate | null;
  beforeProgram: boolean;
  mode: Mode;
  /** S2: the mode of the period's first week, then each change, with the Monday it took effect. */
  modes: { mode: Mode; from: IsoDate }[];
  /** T2/T3: the hold or pause open at the period's end, shown first. */
  hold: Hold | null;
  /** False when nothing at all was recorded in the period: the page says so. */
  recorded: boolean;
  /** R1 as of the period's last day. */
  review: Review;
  unit: Unit;
  weeks: ReportWeek[];
  events: ReportEvent[];
  /** M3: the goals as they stood at the period's end, with first and latest ratings. */
  goals: Review['goals'];
  functionScore: FunctionScore;
  sessions: number;
  /** F1, C1: the days of the period with a flare (flareDays): one day's flare sessions are one flare. */
  flareDays: number;
  /** E2 adherence over the period's whole weeks that are over (each at most 100%), whole percent; null without a plan. */
  adherencePct: number | null;
  /** How many of the period's weeks are whole and over: none means no adherence yet, plan or not. */
  weeksOver: number;
  /** B3: the person's boom-bust cycles of the period, each as the day of its first boom, oldest first. */
  boomBustDates: IsoDate[];
  /** C3: null unless asked for. */
  notes: ReportNote[] | null;
}

export function clinicReport(input: ReportInput): ClinicReport {
  const { from, to } = input.period;
  // A period that ends today (now) counts the sessions of the rest of today's week, dated after
  // today where the day went back, as status and export --weekly count them (sessionsThrough);
  // one that ended earlier reads them as export --weekly --to does (asOf).
  const { now, day: end, through } = asOf(input.today, to);
  const within = (d: IsoDate) => d >= from && d <= to;
  const sessions = input.sessions.filter((s) => s.date <= through);
  const inPeriod = sessions.filter((s) => s.date >= from);
  const checkins = input.checkins.filter((c) => c.date <= to);
  const goals = goalsAt(input.goals, to);
  const pegScores = new Map(checkins.map((c) => [c.weekStart, pegScore(c)]));
  // E2's rows from the journal's first week: the review needs program weeks 1-2 (R1).
  // The period ends today at the latest (reportPeriod); before today for an earlier --to.
  // T2/T3: a period that ends today is now: a sign dated after today (the day went back) pauses
  // the plan here as in status, plan and the exports. An earlier period's end reads the records
  // as they stood that day.
  const all = weeklyRecord({ ...input, sessions, today: end, to, pegScores, clockToday: now });
  const rows = all.rows.filter((r) => r.week_start >= mondayOf(from));
  const status = statusOf({ ...input, sessions, today: to, clockToday: now });
  const review = reviewOf({ today: to, rows: all.rows, cycles: all.cycles, sessions, goals, checkins, settings: input.settings });
  const unit = chartUnit(rows);
  const triage = input.triageRecords.filter((r) => within(r.date) || (now && r.date > to));
  // C1, R1: adherence counts only weeks of the period that are over, as the review counts them.
  const over = { from, to: end };
  // B3: the person's cycles, as status and the review count them, whole weeks as the rows are.
  const cycleDates = personCycleDates(all.cycles, mondayOf(from), to);

  return {
    madeOn: input.today,
    period: input.period,
    programWeek: status.programWeek,
    phase: status.phase,
    programStart: status.programStart,
    beforeProgram: status.beforeProgram,
    mode: status.mode,
    modes: modesOver(weeksOf(input.period), weeklyModes(input.settings, input.today, programOrigin(input.settings, sessions))),
    hold: status.hold,
    recorded: inPeriod.length > 0 || triage.length > 0 || checkins.some((c) => within(c.date)) || goals.some((g) => g.ratings.some((r) => within(r.date))),
    review,
    unit,
    // P3, E2: each week whole, a first week cut by a mid-week --from included, as its bars, the
    // weekly export's row and status's pain trend have it.
    weeks: reportWeeks({ mondays: weeksOf(input.period), to, rows, sessions: sessions.filter((s) => s.date >= mondayOf(from)), goals, checkins, unit }),
    events: events(inPeriod, triage),
    goals: review.goals.filter((g) => g.goal.status === 'open' || (g.goal.closedOn !== null && g.goal.closedOn >= from)),
    functionScore: functionScore(review.goals),
    sessions: inPeriod.length,
    flareDays: flareDays(inPeriod),
    adherencePct: roundOrNull(adherenceOver(rows, over)),
    weeksOver: weeksOf(input.period).filter((monday) => wholeWeekWithin(monday, over)).length,
    boomBustDates: cycleDates,
    notes: input.notes && inPeriod.flatMap((s) => {
      const text = input.notes?.get(s.id);
      return text === undefined ? [] : [{ date: s.date, activity: s.activity, text }];
    }),
  };
}

function events(sessions: ReportInput['sessions'], triage: readonly TriageRecord[]): ReportEvent[] {
  const out: ReportEvent[] = [];
  for (const s of sessions) if (isFlareSession(s)) out.push({ kind: 'flare', date: s.date, activity: s.activity, reasons: flareReasons(s) });
  for (const r of triage) {
    if (r.kind === 'cleared') out.push({ kind: 'cleared', date: r.date });
    else if (r.class === 'assess' || r.class === 'stop') out.push({ kind: r.class, date: r.date, symptoms: r.symptoms });
  }
  // Stable: a day's flare comes before its triage result, as it was logged.
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** S2: "reports say which mode was in force": every mode of the period, not only the last one. */
function modesOver(mondays: readonly IsoDate[], modeFor: (weekDay: number) => Mode): ClinicReport['modes'] {
  const out: ClinicReport['modes'] = [];
  for (const monday of mondays) {
    const mode = modeFor(weekDayOf(monday));
    if (out[out.length - 1]?.mode !== mode) out.push({ mode, from: monday });
  }
  return out;
}

const roundOrNull = (x: number | null) => (x === null ? null : Math.round(x));
