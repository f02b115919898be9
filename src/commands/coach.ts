import { CheckpointMismatch, checkpointReadsFrom, chooseCheckpoint, type Checkpoint } from '../core/coach/index.js';
import type { IsoDate } from '../core/types.js';
import { dataVersion, readCheckpoint, saveCheckpoint } from '../store/checkpoint.js';
import { loadHistory, type JournalHistory } from '../store/history.js';
import { readTransaction, type Journal } from '../store/open.js';

// status, plan and log replay the history through the coach (Q9). They start from the journal's
// checkpoint two weeks back when it is early enough for what they show (chooseCheckpoint), read
// only the sessions the replay and their own figures need, and leave a fresh checkpoint behind when
// it is stale or missing.

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
  // A checkpoint the history does not fit is never trusted: the run replays from the first week
  // and, as for a missing one, leaves a fresh one in its place.
  let distrusted = false;
  for (;;) {
    const used = read(journal, today, needs, keep, distrusted);
    let out: CoachResult<T>;
    try {
      out = run(used);
    } catch (e) {
      if (!(e instanceof CheckpointMismatch) || used.checkpoint === null) throw e;
      distrusted = true;
      continue;
    }
    if (out.checkpoint !== null && used.captureAt !== undefined) saveCheckpoint(journal.db, COACH_BUILD, out.checkpoint, used.seen);
    return out.result;
  }
}

function read(journal: Journal, today: IsoDate, needs: CoachNeeds, keep: boolean, distrusted: boolean): CoachRun & { seen: number } {
  const db = journal.db;
  return readTransaction(db, () => {
    const seen = dataVersion(db);
    const saved = distrusted ? null : readCheckpoint(db, COACH_BUILD);
    const { resume, capture } = chooseCheckpoint(saved, today, needs.week, needs.until, keep);
    let from: IsoDate | null = null;
    if (resume !== null) {
      from = checkpointReadsFrom(resume);
      if (needs.sessionsFrom !== undefined && needs.sessionsFrom < from) from = needs.sessionsFrom;
    }
    return { history: loadHistory(db, from), checkpoint: resume, captureAt: capture ?? undefined, seen };
  });
}
