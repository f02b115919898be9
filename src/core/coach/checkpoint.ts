import { addDays, mondayOf } from '../dates.js';
import type { IsoDate } from '../types.js';
import type { AcwrState } from './acwr.js';
import type { ActivityMeta } from './history.js';
import type { ReplayState } from './replay.js';

// A checkpoint is the replay (Q9) paused at a Monday: every activity's state before that week, the
// first session's date (program week 1) and B4's averages the day before. A replay resumed from it
// needs only the sessions from the week before that Monday on, and gives the same plans as a replay
// from the first week. The journal keeps one, so that `status`, `plan` and `log` cost the same in
// the tenth year as in the first.

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

/** The Monday at which the journal's checkpoint is best kept, as of `today`. */
export function checkpointWeekFor(today: IsoDate): IsoDate {
  return addDays(mondayOf(today), -7 * CHECKPOINT_WEEKS_BACK);
}

/** The first day of sessions a replay resumed from `c` reads: the week before its own. */
export function checkpointReadsFrom(c: Checkpoint): IsoDate {
  return addDays(c.week, -7);
}
