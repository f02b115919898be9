import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportedActivity } from '../../src/core/calendarDrift.js';
import type { IsoDate } from '../../src/core/types.js';
import { ensureActivity } from '../../src/store/activities.js';
import { calendarRecordsFrom, recordCalendarExport } from '../../src/store/calendarExports.js';
import { readCheckpoint } from '../../src/store/checkpoint.js';
import { committedWrites } from '../../src/store/commits.js';
import { openJournal, write, type Journal } from '../../src/store/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// D3: what the latest `plan --ics` of each week put in the person's calendar app (migration 10).

const THU = '2026-12-03' as IsoDate;
const THIS_MONDAY = '2026-11-30' as IsoDate;
const NEXT = '2026-12-07' as IsoDate;
const walk3: ExportedActivity = { activity: 'walk', unit: 'min', quota: 21.5, sessions: 3, slots: '2026-12-07 09:00,2026-12-09 09:00,2026-12-11 09:00' };

function withWalk(): Journal {
  const j = openJournal(join(tempDir(), 'pace.db'), { write: true });
  write(j.db, () => {
    ensureActivity(j.db, { name: 'walk', unit: 'min', category: 'aerobic' });
    ensureActivity(j.db, { name: 'sit-to-stand', unit: 'reps', category: 'strength' });
  });
  return j;
}

describe('calendar exports', () => {
  it('keeps the latest export of a week in place of the one before, and forgets weeks that are over', () => {
    const j = withWalk();
    try {
      expect(recordCalendarExport(j.db, THIS_MONDAY, THIS_MONDAY, [walk3], '2026-11-26' as IsoDate)).toBe(true);
      expect(recordCalendarExport(j.db, NEXT, THIS_MONDAY, [walk3, { activity: 'sit-to-stand', unit: 'reps', quota: 8, sessions: 2, slots: 'x' }], THU)).toBe(true);
      expect(calendarRecordsFrom(j.db, THIS_MONDAY).map((r) => [r.weekStart, r.activity, r.sessions])).toEqual([
        [THIS_MONDAY, 'walk', 3],
        [NEXT, 'sit-to-stand', 2],
        [NEXT, 'walk', 3],
      ]);
      // Exported again on Saturday with two walks and no sit-to-stand: only that export stands.
      const sat = '2026-12-05' as IsoDate;
      recordCalendarExport(j.db, NEXT, THIS_MONDAY, [{ ...walk3, sessions: 2, quota: 17.5 }], sat);
      expect(calendarRecordsFrom(j.db, NEXT)).toEqual([{ weekStart: NEXT, exportedOn: sat, activity: 'walk', unit: 'min', quota: 17.5, sessions: 2, slots: walk3.slots }]);
      // A week later, this week is over: an export then forgets it.
      recordCalendarExport(j.db, '2026-12-14' as IsoDate, NEXT, [walk3], '2026-12-10' as IsoDate);
      expect(j.db.prepare('SELECT DISTINCT week_start FROM calendar_exports ORDER BY 1').pluck().all()).toEqual([NEXT, '2026-12-14']);
    } finally {
      j.close();
    }
  });

  it('is not a save the person made, and leaves the coach checkpoint alone (the rules never read it)', () => {
    const j = withWalk();
    try {
      j.db.prepare("INSERT INTO coach_checkpoint (id, week, coach, state) VALUES (1, '2026-11-16', 'rules', ?)").run(JSON.stringify({ week: '2026-11-16' }));
      const before = committedWrites();
      recordCalendarExport(j.db, NEXT, THIS_MONDAY, [walk3], THU);
      expect(committedWrites()).toBe(before);
      expect(readCheckpoint(j.db, 'rules')).not.toBeNull();
    } finally {
      j.close();
    }
  });

  it('a journal that cannot take the record is left as it was, and the export goes on', () => {
    const j = withWalk();
    const path = j.db.name;
    j.close();
    const ro = new Database(path, { readonly: true });
    try {
      expect(recordCalendarExport(ro, NEXT, THIS_MONDAY, [walk3], THU)).toBe(false);
      expect(calendarRecordsFrom(ro, THIS_MONDAY)).toEqual([]);
    } finally {
      ro.close();
    }
  });

  it('migration 10: a journal from before it has no records, and is brought up to date with one table more', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    const path = join(tempDir(), 'pace.db');
    const db = new Database(path);
    for (const sql of MIGRATIONS.slice(0, 9)) db.exec(sql);
    db.pragma('user_version = 9');
    db.exec("INSERT INTO activities (name, unit, category) VALUES ('walk', 'min', 'aerobic');");
    // Read as it is (as a read-only journal is): nothing recorded, and no error.
    expect(calendarRecordsFrom(db, THIS_MONDAY)).toEqual([]);
    expect(recordCalendarExport(db, NEXT, THIS_MONDAY, [walk3], THU)).toBe(false);
    db.close();
    const j = openJournal(path, { write: true });
    try {
      expect(j.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(recordCalendarExport(j.db, NEXT, THIS_MONDAY, [walk3], THU)).toBe(true);
      expect(calendarRecordsFrom(j.db, THIS_MONDAY)).toHaveLength(1);
    } finally {
      j.close();
    }
  });
});
