import { addDays, isoWeekday, mondayOf, toDayNumber } from '../dates.js';
import type { IsoDate } from '../types.js';

// R1 and R2: which weeks a review compares, and when one is worth reading.

/** R2: reviews are most telling after 1, 3, 6 and 12 months. */
export const REVIEW_WEEKS: readonly number[] = [5, 14, 27, 53];

/** R2: in the first week of program week 5, 14, 27 or 53, status says a review is ready. */
export const reviewReady = (programWeek: number): boolean => REVIEW_WEEKS.includes(programWeek);

export interface Span {
  from: IsoDate;
  to: IsoDate;
}

export interface ReviewWindows {
  /** R1: program weeks 1 and 2. */
  then: Span;
  /** R1: the last four whole weeks, never reaching into `then`; its first week when none is over yet. */
  now: Span;
  /** False while no whole week after `then` has been lived: nothing can be compared yet. */
  ready: boolean;
  /** Whole weeks in each span, to put totals per week. */
  thenWeeks: number;
  nowWeeks: number;
}

/**
 * R1: then is program weeks 1-2; now is the last four weeks that are over (this week counts once
 * its Sunday has come), starting after then. `origin` is program week 1's Monday.
 */
export function reviewWindows(origin: IsoDate, today: IsoDate): ReviewWindows {
  const then = { from: origin, to: addDays(origin, 13) };
  const lastSunday = isoWeekday(today) === 7 ? today : addDays(mondayOf(today), -1);
  const earliest = addDays(then.to, 1);
  let from = addDays(lastSunday, -27);
  if (from < earliest) from = earliest;
  const ready = from <= lastSunday;
  const now = ready ? { from, to: lastSunday } : { from: earliest, to: addDays(earliest, 6) };
  const weeks = (s: Span) => (toDayNumber(s.to) - toDayNumber(s.from) + 1) / 7;
  return { then, now, ready, thenWeeks: 2, nowWeeks: weeks(now) };
}

export const within = (date: IsoDate, span: Span): boolean => date >= span.from && date <= span.to;

/**
 * R1, C1: a week counts whole or not at all: it starts in the span and its Sunday has come by the
 * span's last day. A week in progress, or one cut by the span's start, would count sessions that
 * were not yet due or lie outside.
 */
export const wholeWeekWithin = (monday: IsoDate, span: Span): boolean => monday >= span.from && addDays(monday, 6) <= span.to;
