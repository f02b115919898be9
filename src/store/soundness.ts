import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { JournalError } from './errors.js';

type Db = Database.Database;

/**
 * What SQLite's quick_check finds wrong with the journal, one line each; empty when sound. It
 * reads every page: a damaged page can hide from the queries a command runs.
 */
export function quickCheckProblems(db: Db): string[] {
  const rows = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
  // One row can hold several lines, under a "*** in database main ***" heading.
  return rows.flatMap((r) => r.quick_check.split('\n')).filter((l) => l !== 'ok' && !l.startsWith('*** '));
}

const vouched = new WeakSet<Db>();

/**
 * Refuses to write to a damaged journal (issue 17): called by every write transaction once it
 * holds the write lock, before anything is changed.
 *
 * Reading every page costs 2-4 ms on ten years of entries, too much for every `pace log`, so the
 * full check runs only when the file looks touched by something other than SQLite's own commits:
 * pace keeps its rollback journal (`-journal`) between writes, and every commit writes that file
 * after the journal itself (it zeroes its header last). So a journal whose file was changed after
 * its -journal file, or that has no -journal file (a copy, a restore, an older pace), is checked
 * in full; otherwise two stat calls vouch for it. What this cannot see is damage that leaves the
 * file's time alone (a failing disk); `pace check` reads everything. See docs/decisions.md.
 */
export function refuseIfDamaged(db: Db): void {
  if (vouched.has(db) || db.memory) return;
  if (looksTouched(db.name)) {
    let problems: string[];
    try {
      problems = quickCheckProblems(db);
    } catch (e) {
      problems = [(e as Error).message];
    }
    if (problems.length > 0) {
      throw new JournalError(`the journal at ${db.name} is damaged (${problems[0]}); nothing was written. Run pace check.`);
    }
  }
  vouched.add(db);
}

function looksTouched(path: string): boolean {
  try {
    const file = statSync(path, { bigint: true });
    const journal = statSync(`${path}-journal`, { bigint: true });
    return file.mtimeNs > journal.mtimeNs;
  } catch {
    return true;
  }
}
