// A backup placed beside a "hot" rollback journal of the same name (left by a write cut off in an
// earlier file called so) is damaged at its first open: SQLite plays that journal into it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { backupJournal, inspectJournal } from '../../src/store/maintenance.js';
import { journalWithWalk } from '../helpers/journal.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

/** How a rollback journal holding a write to undo begins (SQLite's "hot" journal). */
const HOT = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);


describe('a backup beside a -journal file of its name', () => {
  it('is refused when that file holds a write to undo, which would be played into the backup; the file is left alone', async () => {
    const source = journalWithWalk();
    const dest = join(tempDir(), 'copy.db');
    const stale = Buffer.concat([HOT, Buffer.alloc(504, 7)]);
    writeFileSync(`${dest}-journal`, stale);
    let error: unknown;
    try {
      await backupJournal(source, dest);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${dest}-journal is there, left by a write cut off in an earlier file of that name; SQLite would play it into the backup.`);
    expect(existsSync(dest)).toBe(false);
    expect(readFileSync(`${dest}-journal`)).toEqual(stale);
  });

  it('goes ahead beside one with nothing to undo (its header zeroed, as pace leaves its own), and the copy is sound', async () => {
    const source = journalWithWalk();
    const dest = join(tempDir(), 'copy.db');
    writeFileSync(`${dest}-journal`, Buffer.alloc(512));
    await backupJournal(source, dest);
    expect(inspectJournal(dest)).toMatchObject({ ok: true, activities: 1 });
  });
});
