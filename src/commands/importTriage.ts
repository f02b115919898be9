import { isFlareSession } from '../core/coach/flares.js';
import { triagesImported, type TriageDecision, type TriageTarget } from '../core/safety.js';
import type { IsoDate } from '../core/types.js';
import type { Db } from '../store/open.js';
import type { NewSession } from '../store/sessions.js';
import { triageAndHold } from './safety.js';

/**
 * T5 for `pace import`, after the rows were checked and inserted: a session dated in the last 7
 * days that carries symptoms is triaged as if it had just been logged, so the advice is shown and
 * the hold or pause opens. Older ones are history (F1 reads them; they open nothing).
 *
 * A JSON backup carries the triage records made where its sessions were logged, and any clearance
 * after them: codes a record already names for that session are restored with those records, not
 * triaged again, or a pause a clinician had ended would open a second time.
 */
export class ImportTriage {
  private readonly targets: TriageTarget[] = [];

  constructor(
    private readonly today: IsoDate,
    private readonly covered: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {}

  readonly onInsert = (id: number, row: NewSession): void => {
    if (row.symptoms.length === 0 || !triagesImported(row.date, this.today)) return;
    const known = row.uid === undefined ? undefined : this.covered.get(row.uid);
    const codes = known ? row.symptoms.filter((c) => !known.has(c)) : [...row.symptoms];
    if (codes.length) this.targets.push({ sessionId: id, sessionDate: row.date, codes, flare: isFlareSession(row) });
  };

  /** Call in the import's transaction, after the backup's own triage records are in. */
  finish(db: Db): TriageDecision {
    return triageAndHold(db, this.today, 'import', this.targets);
  }
}

/** The codes each session of a backup was already triaged for, by the session's uid. */
export function coveredCodes(records: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!Array.isArray(records)) return out;
  for (const r of records as { session_uid?: unknown; kind?: unknown; symptoms?: unknown }[]) {
    if (typeof r?.session_uid !== 'string' || r.kind !== 'triage' || !Array.isArray(r.symptoms)) continue;
    const set = out.get(r.session_uid) ?? new Set<string>();
    for (const c of r.symptoms) if (typeof c === 'string') set.add(c);
    out.set(r.session_uid, set);
  }
  return out;
}
