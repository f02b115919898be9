import type { Checkpoint, CheckpointKind, SavedCheckpoints } from '../core/coach/checkpoint.js';
import type { IsoDate } from '../core/types.js';
import { stmt, withoutWaiting, write, type Db } from './open.js';

// The journal keeps two coach checkpoints (migrations 3 and 4): row 1 two weeks back, row 2 at this
// week's Monday. Triggers delete each when anything it was derived from changes; `coach` names the
// build of the rules that wrote it, so a new version of pace never resumes from a state its own
// rules would not have reached.

const ROW: Record<CheckpointKind, number> = { back: 1, current: 2 };

/** The checkpoints written by these rules; null for one missing (or unreadable). */
export function readCheckpoints(db: Db, coach: string): SavedCheckpoints {
  const saved: SavedCheckpoints = { back: null, current: null };
  const rows = stmt(db, 'SELECT id, week, coach, state FROM coach_checkpoint').all() as { id: number; week: IsoDate; coach: string; state: string }[];
  for (const row of rows) {
    const kind = row.id === ROW.back ? 'back' : 'current';
    if (row.coach !== coach) continue;
    try {
      const c = JSON.parse(row.state) as Checkpoint;
      if (c.week === row.week) saved[kind] = c;
    } catch {
      // unreadable: as if missing
    }
  }
  return saved;
}

/**
 * A number that changes whenever another connection commits to the journal. Read it in the
 * transaction that read the history, and hand it to `saveCheckpoint`.
 */
export function dataVersion(db: Db): number {
  return stmt(db, 'PRAGMA data_version').pluck().get() as number;
}

/**
 * Keeps `c` as the journal's checkpoint of that kind, unless another process wrote to the journal
 * since the history it came from was read (`seen`), or the journal is busy: a checkpoint is only
 * ever a shortcut, so this never waits. Returns whether it was written.
 */
export function saveCheckpoint(db: Db, coach: string, kind: CheckpointKind, c: Checkpoint, seen: number): boolean {
  try {
    return withoutWaiting(db, () =>
      write(db, () => {
        if (dataVersion(db) !== seen) return false;
        stmt(db, 'INSERT OR REPLACE INTO coach_checkpoint (id, week, coach, state) VALUES (?, ?, ?, ?)').run(ROW[kind], c.week, coach, JSON.stringify(c));
        return true;
      }, true),
    );
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_READONLY')) return false;
    throw e;
  }
}
