// Issue 17, item 5: a JSON backup is checked field by field, as CSV rows are; the first bad record
// and field are named, and nothing a flag would refuse gets through.
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../src/core/backup.js';
import { InputError } from '../../src/core/errors.js';
import type { IsoDate } from '../../src/core/types.js';

const TODAY = '2026-11-21' as IsoDate;
const UID = '64f19e8d-f845-4631-a58a-3d322e837f4f';

/** A backup as pace export --format json writes it. */
function backup(): Record<string, unknown> & { settings: Record<string, unknown> } {
  return {
    format: 'pace-backup',
    version: 1,
    schema_version: 4,
    exported_on: '2026-11-21',
    includes_notes: false,
    settings: { notice_shown: '2026-11-21', pem: 'no', start_date: '2026-11-02', target_minutes: '150' },
    activities: [{ name: 'walk', unit: 'min', category: 'aerobic' }],
    overrides: [{ activity: 'walk', week_start: '2026-11-23', quota: 12, sessions_per_week: 3, set_on: '2026-11-21' }],
    acceptances: [{ activity: 'walk', week_start: '2026-11-23', quota: 13, accepted_on: '2026-11-21' }],
    triage_records: [{ date: '2026-11-21', session_uid: UID, kind: 'triage', class: 'stop', symptoms: ['chest-pain'] }],
    checkins: [{ session_uid: UID, date: '2026-11-21', settled: true }],
    pem_answers: [{ date: '2026-11-21', pem: false }],
    weekly_aims: [{ date: '2026-11-21', target_minutes: 150 }],
    sessions: [
      { uid: UID, date: '2026-11-19', activity: 'walk', category: 'aerobic', dose: 10, unit: 'min', pain_before: 2, pain_after: null, effort: null, flare: false, symptoms: ['chest-pain'], note: null },
    ],
  };
}

function refusal(doc: unknown): InputError {
  try {
    parseBackup(doc, TODAY);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('the backup was accepted');
}

/** The backup with one field changed: `path` is a list of keys and indexes. */
function withField(path: (string | number)[], value: unknown): Record<string, unknown> {
  const doc = backup();
  let at: Record<string | number, unknown> = doc;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return doc;
}

describe('a JSON backup, field by field (issue 17, item 5)', () => {
  it('reads a backup as pace writes it', () => {
    const b = parseBackup(backup(), TODAY);
    expect(b.sessions).toHaveLength(1);
    expect(b.extras.settings).toEqual({ notice_shown: '2026-11-21', pem: 'no', start_date: '2026-11-02', target_minutes: '150' });
    expect(b.extras.overrides[0]).toMatchObject({ quota: 12, sessions_per_week: 3 });
    expect(b.extras.triage_records[0]!.symptoms).toEqual(['chest-pain']);
  });

  it.each<[string, (string | number)[], unknown, string]>([
    ['an override quota of 1e308', ['overrides', 0, 'quota'], 1e308, 'overrides[0].quota: 1e+308 min is longer than a day.'],
    ['an override quota that is text', ['overrides', 0, 'quota'], '12', 'overrides[0].quota: "12" is not a number.'],
    ['sessions per week of 9', ['overrides', 0, 'sessions_per_week'], 9, 'overrides[0].sessions_per_week: 9 is not a whole number from 1 to 7.'],
    ['an override for an activity nowhere in the backup', ['overrides', 0, 'activity'], 'swim', 'overrides[0].activity: no activity named swim is in this backup.'],
    ['an acceptance quota of -1', ['acceptances', 0, 'quota'], -1, 'acceptances[0].quota: must be more than 0.'],
    ['a start date of "garbage"', ['settings', 'start_date'], 'garbage', 'settings.start_date: "garbage" is not a real date.'],
    ['a weekly aim of -5', ['settings', 'target_minutes'], '-5', 'settings.target_minutes: "-5" is not a whole number from 1 to 10080.'],
    ['a setting pace does not know', ['settings', 'colour'], 'blue', 'settings.colour: is not a setting pace knows.'],
    ['a safety answer that is an object', ['settings', 'pem'], { yes: true }, 'settings.pem: an object is not text.'],
    ['a safety answer in pem_answers that is an object', ['pem_answers', 0, 'pem'], {}, 'pem_answers[0].pem: an object is not true or false.'],
    ['a symptom list that is a string', ['triage_records', 0, 'symptoms'], 'chest-pain', 'triage_records[0].symptoms: "chest-pain" is not a list of symptom codes.'],
    ['an unknown symptom code', ['triage_records', 0, 'symptoms'], ['sore-toe'], 'triage_records[0].symptoms[0]: "sore-toe" is not a symptom code pace knows.'],
    ['a triage class that is not a class', ['triage_records', 0, 'class'], 'panic', 'triage_records[0].class: "panic" does not go with a triage record.'],
    ['an activity with an unknown unit', ['activities', 0, 'unit'], 'furlongs', 'activities[0].unit: "furlongs" is not a unit pace knows.'],
    ['an activity in another unit than its sessions', ['activities', 0, 'unit'], 'reps', 'activities[0].unit: walk is recorded in min in this backup\'s sessions, not reps.'],
    ['a check-in with settled "yes"', ['checkins', 0, 'settled'], 'yes', 'checkins[0].settled: "yes" is not true or false.'],
    ['a check-in with no session id', ['checkins', 0, 'session_uid'], 7, 'checkins[0].session_uid: 7 is not a session id.'],
    // `log --date` takes today and yesterday; a backup keeps exact dates.
    ['a session dated "yesterday"', ['sessions', 0, 'date'], 'yesterday', 'sessions[0].date: "yesterday" is not a real date.'],
    ['a session dose that is an object', ['sessions', 0, 'dose'], { n: 1 }, 'sessions[0].dose: is an object, not a value.'],
    ['a session dose of 0x10', ['sessions', 0, 'dose'], '0x10', 'sessions[0].dose: "0x10" is not a positive number.'],
    // A record from the future would hold a pause open ahead, or win the safety answer for good (S2).
    ['a triage record dated in the future', ['triage_records', 0, 'date'], '2026-11-22', 'triage_records[0].date: 2026-11-22 is in the future.'],
    ['a check-in dated in the future', ['checkins', 0, 'date'], '2027-01-01', 'checkins[0].date: 2027-01-01 is in the future.'],
    ['a safety answer dated in the future', ['pem_answers', 0, 'date'], '2026-12-01', 'pem_answers[0].date: 2026-12-01 is in the future.'],
    // G1/Q6: a dated aim from the future would win the merge of aims for good, as an answer would.
    ['a weekly aim dated in the future', ['weekly_aims', 0, 'date'], '2026-12-01', 'weekly_aims[0].date: 2026-12-01 is in the future.'],
    ['a dated weekly aim that is text', ['weekly_aims', 0, 'target_minutes'], '150', 'weekly_aims[0].target_minutes: "150" is not a whole number of minutes.'],
    ['a dated weekly aim of 0', ['weekly_aims', 0, 'target_minutes'], 0, 'weekly_aims[0].target_minutes: "0" is not a whole number from 1 to 10080.'],
    ['an override set in the future', ['overrides', 0, 'set_on'], '2026-11-30', 'overrides[0].set_on: 2026-11-30 is in the future.'],
  ])('refuses %s, naming the record and the field', (_, path, value, message) => {
    expect(refusal(withField(path, value)).message).toBe(message);
  });

  it('refuses a "__proto__" setting as a setting it does not know, without touching any prototype', () => {
    const doc = JSON.parse(JSON.stringify(backup()).replace('"settings":{', '"settings":{"__proto__":{"polluted":"yes"},'));
    expect(refusal(doc).message).toBe('settings.__proto__: is not a setting pace knows.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a version that is the string "1" as unknown, not as newer', () => {
    const e = refusal(withField(['version'], '1'));
    expect(e.message).toBe('version: "1" is not a backup version pace knows.');
    expect(e.message).not.toContain('newer');
    expect(refusal(withField(['version'], 2)).message).toContain('newer');
  });

  it('refuses a version of 0, below it, or a fraction as unknown, never as a version 1 or a newer one', () => {
    expect(refusal(withField(['version'], 0)).message).toBe('version: 0 is not a backup version pace knows.');
    expect(refusal(withField(['version'], -1)).message).toBe('version: -1 is not a backup version pace knows.');
    expect(refusal(withField(['version'], 1.5)).message).toBe('version: 1.5 is not a backup version pace knows.');
    expect(refusal(withField(['version'], null)).message).toBe('version: null is not a backup version pace knows.');
  });

  it('refuses a JSON object of another format, or of none, though its fields look like a backup', () => {
    for (const format of ['pace-backup-2', 'Pace-Backup', undefined]) {
      expect(refusal(withField(['format'], format)).message).toBe('this JSON file is not a pace backup (no "format": "pace-backup").');
    }
    expect(refusal(null).message).toMatch(/^this JSON file is not a pace backup/);
  });

  it('Q7: an override may set only the sessions a week or only the quota, never neither', () => {
    const only = (o: Record<string, unknown>) => withField(['overrides', 0], { activity: 'walk', week_start: '2026-11-23', set_on: '2026-11-21', ...o });
    expect(parseBackup(only({ quota: null, sessions_per_week: 4 }), TODAY).extras.overrides[0]).toMatchObject({ quota: null, sessions_per_week: 4 });
    expect(parseBackup(only({ quota: 12, sessions_per_week: null }), TODAY).extras.overrides[0]).toMatchObject({ quota: 12, sessions_per_week: null });
    for (const neither of [{ quota: null, sessions_per_week: null }, { quota: null }, {}]) {
      expect(refusal(only(neither)).message).toBe('overrides[0]: has neither a quota nor sessions per week.');
    }
  });

  it('refuses a list that is not a list, and a record that is not an object', () => {
    expect(refusal(withField(['overrides'], {})).message).toBe('overrides: is not a list.');
    expect(refusal(withField(['checkins'], [null])).message).toBe('checkins[0]: is not an object.');
  });
});

describe('D1: schedules in a JSON backup, field by field', () => {
  const withSchedules = (schedules: unknown, settings: Record<string, unknown> = {}) => {
    const doc = backup();
    Object.assign(doc.settings, settings);
    return { ...doc, schedules };
  };
  const good = [{ activity: 'walk', days: ['tue', 'thu', 'sat'], time: '07:30' }];

  it('reads schedules and the default time as pace writes them', () => {
    const b = parseBackup(withSchedules(good, { default_time: '08:15' }), TODAY);
    expect(b.extras.schedules).toEqual(good);
    expect(b.extras.settings.default_time).toBe('08:15');
    expect(parseBackup(withSchedules([{ activity: 'Walk', days: ['mon'], time: null }]), TODAY).extras.schedules).toEqual([{ activity: 'walk', days: ['mon'], time: null }]);
    // A backup from before schedules has none.
    expect(parseBackup(backup(), TODAY).extras.schedules).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an unknown activity', [{ ...good[0], activity: 'swim' }], 'schedules[0].activity: no activity named swim is in this backup.'],
    ['an empty day list', [{ ...good[0], days: [] }], 'schedules[0].days: has no days; a schedule has at least one.'],
    ['days as text', [{ ...good[0], days: 'mon,wed' }], 'schedules[0].days: "mon,wed" is not a list of days.'],
    ['an unknown day', [{ ...good[0], days: ['mon', 'funday'] }], 'schedules[0].days[1]: "funday" is not a day (mon, tue, wed, thu, fri, sat, sun).'],
    ['a time of 25:00', [{ ...good[0], time: '25:00' }], 'schedules[0].time: "25:00" is not a time of day.'],
    ['a time that is a number', [{ ...good[0], time: 730 }], 'schedules[0].time: 730 is not text.'],
    ['two schedules for one activity', [good[0], good[0]], 'schedules[1].activity: walk has a schedule earlier in this backup.'],
  ])('refuses %s, naming the record and the field', (_, schedules, message) => {
    expect(refusal(withSchedules(schedules)).message).toBe(message);
  });

  it('refuses a default time of 7pm', () => {
    expect(refusal(withSchedules(good, { default_time: '7pm' })).message).toBe('settings.default_time: "7pm" is not a time of day.');
  });
  it('C1: reads the report paper as pace writes it (auto too), and refuses a size it does not know', () => {
    expect(parseBackup(withSchedules(good, { paper: 'letter' }), TODAY).extras.settings.paper).toBe('letter');
    expect(parseBackup(withSchedules(good, { paper: 'auto' }), TODAY).extras.settings.paper).toBe('auto');
    expect(refusal(withSchedules(good, { paper: 'a5' })).message).toBe('settings.paper: "a5" is not a paper size pace knows.');
  });
});
