import { CheckpointMismatch, checkpointReadsFrom, checkpointWeekFor, type Checkpoint } from '../core/coach/index.js';
import type { IsoDate } from '../core/types.js';
import { dataVersion, readCheckpoint, saveCheckpoint } from '../store/checkpoint.js';
import { loadHistory, type JournalHistory } from '../store/history.js';
import { readTransaction, type Journal } from '../store/open.js';

// status, plan and log replay the history through the coach (Q9). They start from the journal's
// checkpoint when it is early enough for what they show, read only the sessions the replay and
// their own figures need, and leave a fresher checkpoint behind when theirs is stale or missing.

declare const __PACE_COACH__: string | undefined;

/** Which rules wrote a checkpoint: a hash of src/core stamped by scripts/build.mjs. */
export const COACH_BUILD = typeof __PACE_COACH__ === 'string' ? __PACE_COACH__ : 'source';

export interface CoachNeeds {
  /** The earliest week whose plan the command looks at. */
  week: IsoDate;
  /** The week the replay runs to. */
  until: IsoDate;
  /** The first day of sessions the command reads for its own figures (trends, booms), if any. */
  sessionsFrom?: IsoDate;
  /** False when the command may still fail and must then leave the journal untouched. */
  keep?: boolean;
}

export interface CoachRun {
  history: JournalHistory;
  /** Resume from here; null for a replay from the first week. */
  checkpoint: Checkpoint | null;
  /** Ask the replay for the checkpoint at this Monday. */
  captureAt: IsoDate | undefined;
}

export interface CoachResult<T> {
  result: T;
  checkpoint: Checkpoint | null;
}

export function withCoach<T>(journal: Journal, today: IsoDate, needs: CoachNeeds, run: (r: CoachRun) => CoachResult<T>): T {
  const keep = journal.path !== null && !journal.snapshot && needs.keep !== false;
  const first = read(journal, today, needs, keep, true);
  let out: CoachResult<T>;
  let seen = first.seen;
  try {
    out = run(first);
  } catch (e) {
    // A checkpoint the history does not fit is never trusted: replay from the first week instead.
    if (!(e instanceof CheckpointMismatch) || first.checkpoint === null) throw e;
    const full = read(journal, today, needs, keep, false);
    seen = full.seen;
    out = run(full);
  }
  if (keep && out.checkpoint !== null) saveCheckpoint(journal.db, COACH_BUILD, out.checkpoint, seen);
  return out.result;
}

function read(journal: Journal, today: IsoDate, needs: CoachNeeds, keep: boolean, useSaved: boolean): CoachRun & { seen: number } {
  const db = journal.db;
  return readTransaction(db, () => {
    const seen = dataVersion(db);
    const saved = useSaved ? readCheckpoint(db, COACH_BUILD) : null;
    const checkpoint = saved !== null && saved.week <= needs.week ? saved : null;
    let from: IsoDate | null = null;
    if (checkpoint !== null) {
      from = checkpointReadsFrom(checkpoint);
      if (needs.sessionsFrom !== undefined && needs.sessionsFrom < from) from = needs.sessionsFrom;
    }
    // A fresher checkpoint is kept when the replay passes its week anyway.
    const ideal = checkpointWeekFor(today);
    const stale = saved === null || saved.week < ideal;
    const captureAt = keep && stale && ideal <= needs.until ? ideal : undefined;
    return { history: loadHistory(db, from), checkpoint, captureAt, seen };
  });
}
