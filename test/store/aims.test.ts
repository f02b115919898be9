import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../src/core/coach/checkpoint.js';
import type { IsoDate } from '../../src/core/types.js';
import { importSettings, readExtras } from '../../src/store/backup.js';
import { dataVersion, readCheckpoint, saveCheckpoint } from '../../src/store/checkpoint.js';
import { openJournal, write, type Journal } from '../../src/store/open.js';
import { readSettings, setAim, setPem } from '../../src/store/settings.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// G1/Q6: the weekly aim is kept with the day it was set, and a JSON backup carries that history.

const day = (d: string) => d as IsoDate;
const journal = (): Journal => openJournal(join(tempDir(), 'pace.db'), { write: true });

function withAims(...aims: [string, number][]): Journal {
  const j = journal();
  write(j.db, () => {
    for (const [d, minutes] of aims) setAim(j.db, minutes, day(d));
  });
  return j;
}

describe('the weekly aim, with its dates', () => {
  it('G1: each aim set is kept with its day, oldest first, and the latest is current', () => {
    const j = withAims(['2026-01-06', 40], ['2026-03-10', 150]);
    expect(readSettings(j.db)).toMatchObject({ targetMinutes: 150, aims: [{ since: '2026-01-06', minutes: 40 }, { since: '2026-03-10', minutes: 150 }] });
    j.close();
  });

  it('S2, Q6: an answer given with the day gone back is dated the latest day already recorded, so it is the one that stands', () => {
    // Seen: yes on 2 Mar, no on 10 Mar, then yes with the clock back on 9 Mar: the current answer
    // was yes, but every week, once it came, was planned with the dated "no" of 10 Mar (graded).
    const j = withAims(['2026-03-10', 100], ['2026-03-08', 60]);
    write(j.db, () => {
      setPem(j.db, true, day('2026-03-02'));
      setPem(j.db, false, day('2026-03-10'));
      setPem(j.db, true, day('2026-03-09'));
    });
    const s = readSettings(j.db);
    expect(s).toMatchObject({ targetMinutes: 60, pem: true });
    expect(s.aims!.at(-1)).toEqual({ since: '2026-03-10', minutes: 60 });
    expect(s.pemAnswers!.at(-1)).toEqual({ since: '2026-03-10', pem: true });
    j.close();
  });

  it('a JSON backup round-trips the history, and importing it twice adds nothing', () => {
    const from = withAims(['2026-01-06', 40], ['2026-03-10', 150]);
    const extras = readExtras(from.db);
    expect(extras.weekly_aims).toEqual([{ date: '2026-01-06', target_minutes: 40 }, { date: '2026-03-10', target_minutes: 150 }]);
    const to = journal();
    expect(write(to.db, () => importSettings(to.db, extras)).kept).toEqual([]);
    expect(readSettings(to.db)).toMatchObject({ targetMinutes: 150, aims: readSettings(from.db).aims });
    expect(write(to.db, () => importSettings(to.db, extras)).added).toBe(0);
    expect(readExtras(to.db).weekly_aims).toEqual(extras.weekly_aims);
    from.close();
    to.close();
  });

  it('an older backup without the history still imports: its one aim is taken as in force from the start', () => {
    const to = journal();
    write(to.db, () => importSettings(to.db, { settings: { target_minutes: '120' }, pem_answers: [] }));
    expect(readSettings(to.db)).toMatchObject({ targetMinutes: 120, aims: [{ since: '1900-01-01', minutes: 120 }] });
    const own = withAims(['2026-01-06', 40]);
    const kept = write(own.db, () => importSettings(own.db, { settings: { target_minutes: '120' }, pem_answers: [] })).kept;
    expect(kept).toEqual([{ key: 'target_minutes', journal: '40', backup: '120', journalSince: '2026-01-06' }]);
    expect(readSettings(own.db)).toMatchObject({ targetMinutes: 40, aims: [{ since: '2026-01-06', minutes: 40 }] });
    to.close();
    own.close();
  });

  it('Q9: an older aim brought in by an import joins the history, keeps the current aim, and drops the checkpoint', () => {
    const j = withAims(['2026-03-10', 150]);
    const cp: Checkpoint = { week: day('2026-03-02'), firstSession: day('2026-01-05'), activities: [], acwr: null };
    expect(saveCheckpoint(j.db, 'rules', cp, dataVersion(j.db))).toBe(true);
    const r = write(j.db, () => importSettings(j.db, { settings: { target_minutes: '40' }, pem_answers: [], weekly_aims: [{ date: '2026-01-06', target_minutes: 40 }] }));
    expect(r.kept).toEqual([{ key: 'target_minutes', journal: '150', backup: '40', journalSince: '2026-03-10', backupSince: '2026-01-06' }]);
    expect(readSettings(j.db)).toMatchObject({ targetMinutes: 150, aims: [{ since: '2026-01-06', minutes: 40 }, { since: '2026-03-10', minutes: 150 }] });
    expect(readCheckpoint(j.db, 'rules')).toBeNull();
    j.close();
  });

  it('a newer aim in the backup becomes the current one, as a newer safety answer does (S2)', () => {
    const j = withAims(['2026-01-06', 40]);
    write(j.db, () => importSettings(j.db, { settings: { target_minutes: '150' }, pem_answers: [], weekly_aims: [{ date: '2026-03-10', target_minutes: 150 }] }));
    expect(readSettings(j.db)).toMatchObject({ targetMinutes: 150, aims: [{ since: '2026-01-06', minutes: 40 }, { since: '2026-03-10', minutes: 150 }] });
    j.close();
  });
});
