import type { Schedule } from '../days.js';
import type { Activity, Category, IsoDate, Session, Settings, TriageClass, Unit } from '../types.js';

/** Q7: a quota and/or sessions per week set by hand, in force from `weekStart` on. */
export interface Override {
  activity: string;
  weekStart: IsoDate;
  quota: number | null;
  sessionsPerWeek: number | null;
  setOn: IsoDate;
  /**
   * T2/Q7, derived when the plan is made, never stored: set while a hold or pause was open, so it
   * may only lower the plan, below the override it replaced for its week (`replaces`, as that one
   * is in force) or, without one, below the rules' level.
   */
  setUnderHold?: { replaces: Override | null };
}

/** S2: the person accepted an offered increase, in force from `weekStart` on. */
export interface Acceptance {
  activity: string;
  weekStart: IsoDate;
  quota: number;
  acceptedOn: IsoDate;
}

/** T2 (assess) or T3 (stop): an open triage hold. */
export interface Hold {
  kind: 'assess' | 'stop';
  since: IsoDate;
  symptoms: string[];
}

/** One triage result or clearance, as the journal stores it (`class` is null on a clearance). */
export interface TriageRecord {
  /**
   * The order it was stored in (the journal's row id). A clearance closes only what was stored
   * before it: a sign recorded after a clearance but dated before it (the day went back) stays
   * open. Records without one are taken to have been stored in date order.
   */
  id?: number;
  date: IsoDate;
  kind: 'triage' | 'cleared';
  class: TriageClass | null;
  symptoms: string[];
}

export type Mode = 'graded' | 'envelope';
export type Phase = 1 | 2 | 3 | 4;

export type Change = 'baseline' | 'increase' | 'hold' | 'drop-back' | 'step-down' | 'return' | 'maintain' | 'override' | 'offer' | 'paused';

/** Q8: why a number is what it is, as data; `describeReason` phrases it. */
export type Reason =
  /** `flareDate`: the baseline so far is held to the week before's lower plan after that flare (Q5). */
  | { rule: 'Q1'; quota: number | null; tolerated: number; weeks: number; sessionsNeeded: number; weeksNeeded: number; flareDate?: IsoDate; /** T2: planned under a hold, so it does not grow yet. */ underHold?: true }
  | { rule: 'Q2'; kind: 'after-baseline'; baseline: number; to: number; tolerated: number; weeks: number }
  | { rule: 'Q2'; kind: 'completed'; from: number; to: number; done: number; planned: number }
  | { rule: 'Q4'; quota: number; done: number; planned: number }
  /** Q4: three unfinished weeks in a row at one quota: one level down (at the baseline, it stays). */
  | { rule: 'Q4'; kind: 'step-down'; from: number; to: number; weeks: number; fromSessions: number; toSessions: number; /** T2: planned under a hold, so it does not grow yet. */ underHold?: true }
  /** Q10: back after `weeks` empty weeks: `to` is `weeks` levels below the last quota done (`from`). */
  | { rule: 'Q10'; kind: 'step'; activity: string; weeks: number; from: number; to: number; fromSessions: number; toSessions: number; atBaseline: boolean; /** T2: planned under a hold, so it does not grow yet. */ underHold?: true }
  /** Q10: six empty weeks or more: a new baseline, starting near half the last quota. */
  | { rule: 'Q10'; kind: 'rebaseline'; activity: string; weeks: number; last: number; quota: number; /** Held to the week before's lower plan rather than half the last. */ held: boolean }
  | {
      rule: 'Q5';
      from: number;
      to: number;
      fromSessions: number;
      toSessions: number;
      flareDate: IsoDate;
      atBaseline: boolean;
      /** T2: planned under a hold, so it stays there until the assessment, not for one week. */
      underHold?: true;
    }
  /** `afterBaseline`: the first week after a baseline already at the session ceiling (Q1), which grows by a session. */
  | { rule: 'Q6'; kind: 'sessions'; quota: number; from: number; to: number; done: number; planned: number; afterBaseline?: { tolerated: number; weeks: number } }
  /** `others`: the planned minutes of the other aerobic activities, which share the aim. */
  | { rule: 'Q6'; kind: 'target'; quota: number; sessions: number; weeklyMinutes: number; target: number; others: number }
  | { rule: 'Q6'; kind: 'ceiling'; quota: number; sessions: number }
  /** Strength in reps stops at its ceiling and maintains; a harder variation is the way on. */
  | { rule: 'Q6'; kind: 'reps'; quota: number; sessions: number }
  | { rule: 'Q7'; quota: number | null; sessionsPerWeek: number | null; setOn: IsoDate; /** T2: set under a hold, which the plan keeps. */ underHold?: true }
  | { rule: 'P1'; quota: number }
  /** `clearedOn`: the hold was cleared within the week, which keeps its planned quota (T2). */
  | { rule: 'T2'; quota: number; since: IsoDate; symptoms: string[]; clearedOn?: IsoDate }
  | { rule: 'T3'; since: IsoDate; symptoms: string[]; resumeQuota: number | null; resumeSessions: number }
  | { rule: 'S2'; kind: 'hold'; quota: number; weeks: number }
  | { rule: 'S2'; kind: 'offer'; quota: number; offer: number; weeks: number }
  | { rule: 'S2'; kind: 'accepted'; from: number; to: number; acceptedOn: IsoDate };

export interface ActivityPlan {
  activity: string;
  unit: Unit;
  category: Category;
  /** Null while paused (T3), or before an activity has any dose to go on. */
  quota: number | null;
  sessionsPerWeek: number;
  change: Change;
  reason: Reason;
  /** F3: the dose for a bad day, half the quota. */
  flareDayDose: number | null;
  /** S2: the increase on offer, which the plan applies only once accepted. */
  offer: number | null;
  /**
   * Q5/Q7: the flare of the week before, when there was one. The replay lets an override only
   * lower such a week, and `judgeOverride` reads this same fact, so what input accepts is shown.
   */
  afterFlare?: IsoDate;
  /**
   * T2/T3, Q9: the day the hold the week was planned under opened, when it was planned under one.
   * The replay lets an override only lower such a week, cleared since or not, and so does the check.
   */
  heldSince?: IsoDate;
}

export interface StarterIdea {
  category: Category;
  activity: string;
  dose: number;
  unit: Unit;
  sessionsPerWeek: number;
}

export type Suggestion =
  | { rule: 'P3'; doneCategory: Category; ideas: StarterIdea[] }
  | { rule: 'P4'; goals: string[] };

export interface WeekPlan {
  weekStart: IsoDate;
  /** P: 1 for a week before program week 1 too; `ProgramStanding` tells them apart. */
  programWeek: number;
  phase: Phase;
  mode: Mode;
  paused: boolean;
  hold: Hold | null;
  activities: ActivityPlan[];
  suggestion: Suggestion | null;
}

/**
 * P: where a week stands against the program's start. Unlike the plan (Q9), it is judged from the
 * whole journal: a week before the first session was before the program, whatever its plan knew.
 */
export interface ProgramStanding {
  /** The program's first day: the start date or the first session, whichever is earlier; null with neither. */
  programStart: IsoDate | null;
  /** The week comes before program week 1 (the program had not started); false while it has no first day. */
  beforeProgram: boolean;
}

/** Everything the plan is derived from (Q9). */
export interface History {
  sessions: readonly Session[];
  settings: Settings;
  overrides: readonly Override[];
  acceptances: readonly Acceptance[];
  /** Unit and category of known activities; otherwise taken from an activity's first session. */
  activities?: readonly Activity[];
  /** D1: the days and times people gave their activities; B2 reads busts on the planned days. */
  schedules?: readonly Schedule[];
}

export interface PlanInput extends History {
  weekStart: IsoDate;
  /** Past triage records: holds in earlier weeks are replayed too, so a week held for assessment did not grow. */
  triageRecords: readonly TriageRecord[];
}
