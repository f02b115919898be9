import { addDays, fromDayNumber, mondayOf } from '../dates.js';
import { twoDecimals } from '../numbers.js';
import type { Category, IsoDate, Unit } from '../types.js';
import { countsTowardAim } from '../types.js';
import { meanOf } from './amounts.js';
import type { Acwr } from './acwr.js';
import { checkpointAt, startFrom, type Checkpoint } from './checkpoint.js';
import { acwr } from './acwr.js';
import type { BoomBust } from './boombust.js';
import { alertWindowFrom, boomBust, lookbackFrom } from './boombust.js';
import { weekDayOf } from './history.js';
import { planHistory } from './plan.js';
import { plannedDayReader } from './plannedDays.js';
import { flareOfDay } from '../sessionResponse.js';
import { countsForWeek } from './progression.js';
import type { ActivityPlan, Change, History, ProgramStanding, TriageRecord, WeekPlan } from './types.js';

/** B4: changes by which a week's plan asks for less than before (Q10, Q5, Q4). */
const EASING: ReadonlySet<Change> = new Set(['return', 'drop-back', 'step-down']);

/** Weeks of pain and minutes the status view shows as trends (P3: pain should trend down slowly). */
export const PAIN_TREND_WEEKS = 8;

export interface StatusInput extends History {
  today: IsoDate;
  /**
   * `today` is the clock's day, not a day asked about (a report's last day): a triage record dated
   * after it means the day went back, and counts as now (T2/T3, \`holdNow\`).
   */
  clockToday?: boolean;
  triageRecords: readonly TriageRecord[];
  /**
   * Resume the replay from this checkpoint. Its week must be two weeks before this one or earlier
   * (B3 judges the last 14 days against their weeks' quotas), and `sessions` must then hold at
   * least those from the earlier of `checkpointReadsFrom` and `statusReadsFrom` on.
   */
  checkpoint?: Checkpoint | null;
  /** A Monday at or before this week's: the replay's checkpoint there comes back with the status. */
  captureAt?: IsoDate;
}

export interface ActivityWeek {
  activity: string;
  unit: Unit;
  category: Category;
  /** This week's plan; null for an activity first done this week. */
  plan: ActivityPlan | null;
  /** Q3: sessions so far this week at 90% of the quota or more (all of them without a quota). */
  sessionsDone: number;
  doseDone: number;
}

export interface PainWeek {
  weekStart: IsoDate;
  sessions: number;
  meanPainBefore: number | null;
  meanPainAfter: number | null;
}

/** This week's plan as `planAndCheckpoint` gives it, with what was done so far in place of the quotas alone. */
export interface Status extends Omit<WeekPlan, 'activities'>, ProgramStanding {
  today: IsoDate;
  activities: ActivityWeek[];
  /** G3: aerobic minutes so far this week, toward the weekly aim. */
  weeklyMinutes: number;
  /** G1: the current weekly aim, the one a person just set included. */
  targetMinutes: number;
  /** Q6: the Monday a new aim starts to shape the plan, while this week keeps the one before; else null. */
  aimFrom: IsoDate | null;
  boomBust: BoomBust;
  acwr: Acwr | null;
  painTrend: PainWeek[];
}

/** The Monday the trends start on: `PAIN_TREND_WEEKS` weeks ending with the week of `today`. */
function trendFrom(today: IsoDate): IsoDate {
  return addDays(mondayOf(today), -7 * (PAIN_TREND_WEEKS - 1));
}

/**
 * The first day of sessions `statusOf` (and the minutes trend beside it) reads, besides those a
 * checkpoint's replay needs: the trends' first week, or B3's window and the days its booms are
 * compared with (B1), whichever is earlier.
 */
export function statusReadsFrom(today: IsoDate): IsoDate {
  const trends = trendFrom(today);
  const booms = lookbackFrom(alertWindowFrom(today));
  return trends < booms ? trends : booms;
}

/** The first week whose plan `status` looks at: B3 judges the last 14 days against their own weeks' quotas. */
export function statusPlansFrom(today: IsoDate): IsoDate {
  return addDays(mondayOf(today), -14);
}

/**
 * The last day whose sessions count in today's week. On the clock's day, the whole week: a
 * session dated after today there was done all the same, where the day has gone back (a journal
 * carried west over the date line), and the plan, the weekly export and the review count it in
 * its week. A day asked about (a report's end before today) reads the sessions up to it.
 */
export function sessionsThrough(today: IsoDate, clockToday: boolean): IsoDate {
  return clockToday ? addDays(mondayOf(today), 6) : today;
}

/** The journal as a view that ends on `to` reads it (`asOf`). */
export interface AsOf {
  /** The view ends today (or later): it is now, and reads today's whole week (sessionsThrough). */
  now: boolean;
  /** The day the view stands on: today, or its earlier end. */
  day: IsoDate;
  /** The last day whose sessions count. */
  through: IsoDate;
}

/**
 * C2, E2: a report or a weekly export whose last day is before today reads the journal as it
 * stood at the end of that day: its sessions through it and the plan of that day. One rule, so
 * that `report --to` and `export --weekly --to` give the week of a Tuesday the same figures.
 */
export function asOf(today: IsoDate, to: IsoDate | undefined): AsOf {
  const now = to === undefined || to >= today;
  const day = now ? today : to;
  return { now, day, through: sessionsThrough(day, now) };
}

/** Where the person stands today: this week's plan against what was done, and the warning signs. */
export function statusOf(input: StatusInput): Status {
  return statusAndCheckpoint(input).status;
}

/**
 * `statusOf`, with the replay's checkpoint at `captureAt` when one was asked for, and the days the
 * plan was paused (T3), which today's sessions count by as this week's table does.
 */
export function statusAndCheckpoint(input: StatusInput): { status: Status; checkpoint: Checkpoint | null; pausedOn: (date: IsoDate) => boolean } {
  const { today } = input;
  const weekStart = mondayOf(today);
  const history = planHistory({ ...input, until: weekStart, before: weekStart, today, start: startFrom(input.checkpoint) });
  const plan = history.weekPlan(weekStart);
  const hold = plan.hold;

  const week = new Map<string, ActivityWeek>();
  for (const p of plan.activities) week.set(p.activity, { activity: p.activity, unit: p.unit, category: p.category, plan: p, sessionsDone: 0, doseDone: 0 });
  let weeklyMinutes = 0;
  const trendStart = trendFrom(today);
  // The sessions of this week (its table, its minutes) and of the trend, through the same day.
  const through = sessionsThrough(today, input.clockToday === true);
  const pain = new Map<number, { before: (number | null)[]; after: (number | null)[] }>();
  for (const s of input.sessions) {
    if (s.date > through || s.date < trendStart) continue;
    const w = weekDayOf(s.date);
    const p = pain.get(w) ?? { before: [], after: [] };
    p.before.push(s.painBefore);
    p.after.push(s.painAfter);
    pain.set(w, p);
    if (s.date < weekStart) continue;
    let entry = week.get(s.activity);
    if (!entry) week.set(s.activity, (entry = { activity: s.activity, unit: s.unit, category: s.category, plan: null, sessionsDone: 0, doseDone: 0 }));
    const quota = entry.plan?.quota ?? null;
    // T3: a session on a day the plan was paused does not count toward the week.
    if (countsForWeek(s, quota, history.holds.pausedOn)) entry.sessionsDone += 1;
    entry.doseDone = twoDecimals(entry.doseDone + s.dose);
    if (countsTowardAim(s)) weeklyMinutes += s.dose;
  }

  const painTrend: PainWeek[] = [];
  for (let i = 0; i < PAIN_TREND_WEEKS; i++) {
    const w = weekDayOf(trendStart) + 7 * i;
    const p = pain.get(w);
    painTrend.push({ weekStart: fromDayNumber(w), sessions: p?.before.length ?? 0, meanPainBefore: p ? meanOf(p.before) : null, meanPainAfter: p ? meanOf(p.after) : null });
  }

  // B4: under-doing only matters while the plan is meant to be growing; in envelope mode (S2) it
  // never grows on its own, and "below your usual load" would push someone with PEM to do more.
  // Nor in a week whose plan asks for less (back after a break, after a flare, too much for now):
  // a low ratio then is the plan followed, and the words would invite the boom Q10 warns of.
  // Nor on a flare day (F3), while status eases today's sessions to the bad-day dose: "do less
  // rather than nothing" and "below your usual load" in one view pulled two ways.
  const progressing = plan.mode === 'graded' && !plan.paused && hold === null && plan.phase >= 2
    && plan.activities.some((p) => p.change !== 'baseline' && p.change !== 'maintain')
    && !plan.activities.some((p) => EASING.has(p.change))
    && flareOfDay(input.sessions, today, [], false) === null;
  const status: Status = {
    today,
    weekStart,
    programWeek: plan.programWeek,
    phase: plan.phase,
    ...history.standing(weekDayOf(weekStart)),
    mode: plan.mode,
    paused: plan.paused,
    hold,
    activities: [...week.values()].sort((a, b) => (a.activity < b.activity ? -1 : 1)),
    suggestion: plan.suggestion,
    weeklyMinutes: twoDecimals(weeklyMinutes),
    targetMinutes: input.settings.targetMinutes,
    aimFrom: history.aimFor(weekDayOf(weekStart)) === input.settings.targetMinutes ? null : addDays(weekStart, 7),
    boomBust: boomBust({ sessions: input.sessions, today, quotaFor: history.quotaFor, from: alertWindowFrom(today) , isPlannedDay: plannedDayReader(history, input.schedules) }),
    acwr: acwr(input.sessions, today, progressing, history.start.acwr),
    painTrend,
  };
  const checkpoint = input.captureAt === undefined ? null : checkpointAt(history, input.captureAt, input.activities);
  return { status, checkpoint, pausedOn: history.holds.pausedOn };
}
