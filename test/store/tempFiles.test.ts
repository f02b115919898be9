import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeLeftovers, tempNameOf } from '../../src/store/tempFiles.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Linux's pid_max is at most 4194304 (2^22): no process can have this id.
const GONE = 4194999;

describe('what a run killed outright left beside a file', () => {
  it('is removed once the file is in place: only its own temporary names, of a run no longer alive, and never a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const dest = join(dir, 'visit.csv');
    const files = {
      dead: tempNameOf(dest, GONE),
      deadJournal: `${tempNameOf(dest, GONE)}-journal`,
      alive: tempNameOf(dest, process.pid),
      // Another run still building the same name (here the process that started this one).
      aliveOther: tempNameOf(dest, process.ppid),
      notAPid: join(dir, '.visit.csv.abc.tmp'),
      otherFile: tempNameOf(join(dir, 'other.csv'), GONE),
      bare: join(dir, 'visit.csv.4194999.tmp'),
    };
    for (const f of Object.values(files)) writeFileSync(f, 'x', { mode: 0o600 });
    symlinkSync(join(dir, 'sub'), tempNameOf(dest, GONE + 1));
    expect(files.dead).toBe(join(dir, `.visit.csv.${GONE}.tmp`));

    expect(removeLeftovers(dest)).toEqual([files.dead]);
    expect(existsSync(files.dead)).toBe(false);
    // A backup's copy has SQLite's files beside it: removed only when asked for.
    expect(existsSync(files.deadJournal)).toBe(true);
    expect(removeLeftovers(dest, ['-journal', '-wal'])).toEqual([files.deadJournal]);
    expect(readdirSync(dir).sort()).toEqual([`.visit.csv.${GONE + 1}.tmp`, `.visit.csv.${process.pid}.tmp`, `.visit.csv.${process.ppid}.tmp`, '.other.csv.4194999.tmp', '.visit.csv.abc.tmp', 'sub', 'visit.csv.4194999.tmp'].sort());
  });

  it('says nothing and removes nothing where the folder cannot be read', () => {
    expect(removeLeftovers(join(tempDir(), 'missing', 'visit.csv'))).toEqual([]);
  });
});
