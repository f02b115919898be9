import { addDays, fromDayNumber, mondayOf } from '../dates.js';
import type { Activity, IsoDate } from '../types.js';
import { acwrState, type AcwrState } from './acwr.js';
import { metaFor, weekDayOf, type ActivityMeta } from './history.js';
import type { PlanHistory } from './plan.js';
import type { ReplayState } from './replay.js';

// A checkpoint is the replay (Q9) paused at a Monday: every activity's state before that week, the
// first session's date (program week 1) and B4's averages the day before. A replay resumed from it
// needs only the sessions from the week before that Monday on, and gives the same plans as a replay
// from the first week. The journal keeps two, so that `status`, `plan` and `log` cost the same in
// the tenth year as in the first: one two weeks back, which a late entry rarely reaches, and one at
// this week's Monday, so that `log` and `plan`, which look no further back than this week, replay
// one week instead of three.

export interface CheckpointActivity extends ActivityMeta {
  /** Monday of the activity's first session, or null for an activity planned by hand only. */
  firstWeek: IsoDate | null;
  state: ReplayState;
}

export interface Checkpoint {
  /** The Monday the replay resumes at. */
  week: IsoDate;
  /** The first session before `week` (P: program week 1), or null. */
  firstSession: IsoDate | null;
  /** Every activity planned by `week`, by name. */
  activities: CheckpointActivity[];
  /** B4's averages at the end of the day before `week`; null with no session in minutes before it. */
  acwr: AcwrState | null;
}

/**
 * Where `planHistory` begins: the first Monday it steps and what it carries from before. A replay
 * from the first week and one resumed from a checkpoint differ only in this value.
 */
export interface ReplayStart {
  /** Day number of the first Monday stepped; -Infinity for each activity's own first week. */
  week: number;
  /** The first day of sessions read: the week before `week`, whose outcome it decides on first. Null for all. */
  readsFrom: IsoDate | null;
  /** The first session before `week` (P: program week 1), or null. */
  firstSession: IsoDate | null;
  /** The activities planned before `week`, each with its replay's state there. */
  activities: ReadonlyMap<string, CheckpointActivity>;
  /** B4's averages at the end of the day before `week`. */
  acwr: AcwrState | null;
}

/** The start of a replay from each activity's first week. */
export function emptyStart(): ReplayStart {
  return { week: -Infinity, readsFrom: null, firstSession: null, activities: new Map(), acwr: null };
}

/** The start of a replay resumed from `c`; without one, the empty start. */
export function startFrom(c: Checkpoint | null | undefined): ReplayStart {
  if (!c) return emptyStart();
  const activities = new Map(c.activities.map((a) => [a.activity, a]));
  return { week: weekDayOf(c.week), readsFrom: checkpointReadsFrom(c), firstSession: c.firstSession, activities, acwr: c.acwr };
}

/**
 * The checkpoint at `week`, from a replay asked to keep its state there (`captureAt`). It holds only
 * what sessions before `week` say: an activity first done later is read again on resume. `declared`
 * gives the kind of an activity planned by hand until then, as `planHistory` takes it.
 */
export function checkpointAt(history: PlanHistory, week: IsoDate, declared: readonly Activity[] = []): Checkpoint {
  const at = weekDayOf(week);
  if (history.capturedAt !== at) throw new Error(`checkpointAt: the replay kept no state at ${week}`);
  const monday = fromDayNumber(at);
  const activities: CheckpointActivity[] = [];
  for (const t of history.timelines) {
    if (t.captured === null) continue;
    const first = history.firstWeek(t.activity);
    const known = first !== null && first < at;
    const meta = known ? t : metaFor(t.activity, declared);
    activities.push({ activity: t.activity, unit: meta.unit, category: meta.category, firstWeek: known ? fromDayNumber(first) : null, state: t.captured });
  }
  let firstSession = history.start.firstSession;
  for (const s of history.read) if (s.date < monday && (firstSession === null || s.date < firstSession)) firstSession = s.date;
  return { week: monday, firstSession, activities, acwr: acwrState(history.read, at - 1, history.start.acwr) };
}

/** A checkpoint that does not fit the history it was given: the caller should replay in full. */
export class CheckpointMismatch extends Error {
  constructor(detail: string) {
    super(`the saved checkpoint does not match the journal: ${detail}`);
    this.name = 'CheckpointMismatch';
  }
}

/**
 * How far behind this week the kept checkpoint sits. Two weeks: as close as `status` allows (B3
 * judges the last 14 days against their own weeks' quotas), so that a run replays three weeks;
 * a session added or edited in the last two weeks, the usual late entry, leaves it valid.
 */
export const CHECKPOINT_WEEKS_BACK = 2;

/** The Monday at which the journal's checkpoint two weeks back is best kept, as of `today`. */
export function checkpointWeekFor(today: IsoDate): IsoDate {
  return addDays(mondayOf(today), -7 * CHECKPOINT_WEEKS_BACK);
}

/** The journal's two checkpoints: two weeks back (`back`), and at this week's Monday (`current`). */
export interface SavedCheckpoints {
  back: Checkpoint | null;
  current: Checkpoint | null;
}

export type CheckpointKind = keyof SavedCheckpoints;

export interface CheckpointChoice {
  /** Resume the replay from this checkpoint; null to replay from the first week. */
  resume: Checkpoint | null;
  /** Ask the replay for its checkpoint at this Monday, to be kept as this kind; null for none. */
  capture: { kind: CheckpointKind; week: IsoDate } | null;
}

/**
 * Which checkpoint a replay resumes from, and which it leaves behind. `week` is the earliest week
 * whose plan the caller looks at, `until` the last week the replay runs to; `keep` is false when
 * nothing may be saved. A stale or missing checkpoint is replaced when the replay passes its week,
 * the one two weeks back first: it is the one to fall back on when a late entry removes this
 * week's. The replay then resumes from the latest checkpoint at or before both `week` and the
 * week it captures.
 */
export function chooseCheckpoints(saved: SavedCheckpoints, today: IsoDate, week: IsoDate, until: IsoDate, keep: boolean): CheckpointChoice {
  const ideal: Record<CheckpointKind, IsoDate> = { back: checkpointWeekFor(today), current: mondayOf(today) };
  const stale = (kind: CheckpointKind) => {
    const c = saved[kind];
    return c === null || c.week < ideal[kind];
  };
  const kind = !keep ? undefined : (['back', 'current'] as const).find((k) => stale(k) && ideal[k] <= until);
  const capture = kind === undefined ? null : { kind, week: ideal[kind] };
  let resume: Checkpoint | null = null;
  for (const c of [saved.back, saved.current]) {
    if (c === null || c.week > week || (capture !== null && c.week > capture.week)) continue;
    if (resume === null || c.week > resume.week) resume = c;
  }
  return { resume, capture };
}

/** The first day of sessions a replay resumed from `c` reads: the week before its own. */
export function checkpointReadsFrom(c: Checkpoint): IsoDate {
  return addDays(c.week, -7);
}
