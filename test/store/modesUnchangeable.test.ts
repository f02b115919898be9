// A journal on a mount where modes cannot change (a read-only copy, a FAT stick): chmod fails there
// with EROFS or EPERM. pace still reads it; only what it could not do is left undone.
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openJournal } from '../../src/store/open.js';
import { listActivities } from '../../src/store/activities.js';
import { backupJournal } from '../../src/store/maintenance.js';
import { JournalError } from '../../src/store/errors.js';
import { journalWithWalk } from '../helpers/journal.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const refused = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    chmodSync: (...args: Parameters<typeof fs.chmodSync>) => {
      if (refused.code) throw Object.assign(new Error(`chmod: ${refused.code}`), { code: refused.code });
      return fs.chmodSync(...args);
    },
  };
});

afterAll(removeTempDirs);

function looseJournal(): string {
  const path = journalWithWalk();
  chmodSync(path, 0o644);
  return path;
}

describe('modes that cannot be changed', () => {
  it.each(['EROFS', 'EPERM'])('%s: the journal is still opened and read, its mode as it was', (code) => {
    const path = looseJournal();
    refused.code = code;
    try {
      const j = openJournal(path, { write: false });
      expect(listActivities(j.db).map((a) => a.name)).toEqual(['walk']);
      j.close();
    } finally {
      refused.code = null;
    }
    expect(statSync(path).mode & 0o777).toBe(0o644);
  });

  it('any other failure of chmod is not hidden', () => {
    const path = looseJournal();
    refused.code = 'EIO';
    try {
      expect(() => openJournal(path, { write: false })).toThrow(/chmod: EIO/);
    } finally {
      refused.code = null;
    }
  });
});

describe('a backup to a disk that keeps no modes (a FAT stick: chmod gives EPERM)', () => {
  it('is refused in words naming the backup and what to do, and leaves nothing there', async () => {
    // Seen as "something went wrong: EPERM: operation not permitted, chmod '.../.b.db.<pid>.tmp'".
    const path = looseJournal();
    const stick = join(tempDir(), 'stick');
    mkdirSync(stick);
    refused.code = 'EPERM';
    let error: unknown;
    try {
      await backupJournal(path, join(stick, 'b.db'));
    } catch (e) {
      error = e;
    } finally {
      refused.code = null;
    }
    expect(error).toBeInstanceOf(JournalError);
    expect((error as JournalError).message).toBe(`cannot make ${join(stick, 'b.db')} private to you: this disk does not keep file permissions.`);
    expect((error as JournalError).hint).toMatch(/local disk, then copy/);
    expect(readdirSync(stick)).toEqual([]);
  });
});
