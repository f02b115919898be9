import type { TriageRecordDraft } from '../core/safety.js';
import type { IsoDate, TriageClass } from '../core/types.js';
import { stmt, type Db } from './open.js';
import { addSymptoms } from './sessions.js';

export interface TriageRecord {
  id: number;
  date: IsoDate;
  sessionId: number | null;
  kind: 'triage' | 'cleared';
  class: TriageClass | null;
  symptoms: string[];
}

interface Row {
  id: number;
  day: string;
  session_id: number | null;
  kind: 'triage' | 'cleared';
  class: TriageClass | null;
  symptoms: string;
}

const toRecord = (r: Row): TriageRecord => ({
  id: r.id,
  date: r.day as IsoDate,
  sessionId: r.session_id,
  kind: r.kind,
  class: r.class,
  symptoms: r.symptoms === '' ? [] : r.symptoms.split(';'),
});

export function insertTriage(db: Db, rec: Omit<TriageRecord, 'id'>): number {
  const info = db
    .prepare('INSERT INTO triage_records (day, session_id, kind, class, symptoms) VALUES (?, ?, ?, ?, ?)')
    .run(rec.date, rec.sessionId, rec.kind, rec.class, rec.symptoms.join(';'));
  return Number(info.lastInsertRowid);
}

export function listTriage(db: Db): TriageRecord[] {
  return (stmt(db, 'SELECT id, day, session_id, kind, class, symptoms FROM triage_records ORDER BY day, id').all() as Row[]).map(toRecord);
}

/**
 * T5: stores what `decideTriage` decided, inside the caller's write transaction. The codes are
 * added to their session too (F1 reads them there); codes it already has are left as they are.
 */
export function saveTriage(db: Db, records: readonly TriageRecordDraft[]): void {
  for (const r of records) {
    insertTriage(db, { date: r.date, sessionId: r.sessionId, kind: 'triage', class: r.class, symptoms: r.symptoms });
    if (r.sessionId !== null && r.symptoms.length) addSymptoms(db, r.sessionId, r.symptoms);
  }
}
