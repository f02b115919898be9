import { isFlareSession } from '../core/coach/flares.js';
import type { Hold } from '../core/coach/types.js';
import { triagesImported, type TriageDecision, type TriageTarget } from '../core/safety.js';
import { isWarningCode, PAIN_OVER_24H } from '../core/symptoms.js';
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
  /** T3: signs open here that a clearance in the backup would have closed, recorded again today. */
  kept: string[];
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
 * open is open after the import too: its record is stored after every clearance this journal
 * holds, and a clearance closes only what was stored before it (src/core/coach/holds.ts). The
 * other way round, a clearance from the backup would close this journal's open signs, stored
 * before it: those are triaged again today.
 */
export class ImportTriage {
  private readonly targets: TriageTarget[] = [];
  private readonly past: ImportTriageResult['past'] = [];
  private before: Hold | null = null;

  constructor(
    private readonly today: IsoDate,
    private readonly covered: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
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
    const codes = known ? row.symptoms.filter((c) => !known.has(c)) : [...row.symptoms];
    if (codes.length) this.targets.push({ sessionId: id, sessionDate: row.date, codes, flare: isFlareSession(row) });
  };

  /**
   * Call in the import's transaction, after the backup's own triage records are in. A backup's
   * records come back with their own dates, so a pause never cleared there is open again (T5):
   * it is reported with its signs, without a second record.
   */
  finish(db: Db): ImportTriageResult {
    const restored = openHoldOf(db, this.today);
    // T3: a backup's clearance closes only what its own clinician saw. A sign this journal held
    // open before the import and that one of the backup's clearances closed is recorded again
    // today, with its advice.
    const lost = (this.before?.symptoms ?? []).filter((c) => !restored?.symptoms.includes(c));
    const again: TriageTarget[] = lost.length > 0 ? [{ sessionId: null, sessionDate: null, codes: lost, flare: false }] : [];
    const decision = triageAndHold(db, this.today, 'import', [...this.targets, ...again]);
    return { decision, restored: rank(restored) > rank(this.before) ? restored : null, past: this.past, kept: lost };
  }
}

/**
 * The codes each session of a backup was already triaged for, by the session's uid: those its
 * triage records name, and `pain-over-24h` where its next-day answer was "not settled" (F2): the
 * answer was triaged when it was given, and a session added later to that day took the code from
 * it without a record of its own.
 */
export function coveredCodes(records: unknown, checkins: unknown = []): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const cover = (uid: string, code: string) => out.set(uid, (out.get(uid) ?? new Set<string>()).add(code));
  for (const r of (Array.isArray(records) ? records : []) as { session_uid?: unknown; kind?: unknown; symptoms?: unknown }[]) {
    if (typeof r?.session_uid !== 'string' || r.kind !== 'triage' || !Array.isArray(r.symptoms)) continue;
    for (const c of r.symptoms) if (typeof c === 'string') cover(r.session_uid, c);
  }
  for (const c of (Array.isArray(checkins) ? checkins : []) as { session_uid?: unknown; settled?: unknown }[]) {
    if (typeof c?.session_uid === 'string' && c.settled === false) cover(c.session_uid, PAIN_OVER_24H);
  }
  return out;
}
