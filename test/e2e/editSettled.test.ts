import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { addDays, json, type Hold } from '../helpers/history.js';
import { fileHash, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// runPace's default PACE_TODAY (a Saturday) and TZ (America/Los_Angeles, west of Greenwich).
const TODAY = '2026-11-21';
const YESTERDAY = addDays(TODAY, -1); // Fri 20 Nov
const EARLIER = addDays(TODAY, -4); // Tue 17 Nov: past the days the next-day check asks about

interface Backup {
  sessions: { uid: string; date: string; symptoms: string[] }[];
  checkins: { session_uid: string; date: string; settled: boolean }[];
}
const backupOf = (pace: TempPace) => JSON.parse(pace.run(['export', '--format', 'json']).stdout) as Backup;
const symptoms = (pace: TempPace) => pace.sessions().map((s) => [s.id, s.symptoms]);
const holds = (pace: TempPace) => json<{ holds: Hold[] }>(pace, ['status'], TODAY).holds;
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** A walk and a ride on `day` (ids 1 and 2), and a walk today (id 3). */
function twoOn(day: string): TempPace {
  const pace = answeredPace();
  for (const args of [['log', 'walk', '10', '--date', day], ['log', 'bike', '20', '--date', day], ['log', 'walk', '10']]) {
    const r = pace.run(args);
    expect(r.status, r.stderr).toBe(0);
  }
  return pace;
}

/**
 * cli.md: `edit` takes the same flags as `log`, `--settled` included. F2: the answer is about the
 * edited session's day, all of its sessions, whenever it is given: a wrong "settled" can be
 * corrected, and a day the check never asked about (the person did not open pace for days) can
 * still be answered. "Not settled" is pain-over-24h on each, triaged as any sign is (T5).
 */
describe('F2, cli.md: pace edit <id> --settled', () => {
  it('F2: --settled no on an unanswered day marks all of that day\'s sessions and opens a hold today', () => {
    const pace = twoOn(EARLIER);
    const r = pace.run(['edit', '1', '--settled', 'no']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Noted: the pain from your walk and bike on Tue 17 Nov has not settled after a day\. That day now counts as a flare, and a hold opens:/m);
    expect(r.stdout).not.toMatch(/Updated session/);
    expect(symptoms(pace)).toEqual([
      [3, []],
      [2, ['pain-over-24h']],
      [1, ['pain-over-24h']],
    ]);
    expect(holds(pace)).toEqual([{ kind: 'assess', since: TODAY, symptoms: ['pain-over-24h'] }]);
    expect(backupOf(pace).checkins.map((c) => [c.date, c.settled])).toEqual([
      [TODAY, false],
      [TODAY, false],
    ]);
    // F1: the day is a flare in every view: the session CSV says so for both.
    expect(pace.run(['export']).stdout).toMatch(/^2026-11-17,walk,.*,yes,pain-over-24h,assess$/m);
  });

  it('F2: corrects a "settled" given the next day; --json says what was answered', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'walk', '10', '--date', YESTERDAY]).status).toBe(0);
    expect(pace.run(['log', '--settled', 'yes']).status).toBe(0);
    const r = pace.run(['edit', '1', '--settled', 'no', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.session.symptoms).toEqual(['pain-over-24h']);
    expect(doc.checkin).toMatchObject({ date: YESTERDAY, settled: false, session_ids: [1] });
    expect(doc.checkin.triage.class).toBe('assess');
    // As log --settled no alone: the answer's triage is the command's.
    expect(doc.triage.class).toBe('assess');
    expect(doc.response).toBeNull(); // as for log --settled alone: the answer's own words say it
    expect(backupOf(pace).checkins.map((c) => [c.date, c.settled])).toEqual([[TODAY, false]]);
    expect(holds(pace)).toEqual([{ kind: 'assess', since: TODAY, symptoms: ['pain-over-24h'] }]);
  });

  it('F1: --settled yes on a day answered "not settled" is refused, and nothing is written', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10', '--date', YESTERDAY]);
    pace.run(['log', '--settled', 'no']);
    const before = fileHash(pace.db);
    const r = pace.run(['edit', '1', '--settled', 'yes', '--pain-after', '4']);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'pace: the pain from Fri 20 Nov was recorded as not settled on Sat 21 Nov, and that answer stays.',
      '  A day whose pain had not settled stays a flare. Once a physiotherapist or doctor has checked it, run: pace triage --cleared',
    ]);
    expect(r.stdout).toBe('');
    expect(fileHash(pace.db)).toBe(before);
  });

  it('F2: --settled yes on an unanswered day records it, and the next-day check no longer asks', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10', '--date', YESTERDAY]);
    const r = pace.run(['edit', '1', '--settled', 'yes']);
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(['Noted: the pain from your walk on Fri 20 Nov has settled.']);
    expect(backupOf(pace).checkins.map((c) => [c.date, c.settled])).toEqual([[TODAY, true]]);
    expect(pace.run(['log', '--settled', 'no']).stderr).toMatch(/no session from yesterday or the day before waiting/);
  });

  it('F2: log or checkin --settled on a day already answered says what it holds, and the edit that changes it', () => {
    const pace = twoOn(YESTERDAY);
    expect(pace.run(['log', '--settled', 'yes']).status).toBe(0);
    const before = fileHash(pace.db);
    // Pain that turned out not to have settled: the refusal names the way, not only "leave it out".
    for (const args of [['log', '--settled', 'no'], ['checkin', '--settled', 'no'], ['log', 'walk', '5', '--settled', 'no', '--json']]) {
      const r = pace.run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toEqual([
        'pace: --settled answers the next-day check, but there is no session from yesterday or the day before waiting for it.',
        '  The pain from Fri 20 Nov was recorded as settled on Sat 21 Nov. If it has not settled after all: pace edit 2 --settled no',
      ]);
    }
    // The same answer again has nothing to change.
    expect(lines(pace.run(['log', '--settled', 'yes']).stderr)[1]).toBe('  The pain from Fri 20 Nov was already recorded as settled, on Sat 21 Nov. Leave out --settled.');
    expect(fileHash(pace.db)).toBe(before);
    // "Not settled" stays (F1), so "settled" over it has nothing to offer either.
    const held = twoOn(YESTERDAY);
    expect(held.run(['log', '--settled', 'no']).status).toBe(0);
    expect(lines(held.run(['log', '--settled', 'yes']).stderr)[1]).toBe('  The pain from Fri 20 Nov was already recorded as not settled, on Sat 21 Nov, and that answer stays. Leave out --settled.');
  });

  it('F2: status --json names the day the next-day check waits on, so a script knows when --settled has an answer to give', () => {
    const pace = twoOn(YESTERDAY);
    const nextDay = () => json<{ next_day: unknown }>(pace, ['status'], TODAY).next_day;
    expect(nextDay()).toEqual({ date: YESTERDAY, session_ids: [1, 2] });
    expect(pace.run(['log', '--settled', 'yes']).status).toBe(0);
    expect(nextDay()).toBeNull();
    expect(json<{ next_day: unknown }>(answeredPace(), ['status'], TODAY).next_day).toBeNull();
  });

  it('F2: log --settled alone prints every key a log document has, null where there is no session', () => {
    const pace = twoOn(YESTERDAY);
    const full = Object.keys(JSON.parse(pace.run(['log', 'bike', '5', '--json']).stdout) as object).sort();
    const alone = JSON.parse(pace.run(['log', '--settled', 'yes', '--json']).stdout) as Record<string, unknown>;
    expect(Object.keys(alone).sort()).toEqual(full);
    expect(alone).toMatchObject({ session: null, triage: null, plan: null, response: null, day_answer: null });
  });

  it('F2: an answer the day already has is said, not recorded twice', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10', '--date', YESTERDAY]);
    pace.run(['log', '--settled', 'no']);
    const before = fileHash(pace.db);
    const r = pace.run(['edit', '1', '--settled', 'no']);
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(['The pain from your walk on Fri 20 Nov was already recorded as not settled, on Sat 21 Nov.']);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('F2: with --date, the answer is about the day the session moves to', () => {
    const pace = twoOn(EARLIER);
    const r = pace.run(['edit', '2', '--date', YESTERDAY, '--settled', 'no']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Updated session 2: /m);
    expect(r.stdout).toMatch(/the pain from your bike on Fri 20 Nov has not settled after a day/);
    // The answer's words name the hold it opens; "stays on hold, as it has been since" today would not fit.
    expect(r.stdout).not.toMatch(/stays on hold/);
    expect(symptoms(pace)).toEqual([
      [3, []],
      [2, ['pain-over-24h']],
      [1, []],
    ]);
  });

  it('F2: a session moved onto a day keeps its own "not settled", which does not answer the day\'s other sessions', () => {
    // Review: the moved session's answer (about the day it left) made the day look answered, so
    // --settled no for it said "already recorded" and its other session was never marked or triaged.
    const pace = answeredPace();
    pace.run(['log', 'walk', '10', '--date', addDays(TODAY, -2)]); // 1, Thu 19 Nov
    expect(pace.run(['log', '--settled', 'no']).status).toBe(0); // about Thu 19 Nov
    pace.run(['log', 'bike', '20', '--date', EARLIER]); // 2, Tue 17 Nov
    const r = pace.run(['edit', '1', '--date', EARLIER, '--settled', 'no']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/already recorded/);
    expect(r.stdout).toMatch(/the pain from your (walk and bike|bike and walk) on Tue 17 Nov has not settled after a day/);
    expect(symptoms(pace)).toEqual([
      [2, ['pain-over-24h']],
      [1, ['pain-over-24h']],
    ]);
  });

  it('F1: --settled yes on such a day names the session whose "not settled" stays, not the day', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10', '--date', addDays(TODAY, -2)]);
    pace.run(['log', '--settled', 'no']);
    pace.run(['log', 'bike', '20', '--date', EARLIER]);
    pace.run(['edit', '1', '--date', EARLIER]);
    const before = fileHash(pace.db);
    const r = pace.run(['edit', '2', '--settled', 'yes']);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)[0]).toBe('pace: session 1 on Tue 17 Nov is recorded as not settled (answered on Sat 21 Nov), and that answer stays.');
    expect(lines(r.stderr)[1]).toMatch(/^ {2}A session whose pain had not settled stays a flare\. Once a physiotherapist or doctor has checked it, run: pace triage --cleared$/);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('F2: a session of today cannot have a next-day answer yet (exit 2, nothing written)', () => {
    const pace = twoOn(EARLIER);
    const before = fileHash(pace.db);
    const r = pace.run(['edit', '3', '--settled', 'no']);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'pace: --settled is about the day after a session, and session 3 is from today.',
      '  Answer it from tomorrow: pace edit 3 --settled yes (or no)',
    ]);
    expect(fileHash(pace.db)).toBe(before);
    // Moved onto today, it would have none either.
    const moved = pace.run(['edit', '1', '--date', 'today', '--settled', 'no']);
    expect(moved.status).toBe(2);
    expect(lines(moved.stderr)[0]).toBe('pace: --settled is about the day after a session, and session 1 would be on today.');
    expect(fileHash(pace.db)).toBe(before);
  });

  it('--settled takes yes or no', () => {
    const pace = twoOn(EARLIER);
    const r = pace.run(['edit', '1', '--settled', 'maybe']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--settled/);
  });
});
