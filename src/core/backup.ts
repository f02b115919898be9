import { parseBackupRecords, isObj, onceIn, UID, type BackupRecords } from './backupRecords.js';
import { InputError } from './errors.js';
import { parseOutcomeExtras, type OutcomeExtras } from './outcomesBackup.js';
import { parseSessionFields, type ImportedSession } from './sessionCsv.js';
import type { Activity, IsoDate } from './types.js';

export interface BackupSession extends ImportedSession {
  uid: string | undefined;
}

/** Checks a parsed JSON backup; errors name the first bad entry and field. */
export function parseBackup(doc: unknown, today: IsoDate): { sessions: BackupSession[]; extras: BackupRecords & OutcomeExtras; includesNotes: boolean } {
  if (!isObj(doc) || doc.format !== 'pace-backup') {
    throw new InputError('this JSON file is not a pace backup (no "format": "pace-backup").', 'Import a file written by pace export --format json.');
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new InputError(`version: ${JSON.stringify(version) ?? 'nothing'} is not a backup version pace knows.`, 'Import a file written by pace export --format json, unchanged.');
  }
  if (version > 1) {
    throw new InputError(`this backup's version (${version}) is newer than this pace understands.`, 'Update pace, then import it again.');
  }
  if (doc.includes_notes !== undefined && typeof doc.includes_notes !== 'boolean') throw new InputError('includes_notes: is not true or false.');
  const list = doc.sessions;
  if (!Array.isArray(list)) throw new InputError('the backup has no "sessions" list.');
  const activities = new Map<string, Activity>();
  const uids = new Map<string, number>();
  const sessions = list.map((raw, i): BackupSession => {
    const where = (col: string) => `sessions[${i}].${col}`;
    if (!isObj(raw)) throw new InputError(`sessions[${i}]: is not an object.`);
    for (const [col, v] of Object.entries(raw)) {
      const codes = col === 'symptoms' && Array.isArray(v) && v.every((c) => typeof c === 'string');
      if (typeof v === 'object' && v !== null && !codes) throw new InputError(`${where(col)}: is ${Array.isArray(v) ? 'a list' : 'an object'}, not a value.`);
    }
    const get = (col: string): string => {
      const v = raw[col];
      if (v === null || v === undefined) return '';
      if (Array.isArray(v)) return v.join(';');
      if (typeof v === 'boolean' && col === 'flare') return v ? 'yes' : 'no';
      return String(v);
    };
    const uid = raw.uid;
    if (uid !== undefined && (typeof uid !== 'string' || !UID.test(uid))) throw new InputError(`${where('uid')}: is not a valid id.`);
    if (uid !== undefined) onceIn(uids, uid, i, () => `${where('uid')}: "${uid}" is the id of sessions[${uids.get(uid)}] too.`);
    const s = parseSessionFields(get, where, today);
    const first = activities.get(s.activity);
    if (!first) activities.set(s.activity, { name: s.activity, unit: s.unit, category: s.category });
    else if (first.unit !== s.unit) throw new InputError(`${where('unit')}: ${s.activity} is recorded in ${first.unit} in an earlier session, not ${s.unit}.`);
    return { ...s, uid };
  });
  // M, W: goals with their ratings and the weekly check-ins, checked field by field too.
  return { sessions, extras: { ...parseBackupRecords(doc, activities, today), ...parseOutcomeExtras(doc, today) }, includesNotes: doc.includes_notes === true };
}

/**
 * Whether JSON text that does not parse stops part-way through its outermost value: inside a
 * string, or with a list or an object never closed. It is what a copy or a download stopped
 * part-way leaves; a mistake in the middle leaves the brackets closed.
 */
export function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}
