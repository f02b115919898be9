import { mondayOf, mondayOfDay, toDayNumber } from '../dates.js';
import type { IsoDate, Session, Settings } from '../types.js';
import type { Phase, ProgramStanding } from './types.js';

/**
 * P: the Monday of program week 1, as a day number. It is the week of the start date or of the
 * first session, whichever is earlier, so that no recorded session falls before week 1. Null when
 * there is neither.
 */
export function programOrigin(settings: Settings, sessions: readonly Session[]): number | null {
  const first = programStartOf(settings, sessions);
  return first === null ? null : mondayOfDay(toDayNumber(first));
}

/** P: the program's first day (`programFirstDay`) from the start date and every session given. */
export function programStartOf(settings: Settings, sessions: readonly Session[]): IsoDate | null {
  let first: IsoDate | null = settings.startDate;
  for (const s of sessions) if (first === null || s.date < first) first = s.date;
  return first;
}

/** P: the program's first day: the start date or the first session, whichever is earlier; null with neither. */
export function programFirstDay(startDate: IsoDate | null, firstSession: IsoDate | null): IsoDate | null {
  if (startDate === null) return firstSession;
  return firstSession === null || startDate < firstSession ? startDate : firstSession;
}

/** P: where the week of `weekDay` stands against the program's first day (see `ProgramStanding`). */
export function programStanding(programStart: IsoDate | null, weekDay: number): ProgramStanding {
  return { programStart, beforeProgram: programStart !== null && weekDay < mondayOfDay(toDayNumber(programStart)) };
}

/**
 * P: the Monday of program week 1 before and after a session dated `date` is added, when that
 * session moves it earlier (a back-filled day, or a mistyped year); null when it leaves week 1 where
 * it was, or when the journal had no week 1 yet.
 */
export function weekOneMoves(startDate: IsoDate | null, firstSession: IsoDate | null, date: IsoDate): { was: IsoDate; now: IsoDate } | null {
  const moved = weekOneMondays(programFirstDay(startDate, firstSession), date);
  return moved !== null && moved.now < moved.was ? moved : null;
}

/**
 * P: the Monday of program week 1 before and after a session is deleted or moved, when that moves
 * it later (the only session of week 1 gone); null when week 1 stays, or no week 1 is left.
 */
export function weekOneLater(
  before: { start: IsoDate | null; first: IsoDate | null },
  after: { start: IsoDate | null; first: IsoDate | null },
): { was: IsoDate; now: IsoDate } | null {
  const moved = weekOneMondays(programFirstDay(before.start, before.first), programFirstDay(after.start, after.first));
  return moved !== null && moved.now > moved.was ? moved : null;
}

/** The Mondays of week 1 from the program's first day before and after a change; null without both. */
function weekOneMondays(before: IsoDate | null, after: IsoDate | null): { was: IsoDate; now: IsoDate } | null {
  return before === null || after === null ? null : { was: mondayOf(before), now: mondayOf(after) };
}

/** P: program week n is the n-th week since week 1, empty weeks included; weeks before it count as 1. */
export function programWeekAt(origin: number | null, weekDay: number): number {
  if (origin === null) return 1;
  return Math.max(1, Math.floor((weekDay - origin) / 7) + 1);
}

/** P1 weeks 1-2, P2 weeks 3-4, P3 weeks 5-13, P4 from week 14. */
export function phaseOf(programWeek: number): Phase {
  if (programWeek <= 2) return 1;
  if (programWeek <= 4) return 2;
  if (programWeek <= 13) return 3;
  return 4;
}
