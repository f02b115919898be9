// A backup onto a full disk: SQLite's SQLITE_FULL read "the disk is full; nothing was saved", which
// says nothing of the backup asked for. The copy is dropped and the message names it.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { JournalError } from '../../src/store/errors.js';
import { backupJournal } from '../../src/store/maintenance.js';
import { journalWithWalk } from '../helpers/journal.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const full = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('../../src/store/open.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/open.js')>();
  return {
    ...real,
    openJournal: (...args: Parameters<typeof real.openJournal>) => {
      const j = real.openJournal(...args);
      if (!full.code) return j;
      const code = full.code;
      const db = new Proxy(j.db, {
        get: (target, key) =>
          key === 'backup' ? () => Promise.reject(Object.assign(new Error('database or disk is full'), { code })) : Reflect.get(target, key, target),
      });
      return { ...j, db };
    },
  };
});

afterAll(removeTempDirs);

describe('a backup onto a full disk', () => {
  it.each(['SQLITE_FULL', 'ENOSPC'])('%s: refused naming the backup, exit 1, and nothing left in its folder', async (code) => {
    const source = journalWithWalk();
    const dest = join(tempDir(), 'copy.db');
    full.code = code;
    let error: unknown;
    try {
      await backupJournal(source, dest);
    } catch (e) {
      error = e;
    } finally {
      full.code = null;
    }
    expect(error).toBeInstanceOf(JournalError);
    expect((error as JournalError).message).toBe(`the disk is full; the backup ${dest} was not written.`);
    expect((error as JournalError).hint).toBe('Free some space, or back up to another disk.');
    expect(existsSync(dest)).toBe(false);
    expect(readdirSync(dirname(dest))).toEqual([]);
  });
});
