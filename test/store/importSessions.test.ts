import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/types.js';
import { importSessions } from '../../src/store/backup.js';
import { sessionFingerprint } from '../../src/core/sessionCsv.js';
import { openJournal, write, type Journal } from '../../src/store/open.js';
import { insertSession, listSessions, type NewSession } from '../../src/store/sessions.js';
import { walk } from '../helpers/sessions.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

let journal: Journal;
beforeEach(() => {
  journal = openJournal(join(tempDir(), 'pace.db'), { write: true });
  return () => journal.close();
});

const load = (rows: NewSession[], withNotes = false) => write(journal.db, () => importSessions(journal.db, rows, (s) => sessionFingerprint(s, withNotes), 'now'));
const count = () => listSessions(journal.db).length;

describe('importing sessions', () => {
  const file = [
    walk({ date: '2026-11-18' as IsoDate }),
    walk({ date: '2026-11-19' as IsoDate, dose: 11 }),
    walk({ date: '2026-11-19' as IsoDate, dose: 11 }),
    walk({ activity: 'sit-to-stand', unit: 'reps', category: 'strength', dose: 8, symptoms: ['muscle-fatigue'] }),
  ];

  it('adds every row of a new file, keeping two identical walks on one day as two', () => {
    expect(load(file)).toEqual({ added: 4, skipped: 0 });
    expect(count()).toBe(4);
  });

  it('adds nothing when the same file is imported again', () => {
    load(file);
    expect(load(file)).toEqual({ added: 0, skipped: 4 });
    expect(count()).toBe(4);
  });

  it('adds only what is missing when the journal already holds part of the file', () => {
    write(journal.db, () => insertSession(journal.db, file[1]!, 'now'));
    expect(load(file)).toEqual({ added: 3, skipped: 1 });
    expect(count()).toBe(4);
  });

  it('skips sessions whose uid is already in the journal', () => {
    const tagged = file.map((s, i) => ({ ...s, uid: `uid-${i}` }));
    load(tagged);
    const changed = tagged.map((s) => ({ ...s, painAfter: 9 }));
    expect(load(changed)).toEqual({ added: 0, skipped: 4 });
  });

  it('treats a different note as a different session only when the file carries notes', () => {
    load([walk({ note: 'first' })], true);
    expect(load([walk({ note: null })], false).added).toBe(0);
    expect(load([walk({ note: 'second' })], true).added).toBe(1);
  });
});
