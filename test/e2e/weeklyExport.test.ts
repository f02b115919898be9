import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPace, type TempPace } from '../helpers/pace.js';
import { addDays, flare, importRows, mondayOf, sundayOf, times, walks, weeksOf } from '../helpers/history.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05'; // Monday of program week 1
const TODAY = sundayOf(START, 6);
const WEEKLY_HEADER =
  'week_start,program_week,phase,mode,activity,unit,quota,sessions_planned,sessions_done,adherence_pct,total_dose,mean_pain_before,mean_pain_after,flares,boom_bust_cycles,triage,peg';
const STRETCHING = { activity: 'stretching', unit: 'min', category: 'mobility' } as const;

/** Parses a CSV without quoted cells (these exports have none) into objects keyed by the header. */
function table(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n');
  const keys = header!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i], v])));
}

/**
 * Walks as planned for four weeks (10, 10, 11, 12); week 5 (planned at 13) has a flare and a
 * swollen joint; week 6 is empty. Stretching starts in week 3, twice a week, without pain scores.
 */
function history(pace: TempPace): void {
  importRows(
    pace,
    [
      ...walks(START, times(4, 10), times(4, 10), times(4, 11), times(4, 12), [13, flare(13, { painAfter: 7 }), { dose: 13, symptoms: ['joint-swelling'] }, 13]),
      ...weeksOf(STRETCHING, mondayOf(START, 3), ...Array.from({ length: 3 }, () => [{ dose: 5, painBefore: null, painAfter: null }, { dose: 5, day: 4, painBefore: null, painAfter: null }])),
    ],
    TODAY,
  );
}

describe('pace export --weekly (E2)', () => {
  let pace: TempPace;
  let csv: string;
  let rows: Record<string, string>[];
  const row = (week: number, activity = 'walk') => rows.find((r) => r.week_start === mondayOf(START, week) && r.activity === activity);

  beforeAll(() => {
    pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'no']).status).toBe(0);
    history(pace);
    const r = pace.run(['export', '--weekly'], { PACE_TODAY: TODAY });
    expect(r.status).toBe(0);
    csv = r.stdout;
    rows = table(csv);
  });

  it('E2: the header is exactly the cli.md columns, in order', () => {
    expect(csv.split('\r\n')[0]).toBe(WEEKLY_HEADER);
  });

  it('E4: every line ends with CRLF and has as many cells as the header', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const line of csv.trim().split('\r\n')) expect(line.split(',')).toHaveLength(17);
  });

  it('E2: one row per week and activity, every week from the first walk to this one', () => {
    const keys = rows.map((r) => `${r.week_start} ${r.activity}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.filter((r) => r.activity === 'walk').map((r) => r.week_start)).toEqual([1, 2, 3, 4, 5, 6].map((n) => mondayOf(START, n)));
    expect(rows.filter((r) => r.activity === 'stretching').map((r) => r.week_start)).toEqual([3, 4, 5, 6].map((n) => mondayOf(START, n)));
  });

  it('E2: a completed week reads: plan, adherence, dose and pain', () => {
    expect(row(3)).toEqual({
      week_start: mondayOf(START, 3), program_week: '3', phase: '2', mode: 'graded', activity: 'walk', unit: 'min',
      quota: '11', sessions_planned: '4', sessions_done: '4', adherence_pct: '100', total_dose: '44',
      mean_pain_before: '3', mean_pain_after: '4', flares: '0', boom_bust_cycles: '0', triage: '', peg: '',
    });
  });

  it('E2, F1: a flare week counts its flares (a swollen joint is one too) and gives the highest triage class', () => {
    expect(row(5)).toMatchObject({ quota: '13', sessions_done: '4', total_dose: '52', flares: '2', triage: 'assess', mean_pain_before: '3' });
    // Pain after 4, 7, 4, 4: a mean of 4.75, however it is rounded.
    expect(Number(row(5)!.mean_pain_after)).toBeGreaterThanOrEqual(4.7);
    expect(Number(row(5)!.mean_pain_after)).toBeLessThanOrEqual(4.8);
  });

  it('E2, Q5: the week after the flare is planned one level down, and nothing done is 0 of 4', () => {
    expect(row(6)).toMatchObject({ quota: '12', sessions_planned: '4', sessions_done: '0', adherence_pct: '0', total_dose: '0', mean_pain_before: '' });
  });

  it('E1: what was not recorded is an empty cell, never 0: no plan in week 1, no pain scores for stretching', () => {
    expect(row(1)).toMatchObject({ quota: '', sessions_planned: '', adherence_pct: '', sessions_done: '4' });
    expect(row(4, 'stretching')).toMatchObject({ mean_pain_before: '', mean_pain_after: '' });
  });

  it('S2: the report says which mode was in force', () => {
    const other = tempPace(tempDir());
    // Answered before the first session, so every week was in envelope mode.
    expect(other.run(['init', '--pem', 'yes'], { PACE_TODAY: addDays(START, -3) }).status).toBe(0);
    history(other);
    const modes = new Set(table(other.run(['export', '--weekly'], { PACE_TODAY: TODAY }).stdout).map((r) => r.mode));
    expect([...modes]).toEqual(['envelope']);
  });

  it('E2: --from and --to keep the weeks that overlap them', () => {
    const some = table(pace.run(['export', '--weekly', '--from', addDays(mondayOf(START, 3), 2), '--to', mondayOf(START, 4)], { PACE_TODAY: TODAY }).stdout);
    expect([...new Set(some.map((r) => r.week_start))]).toEqual([mondayOf(START, 3), mondayOf(START, 4)]);
  });

  it('E2, R1: the week in progress has no adherence yet, as the review and the report count it', () => {
    // Seen: a Monday export read "0 of 4 planned, adherence 0" for a week just begun.
    const monday = mondayOf(START, 6);
    const early = table(pace.run(['export', '--weekly'], { PACE_TODAY: monday }).stdout);
    const thisWeek = early.find((r) => r.week_start === monday && r.activity === 'walk');
    expect(thisWeek).toMatchObject({ quota: '12', sessions_planned: '4', sessions_done: '0', adherence_pct: '' });
    // The weeks that are over keep theirs.
    expect(early.find((r) => r.week_start === mondayOf(START, 3) && r.activity === 'walk')).toMatchObject({ adherence_pct: '100' });
  });

  it('E2: a --to after today ends with this week: weeks to come are not written as weeks missed', () => {
    const ahead = pace.run(['export', '--weekly', '--to', addDays(TODAY, 60)], { PACE_TODAY: TODAY });
    expect(ahead.status).toBe(0);
    expect(ahead.stdout).toBe(csv);
  });

  it('E2: a --from after today is refused, as the report refuses it: exit 2, no header, nothing written', () => {
    const before = fileHash(pace.db);
    const r = pace.run(['export', '--weekly', '--from', addDays(TODAY, 8)], { PACE_TODAY: TODAY });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `pace: --from ${addDays(TODAY, 8)} is after today (Sun 15 Feb 2026): the weekly rows stop at this week.`,
      '  Give a --from on or before today.',
    ]);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('E4: --out writes the same rows after a byte-order mark', () => {
    const out = join(pace.home, 'weeks.csv');
    expect(pace.run(['export', '--weekly', '--out', out], { PACE_TODAY: TODAY }).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`\uFEFF${csv}`);
  });

  it('--weekly does not go with --format json: exit 2, and the journal is untouched', () => {
    const before = fileHash(pace.db);
    expect(pace.run(['export', '--weekly', '--format', 'json'], { PACE_TODAY: TODAY }).status).toBe(2);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('an empty journal gives the header alone', () => {
    const r = tempPace(tempDir()).run(['export', '--weekly']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${WEEKLY_HEADER}\r\n`);
  });
});

describe('E2, W2: a check-in in a week without sessions', () => {
  // Seen: a check-in on Wed 8 Jan and walks from 13 Jan; export --weekly had no week-of-6-Jan row.
  const start = '2025-01-06';
  let pace: TempPace;
  beforeAll(() => {
    pace = tempPace(tempDir());
    expect(pace.run(['init', '--start', start, '--pem', 'no'], { PACE_TODAY: start }).status).toBe(0);
    expect(pace.run(['checkin', '--pain', '8', '--enjoyment', '8', '--general', '8'], { PACE_TODAY: '2025-01-08' }).status).toBe(0);
  });

  it('a journal with the check-in alone exports its week, every activity cell empty', () => {
    const r = pace.run(['export', '--weekly'], { PACE_TODAY: '2025-01-08' });
    expect(r.stdout).toBe(`${WEEKLY_HEADER}\r\n2025-01-06,1,1,graded,,,,,,,,,,,,,8\r\n`);
  });

  it('with walks the next week, the check-in week keeps its row, and status and the report show the same score', () => {
    for (const day of ['2025-01-13', '2025-01-15', '2025-01-17']) expect(pace.run(['log', 'walk', '10', '--no-input'], { PACE_TODAY: day }).status).toBe(0);
    const rows = table(pace.run(['export', '--weekly'], { PACE_TODAY: '2025-01-17' }).stdout);
    expect(rows.map((r) => [r.week_start, r.activity, r.peg])).toEqual([['2025-01-06', '', '8'], ['2025-01-13', 'walk', '']]);
    const status = JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: '2025-01-17' }).stdout) as { peg: { week_start: string; score: number } };
    expect(status.peg).toMatchObject({ week_start: '2025-01-06', score: 8 });
    const out = join(pace.home, 'visit.html');
    expect(pace.run(['report', '--out', out], { PACE_TODAY: '2025-01-17' }).status).toBe(0);
    // The report's figures stay those of the walks: 3 sessions, no plan yet in their first week.
    expect(readFileSync(out, 'utf8')).toMatch(/<th scope="row">Sessions<\/th><td class="n">3<\/td>/);
  });
});

describe('the session CSV once a plan exists (E1)', () => {
  let sessions: Record<string, string>[];
  beforeAll(() => {
    const pace = tempPace(tempDir());
    history(pace);
    // Week 4 is planned at 12: one more walk of 9 min on its Sunday is 75% of the quota.
    expect(pace.run(['log', 'walk', '9', '--date', sundayOf(START, 4)], { PACE_TODAY: TODAY }).status).toBe(0);
    sessions = table(pace.run(['export'], { PACE_TODAY: TODAY }).stdout);
  });

  it('E1: before the first plan, quota and pct_of_quota are empty', () => {
    const week1 = sessions.filter((s) => (s.date ?? '') < mondayOf(START, 2));
    expect(week1).toHaveLength(4);
    for (const s of week1) expect([s.quota, s.pct_of_quota]).toEqual(['', '']);
  });

  it("E1: from the first plan on, each session shows its week's quota and the percent of it done", () => {
    const walksAfter = sessions.filter((s) => s.activity === 'walk' && (s.date ?? '') >= mondayOf(START, 2));
    expect(walksAfter.length).toBeGreaterThan(0);
    for (const s of walksAfter) {
      expect(s.quota).not.toBe('');
      expect(s.pct_of_quota).toBe(String(Math.round((Number(s.dose) / Number(s.quota)) * 100)));
    }
    expect(sessions.find((s) => s.date === mondayOf(START, 3))).toMatchObject({ quota: '11', pct_of_quota: '100' });
    expect(sessions.find((s) => s.date === sundayOf(START, 4))).toMatchObject({ dose: '9', quota: '12', pct_of_quota: '75' });
  });

  it('E1: an activity still without a plan in its first week keeps those cells empty', () => {
    const firstStretch = sessions.filter((s) => s.activity === 'stretching' && (s.date ?? '') < mondayOf(START, 4));
    expect(firstStretch).toHaveLength(2);
    for (const s of firstStretch) expect([s.quota, s.pct_of_quota]).toEqual(['', '']);
  });

  it('E1: flare is F1\'s verdict (yes for an assess symptom too), symptoms are codes, triage is the highest class of the session', () => {
    const week5 = sessions.filter((s) => s.activity === 'walk' && (s.date ?? '') >= mondayOf(START, 5));
    expect(week5.map((s) => [s.flare, s.symptoms, s.triage])).toEqual([
      ['no', '', ''],
      ['yes', '', ''],
      ['yes', 'joint-swelling', 'assess'],
      ['no', '', ''],
    ]);
  });
});
