import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureActivity, findActivity } from '../../src/store/activities.js';
import { loadHistory } from '../../src/store/history.js';
import { openJournal, write, type Journal } from '../../src/store/open.js';
import { clearSchedule, defaultTime, listSchedules, setSchedule } from '../../src/store/schedules.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { setSetting } from '../../src/store/settings.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

function fresh(): Journal {
  return openJournal(join(tempDir(), 'pace.db'), { write: true });
}

/** A journal exactly as version 5 of pace left it: a walk, a goal and a checkpoint. */
function versionFiveJournal(): string {
  const path = join(tempDir(), 'pace.db');
  const db = new Database(path);
  for (const sql of MIGRATIONS.slice(0, 5)) db.exec(sql);
  db.pragma('user_version = 5');
  db.exec(`INSERT INTO activities (name, unit, category) VALUES ('walk', 'min', 'aerobic');
           INSERT INTO sessions (uid, day, activity_id, dose, flare, logged_at) VALUES ('u1', '2026-11-02', 1, 10, 0, 'x');
           INSERT INTO goals (uid, text, created_on) VALUES ('g1', 'climb the stairs', '2026-11-02');
           INSERT INTO coach_checkpoint (id, week, coach, state) VALUES (1, '2026-11-09', 'rules', '{}');`);
  db.close();
  return path;
}

describe('migration 6: days and times per activity (D1)', () => {
  it('brings a version 5 journal up to date, keeping its sessions, goals and checkpoint', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    const j = openJournal(versionFiveJournal(), { write: true });
    try {
      expect(j.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(j.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
      expect(j.db.prepare('SELECT count(*) AS n FROM goals').get()).toEqual({ n: 1 });
      expect(listSchedules(j.db)).toEqual([]);
      // Days and times are not part of the replay's state: setting them leaves the checkpoint.
      write(j.db, () => setSchedule(j.db, 1, [1, 3, 5], '07:30'));
      expect(j.db.prepare('SELECT count(*) AS n FROM coach_checkpoint').get()).toEqual({ n: 1 });
      expect(listSchedules(j.db)).toEqual([{ activity: 'walk', days: [1, 3, 5], time: '07:30' }]);
      expect(loadHistory(j.db).schedules).toEqual(listSchedules(j.db));
    } finally {
      j.close();
    }
  });

  it('a failed migration 6 leaves the journal at version 5', () => {
    const path = versionFiveJournal();
    const db = new Database(path);
    // A table of that name already there makes the migration fail part-way.
    db.exec('CREATE TABLE schedules (x INTEGER)');
    db.close();
    expect(() => openJournal(path, { write: true })).toThrow();
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(5);
    after.close();
  });

  it('the table is STRICT and refuses no days, days past Sunday, 25:00 and a time in another shape', () => {
    const j = fresh();
    try {
      const id = write(j.db, () => ensureActivity(j.db, { name: 'walk', unit: 'min', category: 'aerobic' }));
      const bad = [
        `INSERT INTO schedules (activity_id, days, time) VALUES (${id}, 0, '08:00')`,
        `INSERT INTO schedules (activity_id, days, time) VALUES (${id}, 128, '08:00')`,
        `INSERT INTO schedules (activity_id, days, time) VALUES (${id}, 'mon', '08:00')`,
        `INSERT INTO schedules (activity_id, days, time) VALUES (${id}, 1, '25:00')`,
        `INSERT INTO schedules (activity_id, days, time) VALUES (${id}, 1, '24:00')`,
        `INSERT INTO schedules (activity_id, days, time) VALUES (${id}, 1, '8:00')`,
        `INSERT INTO schedules (activity_id, days, time) VALUES (${id}, 1, '08:60')`,
        `INSERT INTO schedules (activity_id, days, time) VALUES (999, 1, '08:00')`,
      ];
      j.db.pragma('foreign_keys = ON');
      for (const sql of bad) expect(() => j.db.exec(sql), sql).toThrow(/constraint|cannot store/i);
      j.db.exec(`INSERT INTO schedules (activity_id, days, time) VALUES (${id}, 127, '23:59')`);
      j.db.exec(`UPDATE schedules SET time = NULL WHERE activity_id = ${id}`);
      expect(listSchedules(j.db)).toEqual([{ activity: 'walk', days: [0, 1, 2, 3, 4, 5, 6], time: null }]);
    } finally {
      j.close();
    }
  });

  it('a schedule is replaced, then cleared; the default time is 09:00 until set', () => {
    const j = fresh();
    try {
      const id = write(j.db, () => ensureActivity(j.db, { name: 'walk', unit: 'min', category: 'aerobic' }));
      write(j.db, () => setSchedule(j.db, id, [0, 2, 4], null));
      write(j.db, () => setSchedule(j.db, id, [6], '18:00'));
      expect(listSchedules(j.db)).toEqual([{ activity: 'walk', days: [6], time: '18:00' }]);
      expect(write(j.db, () => clearSchedule(j.db, id))).toBe(true);
      expect(write(j.db, () => clearSchedule(j.db, id))).toBe(false);
      expect(defaultTime(j.db)).toBe('09:00');
      write(j.db, () => setSetting(j.db, 'default_time', '07:15'));
      expect(defaultTime(j.db)).toBe('07:15');
    } finally {
      j.close();
    }
  });
});

describe('activity names', () => {
  it('a name stored with a combining accent (by an older pace) is found by its NFC spelling, and keeps its own', () => {
    const j = fresh();
    try {
      const stored = 've\u0301lo';
      const id = write(j.db, () => ensureActivity(j.db, { name: stored, unit: 'min', category: 'aerobic' }));
      expect(findActivity(j.db, 'v\u00e9lo')).toEqual({ id, name: stored, unit: 'min', category: 'aerobic' });
      expect(write(j.db, () => ensureActivity(j.db, { name: 'v\u00e9lo', unit: 'min', category: 'aerobic' }))).toBe(id);
      expect(findActivity(j.db, 'velo')).toBeUndefined();
    } finally {
      j.close();
    }
  });
});
