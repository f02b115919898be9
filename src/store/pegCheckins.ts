import { mondayOf } from '../core/dates.js';
import type { PegCheckin } from '../core/outcomes/peg.js';
import type { IsoDate } from '../core/types.js';
import { stmt, type Db } from './open.js';

// W: the weekly PEG-3 check-ins (not the next-day answers of F2, which are in checkins.ts).

const COLUMNS = 'week_start AS weekStart, day AS date, pain, enjoyment, general';

/** W2: a second check-in in the same week replaces the first. Call inside a write transaction. */
export function savePegCheckin(db: Db, c: PegCheckin): void {
  stmt(
    db,
    `INSERT INTO peg_checkins (week_start, day, pain, enjoyment, general) VALUES (@weekStart, @date, @pain, @enjoyment, @general)
     ON CONFLICT (week_start) DO UPDATE SET day = excluded.day, pain = excluded.pain, enjoyment = excluded.enjoyment, general = excluded.general`,
  ).run(c);
}

/** Every check-in, oldest first. */
export function listPegCheckins(db: Db): PegCheckin[] {
  return stmt(db, `SELECT ${COLUMNS} FROM peg_checkins ORDER BY week_start`).all() as PegCheckin[];
}

/** The latest check-in on or before `today`: one row by its key, cheap enough for status. */
export function latestPegCheckin(db: Db, today: IsoDate): PegCheckin | null {
  return (stmt(db, `SELECT ${COLUMNS} FROM peg_checkins WHERE day <= ? ORDER BY week_start DESC LIMIT 1`).get(today) as PegCheckin | undefined) ?? null;
}

/** The check-in of each week in [from, to], by week start, for the weekly export (E2). */
export function pegByWeek(db: Db, from?: IsoDate, to?: IsoDate): Map<IsoDate, PegCheckin> {
  const rows = stmt(db, `SELECT ${COLUMNS} FROM peg_checkins WHERE week_start >= ? AND week_start <= ? ORDER BY week_start`).all(from ?? '0000-01-01', to ?? '9999-12-31') as PegCheckin[];
  return new Map(rows.map((r) => [r.weekStart, r]));
}

/**
 * W2: whether an interactive log should offer the check-in: none answered or offered this week,
 * and not on the journal's first day (that first log already asks the safety question).
 */
export function pegOfferDue(db: Db, today: IsoDate): boolean {
  return (
    stmt(
      db,
      `SELECT EXISTS (SELECT 1 FROM sessions WHERE day < @today)
          AND NOT EXISTS (SELECT 1 FROM peg_checkins WHERE week_start = @week)
          AND NOT EXISTS (SELECT 1 FROM peg_offers WHERE week_start = @week) AS due`,
    ).get({ today, week: mondayOf(today) }) as { due: number }
  ).due === 1;
}

/** W2: the offer was made (and answered or skipped) this week. Call inside a write transaction. */
export function markPegOffered(db: Db, weekStart: IsoDate): void {
  stmt(db, 'INSERT OR IGNORE INTO peg_offers (week_start) VALUES (?)').run(weekStart);
}
