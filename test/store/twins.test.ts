import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal, write } from '../../src/store/open.js';
import { insertSession, twinsOf, type NewSession } from '../../src/store/sessions.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const walk: NewSession = {
  date: '2026-11-20' as NewSession['date'], activity: 'walk', unit: 'min', category: 'aerobic', dose: 15,
  painBefore: 3, painAfter: 4, effort: null, flare: false, symptoms: ['muscle-fatigue'], note: null,
};

describe('twinsOf: the same session logged again', () => {
  it('names the earlier sessions of its day that hold exactly the same, logged since the time given', () => {
    const j = openJournal(join(tempDir(), 'pace.db'), { write: true });
    try {
      const ids = write(j.db, () => [
        insertSession(j.db, walk, '2026-11-20T08:00:00.000Z'), // 1: long before the window
        insertSession(j.db, walk, '2026-11-20T09:50:00.000Z'), // 2: the same, in the window
        insertSession(j.db, { ...walk, painAfter: 5 }, '2026-11-20T09:55:00.000Z'), // 3: another pain
        insertSession(j.db, { ...walk, note: 'hill' }, '2026-11-20T09:56:00.000Z'), // 4: a note
        insertSession(j.db, { ...walk, date: '2026-11-19' as NewSession['date'] }, '2026-11-20T09:57:00.000Z'), // 5: another day
        insertSession(j.db, { ...walk, effort: 4 }, '2026-11-20T09:58:00.000Z'), // 6: an effort
        insertSession(j.db, walk, '2026-11-20T10:00:00.000Z'), // 7: the new one
      ]);
      expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(twinsOf(j.db, 7, '2026-11-20T09:30:00.000Z')).toEqual([2]);
      expect(twinsOf(j.db, 7, '2026-11-20T07:00:00.000Z')).toEqual([1, 2]);
      expect(twinsOf(j.db, 3, '2026-11-20T07:00:00.000Z')).toEqual([]);
    } finally {
      j.close();
    }
  });

  it('leaves out a session logged "later" by a clock that was ahead and has been set back', () => {
    // Logged with the clock a day ahead, then the same walk logged today with the clock put right:
    // the first was not "logged in the last half hour", however its time compares with the window.
    const j = openJournal(join(tempDir(), 'pace.db'), { write: true });
    try {
      write(j.db, () => {
        insertSession(j.db, walk, '2026-11-21T10:00:00.000Z'); // 1: the clock a day ahead
        insertSession(j.db, walk, '2026-11-20T10:00:00.000Z'); // 2: the clock put right
      });
      expect(twinsOf(j.db, 2, '2026-11-20T09:30:00.000Z')).toEqual([]);
    } finally {
      j.close();
    }
  });
});
