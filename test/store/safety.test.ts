import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/types.js';
import { pendingCheckin, recordCheckin, takeDayAnswer } from '../../src/store/checkins.js';
import { openJournal, write, type Journal } from '../../src/store/open.js';
import { getSession, insertSession } from '../../src/store/sessions.js';
import { listTriage, saveTriage } from '../../src/store/triage.js';
import { walk } from '../helpers/sessions.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

let journal: Journal;
beforeEach(() => {
  journal = openJournal(join(tempDir(), 'pace.db'), { write: true });
  return () => journal.close();
});

const day = (d: string) => d as IsoDate;
const add = (over: Parameters<typeof walk>[0]) => write(journal.db, () => insertSession(journal.db, walk(over), 'now'));

describe('F2: the next-day check covers the whole day', () => {
  it('F2: the pending day is the latest one with an unanswered session, with all its sessions', () => {
    add({ date: day('2026-11-19') });
    const a = add({ date: day('2026-11-20') });
    const b = add({ date: day('2026-11-20'), activity: 'bike' });
    const pending = pendingCheckin(journal.db, day('2026-11-19'), day('2026-11-20'))!;
    expect(pending.date).toBe('2026-11-20');
    expect(pending.sessions.map((s) => s.id)).toEqual([a, b]);
  });

  it('F2: one answer row per session of the day; the day is then no longer pending', () => {
    const a = add({ date: day('2026-11-20') });
    const b = add({ date: day('2026-11-20'), activity: 'bike' });
    write(journal.db, () => recordCheckin(journal.db, [a, b], day('2026-11-21'), false));
    expect(journal.db.prepare('SELECT session_id, settled FROM checkins ORDER BY session_id').all()).toEqual([
      { session_id: a, settled: 0 },
      { session_id: b, settled: 0 },
    ]);
    expect(pendingCheckin(journal.db, day('2026-11-19'), day('2026-11-20'))).toBeUndefined();
  });
});

describe('F2: a day answered once is not asked again', () => {
  it('F2: a session from before takeDayAnswer, with no answer of its own, does not make its answered day pending', () => {
    const a = add({ date: day('2026-11-20') });
    write(journal.db, () => recordCheckin(journal.db, [a], day('2026-11-21'), false));
    add({ date: day('2026-11-20'), activity: 'bike' });
    expect(pendingCheckin(journal.db, day('2026-11-19'), day('2026-11-20'))).toBeUndefined();
  });

  it('F2: takeDayAnswer gives a session added to a "not settled" day its own row and pain-over-24h', () => {
    const a = add({ date: day('2026-11-20') });
    write(journal.db, () => recordCheckin(journal.db, [a], day('2026-11-21'), false));
    const b = add({ date: day('2026-11-20'), activity: 'bike' });
    expect(write(journal.db, () => takeDayAnswer(journal.db, b))).toEqual({ date: '2026-11-20', settled: false, answeredOn: '2026-11-21' });
    expect(getSession(journal.db, b)!.symptoms).toEqual(['pain-over-24h']);
    expect(journal.db.prepare('SELECT session_id, day, settled FROM checkins ORDER BY session_id').all()).toEqual([
      { session_id: a, day: '2026-11-21', settled: 0 },
      { session_id: b, day: '2026-11-21', settled: 0 },
    ]);
    // Asked again, it changes nothing.
    expect(write(journal.db, () => takeDayAnswer(journal.db, b))).toBeNull();
  });

  it('F2: takeDayAnswer does nothing on a day with no answer', () => {
    const b = add({ date: day('2026-11-20') });
    expect(write(journal.db, () => takeDayAnswer(journal.db, b))).toBeNull();
    expect(journal.db.prepare('SELECT count(*) AS n FROM checkins').get()).toEqual({ n: 0 });
  });
});

describe('F2: a session answered before keeps its first answer', () => {
  it('F2: a later answer for the whole day (a session added to it since) leaves the first "not settled" as it was', () => {
    const a = add({ date: day('2026-11-19') });
    write(journal.db, () => recordCheckin(journal.db, [a], day('2026-11-20'), false));
    const b = add({ date: day('2026-11-19'), activity: 'bike' });
    write(journal.db, () => recordCheckin(journal.db, [a, b], day('2026-11-21'), true));
    expect(journal.db.prepare('SELECT session_id, settled FROM checkins ORDER BY session_id').all()).toEqual([
      { session_id: a, settled: 0 },
      { session_id: b, settled: 1 },
    ]);
  });
});

describe('F2: a "not settled" given after a "settled" replaces it (edit --settled no)', () => {
  it('F2: the session\'s answer becomes "not settled", from the day it was given; a later "settled" changes nothing', () => {
    const a = add({ date: day('2026-11-19') });
    write(journal.db, () => recordCheckin(journal.db, [a], day('2026-11-20'), true));
    write(journal.db, () => recordCheckin(journal.db, [a], day('2026-11-23'), false));
    write(journal.db, () => recordCheckin(journal.db, [a], day('2026-11-24'), true));
    expect(journal.db.prepare('SELECT session_id, day, settled FROM checkins').all()).toEqual([{ session_id: a, day: '2026-11-23', settled: 0 }]);
  });
});

describe('T5: saveTriage writes what decideTriage decided', () => {
  it('T5: each record is stored, and its codes join its session without repeating the ones it has', () => {
    const id = add({ symptoms: ['muscle-fatigue'] });
    write(journal.db, () => saveTriage(journal.db, [{ date: day('2026-11-21'), sessionId: id, class: 'stop', symptoms: ['muscle-fatigue', 'chest-pain'] }]));
    expect(getSession(journal.db, id)!.symptoms).toEqual(['muscle-fatigue', 'chest-pain']);
    expect(listTriage(journal.db)).toEqual([
      { id: 1, date: '2026-11-21', sessionId: id, kind: 'triage', class: 'stop', symptoms: ['muscle-fatigue', 'chest-pain'] },
    ]);
  });
});
