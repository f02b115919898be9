import { isWarningCode } from '../symptoms.js';
import type { IsoDate } from '../types.js';
import type { Hold, TriageRecord } from './types.js';

/** A warning sign recorded and not yet cleared. */
interface Sign {
  id: number | undefined;
  date: IsoDate;
  cls: 'assess' | 'stop';
  symptoms: readonly string[];
}

/**
 * Folds triage records in date order (records of one day in the order given). A clearance closes
 * every hold (T2, T3) opened by a record stored before it; `continue` results open none.
 */
export class HoldTracker {
  private open: Sign[] = [];
  /** The highest row id of a clearance read so far. */
  private clearedUpTo = -Infinity;

  add(r: TriageRecord): void {
    if (r.kind === 'cleared') {
      // The day can go back (a clock set back, a flight west): a sign stored after this clearance
      // but dated before it was never seen by the clinician, and stays open.
      this.open = this.open.filter((s) => s.id !== undefined && r.id !== undefined && s.id > r.id);
      if (r.id !== undefined) this.clearedUpTo = Math.max(this.clearedUpTo, r.id);
      return;
    }
    if (r.class !== 'assess' && r.class !== 'stop') return;
    // And a sign stored before a clearance but dated after it was cleared by it.
    if (r.id !== undefined && r.id < this.clearedUpTo) return;
    // A continue symptom recorded beside a warning sign is not one (T1): the hold names only its causes.
    this.open.push({ id: r.id, date: r.date, cls: r.class, symptoms: r.symptoms.filter(isWarningCode) });
  }

  /** T3 beats T2. Symptoms of both classes are listed: one clearance ends both. */
  current(): Hold | null {
    const stops = this.open.filter((s) => s.cls === 'stop');
    const main = stops.length > 0 ? stops : this.open;
    if (main.length === 0) return null;
    const symptoms: string[] = [];
    const list = (signs: readonly Sign[]) => {
      for (const s of signs) for (const code of s.symptoms) if (!symptoms.includes(code)) symptoms.push(code);
    };
    list(main);
    if (main === stops) list(this.open.filter((s) => s.cls === 'assess'));
    // Signs come in date order, so the first is the earliest.
    return { kind: main === stops ? 'stop' : 'assess', since: (main[0] as Sign).date, symptoms };
  }
}

export function sortRecords(records: readonly TriageRecord[]): TriageRecord[] {
  // Array.prototype.sort is stable, so same-day records keep the order they were stored in.
  return [...records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** T2/T3: the highest hold opened since the last clearance on or before `date`, or null. */
export function holdAt(records: readonly TriageRecord[], date: IsoDate): Hold | null {
  const tracker = new HoldTracker();
  for (const r of sortRecords(records)) {
    if (r.date > date) break;
    tracker.add(r);
  }
  return tracker.current();
}

/**
 * T2/T3: the hold or pause open now. A record dated after today exists only when the day went
 * back (a clock set back, a flight west over the date line): a sign recorded "tomorrow" is open
 * today all the same, and a clearance recorded then has closed what it closes.
 */
export function holdNow(records: readonly TriageRecord[], today: IsoDate): Hold | null {
  let last = today;
  for (const r of records) if (r.date > last) last = r.date;
  return holdAt(records, last);
}

/**
 * The hold for each of the given ascending dates, in one pass over the records. Past weeks are
 * planned with the hold that was open the day before their Monday (Q9: history before the week).
 */
export function holdsOn(records: readonly TriageRecord[], dates: readonly IsoDate[]): (Hold | null)[] {
  const sorted = sortRecords(records);
  const tracker = new HoldTracker();
  const out: (Hold | null)[] = [];
  let i = 0;
  for (const date of dates) {
    while (i < sorted.length && (sorted[i] as TriageRecord).date <= date) tracker.add(sorted[i++] as TriageRecord);
    out.push(tracker.current());
  }
  return out;
}
