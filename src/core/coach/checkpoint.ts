import { addDays, fromDayNumber, mondayOf } from '../dates.js';
import type { Activity, IsoDate } from '../types.js';
import { acwrState, type AcwrState } from './acwr.js';
import { metaFor, weekDayOf, type ActivityMeta } from './history.js';
import type { PlanHistory } from './plan.js';
import type { ReplayState } from './replay.js';

// A checkpoint is the replay (Q9) paused at a Monday: every activity's state before that week, the
// first session's date (program week 1) and B4's averages the day before. A replay resumed from it
// needs only the sessions from the week before that Monday on, and gives the same plans as a replay
// from the first week. The journal keeps one, two weeks back, so that `status`, `plan` and `log`
// cost the same in the tenth year as in the first. A second one at this week's Monday would spare
// `log` and `plan` two of their three weeks, about half a millisecond: not worth its own rules.

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
  /** The first day of sessions read, null for all: the week before `week`, whose outcome it decides first. */
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

export interface CheckpointChoice {
  /** Resume the replay from this checkpoint; null to replay from the first week. */
  resume: Checkpoint | null;
  /** Ask the replay for its checkpoint at this Monday, to be kept; null for none. */
  capture: IsoDate | null;
}

/**
 * Whether a replay resumes from the journal's checkpoint, and whether it leaves a new one behind.
 * `week` is the earliest week whose plan the caller looks at, `until` the last week the replay
 * runs to; `keep` is false when nothing may be saved. A stale or missing checkpoint is replaced
 * when the replay passes `checkpointWeekFor(today)`; the replay resumes from the saved one when it
 * lies at or before both `week` and the week it captures.
 */
export function chooseCheckpoint(saved: Checkpoint | null, today: IsoDate, week: IsoDate, until: IsoDate, keep: boolean): CheckpointChoice {
  const ideal = checkpointWeekFor(today);
  const stale = saved === null || saved.week < ideal;
  const capture = keep && stale && ideal <= until ? ideal : null;
  const fits = saved !== null && saved.week <= week && (capture === null || saved.week <= capture);
  return { resume: fits ? saved : null, capture };
}

/** The first day of sessions a replay resumed from `c` reads: the week before its own. */
export function checkpointReadsFrom(c: Checkpoint): IsoDate {
  return addDays(c.week, -7);
}
