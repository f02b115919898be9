import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, write, type Journal } from '../../src/store/open.js';
import { countSessions, insertSession } from '../../src/store/sessions.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';
import { walk } from '../helpers/sessions.js';
import type { IsoDate } from '../../src/core/types.js';

afterAll(removeTempDirs);

let journal: Journal;
beforeEach(() => {
  journal = openJournal(join(tempDir(), 'pace.db'), { write: true });
  write(journal.db, () => insertSession(journal.db, walk(), '2026-11-21T10:00:00Z'));
  return () => journal.close();
});

/** Inserts a session row directly in SQL, with one column changed. */
function rawInsert(column: string, value: unknown): void {
  const cols: Record<string, unknown> = { uid: `u-${Math.random()}`, day: '2026-11-20', activity_id: 1, dose: 10, logged_at: 'now', [column]: value };
  const names = Object.keys(cols);
  journal.db.prepare(`INSERT INTO sessions (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(cols));
}

describe('the database itself refuses impossible values', () => {
  it.each([
    ['pain_before', 11],
    ['pain_after', -1],
    ['effort', 11],
    ['dose', 0],
    ['dose', -5],
    ['dose', 'seven'],
    ['day', '2026-02-30'],
    ['day', '2026-2-3'],
    ['flare', 2],
    ['symptoms', 'Chest Pain'],
  ])('%s = %j is refused by a CHECK constraint', (column, value) => {
    expect(() => rawInsert(column, value)).toThrow(/CHECK constraint|cannot store/);
    expect(countSessions(journal.db)).toBe(1);
  });

  it('accepts a well-formed row (the constraints are not simply refusing everything)', () => {
    rawInsert('pain_before', 10);
    expect(countSessions(journal.db)).toBe(2);
  });

  it('a failed write inside a transaction leaves nothing behind', () => {
    expect(() =>
      write(journal.db, () => {
        insertSession(journal.db, walk({ activity: 'bike' }), 'now');
        insertSession(journal.db, walk({ date: '2026-02-30' as IsoDate }), 'now');
      }),
    ).toThrow();
    expect(countSessions(journal.db)).toBe(1);
    expect(journal.db.prepare("SELECT count(*) AS n FROM activities WHERE name = 'bike'").get()).toEqual({ n: 0 });
  });
});

describe('session uids', () => {
  it('are random version-4 UUIDs made by SQLite, all different', () => {
    write(journal.db, () => {
      for (let i = 0; i < 500; i++) insertSession(journal.db, walk(), '2026-11-21T10:00:00Z');
    });
    const uids = (journal.db.prepare('SELECT uid FROM sessions').all() as { uid: string }[]).map((r) => r.uid);
    expect(uids).toHaveLength(501);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uids).size).toBe(501);
  });
});
