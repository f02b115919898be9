import { isWarningCode } from '../symptoms.js';
import type { IsoDate } from '../types.js';
import type { Hold, TriageRecord } from './types.js';

interface Open {
  since: IsoDate;
  symptoms: string[];
}

/**
 * Folds triage records in date order (records of one day in the order given). A clearance closes
 * every open hold (T2, T3); `continue` results open none.
 */
export class HoldTracker {
  private assess: Open | null = null;
  private stop: Open | null = null;

  add(r: TriageRecord): void {
    if (r.kind === 'cleared') {
      this.assess = null;
      this.stop = null;
      return;
    }
    if (r.class !== 'assess' && r.class !== 'stop') return;
    const open = (this[r.class] ??= { since: r.date, symptoms: [] });
    // A continue symptom recorded beside a warning sign is not one (T1): the hold names only its causes.
    for (const code of r.symptoms) if (isWarningCode(code) && !open.symptoms.includes(code)) open.symptoms.push(code);
  }

  /** T3 beats T2. Symptoms of both classes are listed: one clearance ends both. */
  current(): Hold | null {
    const top = this.stop ? 'stop' : this.assess ? 'assess' : null;
    if (top === null) return null;
    const main = this[top] as Open;
    const symptoms = [...main.symptoms];
    const other = top === 'stop' ? this.assess : null;
    for (const code of other?.symptoms ?? []) if (!symptoms.includes(code)) symptoms.push(code);
    return { kind: top, since: main.since, symptoms };
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
