// A record made twice, identical, is two records of the journal: a JSON backup holds both, and an
// import restores both (docs/decisions.md, "Importing twice adds nothing": each record already in
// the journal uses up one identical record of the backup, as sessions do).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pace } from '../helpers/inProcess.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const savedUmask = process.umask();
afterAll(() => {
  process.umask(savedUmask);
  removeTempDirs();
});

const DAY = '2026-09-14';
const LATER = '2026-09-29';

async function ok(db: string, argv: string[], today = DAY): Promise<string> {
  const r = await pace(db, today, argv);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** Backs up `a`, restores it into an empty journal, and returns both journals' backups. */
async function restored(a: string): Promise<{ b: string; before: Record<string, unknown>; after: Record<string, unknown>; file: string }> {
  const dir = tempDir();
  const file = join(dir, 'backup.json');
  writeFileSync(file, await ok(a, ['export', '--format', 'json']));
  const b = join(dir, 'b.db');
  await ok(b, ['import', file]);
  return { b, file, before: JSON.parse(await ok(a, ['export', '--format', 'json'])), after: JSON.parse(await ok(b, ['export', '--format', 'json'])) };
}

async function journal(...commands: string[][]): Promise<string> {
  const a = join(tempDir(), 'a.db');
  await ok(a, ['init', '--pem', 'no', '--start', '2026-09-01']);
  for (const argv of commands) await ok(a, argv);
  return a;
}

describe('a JSON backup restores records made twice on one day', () => {
  it('T3: a stop sign, its clearance and the same sign again that day: the pause stays open after a restore', async () => {
    const a = await journal(['triage', '--symptom', 'dizziness'], ['triage', '--cleared'], ['triage', '--symptom', 'dizziness']);
    const { b, file, before, after } = await restored(a);
    expect(after.triage_records).toEqual(before.triage_records);
    const holds = async (db: string) => JSON.parse(await ok(db, ['status', '--json'])).holds;
    expect(await holds(b)).toEqual([{ kind: 'stop', since: DAY, symptoms: ['dizziness'] }]);
    expect(await holds(b)).toEqual(await holds(a));
    // Twice, or into the journal it came from: nothing added.
    for (const db of [a, b]) expect(JSON.parse(await ok(db, ['import', file, '--json'])).other_records_added).toBe(0);
  });

  it('Q7: the same override set twice is restored twice', async () => {
    const a = await journal(['log', 'walk', '10'], ['plan', '--set', 'walk=8', '--yes'], ['plan', '--set', 'walk=8', '--yes']);
    const { before, after } = await restored(a);
    expect((before.overrides as unknown[]).length).toBe(2);
    expect(after.overrides).toEqual(before.overrides);
  });

  it('S1, S2: no, yes, no on one day: the restored journal is in the mode the journal was, graded', async () => {
    const a = await journal(['init', '--pem', 'yes'], ['init', '--pem', 'no'], ['log', 'walk', '10']);
    const { b, before, after } = await restored(a);
    expect(after.pem_answers).toEqual(before.pem_answers);
    // Two weeks on, the week's mode is the answer in force the day before its Monday, from the history.
    const mode = async (db: string) => JSON.parse(await ok(db, ['status', '--json'], LATER)).mode;
    expect(await mode(b)).toBe('graded');
    expect(await mode(b)).toBe(await mode(a));
  });

  it('G1: aims of 60, 150 and 60 set on one day: the restored journal plans to 60, as the journal does', async () => {
    const a = await journal(['init', '--target-minutes', '60'], ['init', '--target-minutes', '150'], ['init', '--target-minutes', '60'], ['log', 'walk', '10']);
    const { b, before, after } = await restored(a);
    expect(after.weekly_aims).toEqual(before.weekly_aims);
    const status = async (db: string) => JSON.parse(await ok(db, ['status', '--json'], LATER));
    expect((await status(b)).target_minutes).toBe(60);
    expect(await status(b)).toEqual(await status(a));
  });
});
