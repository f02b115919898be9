import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { importRows, json, mondayOf, sundayOf, times, weeksOf, type Bout } from '../helpers/history.js';
import { readPdf } from '../helpers/pdf.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// A person whose activities are all counted in reps and metres: six weeks of sit-to-stand and a
// hallway walk, growing while pain stays the same. Seen: "minutes of any activity a week 0 -> 0,
// about the same" in the review and "0 of 150 aerobic minutes this week" with a row of zeros in
// status, which read as "you did nothing".

const START = '2026-01-05'; // Monday of program week 1
const TODAY = sundayOf(START, 6);
const STS = { activity: 'sit-to-stand', unit: 'reps', category: 'strength' } as const;
const HALL = { activity: 'hallway walk', unit: 'm', category: 'aerobic' } as const;
const steady = (dose: number): Bout => ({ dose, painBefore: 5, painAfter: 5 });
const grow = (from: number, step: number) => Array.from({ length: 6 }, (_, w) => times(3, from + step * w).map(steady));

interface Measure {
  name: string;
  then: number | null;
  now: number | null;
  change: number | null;
  verdict: string;
  missing: string | null;
}

describe('a person with no timed activity (R1, R3, G3, C1)', () => {
  let pace: TempPace;
  const run = (args: string[]) => {
    const r = pace.run(args, { PACE_TODAY: TODAY });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  beforeAll(() => {
    pace = answeredPace();
    importRows(pace, [...weeksOf(STS, START, ...grow(5, 1)), ...weeksOf(HALL, START, ...grow(200, 40))], TODAY);
  });

  it('R1: review leaves the minutes row out and shows their reps and metres', () => {
    const out = run(['review']);
    expect(out).not.toMatch(/minutes/);
    expect(out).toMatch(/sit-to-stand, reps a session +│ +5\.5 │ +8\.5 │ better/);
    expect(out).toMatch(/hallway walk, m a session +│ +220 │ +340 │ better/);
  });

  it('R3: review --json keeps cli.md\'s minutes measure, but never judges 0 -> 0 minutes "the same"', () => {
    const doc = json<{ measures: Measure[]; minutes_shown: boolean; summary: string }>(pace, ['review'], TODAY);
    expect(doc.measures.map((m) => m.name)).toContain('minutes_per_week');
    expect(doc.measures.find((m) => m.name === 'minutes_per_week')).toEqual({ name: 'minutes_per_week', then: null, now: null, change: null, verdict: 'not-enough-data', missing: 'no-timed-sessions' });
    expect(doc.minutes_shown).toBe(false);
    expect(doc.summary).toMatch(/^Your pain before sessions is about the same as in your first two weeks \(5\.0 -> 5\.0\), but other things have clearly changed for the better: hallway walk 220 -> 340 m a session; sit-to-stand 5\.5 -> 8\.5 reps a session\./);
    expect(doc.summary).not.toMatch(/minutes/);
  });

  it('G3: status keeps the weekly aim, without judging, and no chart of weeks of zero minutes: their metres and reps follow it', () => {
    const out = run(['status']);
    expect(out).not.toMatch(/^Minutes|aerobic minutes a week/m);
    expect(out).toMatch(/^Weekly aim .* 0 of 150 aerobic minutes this week\nMetres /m);
    const plain = run(['status', '--plain']);
    expect(plain).not.toMatch(/aerobic minutes a week/);
    expect(plain).toMatch(/^Weekly aim: 0 of 150 aerobic minutes this week\.\nhallway walk, m a session/m);
  });

  it('cli.md: status --json keeps its minutes fields, and says minutes are not shown', () => {
    const doc = json<{ weekly_minutes: number; target_minutes: number; acwr: number | null; minutes_shown: boolean }>(pace, ['status'], TODAY);
    expect(doc).toMatchObject({ weekly_minutes: 0, target_minutes: 150, acwr: null, minutes_shown: false });
  });

  it('C1: the report, HTML and PDF, says nothing of minutes and gives each activity its own session then and now', async () => {
    run(['report', '--out', 'r.html']);
    run(['report', '--out', 'r.pdf']);
    const html = readFileSync(join(pace.home, 'r.html'), 'utf8');
    const pdf = (await readPdf(join(pace.home, 'r.pdf'))).text.join(' ');
    for (const text of [html, pdf]) {
      expect(text).not.toMatch(/minute/i);
      // The PDF's text breaks lines at hyphens ("sit- to- stand"): the walk has none.
      expect(text).toMatch(/hallway walk, m a session/);
      expect(text).toContain('220 to 340 (better)');
    }
  });

  it('B4: walks timed long ago and reps since: no load ratio of 0.00 "below your usual load" beside no minutes', () => {
    const other = answeredPace();
    const walk = { activity: 'walk', unit: 'min', category: 'aerobic' } as const;
    const today = sundayOf(START, 14);
    const reps = Array.from({ length: 10 }, (_, w) => times(3, 6 + Math.floor(w / 2)).map(steady));
    importRows(other, [...weeksOf(walk, START, ...Array.from({ length: 4 }, () => times(3, 10).map(steady))), ...weeksOf(STS, mondayOf(START, 5), ...reps)], today);
    const out = other.run(['status'], { PACE_TODAY: today }).stdout;
    expect(out).toMatch(/^Weekly aim .* 0 of 150 aerobic minutes this week\nReps /m);
    expect(out).not.toMatch(/Load ratio/);
    const doc = json<{ acwr: number | null; acwr_flag: string | null; minutes_shown: boolean }>(other, ['status'], today);
    expect(doc).toMatchObject({ acwr: null, acwr_flag: null, minutes_shown: false });
  });

  it('a timed session in a compared week brings the minutes back, in review and status alike', () => {
    const other = answeredPace();
    const walk = { activity: 'walk', unit: 'min', category: 'aerobic' } as const;
    importRows(other, [...weeksOf(STS, START, ...grow(5, 1)), ...weeksOf(walk, mondayOf(START, 6), [steady(10)])], TODAY);
    const review = other.run(['review'], { PACE_TODAY: TODAY }).stdout;
    expect(review).toMatch(/minutes of any activity a week +│ +0 │ +2\.5 │ better/);
    expect(other.run(['status'], { PACE_TODAY: TODAY }).stdout).toMatch(/^Weekly aim .* 10 of 150 aerobic minutes this week$/m);
  });
});
