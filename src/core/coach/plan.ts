import { countThrough, fromDayNumber } from '../dates.js';
import { DEFAULT_TARGET_MINUTES, type Category, type IsoDate, type Session } from '../types.js';
import type { ActivitySessions } from './history.js';
import { indexSessions, metaFor, weekDayOf, type ActivityMeta } from './history.js';
import { acceptedOutsideHolds, indexAcceptances, indexOverrides, markSetUnderHolds } from './overrides.js';
import { phaseOf, programFirstDay, programOrigin, programStanding, programWeekAt } from './phases.js';
import { CheckpointMismatch, checkpointAt, emptyStart, startFrom, type Checkpoint, type ReplayStart } from './checkpoint.js';
import type { ActivityTimeline, ReplayState } from './replay.js';
import { activityReplay, planAt, type ActivityReplay } from './replay.js';
import { offerWithdrawn, pausedPlan } from './weekPlans.js';
import { weekHolds, type WeekHolds } from './weekHolds.js';
import { suggestionFor } from './suggestions.js';
import type { ActivityPlan, History, Hold, Mode, PlanInput, ProgramStanding, Reason, TriageRecord, WeekPlan } from './types.js';

export interface ReplayInput extends History {
  /** Any date in the last week to plan. */
  until: IsoDate;
  triageRecords: readonly TriageRecord[];
  /** Sessions on or after this date are left out (Q9). */
  before?: IsoDate;
  /**
   * Where the replay begins: `emptyStart()` (the default) or `startFrom(checkpoint)`. `sessions`
   * need only hold those from its `readsFrom` on; earlier ones are ignored.
   */
  start?: ReplayStart;
  /** A Monday from the start's week to `until`: the replay keeps its state there for `checkpointAt`. */
  captureAt?: IsoDate;
  /**
   * Today (T2/T3): the weeks from today's on show the hold open today, while every week's quota
   * is decided with the holds as they stood the day before its Monday.
   */
  today: IsoDate;
  /**
   * `today` is the clock's day, not a day asked about (a report's last day): a triage record dated
   * after it means the day went back, and counts as now (T2/T3, \`holdNow\`).
   */
  clockToday?: boolean;
}

/** Every week's plan up to `until`, from one replay: what `plan`, `status` and the exports share. */
export interface PlanHistory {
  /** The mode in force in any week (S2). */
  modeFor(weekDay: number): Mode;
  /** The weekly aim in force in any week (Q6). */
  aimFor(weekDay: number): number;
  /** Day number of the Monday of program week 1, or null with no start date and no session. */
  origin: number | null;
  /** P: where a week stands against the program's first day, from every session given (not Q9's). */
  standing(weekDay: number): ProgramStanding;
  /** Where the replay began. */
  start: ReplayStart;
  /** The sessions the replay read: before `before`, from the start's `readsFrom` on. */
  read: Session[];
  /** Day number of the Monday of an activity's first session, as far as the replay knows it. */
  firstWeek(activity: string): number | null;
  /** Day number of the Monday whose state the replay kept (`captureAt`), or null. */
  capturedAt: number | null;
  timelines: ActivityTimeline[];
  sessions: Map<string, ActivitySessions>;
  holds: WeekHolds;
  weekPlan(weekStart: IsoDate): WeekPlan;
  activityPlan(activity: string, weekStart: IsoDate): ActivityPlan | null;
  quotaFor(activity: string, weekStart: IsoDate): number | null;
}

/** S1/S2: envelope mode when the safety question was answered yes; graded otherwise. */
export function modeOf(pem: boolean | null): Mode {
  return pem === true ? 'envelope' : 'graded';
}

/**
 * The value in force in each week, from dated entries oldest first: the last one given by the day
 * before its Monday (`none` before any). So a change made mid-week leaves that week as it was
 * planned and applies from the next Monday, and every view of a week agrees. Weeks that start
 * after today follow `current`, whatever day it carries; without entries, `current` holds in
 * every week. S2's safety answer and Q6's weekly aim both work this way.
 */
function weeklyValues<E extends { since: IsoDate }, T>(entries: readonly E[] | undefined, valueOf: (e: E) => T, current: T, none: T, today: IsoDate): (weekDay: number) => T {
  if (entries === undefined || entries.length === 0) return () => current;
  const future = weekDayOf(today) + 7;
  return (week) => {
    if (week >= future) return current;
    const given = countThrough(entries, (e) => e.since, fromDayNumber(week - 1));
    return given === 0 ? none : valueOf(entries[given - 1] as E);
  };
}

/**
 * S2: the mode in force in each week (graded before any answer). S1: a first answer given by the
 * end of program week 1 (`origin`, its Monday; null before any session or start date) is the mode
 * of week 1 too: the question comes on first use, and week 1 has no quota to keep (P1, Q1), so
 * "graded" there named a mode the person never chose.
 */
export function weeklyModes(settings: ReplayInput['settings'], today: IsoDate, origin: number | null): (weekDay: number) => Mode {
  const first = settings.pemAnswers?.[0];
  const fromWeekOne = first !== undefined && (origin === null || weekDayOf(first.since) < origin + 7);
  const pem = weeklyValues(settings.pemAnswers, (a): boolean | null => a.pem, settings.pem, fromWeekOne ? first.pem : null, today);
  return (week) => modeOf(pem(week));
}

/**
 * S2: the Monday from which the safety answer given last shapes the plan, or null when this
 * week's mode is already its mode (a first answer in week 1, say). `init` names that Monday
 * whenever it shows the answer, on the day it changed or later that week, as it names the one a
 * new aim starts from (`aimFromMonday`), since status shows this week's mode meanwhile.
 */
export function modeFromMonday(settings: ReplayInput['settings'], today: IsoDate, firstSession: IsoDate | null): IsoDate | null {
  const start = programFirstDay(settings.startDate, firstSession);
  const thisWeek = weekDayOf(today);
  const inForce = weeklyModes(settings, today, start === null ? null : weekDayOf(start))(thisWeek);
  return inForce === modeOf(settings.pem) ? null : fromDayNumber(thisWeek + 7);
}

/**
 * Q6: the Monday from which the weekly aim set last shapes the plan, or null when it is this
 * week's aim already; as status's `aimFrom`, so that `init` and status name the same Monday.
 */
export function aimFromMonday(settings: ReplayInput['settings'], today: IsoDate): IsoDate | null {
  const thisWeek = weekDayOf(today);
  return weeklyAims(settings, today)(thisWeek) === settings.targetMinutes ? null : fromDayNumber(thisWeek + 7);
}

/** G1/Q6: the weekly aim in force in each week (the default before any was set). */
function weeklyAims(settings: ReplayInput['settings'], today: IsoDate): (weekDay: number) => number {
  return weeklyValues(settings.aims, (a) => a.minutes, settings.targetMinutes, DEFAULT_TARGET_MINUTES, today);
}

export function planHistory(input: ReplayInput): PlanHistory {
  const untilWeek = weekDayOf(input.until);
  const aimFor = weeklyAims(input.settings, input.today);
  const start = input.start ?? emptyStart();
  const from = start.week;
  if (from > untilWeek) throw new CheckpointMismatch(`it starts at ${fromDayNumber(from)}, after the week asked for`);
  const read = input.sessions.filter((s) => (input.before === undefined || s.date < input.before) && (start.readsFrom === null || s.date >= start.readsFrom));
  const sessions = indexSessions(read, input.activities);
  const saved = start.activities;
  // A start knows an activity's first week and kind once it had a session before the start's
  // week; one planned by hand until then takes them from its later sessions.
  const firstWeekOf = (name: string): number | null => {
    const a = saved.get(name);
    if (a && a.firstWeek !== null) return weekDayOf(a.firstWeek);
    return sessions.get(name)?.firstWeek ?? null;
  };
  const metaOf = (name: string): ActivityMeta => {
    const a = saved.get(name);
    if (a && a.firstWeek !== null) return a;
    return sessions.get(name) ?? metaFor(name, input.activities);
  };
  const origin = minOrigin(programOrigin(input.settings, read), start.firstSession === null ? null : weekDayOf(start.firstSession));
  const modeFor = weeklyModes(input.settings, input.today, origin);
  // P: the program's first day from every session given, those after \`before\` too: a week's plan
  // reads only the history before it (Q9), but whether the program had started by then is the
  // journal's, so that a week before week 1 is not called week 1 (\`standing\`, kept out of the plan).
  let firstSession = start.firstSession;
  for (const s of input.sessions) if (firstSession === null || s.date < firstSession) firstSession = s.date;
  const programStart = programFirstDay(input.settings.startDate, firstSession);
  // Q7/T2: an override set while a hold or pause was open may only lower the plan, whichever
  // path brought it in (plan refuses a raise then; a backup may still carry one).
  const overrides = indexOverrides(markSetUnderHolds(input.overrides, input.triageRecords));
  // T2/S2: an acceptance given while a hold or pause was open raises nothing, whichever path
  // brought it in (plan refuses it; a backup may still carry one).
  const acceptances = indexAcceptances(acceptedOutsideHolds(input.acceptances, input.triageRecords));

  // An activity enters the plan the week after its first session, or when an override names it;
  // those of the start carry on from its week.
  const starts = new Map<string, number>();
  for (const a of sessions.values()) if (!saved.has(a.activity)) starts.set(a.activity, a.firstWeek + 7);
  for (const name of overrides.activities()) {
    if (saved.has(name)) continue;
    const w = overrides.firstWeek(name);
    if (w !== null && w <= untilWeek) starts.set(name, Math.min(starts.get(name) ?? w, w));
  }
  for (const [name, first] of starts) if (first < from) throw new CheckpointMismatch(`${name} started before it and is not in it`);
  for (const name of saved.keys()) starts.set(name, from);
  const earliest = Math.min(untilWeek, ...starts.values());

  const captureAt = input.captureAt === undefined ? undefined : weekDayOf(input.captureAt);
  if (captureAt !== undefined && (captureAt < from || captureAt > untilWeek)) throw new Error('planHistory: captureAt must lie between the start and until');

  const holds = weekHolds(input, earliest, untilWeek);
  const ctx = {
    modeFor,
    targetFor: aimFor,
    overrides,
    acceptances,
    holdFor: holds.decision,
    pausedOn: holds.pausedOn,
    programWeekFor: (w: number) => programWeekAt(origin, w),
  };
  const replays: ActivityReplay[] = [];
  for (const name of [...starts.keys()].sort()) {
    const first = starts.get(name) as number;
    if (first > untilWeek) continue;
    const state: ReplayState | undefined = saved.get(name)?.state;
    replays.push(activityReplay(metaOf(name), sessions.get(name)?.byWeek ?? new Map(), firstWeekOf(name), first, ctx, { state, captureAt }));
  }
  // Week by week, every activity side by side: Q6's weekly aim is shared by all aerobic activities,
  // each judged against the others' minutes of the week before (so the order of names never matters).
  for (let week = earliest; week <= untilWeek; week += 7) {
    // Before its first week a replay has planned nothing (or carries on from its start's last week).
    let aerobic = 0;
    for (const r of replays) aerobic += r.aerobicMinutes();
    for (const r of replays) if (r.startWeek <= week) r.step(week, aerobic - r.aerobicMinutes());
  }
  const timelines: ActivityTimeline[] = replays.map((r) => r.timeline());
  const byName = new Map(timelines.map((t) => [t.activity, t]));

  const activityPlan = (activity: string, weekStart: IsoDate): ActivityPlan | null => {
    const week = weekDayOf(weekStart);
    if (week < from) throw new CheckpointMismatch(`${weekStart} is before the week it resumed from`);
    const t = byName.get(activity);
    const p = t ? planAt(t, week) : null;
    return p === null ? null : shown(p, week);
  };

  /** T2/T3: the week's plan as shown: paused from the day of a pause; after a clearance, as planned. */
  const shown = (p: ActivityPlan, week: number): ActivityPlan => {
    if (holds.paused(week)) return pausedPlan(p, (holds.view(week) ?? holds.decision(week)) as Hold);
    const hold = holds.view(week);
    if (hold !== null && p.offer !== null) return offerWithdrawn(p, hold);
    const cleared = holds.clearedIn(week);
    if (cleared !== null && p.reason.rule === 'T2') return { ...p, reason: { ...p.reason, clearedOn: cleared } };
    // A quota set by hand, a baseline, a return after a break, a step down and a drop-back say
    // "no increases" while a hold is open (one opened this week included), and stop once cleared.
    const r = p.reason;
    if (!canSayHeld(r)) return p;
    if (r.underHold && hold === null) {
      const { underHold: _, ...reason } = r;
      return { ...p, reason };
    }
    if (!r.underHold && hold !== null) return { ...p, reason: { ...r, underHold: true } };
    return p;
  };

  const weekPlan = (weekStart: IsoDate): WeekPlan => {
    const week = weekDayOf(weekStart);
    if (week < from) throw new CheckpointMismatch(`${weekStart} is before the week it resumed from`);
    const n = programWeekAt(origin, week);
    const phase = phaseOf(n);
    const hold = week <= untilWeek ? holds.view(week) : null;
    const activities: ActivityPlan[] = [];
    for (const t of timelines) {
      const p = planAt(t, week);
      if (p !== null) activities.push(shown(p, week));
    }
    const categories = new Set<Category>();
    for (const name of new Set([...sessions.keys(), ...saved.keys()])) {
      const first = firstWeekOf(name);
      if (first !== null && first < week) categories.add(metaOf(name).category);
    }
    return {
      weekStart: fromDayNumber(week),
      programWeek: n,
      phase,
      mode: modeFor(week),
      paused: week <= untilWeek && holds.paused(week),
      hold,
      activities,
      suggestion: suggestionFor(phase, categories, hold),
    };
  };

  return {
    modeFor,
    aimFor,
    origin,
    standing: (week) => programStanding(programStart, week),
    start,
    read,
    firstWeek: firstWeekOf,
    capturedAt: captureAt ?? null,
    timelines,
    sessions,
    holds,
    weekPlan,
    activityPlan,
    quotaFor: (activity, weekStart) => activityPlan(activity, weekStart)?.quota ?? null,
  };
}

function minOrigin(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * The plan for the week that starts on (or holds) `weekStart`. Q9: only sessions before that Monday
 * count; every week's quota is decided with the holds replayed from `triageRecords` as they stood
 * the day before its Monday (weekHolds), and a week from today's on shows today's hold (T2/T3).
 * Resumed from a checkpoint when given, with the one at `captureAt` when asked for.
 */
export function planAndCheckpoint(input: PlanInput & Pick<ReplayInput, 'captureAt' | 'today' | 'clockToday'> & { checkpoint?: Checkpoint | null }): {
  plan: WeekPlan;
  /** P: the week against the program's start, from every session given (the plan is Q9's alone). */
  standing: ProgramStanding;
  checkpoint: Checkpoint | null;
  /** T3: whether the plan was paused at the end of a day, for `countsForWeek`. */
  pausedOn: (date: IsoDate) => boolean;
} {
  const monday = fromDayNumber(weekDayOf(input.weekStart));
  const history = planHistory({ ...input, until: monday, before: monday, start: startFrom(input.checkpoint) });
  const checkpoint = input.captureAt === undefined ? null : checkpointAt(history, input.captureAt, input.activities);
  return { plan: history.weekPlan(monday), standing: history.standing(weekDayOf(monday)), checkpoint, pausedOn: history.holds.pausedOn };
}

/** T2: the reasons whose words promise growth, and that say "no increases" instead under a hold. */
type HeldReason = Extract<Reason, { rule: 'Q1' | 'Q5' | 'Q7' }> | Extract<Reason, { rule: 'Q10'; kind: 'step' }> | Extract<Reason, { rule: 'Q4'; kind: 'step-down' }>;

function canSayHeld(r: Reason): r is HeldReason {
  return r.rule === 'Q1' || r.rule === 'Q5' || r.rule === 'Q7' || (r.rule === 'Q10' && r.kind === 'step') || (r.rule === 'Q4' && 'kind' in r);
}
