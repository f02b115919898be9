import type { Checkpoint } from '../core/coach/checkpoint.js';
import type { IsoDate } from '../core/types.js';
import { stmt, withoutWaiting, write, type Db } from './open.js';

// The journal keeps one coach checkpoint, two weeks back (row 1 of `coach_checkpoint`, migrations
// 3 and 7). Triggers delete it when anything it was derived from changes; `coach` names the build
// of the rules that wrote it, so a new version of pace never resumes from a state its own rules
// would not have reached.

/** The checkpoint written by these rules; null when missing (or unreadable). */
export function readCheckpoint(db: Db, coach: string): Checkpoint | null {
  const row = stmt(db, 'SELECT week, coach, state FROM coach_checkpoint WHERE id = 1').get() as { week: IsoDate; coach: string; state: string } | undefined;
  if (row === undefined || row.coach !== coach) return null;
  try {
    const c = JSON.parse(row.state) as Checkpoint;
    return c.week === row.week ? c : null;
  } catch {
    return null; // unreadable: as if missing
  }
}

/**
 * A number that changes whenever another connection commits to the journal. Read it in the
 * transaction that read the history, and hand it to `saveCheckpoint`.
 */
export function dataVersion(db: Db): number {
  return stmt(db, 'PRAGMA data_version').pluck().get() as number;
}

/**
 * Keeps `c` as the journal's checkpoint, unless another process wrote to the journal since the
 * history it came from was read (`seen`), or the journal is busy, read-only or on a full disk: a
 * checkpoint is only ever a shortcut, so this never waits or fails. Returns whether it was written.
 */
export function saveCheckpoint(db: Db, coach: string, c: Checkpoint, seen: number): boolean {
  try {
    return withoutWaiting(db, () =>
      write(db, () => {
        if (dataVersion(db) !== seen) return false;
        stmt(db, 'INSERT OR REPLACE INTO coach_checkpoint (id, week, coach, state) VALUES (1, ?, ?, ?)').run(c.week, coach, JSON.stringify(c));
        return true;
      }, true),
    );
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    // Busy, read-only, or a full disk: the run goes on without it (status and plan are reads).
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL') return false;
    throw e;
  }
}
