import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, answeredPace, tempPace, type TempPace } from '../helpers/pace.js';
import { addDays, ANSI, flare, importRows, json, mondayOf, times, walks, weeksOf, type Hold } from '../helpers/history.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05'; // Monday of program week 1
const SPARK = /[▁▂▃▄▅▆▇█]/;
const STRETCHING = { activity: 'stretching', unit: 'min', category: 'mobility' } as const;

/** Four weeks of walks as planned (10, 10, 11, 12), so week 5 is planned at 13 min x 4. */
const FOUR_WEEKS = walks(START, times(4, 10), times(4, 10), times(4, 11), times(4, 12));

const fresh = answeredPace;

interface StatusActivity {
  activity: string;
  unit: string;
  quota: number | null;
  sessions_per_week: number | null;
  sessions_done: number;
  dose_done: number;
  change: string | null;
}

interface StatusDoc {
  today: string;
  program_week: number;
  phase: number;
  mode: string;
  paused: boolean;
  this_week: { week_start: string; activities: StatusActivity[] };
  weekly_minutes: number;
  target_minutes: number;
  minutes_by_week: { week_start: string; minutes: number }[];
  pain_by_week: { week_start: string; sessions: number; mean_pain_before: number | null; mean_pain_after: number | null }[];
  boom_bust: { cycles_14d: number; alert: boolean; booms: string[]; cycles: { activity: string; boom: string; bust: string; bust_date: string }[] };
  acwr: number | null;
  acwr_flag: 'spike' | 'under' | null;
  holds: Hold[];
}

describe('pace status in the middle of a week (cli.md, G3, Q3)', () => {
  const today = addDays(mondayOf(START, 5), 2); // Wednesday of week 5
  let pace: TempPace;
  let doc: StatusDoc;

  beforeAll(() => {
    pace = fresh();
    const week5 = [
      ...walks(mondayOf(START, 5), [{ dose: 13, day: 0 }, { dose: 11, day: 1 }]),
      ...weeksOf(STRETCHING, mondayOf(START, 5), [{ dose: 5, day: 1 }]),
    ];
    importRows(pace, [...FOUR_WEEKS, ...week5], today);
    doc = json<StatusDoc>(pace, ['status'], today);
  });

  it('cli.md: has every field of the status JSON', () => {
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['today', 'program_week', 'phase', 'mode', 'paused', 'this_week', 'weekly_minutes', 'target_minutes', 'boom_bust', 'acwr', 'holds']),
    );
    expect(Object.keys(doc.this_week)).toEqual(expect.arrayContaining(['week_start', 'activities']));
    expect(Object.keys(doc.boom_bust)).toEqual(expect.arrayContaining(['cycles_14d', 'booms']));
    for (const a of doc.this_week.activities) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['activity', 'unit', 'quota', 'sessions_per_week', 'sessions_done', 'dose_done']));
    }
  });

  it('P: today, program week 5, phase 3, graded, not paused, no holds', () => {
    expect(doc).toMatchObject({ today, program_week: 5, phase: 3, mode: 'graded', paused: false, holds: [] });
    expect(doc.this_week.week_start).toBe(mondayOf(START, 5));
  });

  it("Q3: this week's plan against what was done: 11 min is under 90% of 13, so only one walk counts", () => {
    const walk = doc.this_week.activities.find((a) => a.activity === 'walk');
    expect(walk).toEqual({ ...walk, unit: 'min', quota: 13, sessions_per_week: 4, sessions_done: 1, dose_done: 24 });
  });

  it('an activity first done this week is listed with what was done and no quota yet', () => {
    const s = doc.this_week.activities.find((a) => a.activity === 'stretching');
    expect(s).toMatchObject({ unit: 'min', quota: null, sessions_done: 1, dose_done: 5 });
  });

  it('Q1: the view says what "new" in the plan column means and where the plan for it comes from', () => {
    // Seen by a new user: "walk  new  1  10 min" in week 1, and nothing to say what new meant.
    const out = pace.run(['status'], { PACE_TODAY: today }).stdout;
    expect(out).toMatch(/│ stretching │ +new │/);
    expect(out).toMatch(/\nnew: no plan yet this week; sessions logged now set the comfortable amount the plan starts from \(pace plan shows next week\)\.\n/);
  });

  it('G3: aerobic minutes this week toward the weekly aim of 150 (stretching is not aerobic)', () => {
    expect(doc.weekly_minutes).toBe(24);
    expect(doc.target_minutes).toBe(150);
  });

  it('B4: after 28 days of history the spike ratio is a number; B3: no booms here', () => {
    expect(typeof doc.acwr).toBe('number');
    expect(doc.boom_bust).toMatchObject({ cycles_14d: 0, booms: [] });
  });

  it('the trends in the JSON: minutes and pain by week for the last 8 weeks, oldest first, empty weeks included', () => {
    const weeks = [-2, -1, 0, 1, 2, 3, 4, 5].map((n) => mondayOf(START, n));
    // G3: aerobic minutes; the weeks before the program are there, at 0. Stretching is not aerobic.
    expect(doc.minutes_by_week).toEqual(weeks.map((week_start, i) => ({ week_start, minutes: [0, 0, 0, 40, 40, 44, 48, 24][i] })));
    // Pain by week: every session counts (walks and stretching); an empty week has no means, not zeros.
    expect(doc.pain_by_week.map((w) => w.week_start)).toEqual(weeks);
    expect(doc.pain_by_week.map((w) => w.sessions)).toEqual([0, 0, 0, 4, 4, 4, 4, 3]);
    expect(doc.pain_by_week[0]).toEqual({ week_start: weeks[0], sessions: 0, mean_pain_before: null, mean_pain_after: null });
    expect(doc.pain_by_week[7]).toMatchObject({ mean_pain_before: 3, mean_pain_after: 4 });
  });

  it("B4: steady weeks raise no spike flag; each activity's plan says what changed this week", () => {
    expect(doc.acwr_flag).toBeNull();
    const walk = doc.this_week.activities.find((a) => a.activity === 'walk');
    expect(walk?.change).toBe('increase');
  });

  it('B4: before 28 days of history there is no spike ratio', () => {
    expect(json<StatusDoc>(pace, ['status'], addDays(START, 20)).acwr).toBeNull();
  });

  it('the human view draws sparklines with plain characters and no ANSI escapes under NO_COLOR', () => {
    const r = pace.run(['status'], { PACE_TODAY: today });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(SPARK);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toMatch(/24 of 150/);
  });

  it('the same view is coloured when colour is forced, so the NO_COLOR check above means something', () => {
    const r = pace.run(['status'], { PACE_TODAY: today, NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(r.stdout).toMatch(ANSI);
  });
});

describe('boom and bust (B1-B3)', () => {
  // Week 5 is planned at 13 min: a 20 min walk on Thursday is a boom (1.5 x 13 = 19.5), and Friday's
  // short walk is a flare: one cycle. Week 6 drops back to 12 (Q5): 20 min on Tuesday, a flare on
  // Wednesday: a second cycle within 14 days.
  const today = addDays(mondayOf(START, 6), 5); // Saturday 14 Feb
  let pace: TempPace;

  beforeAll(() => {
    pace = fresh();
    const bursts = [
      ...walks(mondayOf(START, 5), [{ dose: 13, day: 0 }, { dose: 13, day: 1 }, { dose: 20, day: 3 }, flare(5, { day: 4, painAfter: 7 })]),
      ...walks(mondayOf(START, 6), [{ dose: 12, day: 0 }, { dose: 20, day: 1 }, flare(5, { day: 2, painAfter: 7 })]),
    ];
    importRows(pace, [...FOUR_WEEKS, ...bursts], today);
  });

  it('B3: two boom-then-bust cycles in the last 14 days are counted, with the boom dates', () => {
    const s = json<StatusDoc>(pace, ['status'], today);
    expect(s.boom_bust.cycles_14d).toBe(2);
    expect(s.boom_bust.booms).toEqual(expect.arrayContaining(['2026-02-05', '2026-02-10']));
    // The alert and each cycle, as the JSON carries them: the boom, and the flare that followed.
    expect(s.boom_bust.alert).toBe(true);
    expect(s.boom_bust.cycles).toEqual(
      expect.arrayContaining([
        { activity: 'walk', boom: '2026-02-05', bust: 'flare', bust_date: '2026-02-06' },
        { activity: 'walk', boom: '2026-02-10', bust: 'flare', bust_date: '2026-02-11' },
      ]),
    );
  });

  it('B3: the status view names the pattern plainly, with the dates', () => {
    const out = pace.run(['status'], { PACE_TODAY: today }).stdout;
    const line = lines(out).find((l) => /boom/i.test(l) && /bust|crash/i.test(l));
    expect(line).toBeDefined();
    expect(line).toMatch(/5 Feb/);
    expect(line).toMatch(/10 Feb/);
  });

  it('B3: the pattern leaves the window once the booms are more than 14 days old', () => {
    const later = addDays(today, 14);
    const s = json<StatusDoc>(pace, ['status'], later);
    expect(s.boom_bust.cycles_14d).toBe(0);
    expect(s.boom_bust.alert).toBe(false);
    expect(pace.run(['status'], { PACE_TODAY: later }).stdout).not.toMatch(/boom-and-bust pattern:/);
  });
});

describe('B3: a boom is named the moment it is logged', () => {
  interface LogDoc {
    plan: { quota: number | null; pct_of_quota: number | null; boom: { ratio: number; reference: number; message: string } | null } | null;
  }
  const monday = mondayOf(START, 5); // planned at 13 min
  let pace: TempPace;
  beforeAll(() => {
    pace = fresh();
    importRows(pace, FOUR_WEEKS, monday);
  });

  it("B1: 20 min against today's quota of 13 is a boom, named in log --json as plan.boom", () => {
    const doc = json<LogDoc>(pace, ['log', 'walk', '20'], monday);
    expect(doc.plan).toMatchObject({ week_start: monday, quota: 13, sessions_per_week: 4, pct_of_quota: 154, counts: true, paused: false });
    expect(doc.plan!.boom).toMatchObject({ ratio: 1.54, reference: 13, basis: 'quota' });
    expect(doc.plan!.boom!.message).toMatch(/1\.54/);
    expect(doc.plan!.boom!.message).toMatch(/plan/);
  });

  it('B3: the human log output says so too', () => {
    const out = pace.run(['log', 'walk', '20', '--date', addDays(monday, 1)], { PACE_TODAY: addDays(monday, 1) }).stdout;
    expect(out).toMatch(/1\.54 x your planned session of 13 min/);
  });

  it('B1: a walk at the quota is not a boom', () => {
    const doc = json<LogDoc>(pace, ['log', 'walk', '13'], addDays(monday, 2));
    expect(doc.plan!.boom).toBeNull();
  });

  it("B1: the day's total counts: a second walk that takes the day to 1.5 x the quota is a boom", () => {
    const day = addDays(monday, 3);
    expect(json<LogDoc>(pace, ['log', 'walk', '10'], day).plan!.boom).toBeNull();
    expect(json<LogDoc>(pace, ['log', 'walk', '10'], day).plan!.boom).toMatchObject({ ratio: 1.54 });
  });

  it('B1: with no plan yet, the reference is the usual day of the last two weeks', () => {
    const first = tempPace(tempDir());
    importRows(first, walks(START, [{ dose: 10, day: 0 }, { dose: 10, day: 1 }]), addDays(START, 2));
    const doc = json<LogDoc>(first, ['log', 'walk', '15'], addDays(START, 2));
    expect(doc.plan?.boom).toMatchObject({ ratio: 1.5, reference: 10 });
  });
});

describe('B2/B3: one boom-bust cycle, below the alert, is said as it happened', () => {
  it('B2: a big day whose pain had not settled the next day is shown with its flare, never "no crash"', () => {
    const monday = mondayOf(START, 5); // planned at 13 min
    const pace = fresh();
    importRows(pace, FOUR_WEEKS, monday);
    expect(pace.run(['log', 'walk', '20'], { PACE_TODAY: monday }).status).toBe(0);
    const tuesday = addDays(monday, 1);
    expect(pace.run(['log', '--settled', 'no'], { PACE_TODAY: tuesday }).status).toBe(0);
    const s = json<StatusDoc>(pace, ['status'], tuesday);
    expect(s.boom_bust.cycles).toEqual([{ activity: 'walk', boom: monday, bust: 'flare', bust_date: monday }]);
    const out = pace.run(['status'], { PACE_TODAY: tuesday }).stdout;
    expect(out).not.toMatch(/no crash/);
    expect(out).toMatch(/Big days in the last 14 days: Mon 2 Feb, with a flare the same day\./);
  });
});
