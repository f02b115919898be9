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
    expect(load(file)).toEqual({ added: 4, skipped: 0, notesAdded: 0 });
    expect(count()).toBe(4);
  });

  it('adds nothing when the same file is imported again', () => {
    load(file);
    expect(load(file)).toEqual({ added: 0, skipped: 4, notesAdded: 0 });
    expect(count()).toBe(4);
  });

  it('adds only what is missing when the journal already holds part of the file', () => {
    write(journal.db, () => insertSession(journal.db, file[1]!, 'now'));
    expect(load(file)).toEqual({ added: 3, skipped: 1, notesAdded: 0 });
    expect(count()).toBe(4);
  });

  it('skips sessions whose uid is already in the journal', () => {
    const tagged = file.map((s, i) => ({ ...s, uid: `uid-${i}` }));
    load(tagged);
    const changed = tagged.map((s) => ({ ...s, painAfter: 9 }));
    expect(load(changed)).toEqual({ added: 0, skipped: 4, notesAdded: 0 });
  });

  it('skips a session whose uid is here on a day outside the file\'s dates (moved by pace edit --date since)', () => {
    // Looked for only between the file's first and last day, it was taken for a new session, and
    // the uid, unique, refused the whole import as "a value outside what the journal accepts".
    const tagged = [walk({ date: '2026-11-01' as IsoDate }), walk({ date: '2026-11-03' as IsoDate, dose: 11 })].map((s, i) => ({ ...s, uid: `uid-${i}` }));
    load(tagged);
    journal.db.prepare("UPDATE sessions SET day = '2026-11-10' WHERE uid = 'uid-1'").run();
    expect(load(tagged)).toEqual({ added: 0, skipped: 2, notesAdded: 0 });
    expect(listSessions(journal.db).map((s) => s.date).sort()).toEqual(['2026-11-01', '2026-11-10']);
  });

  it('gives a session restored without its note the note a backup with notes has for it, and nothing else', () => {
    // A restore from a backup exported without --include-notes, then the backup with them: the
    // sessions were already there by uid, so every note stayed out, and nothing said so.
    const tagged = [walk({ note: 'knee fine' }), walk({ dose: 11, note: 'windy' }), walk({ dose: 12, note: null })].map((s, i) => ({ ...s, uid: `uid-${i}` }));
    load(tagged.map((s) => ({ ...s, note: null })));
    write(journal.db, () => insertSession(journal.db, walk({ dose: 13, note: null }), 'now'));
    const withNotes = tagged.map((s, i) => (i === 1 ? { ...s, painAfter: 9 } : s));
    expect(load(withNotes, true)).toEqual({ added: 0, skipped: 3, notesAdded: 2 });
    const byDose = new Map(listSessions(journal.db).map((s) => [s.dose, s]));
    expect([...byDose.values()].map((s) => [s.dose, s.note])).toEqual(expect.arrayContaining([[10, 'knee fine'], [11, 'windy'], [12, null], [13, null]]));
    // Only the note is taken: a session the journal holds otherwise keeps its own values.
    expect(byDose.get(11)!.painAfter).toBe(walk({}).painAfter);
    // A note the journal has is never replaced, and a second import adds none.
    load([{ ...tagged[0]!, note: 'other words' }], true);
    expect(listSessions(journal.db).find((s) => s.dose === 10)!.note).toBe('knee fine');
    expect(load(withNotes, true)).toEqual({ added: 0, skipped: 3, notesAdded: 0 });
  });

  it('treats a different note as a different session only when the file carries notes', () => {
    load([walk({ note: 'first' })], true);
    expect(load([walk({ note: null })], false).added).toBe(0);
    expect(load([walk({ note: 'second' })], true).added).toBe(1);
  });
});
