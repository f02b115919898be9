// A journal that cannot be written from here (read-only file or mount, a folder that cannot take
// its -journal file), met at a terminal: said before the first question, not after the person
// has answered every one. Root may write any file, so "read-only" is staged by access() saying so.
import { screen } from '@inquirer/testing/vitest';
import { closeSync, fstatSync, openSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/main.js';
import { pace, terminal } from '../helpers/inProcess.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const readOnly = vi.hoisted(() => ({ paths: new Set<string>() }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    accessSync: (path: string, mode?: number) => {
      if (mode !== undefined && mode & fs.constants.W_OK && readOnly.paths.has(String(path))) {
        throw Object.assign(new Error(`EROFS: read-only file system, access '${path}'`), { code: 'EROFS' });
      }
      return fs.accessSync(path, mode);
    },
  };
});

const savedUmask = process.umask();
afterAll(() => {
  process.umask(savedUmask);
  removeTempDirs();
});

const terminalOn = (db: string) => terminal(join(db, '..'), { PACE_DB: db });

describe('a read-only journal at a terminal', () => {
  it('pace log says so before the first question (exit 1), where it asked everything and then saved nothing', async () => {
    const db = join(tempDir(), 'pace.db');
    expect((await pace(db, '2026-11-21', ['init', '--pem', 'no'])).code).toBe(0);
    expect((await pace(db, '2026-11-20', ['log', 'walk', '10'])).code).toBe(0);
    readOnly.paths.add(db);
    try {
      const t = terminalOn(db);
      expect(await main(['log'], t.io)).toBe(1);
      expect(screen.getScreen()).toBe('');
      expect(t.stderr.text).toBe(`pace: the journal at ${db} is read-only here, so nothing can be saved; no question was asked.\n  Check the file permissions, or use --db to pick a writable journal.\n`);
    } finally {
      readOnly.paths.clear();
    }
  });

  it('a writable journal is asked about as before', async () => {
    const db = join(tempDir(), 'pace.db');
    expect((await pace(db, '2026-11-21', ['init', '--pem', 'no'])).code).toBe(0);
    const t = terminalOn(db);
    const code = main(['log'], t.io);
    await screen.next();
    expect(screen.getScreen()).toMatch(/Activity/);
    screen.keypress({ name: 'c', ctrl: true });
    expect(await code).toBe(130);
  });
});

describe('a damaged journal at a terminal', () => {
  it('pace log says so before the first question (exit 1), as the write would after the last', async () => {
    const dir = tempDir();
    const db = join(dir, 'pace.db');
    const rows = Array.from({ length: 1200 }, (_, i) => `2026-${String(1 + Math.floor(i / 120)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},walk,${10 + (i % 5)}`);
    writeFileSync(join(dir, 'history.csv'), `date,activity,dose\n${rows.join('\n')}\n`);
    expect((await pace(db, '2026-11-21', ['import', join(dir, 'history.csv')])).code).toBe(0);
    expect((await pace(db, '2026-11-21', ['init', '--pem', 'no'])).code).toBe(0);
    // A stray write in the middle of the file, after pace's last commit, that reads do not meet:
    // a page's count of fragmented bytes (its header's byte 7), which quick_check verifies.
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.from([0x21]), 0, 1, Math.floor(fstatSync(fd).size / 2 / 4096) * 4096 + 7);
    closeSync(fd);
    // The stray write comes after pace's last commit, and the check before questions looks only at
    // a file changed since its -journal was: set so, not left to the clock (within one tick of the
    // commit both times read the same, and under a busy machine the test waited at a question).
    const committed = statSync(`${db}-journal`).mtime;
    utimesSync(db, committed, new Date(committed.getTime() + 1000));
    const t = terminalOn(db);
    expect(await main(['log'], t.io)).toBe(1);
    expect(screen.getScreen()).toBe('');
    expect(t.stderr.text).toMatch(/^pace: the journal at .*pace\.db is damaged \(.*\); no question was asked\. Run pace check\.\n$/);
  });
});
