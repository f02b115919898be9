import { addDays } from './dates.js';
import { highestClass } from './symptoms.js';
import { triage, type OpenHold, type TriageResult } from './triage.js';
import type { IsoDate, TriageClass } from './types.js';

/** The command that recorded the symptoms (T5: every path). */
export type TriageSource = 'log' | 'edit' | 'triage' | 'import' | 'next-day';

/** Symptoms being recorded now, and the session they belong to (null: `pace triage` with none). */
export interface TriageTarget {
  sessionId: number | null;
  sessionDate: IsoDate | null;
  /** The codes recorded now (for `edit`, only the ones it adds). */
  codes: string[];
  /** F1's verdict on the session as it now stands: a flare gets no F4 words (T1 advice). */
  flare: boolean;
}

/** A triage record to store, dated the day it is recorded: a hold starts that day (T2). */
export interface TriageRecordDraft {
  date: IsoDate;
  sessionId: number | null;
  class: TriageClass;
  symptoms: string[];
}

export interface TriageDecision {
  /** The advice for everything recorded, or null when nothing was. */
  result: TriageResult | null;
  records: TriageRecordDraft[];
  /** The hold (T2) or pause (T3) this opens, if any. */
  opens: 'assess' | 'stop' | null;
  /** The hold or pause open today before this was recorded. */
  holdBefore: OpenHold;
  /** The hold or pause open today once this is recorded: the one before it, or the one it opens. */
  holdToday: OpenHold;
  /** The sessions whose symptoms were triaged. */
  sessionIds: number[];
}

/** T5: an import triages sessions from the last 7 days (today and the 7 days before it). */
export const IMPORT_TRIAGE_DAYS = 7;

export function triagesImported(sessionDate: IsoDate, today: IsoDate): boolean {
  return sessionDate >= addDays(today, -IMPORT_TRIAGE_DAYS) && sessionDate <= today;
}

/**
 * T5: one decision for every path. Each target with symptoms gives one record, dated today, so the
 * hold or pause opens the day it is recorded whichever command recorded it. Older imported
 * sessions are history: F1 reads their symptoms, but they open nothing. `pace triage` records
 * even an empty checklist (T: every triage is stored). `hold` is the hold open today before this
 * (holdAt over the records): the advice says what the plan does now (T2, T3).
 */
export function decideTriage(today: IsoDate, source: TriageSource, targets: readonly TriageTarget[], hold: OpenHold): TriageDecision {
  const kept = targets.filter(
    (t) => (t.codes.length > 0 || source === 'triage') && !(source === 'import' && t.sessionDate !== null && !triagesImported(t.sessionDate, today)),
  );
  const records: TriageRecordDraft[] = kept.map((t) => ({
    date: today,
    sessionId: t.sessionId,
    class: highestClass(t.codes) ?? 'continue',
    symptoms: [...t.codes],
  }));
  const all: string[] = [];
  for (const t of kept) for (const c of t.codes) if (!all.includes(c)) all.push(c);
  const result = triage(all, { flare: kept.some((t) => t.flare), hold });
  const top = result?.class ?? null;
  const opens = top === 'assess' || top === 'stop' ? top : null;
  return {
    result,
    records,
    opens,
    holdBefore: hold,
    holdToday: hold === 'stop' || opens === 'stop' ? 'stop' : (hold ?? opens),
    sessionIds: kept.flatMap((t) => (t.sessionId === null ? [] : [t.sessionId])),
  };
}

/** F2: the answer to the next-day check, as `log` reports it. */
export interface NextDayAnswer {
  date: IsoDate;
  settled: boolean;
  sessionIds: number[];
  activities: string[];
  /** "Not settled": the triage of `pain-over-24h` that opened a hold (T2); null when settled. */
  decision: TriageDecision | null;
}
