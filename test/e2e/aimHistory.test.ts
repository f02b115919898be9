import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempPace, type TempPace } from '../helpers/pace.js';
import { addDays, importRows, mondayOf, times, walks } from '../helpers/history.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// G1/Q6: a weekly aim raised on a Tuesday. With an aim of 40 minutes the walk reached the ceiling
// at 14.5 minutes ("maintain"); raising the aim to 150 must not rewrite the weeks the person was
// shown, nor jump this week's quota. The new aim applies from next Monday, one Q2 step at a time.

const START = '2026-01-05';
const TUESDAY = addDays(mondayOf(START, 10), 1);
const NEXT_MONDAY = mondayOf(START, 11);

/** Aim 40, then nine weeks of walks and this week's Monday walk: the plan maintains at 14.5 from week 6. */
function atTheCeiling(): TempPace {
  const pace = tempPace(tempDir());
  expect(pace.run(['init', '--pem', 'no', '--target-minutes', '40', '--start', START], { PACE_TODAY: START }).status).toBe(0);
  importRows(pace, walks(START, times(3, 10), times(3, 10), ...Array.from({ length: 7 }, () => times(3, 20)), [20]), TUESDAY);
  return pace;
}

interface Doc {
  week_start?: string;
  activities: Record<string, unknown>[];
  this_week: { activities: Record<string, unknown>[] };
  target_minutes: number;
  aim_from: string | null;
}

const json = (pace: TempPace, args: string[], today: string): Doc => {
  const r = pace.run([...args, '--json'], { PACE_TODAY: today });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
};

/** The weekly export's quota for each week start. */
function weeklyQuotas(pace: TempPace, today: string): Record<string, string> {
  const r = pace.run(['export', '--weekly'], { PACE_TODAY: today });
  expect(r.status, r.stderr).toBe(0);
  const [head, ...rows] = r.stdout.trim().split('\r\n').map((l) => l.split(','));
  const quota = head!.indexOf('quota');
  return Object.fromEntries(rows.map((cells) => [cells[0], cells[quota]]));
}

describe('G1/Q6: raising the weekly aim mid-week', () => {
  it('keeps this week and the past as planned, and plan, status and the weekly export agree', () => {
    const pace = atTheCeiling();
    const before = weeklyQuotas(pace, TUESDAY);
    expect(json(pace, ['status'], TUESDAY).this_week.activities[0]).toMatchObject({ quota: 14.5, change: 'maintain' });

    const init = pace.run(['init', '--target-minutes', '150'], { PACE_TODAY: TUESDAY });
    expect(init.status, init.stderr).toBe(0);

    // This week: the quota it was planned with, in plan --week, status and the weekly export.
    const thisWeek = json(pace, ['plan', '--week', TUESDAY], TUESDAY);
    expect(thisWeek.activities[0]).toMatchObject({ quota: 14.5, change: 'maintain' });
    const status = json(pace, ['status'], TUESDAY);
    expect(status.this_week.activities[0]).toMatchObject({ quota: 14.5, change: 'maintain' });
    expect(status).toMatchObject({ target_minutes: 150, aim_from: NEXT_MONDAY });
    const after = weeklyQuotas(pace, TUESDAY);
    expect(after).toEqual(before);
    expect(after[mondayOf(START, 10)]).toBe('14.5');
    expect(after[mondayOf(START, 8)]).toBe('14.5');

    expect(init.stdout).toMatch(/Weekly aim: 150 minutes of aerobic activity \(the plan follows it from Mon 16 Mar\)/);
    const text = pace.run(['status'], { PACE_TODAY: TUESDAY });
    expect(text.stdout).toMatch(/of 150 aerobic minutes this week \(new aim from Mon 16 Mar\)/);

    // Next week grows by one Q2 step from this week's quota once this week is done, not more.
    importRows(pace, walks(mondayOf(START, 10), [{ dose: 20, day: 2 }, { dose: 20, day: 4 }]), addDays(mondayOf(START, 10), 6));
    const next = json(pace, ['plan'], addDays(mondayOf(START, 10), 6));
    expect(next.week_start).toBe(NEXT_MONDAY);
    expect(next.activities[0]).toMatchObject({ quota: 16, change: 'increase' });
    expect(json(pace, ['status'], NEXT_MONDAY)).toMatchObject({ target_minutes: 150, aim_from: null });
  });

  it('a JSON backup carries the dated aims, and a fresh journal plans the same weeks from it', () => {
    const pace = atTheCeiling();
    expect(pace.run(['init', '--target-minutes', '150'], { PACE_TODAY: TUESDAY }).status).toBe(0);
    const backup = join(pace.home, 'backup.json');
    expect(pace.run(['export', '--format', 'json', '--out', backup], { PACE_TODAY: TUESDAY }).status).toBe(0);
    const fresh = tempPace(tempDir());
    const r = fresh.run(['import', backup], { PACE_TODAY: TUESDAY });
    expect(r.status, r.stderr).toBe(0);
    expect(weeklyQuotas(fresh, TUESDAY)).toEqual(weeklyQuotas(pace, TUESDAY));
    expect(json(fresh, ['status'], TUESDAY)).toMatchObject({ target_minutes: 150, aim_from: NEXT_MONDAY });
  });
});

describe('G1/Q6: importing an older aim', () => {
  it('an older backup aim joins the history: the weeks it was in force keep it, the journal keeps its newer aim and says so', () => {
    const old = tempPace(tempDir());
    expect(old.run(['init', '--pem', 'no', '--target-minutes', '40'], { PACE_TODAY: '2026-01-06' }).status).toBe(0);
    const backup = join(old.home, 'backup.json');
    expect(old.run(['export', '--format', 'json', '--out', backup], { PACE_TODAY: '2026-01-06' }).status).toBe(0);
    const pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'no', '--target-minutes', '150'], { PACE_TODAY: TUESDAY }).status).toBe(0);
    const r = pace.run(['import', backup], { PACE_TODAY: TUESDAY });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Kept this journal's weekly aim of 150 minutes \(set Tue 10 Mar\); the backup has 40, from Tue 6 Jan, which is not newer\. pace init --target-minutes changes it\.$/m);
    expect(json(pace, ['status'], TUESDAY)).toMatchObject({ target_minutes: 150 });
    // The history now says 40 from 6 Jan until 10 Mar: the sessions imported next follow it.
    importRows(pace, walks(START, times(3, 10), times(3, 10), ...Array.from({ length: 7 }, () => times(3, 20)), [20]), TUESDAY);
    expect(weeklyQuotas(pace, TUESDAY)[mondayOf(START, 10)]).toBe('14.5');
  });
});

describe('G1: init names when a new aim takes effect only when the aim in force changes', () => {
  it('init --target-minutes 150 on a new journal (150 is the default) says nothing of next Monday; 120 does', () => {
    const pace = tempPace(tempDir());
    const first = pace.run(['init', '--pem', 'no', '--target-minutes', '150'], { PACE_TODAY: '2026-11-04' });
    expect(first.stdout).toMatch(/^Weekly aim: 150 minutes of aerobic activity$/m);
    const next = pace.run(['init', '--target-minutes', '120'], { PACE_TODAY: '2026-11-04' });
    expect(next.stdout).toMatch(/^Weekly aim: 120 minutes of aerobic activity \(the plan follows it from Mon 9 Nov\)$/m);
    // The next day, init run for another setting still names that Monday, as status does.
    const later = pace.run(['init', '--paper', 'a4'], { PACE_TODAY: '2026-11-05' });
    expect(later.stdout).toMatch(/^Weekly aim: 120 minutes of aerobic activity \(the plan follows it from Mon 9 Nov\)$/m);
    expect(JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: '2026-11-05' }).stdout)).toMatchObject({ target_minutes: 120, aim_from: '2026-11-09' });
    expect(pace.run(['init', '--paper', 'a4'], { PACE_TODAY: '2026-11-09' }).stdout).toMatch(/^Weekly aim: 120 minutes of aerobic activity$/m);
  });
});
