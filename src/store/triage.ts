import type { IsoDate, TriageClass } from '../core/types.js';
import { stmt, type Db } from './open.js';

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
