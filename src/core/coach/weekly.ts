import { addDays, fromDayNumber, mondayOf } from '../dates.js';
import { oneDecimal, twoDecimals } from '../numbers.js';
import { higherClass, highestClass } from '../symptoms.js';
import type { IsoDate, Session, TriageClass, Unit } from '../types.js';
import { meanOf } from './amounts.js';
import { boomBust, type BoomBustCycle } from './boombust.js';
import { isFlareSession } from './flares.js';
import { weekDayOf } from './history.js';
import { phaseOf, programWeekAt } from './phases.js';
import { planHistory } from './plan.js';
import { plannedDayReader } from './plannedDays.js';
import { countsForWeek } from './progression.js';
import type { History, Mode, Phase, TriageRecord } from './types.js';

/** E2 and cli.md: the weekly export's columns, in order. */
export const WEEKLY_COLUMNS = [
  'week_start', 'program_week', 'phase', 'mode', 'activity', 'unit', 'quota', 'sessions_planned', 'sessions_done',
  'adherence_pct', 'total_dose', 'mean_pain_before', 'mean_pain_after', 'flares', 'boom_bust_cycles', 'triage', 'peg',
] as const;

/** E2: what a row says of its week as a whole, whatever was done in it. */
interface WeekCells {
  week_start: IsoDate;
  program_week: number;
  phase: Phase;
  mode: Mode;
  triage: TriageClass | null;
  /** E2, W2: that week's PEG score (one decimal); null when there was no check-in. */
  peg: number | null;
}

/** E2: one week of one activity. Not recorded is null, never 0. */
export interface ActivityWeekRow extends WeekCells {
  activity: string;
  unit: Unit;
  /** The week's planned quota; null before the activity had a plan, or while paused (T3). */
  quota: number | null;
  sessions_planned: number | null;
  /** Q3: sessions at 90% of the quota or more; every session when there was no quota. */
  sessions_done: number;
  /** Null without a plan, and for a week not over by `today` (its sessions are not all due). */
  adherence_pct: number | null;
  total_dose: number;
  mean_pain_before: number | null;
  mean_pain_after: number | null;
  flares: number;
  boom_bust_cycles: number;
}

/**
 * E2, W2: a week with a check-in but no activity planned or done (before the first session, say)
 * still has its PEG score: one row with the week's cells and every activity's cell empty.
 */
export interface CheckinWeekRow extends Omit<WeekCells, 'program_week' | 'phase'> {
  /** Null for a week before the program began (a check-in before the first session). */
  program_week: number | null;
  phase: Phase | null;
  activity: null;
  unit: null;
  quota: null;
  sessions_planned: null;
  sessions_done: null;
  adherence_pct: null;
  total_dose: null;
  mean_pain_before: null;
  mean_pain_after: null;
  flares: null;
  boom_bust_cycles: null;
}

export type WeeklyRow = ActivityWeekRow | CheckinWeekRow;

/** The rows about an activity, which the review's and the report's figures add up. */
export const isActivityRow = (r: WeeklyRow): r is ActivityWeekRow => r.activity !== null;

export interface WeeklyInput extends History {
  triageRecords: readonly TriageRecord[];
  /** Weeks that hold `from` or start on or before `to` are kept. */
  from?: IsoDate;
  /** A `to` after today ends with today's week. */
  to?: IsoDate;
  /** Weeks run up to today's; B2 busts are judged as of today. */
  today: IsoDate;
  /**
   * `today` is the clock's day (export, review), not a day asked about (a report's last day): a
   * triage record dated after it counts as now (T2/T3, `holdNow`), as it does for plan and status.
   */
  clockToday?: boolean;
  /** W2: each week's PEG score, by its Monday. */
  pegScores?: ReadonlyMap<IsoDate, number>;
}

const peg = (score: number | undefined) => (score === undefined ? null : oneDecimal(score));

/**
 * E2's rows, and the cycles their `boom_bust_cycles` count (B2). A row counts its own activity's
 * cycles, so one bust after booms of two activities is 1 in each row; the person-level figures
 * (review, report) count `cycles` with `personCycles` (B3), as status does.
 */
export interface WeeklyRecord {
  rows: WeeklyRow[];
  /** Every cycle up to today, from the journal's first week, whatever `from` keeps of the rows. */
  cycles: BoomBustCycle[];
}

export function weeklyRows(input: WeeklyInput): WeeklyRow[] {
  return weeklyRecord(input).rows;
}

export function weeklyRecord(input: WeeklyInput): WeeklyRecord {
  const { today } = input;
  // C2, E2: rows as of a day asked about (report --to, export --weekly --to) know the triage
  // recorded by then; on the clock's day one dated after it counts, as now (holdNow).
  const records = input.clockToday === true ? input.triageRecords : input.triageRecords.filter((r) => r.date <= today);
  // W2, E2: a check-in or a triage record is a week's record too, with or without sessions.
  const ownWeeks = [...(input.pegScores?.keys() ?? []), ...records.filter((r) => r.class !== null).map((r) => mondayOf(r.date))].sort();
  if (input.sessions.length === 0 && ownWeeks.length === 0) return { rows: [], cycles: [] };
  // E2: rows end with today's week whatever `to` says: a week not lived yet is not a week missed.
  const until = input.to === undefined || input.to > today ? today : input.to;
  const history = planHistory({ ...input, until });
  const untilWeek = weekDayOf(until);
  const fromWeek = input.from === undefined ? -Infinity : weekDayOf(input.from);

  const { cycles } = boomBust({ sessions: input.sessions, today, quotaFor: history.quotaFor, isPlannedDay: plannedDayReader(history, input.schedules) });
  // E2: each activity's row counts its own cycles (B2), by the week of the boom.
  const rowCycles = new Map<string, number>();
  for (const c of cycles) {
    const key = `${weekDayOf(c.boomDate)}|${c.activity}`;
    rowCycles.set(key, (rowCycles.get(key) ?? 0) + 1);
  }
  const triageByWeek = new Map<number, TriageClass>();
  for (const r of records) {
    if (r.class === null) continue;
    const w = weekDayOf(r.date);
    const seen = triageByWeek.get(w);
    triageByWeek.set(w, seen === undefined ? r.class : higherClass(seen, r.class));
  }

  const names = [...new Set([...history.sessions.keys(), ...history.timelines.map((t) => t.activity)])].sort();
  let start = untilWeek;
  for (const a of history.sessions.values()) start = Math.min(start, a.firstWeek);
  for (const t of history.timelines) start = Math.min(start, t.startWeek);
  if (ownWeeks[0] !== undefined) start = Math.min(start, weekDayOf(ownWeeks[0]));

  const rows: WeeklyRow[] = [];
  for (let week = Math.max(start, fromWeek); week <= untilWeek; week += 7) {
    const n = programWeekAt(history.origin, week);
    // The week's own cells, in the columns' order (triage and peg close the row).
    const head = { week_start: fromDayNumber(week), program_week: n, phase: phaseOf(n), mode: history.modeFor(week) };
    const weekPeg = peg(input.pegScores?.get(fromDayNumber(week)));
    // E2, R1: a week's adherence is known once its Sunday has come (as wholeWeekWithin counts it);
    // before that its sessions are not all due, and nothing done yet is not 0%.
    const over = addDays(fromDayNumber(week), 6) <= today;
    const before = rows.length;
    for (const name of names) {
      const own = history.sessions.get(name);
      const plan = history.activityPlan(name, fromDayNumber(week));
      const sessions: readonly Session[] = own?.byWeek.get(week) ?? [];
      if (plan === null && sessions.length === 0) continue;
      const quota = plan?.quota ?? null;
      // T3: sessions on days the plan was paused do not count; after a clearance they do.
      const done = sessions.filter((s) => countsForWeek(s, quota, history.holds.pausedOn)).length;
      const planned = plan ? plan.sessionsPerWeek : null;
      const sessionClass = highestClass(sessions.flatMap((s) => s.symptoms));
      const recordClass = triageByWeek.get(week) ?? null;
      rows.push({
        ...head,
        activity: name,
        unit: plan?.unit ?? own?.unit ?? 'min',
        quota,
        sessions_planned: planned,
        sessions_done: done,
        adherence_pct: planned !== null && planned > 0 && over ? Math.round((done / planned) * 100) : null,
        total_dose: twoDecimals(sessions.reduce((sum, s) => sum + s.dose, 0)),
        mean_pain_before: meanOf(sessions.map((s) => s.painBefore)),
        mean_pain_after: meanOf(sessions.map((s) => s.painAfter)),
        flares: sessions.filter(isFlareSession).length,
        boom_bust_cycles: rowCycles.get(`${week}|${name}`) ?? 0,
        triage: sessionClass === null ? recordClass : recordClass === null ? sessionClass : higherClass(sessionClass, recordClass),
        peg: weekPeg,
      });
    }
    // W2, E2: no activity planned or done this week, but a check-in or a triage: its own row.
    if (rows.length === before && (weekPeg !== null || triageByWeek.has(week))) {
      // P: before the program's first week there is no program week, not a second week 1.
      const started = history.origin !== null && week >= history.origin;
      rows.push({
        ...head,
        program_week: started ? head.program_week : null,
        phase: started ? head.phase : null,
        activity: null, unit: null, quota: null, sessions_planned: null, sessions_done: null, adherence_pct: null,
        total_dose: null, mean_pain_before: null, mean_pain_after: null, flares: null, boom_bust_cycles: null,
        triage: triageByWeek.get(week) ?? null,
        peg: weekPeg,
      });
    }
  }
  return { rows, cycles };
}
