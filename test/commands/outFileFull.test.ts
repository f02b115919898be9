// A full disk (or a used-up quota) under a file named by --out or --ics: the file is built beside its
// name and never renamed into place, so nothing was written there and a file already there is
// unchanged. The message says so, rather than "the output is incomplete", which is stdout's case.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { pace } from '../helpers/inProcess.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const full = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refuse = () => {
    if (full.code) throw Object.assign(new Error(`${full.code}: no space left, write`), { code: full.code });
  };
  return {
    ...fs,
    writeSync: (...args: Parameters<typeof fs.writeSync>) => (refuse(), fs.writeSync(...args)),
    fsyncSync: (...args: Parameters<typeof fs.fsyncSync>) => (refuse(), fs.fsyncSync(...args)),
  };
});

afterAll(removeTempDirs);

const TODAY = '2026-11-21';

describe('a full disk under --out', () => {
  it.each([
    ['ENOSPC', ['export'], 'e.csv', '--out'],
    ['ENOSPC', ['export', '--format', 'json'], 'e.json', '--out'],
    ['ENOSPC', ['report', '--format', 'html'], 'r.html', '--out'],
    ['EDQUOT', ['plan'], 'p.ics', '--ics'],
  ])('%s: pace %s exits 1, says nothing was written to the file, and leaves the one there as it was', async (code, args, name, flag) => {
    const dir = tempDir();
    const db = join(dir, 'pace.db');
    expect((await pace(db, TODAY, ['log', 'walk', '10'])).code).toBe(0);
    const file = join(dir, name);
    writeFileSync(file, 'the earlier file\n');
    full.code = code;
    let r;
    try {
      r = await pace(db, TODAY, [...args, flag, file]);
    } finally {
      full.code = null;
    }
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stderr.trimEnd().split('\n').filter((l) => l.startsWith('pace:') || l.startsWith('  '));
    expect(lines).toEqual([`pace: the disk is full; nothing was written to ${file}.`, '  Free some space and try again.']);
    expect(readFileSync(file, 'utf8')).toBe('the earlier file\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a full disk under --ics after plan --set saved its change', () => {
  it('exits 0 (the change stands) and says in one sentence that the calendar file was not written', async () => {
    const dir = tempDir();
    const db = join(dir, 'pace.db');
    expect((await pace(db, TODAY, ['log', 'walk', '10'])).code).toBe(0);
    const file = join(dir, 'p.ics');
    full.code = 'ENOSPC';
    let r;
    try {
      r = await pace(db, TODAY, ['plan', '--set', 'walk=8', '--ics', file]);
    } finally {
      full.code = null;
    }
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`pace: saved, but the output could not be written (the disk is full; nothing was written to ${file}).\n`);
    expect(readdirSync(dir).filter((f) => f.includes('.ics'))).toEqual([]);
  });
});
