import { isFlareSession } from '../core/coach/flares.js';
import type { Hold } from '../core/coach/types.js';
import { triagesImported, type TriageDecision, type TriageTarget } from '../core/safety.js';
import { isWarningCode } from '../core/symptoms.js';
import type { IsoDate } from '../core/types.js';
import type { Db } from '../store/open.js';
import type { NewSession } from '../store/sessions.js';
import { openHoldOf, triageAndHold } from './safety.js';

/** What an import's triage found: the decision on recent symptoms, and what the backup brought back. */
export interface ImportTriageResult {
  decision: TriageDecision;
  /** T5: a hold or pause the backup's own records left open, that was not open before the import. */
  restored: Hold | null;
  /** Warning signs on sessions older than 7 days: history, opening nothing (T5), but named. */
  past: { date: IsoDate; symptoms: string[] }[];
}

const RANK = { none: 0, assess: 1, stop: 2 } as const;
const rank = (h: Hold | null) => RANK[h?.kind ?? 'none'];

/**
 * T5 for `pace import`, after the rows were checked and inserted: a session dated in the last 7
 * days that carries symptoms is triaged as if it had just been logged, so the advice is shown and
 * the hold or pause opens. Older ones are history (F1 reads them; they open nothing).
 *
 * A JSON backup carries the triage records made where its sessions were logged, and any clearance
 * after them: codes a record already names for that session are restored with those records, not
 * triaged again, or a pause a clinician had ended would open a second time. A sign the backup left
 * open must be open after the import too: when a clearance already in this journal closed it (one
 * given without knowing of that sign), it is triaged again today.
 */
export class ImportTriage {
  private readonly targets: TriageTarget[] = [];
  /** Recent warning signs whose hold the backup left open (restored, not triaged again, unless closed here). */
  private readonly leftOpen: TriageTarget[] = [];
  private readonly past: ImportTriageResult['past'] = [];
  private before: Hold | null = null;

  constructor(
    private readonly today: IsoDate,
    private readonly covered: ReadonlyMap<string, Covered> = new Map(),
  ) {}

  /** Call first in the import's transaction: the hold open today before anything is restored. */
  start(db: Db): void {
    this.before = openHoldOf(db, this.today);
  }

  readonly onInsert = (id: number, row: NewSession): void => {
    if (row.symptoms.length === 0) return;
    if (!triagesImported(row.date, this.today)) {
      const warnings = row.symptoms.filter(isWarningCode);
      if (warnings.length && row.date <= this.today) this.past.push({ date: row.date, symptoms: warnings });
      return;
    }
    const known = row.uid === undefined ? undefined : this.covered.get(row.uid);
    const codes = known ? row.symptoms.filter((c) => !known.codes.has(c)) : [...row.symptoms];
    if (codes.length) this.targets.push({ sessionId: id, sessionDate: row.date, codes, flare: isFlareSession(row) });
    const open = known && !known.settled ? row.symptoms.filter((c) => known.codes.has(c) && isWarningCode(c)) : [];
    if (open.length) this.leftOpen.push({ sessionId: id, sessionDate: row.date, codes: open, flare: isFlareSession(row) });
  };

  /**
   * Call in the import's transaction, after the backup's own triage records are in. A backup's
   * records come back with their own dates, so a pause never cleared there is open again (T5):
   * it is reported with its signs, without a second record.
   */
  finish(db: Db): ImportTriageResult {
    const restored = openHoldOf(db, this.today);
    const shut = this.leftOpen
      .map((t) => ({ ...t, codes: t.codes.filter((c) => !restored?.symptoms.includes(c)) }))
      .filter((t) => t.codes.length > 0);
    const decision = triageAndHold(db, this.today, 'import', [...this.targets, ...shut]);
    return { decision, restored: rank(restored) > rank(this.before) ? restored : null, past: this.past };
  }
}

/** What a backup's own records say of one of its sessions. */
export interface Covered {
  /** The codes it was triaged for. */
  codes: Set<string>;
  /** Whether the backup also holds a clearance given on or after every such triage. */
  settled: boolean;
}

/** The codes each session of a backup was already triaged for, by the session's uid. */
export function coveredCodes(records: unknown): Map<string, Covered> {
  const out = new Map<string, Covered>();
  if (!Array.isArray(records)) return out;
  type Record = { date?: unknown; session_uid?: unknown; kind?: unknown; symptoms?: unknown };
  // In the order the holds are replayed (by day, then as written: a backup lists them as written),
  // so that a triage, a clearance and a new triage on one day leave the last one open.
  const day = (r: Record) => (typeof r?.date === 'string' ? r.date : '');
  const list = [...(records as Record[])].sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
  let lastClearance = -1;
  list.forEach((r, i) => {
    if (r?.kind === 'cleared') lastClearance = i;
  });
  list.forEach((r, i) => {
    if (typeof r?.session_uid !== 'string' || r.kind !== 'triage' || !Array.isArray(r.symptoms)) return;
    const entry = out.get(r.session_uid) ?? { codes: new Set<string>(), settled: true };
    for (const c of r.symptoms) if (typeof c === 'string') entry.codes.add(c);
    entry.settled &&= i < lastClearance;
    out.set(r.session_uid, entry);
  });
  return out;
}
