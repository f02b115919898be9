import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/types.js';
import { closeGoal, getGoal, insertGoal, listGoals, rateGoal } from '../../src/store/goals.js';
import { openJournal, write, type Journal } from '../../src/store/open.js';
import { latestPegCheckin, listPegCheckins, pegByWeek, savePegCheckin } from '../../src/store/pegCheckins.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';
import { readStatusOutcomes } from '../../src/commands/statusOutcomes.js';
import { importOutcomeExtras, readOutcomeExtras } from '../../src/store/outcomesBackup.js';
import { peekJournal } from '../../src/store/peek.js';

afterAll(removeTempDirs);

const d = (s: string) => s as IsoDate;

function fresh(): Journal {
  return openJournal(join(tempDir(), 'pace.db'), { write: true });
}

/** A journal exactly as version 4 of pace left it: a walk, a next-day answer and a checkpoint. */
function versionFourJournal(): string {
  const path = join(tempDir(), 'pace.db');
  const db = new Database(path);
  for (const sql of MIGRATIONS.slice(0, 4)) db.exec(sql);
  db.pragma('user_version = 4');
  db.exec(`INSERT INTO activities (name, unit, category) VALUES ('walk', 'min', 'aerobic');
           INSERT INTO sessions (uid, day, activity_id, dose, flare, logged_at) VALUES ('u1', '2026-11-02', 1, 10, 0, 'x');
           INSERT INTO checkins (session_id, day, settled) VALUES (1, '2026-11-03', 1);
           INSERT INTO coach_checkpoint (id, week, coach, state) VALUES (1, '2026-11-09', 'rules', '{}');`);
  db.close();
  return path;
}

describe('migration 5: goals, goal ratings and weekly check-ins', () => {
  it('brings a version 4 journal up to date, keeping its sessions, next-day answers and checkpoint', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    const j = openJournal(versionFourJournal(), { write: true });
    try {
      expect(j.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(j.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
      expect(j.db.prepare('SELECT settled FROM checkins').all()).toEqual([{ settled: 1 }]);
      // Goals and check-ins change no plan: the coach's checkpoint stays where it was.
      write(j.db, () => {
        insertGoal(j.db, 'climb the stairs', 3, d('2026-11-04'));
        savePegCheckin(j.db, { weekStart: d('2026-11-02'), date: d('2026-11-04'), pain: 5, enjoyment: 4, general: 4 });
      });
      expect(j.db.prepare('SELECT count(*) AS n FROM coach_checkpoint').get()).toEqual({ n: 1 });
      expect(listGoals(j.db)).toHaveLength(1);
    } finally {
      j.close();
    }
  });

  it('the tables are STRICT and refuse a rating of 11 or 3.5, an impossible date and a check-in outside its week', () => {
    const j = fresh();
    try {
      const id = write(j.db, () => insertGoal(j.db, 'touch my toes', 2, d('2026-11-02')));
      const bad = [
        `INSERT INTO goal_ratings (goal_id, day, rating) VALUES (${id}, '2026-11-03', 11)`,
        `INSERT INTO goal_ratings (goal_id, day, rating) VALUES (${id}, '2026-11-03', 3.5)`,
        `INSERT INTO goal_ratings (goal_id, day, rating) VALUES (${id}, '2026-11-03', 'seven')`,
        `INSERT INTO goal_ratings (goal_id, day, rating) VALUES (${id}, '2026-02-30', 4)`,
        `INSERT INTO goals (uid, text, created_on) VALUES ('g2', '', '2026-11-02')`,
        `INSERT INTO goals (uid, text, created_on) VALUES ('g3', ' padded', '2026-11-02')`,
        `INSERT INTO goals (uid, text, status, created_on) VALUES ('g4', 'x', 'achieved', '2026-11-02')`,
        `INSERT INTO goals (uid, text, status, created_on, closed_on) VALUES ('g5', 'x', 'dropped', '2026-11-02', '2026-11-01')`,
        "INSERT INTO peg_checkins (week_start, day, pain, enjoyment, general) VALUES ('2026-11-03', '2026-11-03', 1, 1, 1)",
        "INSERT INTO peg_checkins (week_start, day, pain, enjoyment, general) VALUES ('2026-11-02', '2026-11-09', 1, 1, 1)",
        "INSERT INTO peg_checkins (week_start, day, pain, enjoyment, general) VALUES ('2026-11-02', '2026-11-04', 1, 11, 1)",
        "INSERT INTO peg_checkins (week_start, day, pain, enjoyment, general) VALUES ('2026-11-02', '2026-11-04', 1, 1, -1)",
      ];
      for (const sql of bad) expect(() => j.db.exec(sql), sql).toThrow(/constraint|cannot store/i);
      // The same shapes with good values go in: the constraints are not refusing everything.
      j.db.exec(`INSERT INTO goal_ratings (goal_id, day, rating) VALUES (${id}, '2026-11-03', 10)`);
      j.db.exec("INSERT INTO peg_checkins (week_start, day, pain, enjoyment, general) VALUES ('2026-11-02', '2026-11-08', 0, 10, 5)");
    } finally {
      j.close();
    }
  });

  it('M2: a second rating on the same day replaces the first; M5: closing keeps the ratings', () => {
    const j = fresh();
    try {
      const id = write(j.db, () => insertGoal(j.db, 'carry the shopping', 3, d('2026-11-02')));
      write(j.db, () => {
        rateGoal(j.db, id, 5, d('2026-11-16'));
        rateGoal(j.db, id, 6, d('2026-11-16'));
        closeGoal(j.db, id, 'achieved', d('2026-11-20'));
      });
      expect(getGoal(j.db, id)).toMatchObject({ status: 'achieved', closedOn: '2026-11-20', ratings: [{ date: '2026-11-02', rating: 3 }, { date: '2026-11-16', rating: 6 }] });
      expect(listGoals(j.db)).toEqual([]);
      expect(listGoals(j.db, { all: true })).toHaveLength(1);
    } finally {
      j.close();
    }
  });

  it('M2: a backup rating a goal this journal holds before the day this journal added it is refused, naming both days', () => {
    const j = fresh();
    try {
      const id = write(j.db, () => insertGoal(j.db, 'carry the shopping', 3, d('2026-11-10')));
      const [kept] = readOutcomeExtras(j.db).goals;
      // A copy where the same goal (its uid) was added earlier, and rated that day.
      const copy = { ...kept!, created_on: d('2026-11-02'), ratings: [{ date: d('2026-11-02'), rating: 2 }, ...kept!.ratings] };
      expect(() => write(j.db, () => importOutcomeExtras(j.db, { goals: [copy] }))).toThrow(
        'the backup rates the goal "carry the shopping" on 2026-11-02, before this journal added it on 2026-11-10; nothing was imported.',
      );
      expect(getGoal(j.db, id)?.ratings).toEqual([{ date: '2026-11-10', rating: 3 }]);
    } finally {
      j.close();
    }
  });

  it('W2: a second check-in in the same week replaces the first; the latest is found by its week', () => {
    const j = fresh();
    try {
      write(j.db, () => {
        savePegCheckin(j.db, { weekStart: d('2026-11-02'), date: d('2026-11-03'), pain: 7, enjoyment: 7, general: 7 });
        savePegCheckin(j.db, { weekStart: d('2026-11-02'), date: d('2026-11-08'), pain: 6, enjoyment: 5, general: 4 });
        savePegCheckin(j.db, { weekStart: d('2026-11-09'), date: d('2026-11-15'), pain: 5, enjoyment: 5, general: 5 });
      });
      expect(listPegCheckins(j.db)).toEqual([
        { weekStart: '2026-11-02', date: '2026-11-08', pain: 6, enjoyment: 5, general: 4 },
        { weekStart: '2026-11-09', date: '2026-11-15', pain: 5, enjoyment: 5, general: 5 },
      ]);
      expect(latestPegCheckin(j.db, d('2026-11-14'))?.weekStart).toBe('2026-11-02');
      expect(latestPegCheckin(j.db, d('2026-11-15'))?.weekStart).toBe('2026-11-09');
      expect([...pegByWeek(j.db, d('2026-11-09')).keys()]).toEqual(['2026-11-09']);
    } finally {
      j.close();
    }
  });

  it('a journal read as it is, from before migration 5 (a read-only folder), has no goals or check-ins rather than failing', () => {
    const db = new Database(versionFourJournal(), { readonly: true });
    try {
      expect(readStatusOutcomes(db, d('2026-11-21'))).toEqual({ goals: [], peg: null });
      expect(readOutcomeExtras(db)).toEqual({ goals: [], peg_checkins: [] });
      expect(() => listGoals(db)).toThrow(/no such table: goals/);
    } finally {
      db.close();
    }
  });

  it('completion still finds the names and sessions of a journal from before migration 5, and no goals', () => {
    const path = versionFourJournal();
    expect(peekJournal(path)).toEqual({ activities: ['walk'], sessions: [1], goals: [] });
  });
});
