import { InputError } from './errors.js';
import { parseSessionFields, type ImportedSession } from './sessionCsv.js';
import type { IsoDate } from './types.js';
import { parseOutcomeExtras } from './outcomesBackup.js';

export interface BackupSession extends ImportedSession {
  uid: string | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed JSON backup; errors name the first bad entry and field. */
export function parseBackup(doc: unknown, today: IsoDate): { sessions: BackupSession[]; extras: Obj; includesNotes: boolean } {
  if (!isObj(doc) || doc.format !== 'pace-backup') {
    throw new InputError('this JSON file is not a pace backup (no "format": "pace-backup").', 'Import a file written by pace export --format json.');
  }
  if (typeof doc.version !== 'number' || doc.version > 1) {
    throw new InputError(`this backup's version (${String(doc.version)}) is newer than this pace understands.`, 'Update pace, then import it again.');
  }
  const list = doc.sessions;
  if (!Array.isArray(list)) throw new InputError('the backup has no "sessions" list.');
  const sessions = list.map((raw, i): BackupSession => {
    const where = (col: string) => `sessions[${i}].${col}`;
    if (!isObj(raw)) throw new InputError(`${where('')} is not an object.`);
    const get = (col: string): string => {
      const v = raw[col];
      if (v === null || v === undefined) return '';
      if (Array.isArray(v)) return v.join(';');
      if (typeof v === 'boolean') return v ? 'yes' : 'no';
      return String(v);
    };
    const uid = raw.uid;
    if (uid !== undefined && (typeof uid !== 'string' || !/^[\w-]{1,64}$/.test(uid))) throw new InputError(`${where('uid')} is not a valid id.`);
    return { ...parseSessionFields(get, where, today), uid };
  });
  for (const key of ['overrides', 'acceptances', 'triage_records', 'checkins', 'activities', 'pem_answers'] as const) {
    if (doc[key] !== undefined && !Array.isArray(doc[key])) throw new InputError(`the backup's "${key}" is not a list.`);
  }
  if (doc.settings !== undefined && !isObj(doc.settings)) throw new InputError('the backup\'s "settings" is not an object.');
  // M, W: goals and weekly check-ins, checked field by field.
  return { sessions, extras: { ...doc, ...parseOutcomeExtras(doc, today) }, includesNotes: doc.includes_notes === true };
}
