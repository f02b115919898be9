import { expect } from 'vitest';
import { addDays, mondayOf } from '../../../src/core/dates.js';
import type { Category, IsoDate, Session, Settings, Unit } from '../../../src/core/types.js';
import { planAndCheckpoint } from '../../../src/core/coach/plan.js';
import type { Acceptance, ActivityPlan, Hold, Override, TriageRecord, WeekPlan } from '../../../src/core/coach/types.js';

// Builders that make months of history fit on a few lines:
//   weeks(MON, [10, 10, 10, 10], [10, flare(10), 10])  is two weeks of walks.

export const MON = '2026-01-05' as IsoDate; // a Monday; Tue 13 Jan 2026 is in its second week

export const d = (text: string): IsoDate => text as IsoDate;

export function week(n: number, from: IsoDate = MON): IsoDate {
  return addDays(from, 7 * (n - 1));
}

export interface SessionSpec {
  dose: number;
  flare?: boolean;
  painBefore?: number | null;
  painAfter?: number | null;
  symptoms?: string[];
  /** 0 = Monday ... 6 = Sunday; by default a week's sessions are spread across it. */
  day?: number;
}

export type Dose = number | SessionSpec;

export interface ActivitySpec {
  activity?: string;
  unit?: Unit;
  category?: Category;
}

/**
 * Session ids number the sessions in the order they were made, as the journal would, and depend
 * only on the test that made them: a test's own sessions count from IN_TEST + 1, and history made
 * outside any test (in a describe's body, when the file is collected, which is always whole)
 * counts from 1. So a test sees the same ids whichever tests ran before it or were left out, and
 * its own sessions come after shared history on the same day.
 */
const IN_TEST = 100_000;
const made = new Map<string, number>();
function nextId(): number {
  const test = expect.getState().currentTestName;
  const key = test === undefined ? '' : `${expect.getState().testPath ?? ''} ${test}`;
  const n = (made.get(key) ?? 0) + 1;
  made.set(key, n);
  return (test === undefined ? 0 : IN_TEST) + n;
}

export function session(date: IsoDate, dose: number, extra: Partial<Session> = {}): Session {
  return {
    id: nextId(),
    date,
    activity: 'walk',
    dose,
    painBefore: 3,
    painAfter: 4,
    effort: null,
    flare: false,
    symptoms: [],
    note: null,
    unit: 'min',
    category: 'aerobic',
    ...extra,
  };
}

/** A session marked as a flare (F1). */
export function flare(dose: number, extra: Omit<SessionSpec, 'dose'> = {}): SessionSpec {
  return { dose, flare: true, ...extra };
}

/** Consecutive weeks from `start`; each array is one week's doses, spread over its days. */
export function weeks(start: IsoDate, ...perWeek: Dose[][]): Session[] {
  return weeksOf({}, start, ...perWeek);
}

export function weeksOf(spec: ActivitySpec, start: IsoDate, ...perWeek: Dose[][]): Session[] {
  const out: Session[] = [];
  perWeek.forEach((doses, w) => {
    doses.forEach((dose, i) => {
      const s: SessionSpec = typeof dose === 'number' ? { dose } : dose;
      const day = s.day ?? Math.floor((i * 7) / Math.max(doses.length, 1));
      out.push(
        session(addDays(start, 7 * w + day), s.dose, {
          activity: spec.activity ?? 'walk',
          unit: spec.unit ?? 'min',
          category: spec.category ?? 'aerobic',
          flare: s.flare ?? false,
          symptoms: s.symptoms ?? [],
          ...(s.painBefore !== undefined ? { painBefore: s.painBefore } : {}),
          ...(s.painAfter !== undefined ? { painAfter: s.painAfter } : {}),
        }),
      );
    });
  });
  return out;
}

/** `n` copies of a dose: a week of `times(4, 10)`. */
export function times(n: number, dose: Dose): Dose[] {
  return Array.from({ length: n }, () => dose);
}

export function settings(extra: Partial<Settings> = {}): Settings {
  return { startDate: null, targetMinutes: 150, pem: false, ...extra };
}

export interface PlanExtras {
  settings?: Settings;
  overrides?: Override[];
  acceptances?: Acceptance[];
  hold?: Hold | null;
  triageRecords?: TriageRecord[];
  /**
   * The day the plan is looked at: the weeks from its week on show the hold open that day. By
   * default the Monday after the planned week, which is looked back on whole (its hold as of its
   * Sunday, paused only if paused all week).
   */
  today?: IsoDate;
}

/**
 * T2/T3: `hold` as the journal records one: a triage the day before the planned week's Monday, so
 * that week is planned under it and the weeks before it are not. The hold's `since` is that day.
 */
function heldFrom(weekStart: IsoDate, hold: Hold | null | undefined): TriageRecord[] {
  if (!hold) return [];
  return [{ date: addDays(mondayOf(weekStart), -1), kind: 'triage', class: hold.kind, symptoms: [...hold.symptoms] }];
}

export function plan(sessions: readonly Session[], weekStart: IsoDate, extra: PlanExtras = {}): WeekPlan {
  return planAndCheckpoint({
    weekStart,
    sessions,
    settings: extra.settings ?? settings(),
    overrides: extra.overrides ?? [],
    acceptances: extra.acceptances ?? [],
    triageRecords: [...(extra.triageRecords ?? []), ...heldFrom(weekStart, extra.hold)],
    today: extra.today ?? addDays(mondayOf(weekStart), 7),
  }).plan;
}

/** One activity's plan for a week; throws when the activity is not in it. */
export function planOf(sessions: readonly Session[], weekStart: IsoDate, extra: PlanExtras = {}, activity = 'walk'): ActivityPlan {
  const p = plan(sessions, weekStart, extra).activities.find((a) => a.activity === activity);
  if (!p) throw new Error(`${activity} is not in the plan for ${weekStart}`);
  return p;
}

/** The quotas of program weeks `from`..`to` (1-based from `start`), as `[quota, sessions, change]`. */
export function series(sessions: readonly Session[], from: number, to: number, extra: PlanExtras = {}, start: IsoDate = MON, activity = 'walk') {
  const out: [number | null, number, string][] = [];
  for (let n = from; n <= to; n++) {
    const p = planOf(sessions, week(n, start), extra, activity);
    out.push([p.quota, p.sessionsPerWeek, p.change]);
  }
  return out;
}

export interface Simulation {
  sessions: Session[];
  /** Plans of weeks 2..weeks, index 0 is week 2. */
  plans: ActivityPlan[];
}

/**
 * A person who follows the plan: the given first weeks, then each week does what `doWeek` says
 * (by default exactly the plan). Returns the history and the plan of every week from week 2.
 */
export function simulate(opts: {
  weeks: number;
  first: Dose[][];
  spec?: ActivitySpec;
  extra?: PlanExtras;
  start?: IsoDate;
  doWeek?: (n: number, p: ActivityPlan) => Dose[];
}): Simulation {
  const start = opts.start ?? MON;
  const activity = opts.spec?.activity ?? 'walk';
  const sessions = weeksOf(opts.spec ?? {}, start, ...opts.first);
  const plans: ActivityPlan[] = [];
  for (let n = 2; n <= opts.weeks; n++) {
    const p = planOf(sessions, week(n, start), opts.extra ?? {}, activity);
    plans.push(p);
    if (n <= opts.first.length) continue;
    const doses = opts.doWeek ? opts.doWeek(n, p) : p.quota === null ? [] : times(p.sessionsPerWeek, p.quota);
    sessions.push(...weeksOf(opts.spec ?? {}, week(n, start), doses));
  }
  return { sessions, plans };
}

/** `[quota, sessions, change]` of each plan, for one-line expectations. */
export function brief(plans: readonly ActivityPlan[]): [number | null, number, string][] {
  return plans.map((p) => [p.quota, p.sessionsPerWeek, p.change]);
}
