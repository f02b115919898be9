import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../src/core/coach/checkpoint.js';
import type { IsoDate } from '../../src/core/types.js';
import { findActivity, sessionCountOf, setActivityCategory } from '../../src/store/activities.js';
import { dataVersion, readCheckpoint, saveCheckpoint } from '../../src/store/checkpoint.js';
import { loadHistory } from '../../src/store/history.js';
import { openJournal, write, type Journal } from '../../src/store/open.js';
import { insertAcceptance, insertOverride } from '../../src/store/plans.js';
import { deleteSession, insertSession, updateSession } from '../../src/store/sessions.js';
import { setPem, setSetting } from '../../src/store/settings.js';
import { insertTriage } from '../../src/store/triage.js';
import { walk } from '../helpers/sessions.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// The checkpoint is derived data. These tests hold the triggers of migration 3 to deleting it
// whenever a change reaches back before its week, and to leaving it alone otherwise.

const WEEK = '2026-10-05' as IsoDate; // a Monday
const COACH = 'test-rules';
const cp: Checkpoint = { week: WEEK, firstSession: '2026-06-01' as IsoDate, activities: [], acwr: null };

let journal: Journal;
let path: string;
beforeEach(() => {
  path = join(tempDir(), 'pace.db');
  journal = openJournal(path, { write: true });
  write(journal.db, () => insertSession(journal.db, walk({ date: '2026-09-01' as IsoDate }), 'now'));
  expect(saveCheckpoint(journal.db, COACH, cp, dataVersion(journal.db))).toBe(true);
  return () => journal.close();
});

const kept = () => readCheckpoint(journal.db, COACH) !== null;
const day = (d: string) => d as IsoDate;

describe('the coach checkpoint two weeks back', () => {
  it('reads back what was saved, only for the rules that wrote it', () => {
    expect(readCheckpoint(journal.db, COACH)).toEqual(cp);
    expect(readCheckpoint(journal.db, 'other-rules')).toBeNull();
  });

  it('is one row: a fresher checkpoint takes the place of the one before', () => {
    const later: Checkpoint = { ...cp, week: day('2026-10-19') };
    expect(saveCheckpoint(journal.db, COACH, later, dataVersion(journal.db))).toBe(true);
    expect(readCheckpoint(journal.db, COACH)).toEqual(later);
    expect(journal.db.prepare('SELECT id, week FROM coach_checkpoint').all()).toEqual([{ id: 1, week: '2026-10-19' }]);
  });

  it('reads as missing when its state cannot be read or names another week than its row', () => {
    const replace = (state: string) => write(journal.db, () => journal.db.prepare('UPDATE coach_checkpoint SET state = ?').run(state), true);
    replace('{"week": ');
    expect(readCheckpoint(journal.db, COACH)).toBeNull();
    replace(JSON.stringify({ ...cp, week: '2026-10-12' }));
    expect(readCheckpoint(journal.db, COACH)).toBeNull();
    replace(JSON.stringify(cp));
    expect(readCheckpoint(journal.db, COACH)).toEqual(cp);
  });

  it('survives a session logged in or after its week', () => {
    write(journal.db, () => insertSession(journal.db, walk({ date: WEEK }), 'now'));
    write(journal.db, () => insertSession(journal.db, walk({ date: day('2026-11-20') }), 'now'));
    expect(kept()).toBe(true);
  });

  it('is dropped by a session logged before its week', () => {
    write(journal.db, () => insertSession(journal.db, walk({ date: day('2026-10-04') }), 'now'));
    expect(kept()).toBe(false);
  });

  it('is dropped when a session before its week is edited or deleted, or one is moved there', () => {
    const late = write(journal.db, () => insertSession(journal.db, walk({ date: day('2026-11-01') }), 'now'));
    write(journal.db, () => updateSession(journal.db, late, walk({ date: day('2026-09-30') })));
    expect(kept()).toBe(false);

    saveCheckpoint(journal.db, COACH, cp, dataVersion(journal.db));
    write(journal.db, () => deleteSession(journal.db, late));
    expect(kept()).toBe(false);
  });

  it('is dropped by an override, acceptance or triage dated before its week, but not by one after', () => {
    write(journal.db, () => insertOverride(journal.db, { activity: 'walk', weekStart: day('2026-11-23'), quota: 12, sessionsPerWeek: null, setOn: day('2026-11-21') }));
    write(journal.db, () => insertAcceptance(journal.db, { activity: 'walk', weekStart: day('2026-11-23'), quota: 12, acceptedOn: day('2026-11-21') }));
    write(journal.db, () => insertTriage(journal.db, { date: day('2026-11-21'), sessionId: null, kind: 'triage', class: 'assess', symptoms: ['pain-worsening'] }));
    expect(kept()).toBe(true);

    for (const change of [
      () => insertOverride(journal.db, { activity: 'walk', weekStart: day('2026-09-28'), quota: 12, sessionsPerWeek: null, setOn: day('2026-09-27') }),
      () => insertAcceptance(journal.db, { activity: 'walk', weekStart: day('2026-09-28'), quota: 12, acceptedOn: day('2026-09-27') }),
      () => insertTriage(journal.db, { date: day('2026-09-30'), sessionId: null, kind: 'cleared', class: null, symptoms: [] }),
    ]) {
      saveCheckpoint(journal.db, COACH, cp, dataVersion(journal.db));
      write(journal.db, change);
      expect(kept()).toBe(false);
    }
  });

  it("G3, Q6: is dropped when an activity's category is corrected, which the rules read", () => {
    const walkId = findActivity(journal.db, 'walk')!.id;
    expect(sessionCountOf(journal.db, walkId)).toBe(1);
    write(journal.db, () => setActivityCategory(journal.db, walkId, 'strength'));
    expect(kept()).toBe(false);
    expect(findActivity(journal.db, 'walk')).toMatchObject({ category: 'strength' });
  });

  it('is dropped by any change to the settings or the safety answer', () => {
    write(journal.db, () => setSetting(journal.db, 'target_minutes', '120'));
    expect(kept()).toBe(false);
    saveCheckpoint(journal.db, COACH, cp, dataVersion(journal.db));
    write(journal.db, () => setPem(journal.db, true, day('2026-11-21')));
    expect(kept()).toBe(false);
  });

  it('is not saved when another process wrote after the history was read', () => {
    write(journal.db, () => journal.db.prepare('DELETE FROM coach_checkpoint').run());
    const seen = journal.db.transaction(() => {
      loadHistory(journal.db);
      return dataVersion(journal.db);
    })();
    const other = openJournal(path, { write: true });
    write(other.db, () => insertSession(other.db, walk({ date: day('2026-08-01') }), 'now'));
    other.close();
    expect(saveCheckpoint(journal.db, COACH, cp, seen)).toBe(false);
    expect(kept()).toBe(false);
  });

  it('is skipped, not waited for, while another process holds the write lock', () => {
    write(journal.db, () => journal.db.prepare('DELETE FROM coach_checkpoint').run());
    const other = openJournal(path, { write: true });
    other.db.prepare('BEGIN IMMEDIATE').run();
    // Were it to wait, it would wait this long: far past the test's own time limit.
    journal.db.pragma('busy_timeout = 600000');
    try {
      expect(saveCheckpoint(journal.db, COACH, cp, dataVersion(journal.db))).toBe(false);
      expect(journal.db.pragma('busy_timeout', { simple: true })).toBe(600000);
    } finally {
      journal.db.pragma('busy_timeout = 5000');
      other.db.prepare('ROLLBACK').run();
      other.close();
    }
    expect(journal.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('is skipped, not an error, when the disk is full: status and plan still show what they read', () => {
    write(journal.db, () => journal.db.prepare('DELETE FROM coach_checkpoint').run());
    // The file may not grow (as on a full disk), and this checkpoint needs pages it does not have.
    const pages = journal.db.pragma('page_count', { simple: true }) as number;
    journal.db.pragma(`max_page_count = ${pages}`);
    const big = { ...cp, padding: 'x'.repeat(64 * 1024) } as Checkpoint;
    expect(saveCheckpoint(journal.db, COACH, big, dataVersion(journal.db))).toBe(false);
    expect(journal.db.inTransaction).toBe(false);
    expect(kept()).toBe(false);
  });

  it('loadHistory with a day reads only the sessions from that day on', () => {
    write(journal.db, () => insertSession(journal.db, walk({ date: day('2026-11-02') }), 'now'));
    expect(loadHistory(journal.db).sessions.map((s) => s.date)).toEqual(['2026-09-01', '2026-11-02']);
    expect(loadHistory(journal.db, day('2026-10-01')).sessions.map((s) => s.date)).toEqual(['2026-11-02']);
  });
});

describe('settings the rules never read', () => {
  // The file-level beforeEach has already saved a checkpoint.
  it('leave the checkpoint alone: the first-use notice being shown, changed or taken back', () => {
    write(journal.db, () => setSetting(journal.db, 'notice_shown', '2026-11-21'));
    expect(kept()).toBe(true);
    write(journal.db, () => setSetting(journal.db, 'notice_shown', '2026-11-22'));
    expect(kept()).toBe(true);
    write(journal.db, () => journal.db.prepare("DELETE FROM settings WHERE key = 'notice_shown'").run());
    expect(kept()).toBe(true);
  });
});
