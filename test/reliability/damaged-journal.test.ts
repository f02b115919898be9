// Issue 17, item 3: every command that writes refuses a damaged journal (exit 1, one line naming
// pace check) and writes nothing; a sound one pays two stat calls, not a read of every page.
import { copyFileSync, openSync, closeSync, fstatSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect, pace, sandbox, sandboxWithHistory, sessionCount, sha256, stackLines, useBuiltCli, type Sandbox } from './helpers.js';

useBuiltCli();
let sound: Sandbox;
beforeAll(() => {
  sound = sandboxWithHistory(1200);
  // status leaves its checkpoint, as it would in daily use; the copies below start from here.
  expect(pace(sound, ['status']).status).toBe(0);
  expect(pace(sound, ['init', '--pem', 'no']).status).toBe(0);
}, 60_000);
afterAll(() => sound?.remove());

const quickCheck = (db: string) => inspect(db, (d) => d.pragma('quick_check', { simple: true }));

/** Overwrites the start of a page in the middle of the file, as a failing disk or a stray write would. */
function damage(db: string): void {
  const fd = openSync(db, 'r+');
  try {
    const page = 4096;
    const at = Math.floor(fstatSync(fd).size / 2 / page) * page;
    writeSync(fd, Buffer.alloc(32, 0xa5), 0, 32, at);
  } finally {
    closeSync(fd);
  }
}

/** A copy of the sound journal, damaged after its last write, with the -journal file pace kept. */
function damagedCopy(): Sandbox {
  const sb = sandbox();
  copyFileSync(sound.db, sb.db);
  copyFileSync(`${sound.db}-journal`, `${sb.db}-journal`);
  // The copy of the -journal file is newer than the copy of the journal; as they were, it is older.
  const t = statSync(sound.db).mtime;
  utimesSync(`${sb.db}-journal`, t, t);
  damage(sb.db);
  return sb;
}

const WRITES: [string, string[]][] = [
  ['log', ['log', 'walk', '10']],
  ['triage', ['triage', '--symptom', 'dizziness']],
  ['edit', ['edit', '5', '--dose', '11']],
  ['delete', ['delete', '7', '--yes']],
  ['init', ['init', '--pem', 'no']],
  ['import', ['import', 'more.csv']],
  ['plan --set', ['plan', '--set', 'walk=9']],
];

/** Overwrites the start of a page of the schema (a leaf of sqlite_schema other than page 1). */
function damageSchema(db: string): void {
  const pages = inspect(db, (d) => d.prepare("SELECT DISTINCT pageno FROM dbstat WHERE name = 'sqlite_schema' AND pageno > 1").pluck().all()) as number[];
  expect(pages.length).toBeGreaterThan(0);
  const fd = openSync(db, 'r+');
  try {
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (pages[0]! - 1) * 4096);
  } finally {
    closeSync(fd);
  }
}

describe('a journal whose schema is damaged', () => {
  it('is called damaged, with pace check and a backup to turn to, never "not a pace journal"', () => {
    const sb = sandbox();
    try {
      copyFileSync(sound.db, sb.db);
      damageSchema(sb.db);
      const before = sha256(sb.db);
      for (const args of [['status'], ['log', 'walk', '10']]) {
        const r = pace(sb, args);
        expect(r.status, args.join(' ')).toBe(1);
        expect(r.stderr).toMatch(/is damaged \(.*\); it was left untouched\.\n {2}Run pace check/);
        expect(r.stderr).not.toMatch(/not a pace journal|start one/);
        expect(stackLines(r.stderr)).toEqual([]);
      }
      expect(sha256(sb.db)).toBe(before);
      const check = pace(sb, ['check']);
      expect(check.status).toBe(1);
      expect(check.stderr).toMatch(/the list of its tables cannot be read/);
    } finally {
      sb.remove();
    }
  });
});

describe('a journal whose first bytes (the SQLite header) are overwritten', () => {
  it.each([
    ['zeros', Buffer.alloc(100, 0)],
    ['stray bytes', Buffer.alloc(100, 0xa5)],
  ])('with %s is called damaged by every command, never "not a pace journal", and left as it is', (_, bytes) => {
    const sb = sandbox();
    try {
      copyFileSync(sound.db, sb.db);
      const fd = openSync(sb.db, 'r+');
      writeSync(fd, bytes, 0, bytes.length, 0);
      closeSync(fd);
      const before = sha256(sb.db);
      for (const args of [['status'], ['log', 'walk', '10'], ['backup', 'copy.db']]) {
        const r = pace(sb, args);
        expect(r.status, args.join(' ')).toBe(1);
        expect(r.stderr, args.join(' ')).toMatch(/is damaged \(.*\); it was left untouched\.\n {2}Run pace check/);
        expect(r.stderr).not.toMatch(/not a pace journal|start one/);
        expect(stackLines(r.stderr)).toEqual([]);
      }
      const check = pace(sb, ['check']);
      expect(check.status).toBe(1);
      expect(check.stderr).toMatch(/the journal at .* is damaged: its header/);
      expect(check.stderr).toMatch(/restore your journal from a backup/);
      expect(sha256(sb.db)).toBe(before);
    } finally {
      sb.remove();
    }
  });
});

describe('a damaged journal (issue 17, item 3)', () => {
  it.each(WRITES)('%s refuses it with exit 1 and one line naming pace check, and writes nothing', (_, args) => {
    const sb = damagedCopy();
    try {
      expect(quickCheck(sb.db)).not.toBe('ok');
      copyFileSync(join(sound.dir, 'history.csv'), join(sb.dir, 'more.csv'));
      const before = sha256(sb.db);
      const r = pace(sb, args);
      expect(r.status, r.stderr).toBe(1);
      expect(stackLines(r.stderr)).toEqual([]);
      const lines = r.stderr.trimEnd().split('\n').filter((l) => !/helps you pace|safety question/.test(l));
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^pace: the journal at .* is damaged \(.*\); nothing was written\. Run pace check\.$/);
      expect(sha256(sb.db)).toBe(before);
    } finally {
      sb.remove();
    }
  });

  it('status refuses it, whether its reads meet the damage or its checkpoint would, and leaves it as it is', () => {
    const sb = damagedCopy();
    try {
      const before = sha256(sb.db);
      const r = pace(sb, ['status']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/damaged[^]*pace check/);
      expect(sha256(sb.db)).toBe(before);
    } finally {
      sb.remove();
    }
  });

  it('a sound journal copied without its -journal file is checked in full once, then written', () => {
    const sb = sandbox();
    try {
      copyFileSync(sound.db, sb.db);
      const n = sessionCount(sb.db);
      rmSync(`${sb.db}-journal`, { force: true });
      expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
      expect(sessionCount(sb.db)).toBe(n + 1);
    } finally {
      sb.remove();
    }
  });

  it('damage that leaves the file times as a commit leaves them is not looked for on a write (the price of a cheap check)', () => {
    const sb = damagedCopy();
    try {
      // As if the bytes had rotted on the disk before the last commit: only pace check finds it.
      const t = statSync(`${sb.db}-journal`).mtime;
      utimesSync(sb.db, t, t);
      expect(pace(sb, ['triage', '--symptom', 'muscle-fatigue']).status).toBe(0);
      const check = pace(sb, ['check']);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain('is damaged');
    } finally {
      sb.remove();
    }
  });
});
