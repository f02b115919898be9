import type { Activity, Session, Settings } from '../core/types.js';
import type { TriageRecord } from './triage.js';
import { listActivities } from './activities.js';
import type { Db } from './open.js';
import { listAcceptances, listOverrides, type AcceptanceRecord, type OverrideRecord } from './plans.js';
import { listSessions } from './sessions.js';
import { readSettings } from './settings.js';
import { listTriage } from './triage.js';

/** Everything the coach derives a plan from (Q9), read in one go. */
export interface JournalHistory {
  sessions: Session[];
  settings: Settings;
  overrides: OverrideRecord[];
  acceptances: AcceptanceRecord[];
  activities: Activity[];
  triageRecords: TriageRecord[];
}

export function loadHistory(db: Db): JournalHistory {
  return db.transaction(() => ({
    sessions: listSessions(db),
    settings: readSettings(db),
    overrides: listOverrides(db),
    acceptances: listAcceptances(db),
    activities: listActivities(db).map(({ name, unit, category }) => ({ name, unit, category })),
    triageRecords: listTriage(db),
  }))();
}
