import { addDays, mondayOf } from '../dates.js';
import { oneDecimal } from '../numbers.js';
import { meanDose, sessionsNotInMinutes } from '../trends.js';
import type { Session, Unit } from '../types.js';
import { isClearVolumeChange } from './thresholds.js';
import type { Missing, Verdict } from './measures.js';
import { within, type ReviewWindows, type Span } from './windows.js';

// R1 and R3 for activities not counted in minutes. Reps, metres and steps cannot be added to
// minutes (nor to each other), so "minutes of any activity a week" leaves them out, and a person
// whose sit-to-stand went from 5 reps to 10 read that nothing had changed. Each such activity is
// compared on its own, as the plan grows it (Q2): the mean dose of a session then and now.

export interface DoseMeasure {
  activity: string;
  unit: Exclude<Unit, 'min'>;
  /** Mean dose of a session, to one decimal. */
  then: number | null;
  now: number | null;
  change: number | null;
  verdict: Verdict;
  missing: Missing | null;
  /**
   * Q1: the activity's own first two program weeks, from the Monday of its first session: for one
   * begun in weeks 1-2 the review's `then`; for one added later (P3 suggests strength), its own.
   */
  thenSpan: Span;
  /** R1: the review's `now`, starting no earlier than the day after `thenSpan`, never reaching into it. */
  nowSpan: Span;
}

/** One measure per activity in reps, metres or steps, by name; judged by R1's 10% for volume. */
export function doseMeasures(windows: ReviewWindows, sessions: readonly Session[]): DoseMeasure[] {
  return sessionsNotInMinutes(sessions)
    .map(([activity, all]) => {
      const unit = all[0]!.unit as Exclude<Unit, 'min'>;
      const first = all.reduce((a, s) => (s.date < a ? s.date : a), all[0]!.date);
      // Q1: begun in program weeks 1-2, its then is the review's; begun later, its own two weeks.
      const thenSpan = first <= windows.then.to ? windows.then : { from: mondayOf(first), to: addDays(mondayOf(first), 13) };
      // R1, as reviewWindows does for weeks 1-2: now never reaches into the activity's own then.
      const afterThen = addDays(thenSpan.to, 1);
      const nowSpan = { from: windows.now.from < afterThen ? afterThen : windows.now.from, to: windows.now.to };
      const base = { activity, unit, thenSpan, nowSpan };
      // R1: nothing is compared before a whole week after its own first two weeks is over.
      if (!windows.ready || nowSpan.from > nowSpan.to) return { ...base, then: null, now: null, change: null, verdict: 'not-enough-data' as const, missing: 'no-week-after-start' as const };
      const then = meanDose(all.filter((s) => within(s.date, thenSpan)));
      const now = meanDose(all.filter((s) => within(s.date, nowSpan)));
      if (then === null || now === null) return { ...base, then, now, change: null, verdict: 'not-enough-data' as const, missing: then === null ? ('no-sessions-then' as const) : ('no-sessions-now' as const) };
      const change = oneDecimal(now - then);
      const verdict: Verdict = isClearVolumeChange(then, now) ? (change > 0 ? 'better' : 'worse') : 'same';
      return { ...base, then, now, change, verdict, missing: null };
    });
}
