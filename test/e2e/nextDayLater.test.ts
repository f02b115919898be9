import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { addDays, json, type Hold } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// runPace's default PACE_TODAY (a Saturday) and TZ (America/Los_Angeles, west of Greenwich).
const TODAY = '2026-11-21';
const YESTERDAY = addDays(TODAY, -1); // Fri 20 Nov

interface Backup {
  sessions: { uid: string; symptoms: string[] }[];
  checkins: { session_uid: string; date: string; settled: boolean }[];
}
const backupOf = (pace: TempPace) => JSON.parse(pace.run(['export', '--format', 'json']).stdout) as Backup;
const symptoms = (pace: TempPace) => pace.sessions().map((s) => s.symptoms);
const holds = (pace: TempPace) => json<{ holds: Hold[] }>(pace, ['status'], TODAY).holds;

/** A walk yesterday, and today's answer to the next-day check about it. */
function answered(settled: 'yes' | 'no'): TempPace {
  const pace = answeredPace();
  expect(pace.run(['log', 'walk', '10', '--date', YESTERDAY]).status).toBe(0);
  expect(pace.run(['log', '--settled', settled]).status).toBe(0);
  return pace;
}

function sessionCsv(pace: TempPace, rows: string[]): string {
  const file = join(pace.home, 'forgotten.csv');
  writeFileSync(file, ['date,activity,category,dose,unit,pain_before,pain_after,flare,symptoms', ...rows].join('\r\n') + '\r\n');
  return file;
}

describe('F2: a session added later to a day already answered takes that day\'s answer', () => {
  it('F2: log --date onto a day whose pain had not settled: the new session is a flare too, and no second hold is said to open', () => {
    // Review: the forgotten bike got no pain-over-24h, was no flare, and the day was asked about again.
    const pace = answered('no');
    const r = pace.run(['log', 'bike', '20', '--date', YESTERDAY]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/a hold opens/);
    expect(r.stdout).toMatch(/had not settled/);
    expect(r.stdout).toMatch(/counts as a flare/);
    expect(symptoms(pace)).toEqual([['pain-over-24h'], ['pain-over-24h']]);
    const doc = backupOf(pace);
    expect(doc.checkins.map((c) => [c.date, c.settled])).toEqual([
      [TODAY, false],
      [TODAY, false],
    ]);
    expect(holds(pace)).toEqual([{ kind: 'assess', since: TODAY, symptoms: ['pain-over-24h'] }]);
    // A day answered once is not asked again.
    const again = pace.run(['log', '--settled', 'yes']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/no session from yesterday or the day before waiting/);
  });

  it('F2, F1: the same history gives the same flares whichever order it was typed in', () => {
    const before = answeredPace();
    before.run(['log', 'walk', '10', '--date', YESTERDAY]);
    before.run(['log', 'bike', '20', '--date', YESTERDAY]);
    before.run(['log', '--settled', 'no']);
    const after = answered('no');
    after.run(['log', 'bike', '20', '--date', YESTERDAY]);
    const weekly = (pace: TempPace) => pace.run(['export', '--weekly']).stdout;
    expect(weekly(after)).toBe(weekly(before));
    // One row per activity: the bike is a flare in its week, as the walk is.
    expect(weekly(after)).toMatch(/^2026-11-16,1,1,graded,bike,min,,,1,,20,,,1,0,assess,$/m);
  });

  it('F2: log --json says which answer the session took; a settled day adds only the answer', () => {
    const notSettled = JSON.parse(answered('no').run(['log', 'bike', '20', '--date', YESTERDAY, '--json']).stdout);
    expect(notSettled.session.symptoms).toEqual(['pain-over-24h']);
    expect(notSettled.response.kind).toBe('flare');
    expect(notSettled.checkin).toBeNull();
    expect(notSettled.day_answer).toEqual({ date: YESTERDAY, settled: false, answered_on: TODAY });
    const pace = answered('yes');
    const settled = JSON.parse(pace.run(['log', 'bike', '20', '--date', YESTERDAY, '--json']).stdout);
    expect(settled.session.symptoms).toEqual([]);
    expect(settled.day_answer).toEqual({ date: YESTERDAY, settled: true, answered_on: TODAY });
    expect(backupOf(pace).checkins.map((c) => c.settled)).toEqual([true, true]);
    expect(pace.run(['log', '--settled', 'no']).status).toBe(2);
  });

  it('F2, T2: a hold a clinician has cleared stays cleared when a forgotten session takes the answer', () => {
    const pace = answered('no');
    expect(pace.run(['triage', '--cleared']).status).toBe(0);
    expect(pace.run(['log', 'bike', '20', '--date', YESTERDAY]).status).toBe(0);
    expect(symptoms(pace)).toEqual([['pain-over-24h'], ['pain-over-24h']]);
    expect(holds(pace)).toEqual([]);
  });

  it('F2: edit --date onto the answered day gives the session that day\'s answer', () => {
    const pace = answered('no');
    expect(pace.run(['log', 'bike', '20', '--date', addDays(TODAY, -5)]).status).toBe(0);
    const r = JSON.parse(pace.run(['edit', '2', '--date', YESTERDAY, '--json']).stdout);
    expect(r.session.symptoms).toEqual(['pain-over-24h']);
    expect(r.response.kind).toBe('flare');
    expect(r.day_answer).toEqual({ date: YESTERDAY, settled: false, answered_on: TODAY });
    expect(backupOf(pace).checkins.map((c) => c.settled)).toEqual([false, false]);
    expect(pace.run(['log', '--settled', 'yes']).status).toBe(2);
    const words = answered('no');
    words.run(['log', 'bike', '20', '--date', addDays(TODAY, -5)]);
    const out = words.run(['edit', '2', '--date', YESTERDAY]).stdout;
    expect(out).toMatch(/had not settled/);
    expect(out).not.toMatch(/a hold opens/);
  });

  it('F2: import of a session CSV onto the answered day gives its sessions that day\'s answer, once', () => {
    const pace = answered('no');
    const file = sessionCsv(pace, [`${YESTERDAY},bike,aerobic,20,min,,,no,`]);
    const r = pace.run(['import', file]);
    expect(r.status).toBe(0);
    expect(symptoms(pace)).toEqual([['pain-over-24h'], ['pain-over-24h']]);
    expect(backupOf(pace).checkins.map((c) => c.settled)).toEqual([false, false]);
    expect(pace.run(['log', '--settled', 'yes']).status).toBe(2);
    expect(holds(pace)).toEqual([{ kind: 'assess', since: TODAY, symptoms: ['pain-over-24h'] }]);
  });

  it('F2: a JSON backup brings its own answers, not doubled, into a fresh journal and back into its own', () => {
    const source = answered('no');
    source.run(['log', 'bike', '20', '--date', YESTERDAY]);
    const file = join(source.home, 'backup.json');
    expect(source.run(['export', '--format', 'json', '--out', file]).status).toBe(0);
    const target = answeredPace();
    expect(target.run(['import', file]).status).toBe(0);
    expect(symptoms(target)).toEqual([['pain-over-24h'], ['pain-over-24h']]);
    expect(backupOf(target).checkins).toEqual(backupOf(source).checkins);
    expect(source.run(['import', file]).status).toBe(0);
    expect(backupOf(source).checkins).toHaveLength(2);
  });
});
