import { decideTriage, type TriageDecision, type TriageSource, type TriageTarget } from '../core/safety.js';
import type { IsoDate } from '../core/types.js';
import type { Db } from '../store/open.js';
import { holdNow } from '../core/coach/holds.js';
import type { Hold } from '../core/coach/types.js';
import { listTriage, saveTriage } from '../store/triage.js';

/**
 * T5: the one way symptoms are triaged, whichever command recorded them (log, edit, triage,
 * import, the next-day check): the rule decides, the store writes the records that open the hold
 * or pause. Call inside the command's write transaction, so the session and its triage commit
 * together or not at all.
 */
export function triageAndHold(db: Db, today: IsoDate, source: TriageSource, targets: readonly TriageTarget[]): TriageDecision {
  const decision = decideTriage(today, source, targets, openHoldOf(db, today)?.kind ?? null);
  saveTriage(db, decision.records);
  return decision;
}

/** T2, T3: the hold or pause open today, from the journal's triage records (inside a transaction). */
export function openHoldOf(db: Db, today: IsoDate): Hold | null {
  return holdNow(listTriage(db), today);
}
