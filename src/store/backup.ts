import type { BackupRecords } from '../core/backupRecords.js';
import type { OutcomeExtras } from '../core/outcomesBackup.js';
import { importOutcomeExtras, readOutcomeExtras } from './outcomesBackup.js';
import { mergeSettings, type KeptSetting } from '../core/settingsMerge.js';
import { dayBits, listSchedules } from './schedules.js';
import { dayCodes } from '../core/days.js';
import type { IsoDate, SessionInput } from '../core/types.js';
import { ensureActivity, findActivity, listActivities } from './activities.js';
import { stmt, type Db } from './open.js';
import { insertSession, iterateSessions, type NewSession } from './sessions.js';
import { allSettings, readSettings } from './settings.js';

export interface ImportCount {
  added: number;
  skipped: number;
  /** Sessions already here by uid, without a note, that took the backup's note. */
  notesAdded: number;
}

/**
 * Adds sessions that are not in the journal yet. Each session already there "uses up" one row of
 * the file with the same `sameAs` key, so importing a file twice adds nothing, while two
 * identical walks on one day in the file stay two. `onInsert` hears of each session added (T5
 * triages the recent ones). A session already here by uid (a JSON backup) is left as it is, but
 * for its note when it has none and the backup has one: a journal restored from a backup made
 * without --include-notes took none of them from the backup with notes (docs/decisions.md).
 * Call inside one write transaction.
 */
export function importSessions(
  db: Db,
  rows: readonly NewSession[],
  sameAs: (s: SessionInput) => string,
  loggedAt: string,
  onInsert?: (id: number, row: NewSession) => void,
): ImportCount {
  if (rows.length === 0) return { added: 0, skipped: 0, notesAdded: 0 };
  let from = rows[0]!.date;
  let to = from;
  for (const r of rows) {
    if (r.date < from) from = r.date;
    if (r.date > to) to = r.date;
  }
  const present = new Map<string, number>();
  for (const s of iterateSessions(db, { from, to })) addCopy(present, sameAs(s));
  // By uid across the whole journal: a session moved since by `pace edit --date` to a day outside
  // the file's dates is still that session, not a new one (whose uid the journal would refuse).
  const uids = new Set<string>();
  const noteless = new Set<string>();
  if (rows.some((r) => r.uid !== undefined)) {
    for (const { uid, noNote } of stmt(db, 'SELECT uid, note IS NULL AS noNote FROM sessions').iterate() as IterableIterator<{ uid: string; noNote: number }>) {
      uids.add(uid);
      if (noNote) noteless.add(uid);
    }
  }
  let added = 0;
  let notesAdded = 0;
  for (const r of rows) {
    if (r.uid !== undefined && uids.has(r.uid)) {
      if (r.note != null && noteless.delete(r.uid)) {
        stmt(db, 'UPDATE sessions SET note = ? WHERE uid = ? AND note IS NULL').run(r.note, r.uid);
        notesAdded++;
      }
      continue;
    }
    if (usedUp(present, sameAs(r))) continue;
    const id = insertSession(db, r, loggedAt);
    added++;
    onInsert?.(id, r);
  }
  return { added, skipped: rows.length - added, notesAdded };
}

/** The parts of a backup other than the sessions, with sessions named by their stable uid. */
export type BackupExtras = BackupRecords & Partial<OutcomeExtras>;

export function readExtras(db: Db): BackupExtras {
  const split = (s: string) => (s === '' ? [] : s.split(';'));
  return {
    settings: allSettings(db),
    activities: listActivities(db).map(({ name, unit, category }) => ({ name, unit, category })),
    overrides: db
      .prepare(
        `SELECT a.name AS activity, o.week_start, o.quota, o.sessions_per_week, o.set_on
         FROM overrides o JOIN activities a ON a.id = o.activity_id ORDER BY o.id`,
      )
      .all() as BackupExtras['overrides'],
    acceptances: db
      .prepare(
        `SELECT a.name AS activity, x.week_start, x.quota, x.accepted_on
         FROM acceptances x JOIN activities a ON a.id = x.activity_id ORDER BY x.id`,
      )
      .all() as BackupExtras['acceptances'],
    triage_records: (
      db
        .prepare(
          `SELECT t.day AS date, s.uid AS session_uid, t.kind, t.class, t.symptoms
           FROM triage_records t LEFT JOIN sessions s ON s.id = t.session_id ORDER BY t.id`,
        )
        .all() as (Omit<BackupExtras['triage_records'][number], 'symptoms'> & { symptoms: string })[]
    ).map((r) => ({ ...r, symptoms: split(r.symptoms) })),
    checkins: (
      db
        .prepare('SELECT s.uid AS session_uid, c.day AS date, c.settled FROM checkins c JOIN sessions s ON s.id = c.session_id ORDER BY c.id')
        .all() as { session_uid: string; date: string; settled: number }[]
    ).map((c) => ({ ...c, settled: c.settled === 1 })),
    pem_answers: (db.prepare('SELECT day AS date, pem FROM pem_answers ORDER BY id').all() as { date: string; pem: number }[]).map((a) => ({
      date: a.date,
      pem: a.pem === 1,
    })),
    weekly_aims: stmt(db, 'SELECT day AS date, minutes AS target_minutes FROM weekly_aims ORDER BY id').all() as { date: string; target_minutes: number }[],
    schedules: listSchedules(db).map((x) => ({ activity: x.activity, days: dayCodes(x.days), time: x.time })),
    ...readOutcomeExtras(db),
  };
}

/**
 * Restores a backup's settings and dated safety answers and weekly aims by mergeSettings' rule (the
 * journal's choices are kept; the newer dated one wins). Returns the rows written and what was kept.
 */
export function importSettings(db: Db, x: Pick<BackupExtras, 'settings' | 'pem_answers' | 'weekly_aims'>): { added: number; kept: KeptSetting[]; taken: KeptSetting[] } {
  const mine = readSettings(db);
  const merge = mergeSettings(
    { settings: allSettings(db), pemAnswers: (mine.pemAnswers ?? []).map((a) => ({ date: a.since, pem: a.pem })), aims: (mine.aims ?? []).map((a) => ({ date: a.since, minutes: a.minutes })) },
    {
      settings: x.settings,
      pemAnswers: (x.pem_answers ?? []).map((a) => ({ date: a.date as IsoDate, pem: a.pem })),
      aims: (x.weekly_aims ?? []).map((a) => ({ date: a.date as IsoDate, minutes: a.target_minutes })),
    },
  );
  let added = 0;
  for (const [key, value] of Object.entries(merge.set)) {
    added += stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value).changes;
  }
  // mergeSettings leaves out every day the journal has answers (or aims) on, so what it returns is
  // added whole: an answer given twice on one day (yes, no, yes) is history too, and keeping only
  // the first copy would make the restored journal's last answer "no" (S2).
  for (const a of merge.answers) added += stmt(db, 'INSERT INTO pem_answers (day, pem) VALUES (?, ?)').run(a.date, a.pem ? 1 : 0).changes;
  for (const a of merge.aims) added += stmt(db, 'INSERT INTO weekly_aims (day, minutes) VALUES (?, ?)').run(a.date, a.minutes).changes;
  return { added, kept: merge.kept, taken: merge.taken };
}

/** How many copies of each key are here. */
function copiesOf(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) addCopy(out, k);
  return out;
}

function addCopy(here: Map<string, number>, key: string): void {
  here.set(key, (here.get(key) ?? 0) + 1);
}

/** Whether a copy of `key` is here that no earlier record of the backup used up; uses it up. */
function usedUp(here: Map<string, number>, key: string): boolean {
  const n = here.get(key) ?? 0;
  if (n === 0) return false;
  here.set(key, n - 1);
  return true;
}

/** Restores the other non-session parts of a backup; rows already present are left alone. */
export function importExtras(db: Db, x: BackupExtras): number {
  let added = 0;
  const sessionId = (uid: string | null) =>
    uid === null ? null : ((stmt(db, 'SELECT id FROM sessions WHERE uid = ?').get(uid) as { id: number } | undefined)?.id ?? null);
  const run = (sql: string, ...params: unknown[]) => {
    added += db.prepare(sql).run(...params).changes;
  };
  for (const a of x.activities) {
    if (!findActivity(db, a.name)) {
      ensureActivity(db, a as Parameters<typeof ensureActivity>[1]);
      added++;
    }
  }
  const activityId = (name: string) => findActivity(db, name)?.id ?? null;
  // Q7: an override set twice is two rows of the journal; each already here uses up one of the backup's.
  const overrideKey = (a: number | null, week: string, quota: number | null, sessions: number | null, on: string) => JSON.stringify([a, week, quota, sessions, on]);
  const overridesHere = copiesOf(
    (stmt(db, 'SELECT activity_id, week_start, quota, sessions_per_week, set_on FROM overrides').all() as { activity_id: number; week_start: string; quota: number | null; sessions_per_week: number | null; set_on: string }[]).map(
      (o) => overrideKey(o.activity_id, o.week_start, o.quota, o.sessions_per_week, o.set_on),
    ),
  );
  for (const o of x.overrides) {
    const a = activityId(o.activity);
    if (usedUp(overridesHere, overrideKey(a, o.week_start, o.quota, o.sessions_per_week, o.set_on))) continue;
    run('INSERT INTO overrides (activity_id, week_start, quota, sessions_per_week, set_on) VALUES (?, ?, ?, ?, ?)', a, o.week_start, o.quota, o.sessions_per_week, o.set_on);
  }
  for (const x2 of x.acceptances) {
    run(
      `INSERT INTO acceptances (activity_id, week_start, quota, accepted_on)
       SELECT @a, @week, @quota, @on WHERE NOT EXISTS (SELECT 1 FROM acceptances WHERE activity_id = @a AND week_start = @week AND quota = @quota)`,
      { a: activityId(x2.activity), week: x2.week_start, quota: x2.quota, on: x2.accepted_on },
    );
  }
  // Each triage record already here uses up one identical record of the backup, as sessions do:
  // a sign recorded again the day it was cleared is a second record, and dropping it would close
  // on restore a pause that is open in the journal the backup came from (T3). A clearance that
  // follows a sign this import added is added even so: a clearance closes only what was stored
  // before it (T2, T3), and the one already here was stored before that sign.
  const triageKey = (day: string, session: number | null, kind: string, cls: string | null, symptoms: string) => JSON.stringify([day, session, kind, cls, symptoms]);
  const triageHere = copiesOf(
    (stmt(db, 'SELECT day, session_id, kind, class, symptoms FROM triage_records').all() as { day: string; session_id: number | null; kind: string; class: string | null; symptoms: string }[]).map((r) =>
      triageKey(r.day, r.session_id, r.kind, r.class, r.symptoms),
    ),
  );
  let newSign = false;
  for (const t of x.triage_records) {
    const session = sessionId(t.session_uid);
    const symptoms = t.symptoms.join(';');
    if (!(t.kind === 'cleared' && newSign) && usedUp(triageHere, triageKey(t.date, session, t.kind, t.class, symptoms))) continue;
    run('INSERT INTO triage_records (day, session_id, kind, class, symptoms) VALUES (?, ?, ?, ?, ?)', t.date, session, t.kind, t.class, symptoms);
    if (t.kind === 'triage' && (t.class === 'assess' || t.class === 'stop')) newSign = true;
  }
  for (const c of x.checkins) {
    const id = sessionId(c.session_uid);
    if (id !== null) run('INSERT OR IGNORE INTO checkins (session_id, day, settled) VALUES (?, ?, ?)', id, c.date as IsoDate, c.settled ? 1 : 0);
  }
  // D1: a backup fills in the schedule of an activity that has none here; one set in this journal
  // is the person's choice and stays, as the settings do (src/core/settingsMerge.ts).
  for (const sc of x.schedules ?? []) {
    const id = activityId(sc.activity);
    if (id !== null) run('INSERT INTO schedules (activity_id, days, time) VALUES (?, ?, ?) ON CONFLICT (activity_id) DO NOTHING', id, dayBits(sc.days), sc.time);
  }
  added += importOutcomeExtras(db, x);
  return added;
}
