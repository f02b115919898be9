import { dateOf } from './days.js';
import type { Category, IsoDate } from '../types.js';
import type { ActivitySessions } from './history.js';
import { indexSessions, metaFor, weekDayOf } from './history.js';
import { holdsOn } from './holds.js';
import { indexAcceptances, indexOverrides } from './overrides.js';
import { phaseOf, programOrigin, programWeekAt } from './phases.js';
import type { ActivityTimeline } from './replay.js';
import { planAt, replayActivity } from './replay.js';
import { suggestionFor } from './suggestions.js';
import type { ActivityPlan, History, Hold, Mode, PlanInput, TriageRecord, WeekPlan } from './types.js';

export interface ReplayInput extends History {
  /** Any date in the last week to plan. */
  until: IsoDate;
  /** The hold for that last week; when left out it is taken from the records like any other week. */
  hold?: Hold | null;
  triageRecords?: readonly TriageRecord[];
  /** Sessions on or after this date are left out (Q9). */
  before?: IsoDate;
}

/** Every week's plan up to `until`, from one replay: what `plan`, `status` and the exports share. */
export interface PlanHistory {
  /** The mode of the last week planned; `modeFor` gives any week's (S2). */
  mode: Mode;
  modeFor(weekDay: number): Mode;
  /** Day number of the Monday of program week 1, or null with no start date and no session. */
  origin: number | null;
  timelines: ActivityTimeline[];
  sessions: Map<string, ActivitySessions>;
  holdFor(weekDay: number): Hold | null;
  weekPlan(weekStart: IsoDate): WeekPlan;
  activityPlan(activity: string, weekStart: IsoDate): ActivityPlan | null;
  quotaFor(activity: string, weekStart: IsoDate): number | null;
}

/** S1/S2: envelope mode when the safety question was answered yes; graded otherwise. */
export function modeOf(pem: boolean | null): Mode {
  return pem === true ? 'envelope' : 'graded';
}

/**
 * S2: the mode in force in each week. The last week planned follows the current answer; earlier
 * weeks follow the answer given by the day before their Monday (graded before any answer).
 */
function weeklyModes(settings: ReplayInput['settings'], untilWeek: number): (weekDay: number) => Mode {
  const current = modeOf(settings.pem);
  const answers = settings.pemAnswers;
  if (answers === undefined || answers.length === 0) return () => current;
  return (week) => {
    if (week >= untilWeek) return current;
    const dayBefore = dateOf(week - 1);
    let pem: boolean | null = null;
    for (const a of answers) if (a.since <= dayBefore) pem = a.pem;
    return modeOf(pem);
  };
}

export function planHistory(input: ReplayInput): PlanHistory {
  const untilWeek = weekDayOf(input.until);
  const modeFor = weeklyModes(input.settings, untilWeek);
  const mode = modeFor(untilWeek);
  const kept = input.before === undefined ? input.sessions : input.sessions.filter((s) => s.date < (input.before as IsoDate));
  const sessions = indexSessions(kept, input.activities, null);
  const origin = programOrigin(input.settings, kept);
  const overrides = indexOverrides(input.overrides);
  const acceptances = indexAcceptances(input.acceptances);

  // An activity enters the plan the week after its first session, or when an override names it.
  const starts = new Map<string, number>();
  for (const a of sessions.values()) starts.set(a.activity, a.firstWeek + 7);
  for (const name of overrides.activities()) {
    const w = overrides.firstWeek(name);
    if (w !== null && w <= untilWeek) starts.set(name, Math.min(starts.get(name) ?? w, w));
  }
  const earliest = Math.min(untilWeek, ...starts.values());

  const holdFor = weeklyHolds(input, earliest, untilWeek);
  const ctx = {
    modeFor,
    targetMinutes: input.settings.targetMinutes,
    overrides,
    acceptances,
    holdFor,
    programWeekFor: (w: number) => programWeekAt(origin, w),
  };
  const timelines: ActivityTimeline[] = [];
  for (const name of [...starts.keys()].sort()) {
    const start = starts.get(name) as number;
    if (start > untilWeek) continue;
    const own = sessions.get(name);
    const meta = own ?? metaFor(name, input.activities);
    timelines.push(replayActivity(meta, own?.byWeek ?? new Map(), own?.firstWeek ?? null, start, untilWeek, ctx));
  }
  const byName = new Map(timelines.map((t) => [t.activity, t]));

  const activityPlan = (activity: string, weekStart: IsoDate): ActivityPlan | null => {
    const t = byName.get(activity);
    return t ? planAt(t, weekDayOf(weekStart)) : null;
  };

  const weekPlan = (weekStart: IsoDate): WeekPlan => {
    const week = weekDayOf(weekStart);
    const n = programWeekAt(origin, week);
    const phase = phaseOf(n);
    const hold = week <= untilWeek ? holdFor(week) : null;
    const activities = timelines.map((t) => planAt(t, week)).filter((p): p is ActivityPlan => p !== null);
    const categories = new Set<Category>();
    for (const a of sessions.values()) if (a.firstWeek < week) categories.add(a.category);
    return {
      weekStart: dateOf(week),
      programWeek: n,
      phase,
      mode: modeFor(week),
      paused: hold?.kind === 'stop',
      hold,
      activities,
      suggestion: suggestionFor(phase, categories, hold),
    };
  };

  return {
    mode,
    modeFor,
    origin,
    timelines,
    sessions,
    holdFor,
    weekPlan,
    activityPlan,
    quotaFor: (activity, weekStart) => activityPlan(activity, weekStart)?.quota ?? null,
  };
}

/** The hold in force for each week: the records up to the day before its Monday, or the given hold. */
function weeklyHolds(input: ReplayInput, firstWeek: number, untilWeek: number): (weekDay: number) => Hold | null {
  const records = input.triageRecords ?? [];
  const dates: IsoDate[] = [];
  if (records.length > 0) for (let w = firstWeek; w <= untilWeek; w += 7) dates.push(dateOf(w - 1));
  const holds = holdsOn(records, dates);
  return (week) => {
    if (week === untilWeek && input.hold !== undefined) return input.hold;
    return holds[(week - firstWeek) / 7] ?? null;
  };
}

/**
 * The plan for the week that starts on (or holds) `weekStart`. Q9: only sessions before that Monday
 * count; the hold given is the one for this week, and `triageRecords` replay the holds of past weeks.
 */
export function planWeek(input: PlanInput): WeekPlan {
  const monday = dateOf(weekDayOf(input.weekStart));
  const history = planHistory({ ...input, until: monday, before: monday });
  return history.weekPlan(monday);
}
