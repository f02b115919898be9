import { programFirstDay, weekOneLater, weekOneMoves } from '../core/coach/phases.js';
import { mondayOf, shortDateYear } from '../core/dates.js';
import type { IsoDate } from '../core/types.js';
import type { Db } from '../store/open.js';
import { firstSessionDay } from '../store/sessions.js';
import { getSetting } from '../store/settings.js';
import { note, type Context } from './context.js';

/** P: what program week 1 is counted from, read before a session is written. */
export interface WeekOneBefore {
  start: IsoDate | null;
  first: IsoDate | null;
}

export function weekOneBefore(db: Db): WeekOneBefore {
  return { start: (getSetting(db, 'start_date') ?? null) as IsoDate | null, first: firstSessionDay(db) };
}

/**
 * P: a session dated before program week 1 moves week 1 back, and every week's number and phase
 * with it. Right for a back-filled day, but a mistyped year (2002 for 2026) would otherwise do it
 * without a word, so the new week 1 is named on stderr, with how to correct the date.
 */
export function noteWeekOneMoved(ctx: Context, before: WeekOneBefore, date: IsoDate, id: number): void {
  const moved = weekOneMoves(before.start, before.first, date);
  if (moved === null) return;
  // A start date still ahead, and a session this week: the person began sooner than planned,
  // which is no slip of the date.
  const first = programFirstDay(before.start, before.first) as IsoDate;
  if (first > ctx.today && mondayOf(date) === mondayOf(ctx.today)) {
    note(ctx, `Your program starts with this session, before ${shortDateYear(first)}: week 1 is now the week of ${shortDateYear(moved.now)}.`);
    return;
  }
  note(ctx, `${shortDateYear(date)} is before program week 1 (the week of ${shortDateYear(moved.was)}): week 1 is now the week of ${shortDateYear(moved.now)}.\nIf the date was a slip: pace edit ${id} --date YYYY-MM-DD`);
}

/**
 * P: deleting the only session of week 1, or moving it to a later week, moves week 1 later, and
 * every week's number and phase with it (a baseline may start again). Said on stderr, as a move back is.
 */
export function noteWeekOneLater(ctx: Context, before: WeekOneBefore, after: WeekOneBefore): void {
  const moved = weekOneLater(before, after);
  if (moved === null) return;
  note(ctx, `Program week 1 is now the week of ${shortDateYear(moved.now)}: no session is left in the week of ${shortDateYear(moved.was)}, so every week's number and phase moved with it.`);
}
