import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { addDays, flare, importRows, json, mondayOf, planOf, planOn, sundayOf, times, walks, type Hold, type PlanDoc, type Week } from '../helpers/history.js';
import { fileHash, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05'; // Monday of program week 1

const fresh = answeredPace;

interface Listed {
  id: number;
  date: string;
  dose: number;
  symptoms: string[];
}

interface LogDoc {
  session: Listed;
  checkin: { session_id: number; session_ids: number[]; date: string; settled: boolean } | null;
}

describe('F2: the next-day check', () => {
  // Weeks 1-4 as planned (10, 10, 11, 12), so week 5 asks for 13 min x 4. The fourth walk is on
  // Saturday; on Sunday the person logs a short walk and answers whether Saturday's pain settled.
  const saturday = addDays(mondayOf(START, 5), 5);
  const sunday = sundayOf(START, 5);

  function upToSaturday(): TempPace {
    const pace = fresh();
    importRows(pace, walks(START, times(4, 10), times(4, 10), times(4, 11), times(4, 12), [{ dose: 13, day: 0 }, { dose: 13, day: 1 }, { dose: 13, day: 3 }]), saturday);
    expect(pace.run(['log', 'walk', '13'], { PACE_TODAY: saturday }).status).toBe(0);
    return pace;
  }

  let notSettled: TempPace;
  let settled: TempPace;
  let answer: LogDoc;
  beforeAll(() => {
    notSettled = upToSaturday();
    answer = json<LogDoc>(notSettled, ['log', 'walk', '10', '--settled', 'no'], sunday);
    settled = upToSaturday();
    json<LogDoc>(settled, ['log', 'walk', '10', '--settled', 'yes'], sunday);
  });

  it("F2: --settled no marks the PREVIOUS session with pain-over-24h, not the one being logged", () => {
    const list = notSettled.sessions() as unknown as Listed[];
    const sat = list.find((s) => s.date === saturday)!;
    const sun = list.find((s) => s.date === sunday)!;
    expect(sat.symptoms).toEqual(['pain-over-24h']);
    expect(sun.symptoms).toEqual([]);
    expect(answer.checkin).toMatchObject({ session_id: sat.id, session_ids: [sat.id], date: saturday, settled: false, triage: { class: 'assess' } });
  });

  it('F2: --settled yes leaves the previous session as it was', () => {
    const list = settled.sessions() as unknown as Listed[];
    expect(list.every((s) => s.symptoms.length === 0)).toBe(true);
  });

  it('F1, Q5: "not settled" makes it a flare week: the next week drops back one level instead of growing', () => {
    expect(planOf(planOn(settled, sunday))).toEqual([14.5, 4, 'increase']);
    expect(planOf(planOn(notSettled, sunday))).toEqual([12, 4, 'drop-back']);
  });

  it('T2: pain-over-24h is an assess symptom: the status shows a hold', () => {
    const s = json<{ holds: Hold[] }>(notSettled, ['status'], sunday);
    expect(s.holds).toEqual([expect.objectContaining({ kind: 'assess', symptoms: ['pain-over-24h'] })]);
    expect(json<{ holds: Hold[] }>(settled, ['status'], sunday).holds).toEqual([]);
  });

  it('F2: the check covers the day before yesterday too', () => {
    const pace = fresh();
    const friday = addDays(START, 4);
    importRows(pace, walks(START, [{ dose: 10, day: 4 }]), friday);
    expect(pace.run(['log', 'walk', '10', '--settled', 'no'], { PACE_TODAY: addDays(friday, 2) }).status).toBe(0);
    const list = pace.sessions() as unknown as Listed[];
    expect(list.find((s) => s.date === friday)!.symptoms).toEqual(['pain-over-24h']);
  });

  it('F2: --settled with no session yesterday or the day before exits 2 and writes nothing', () => {
    const pace = fresh();
    const monday = START;
    importRows(pace, walks(START, [{ dose: 10, day: 0 }]), monday);
    const before = fileHash(pace.db);
    const r = pace.run(['log', 'walk', '10', '--settled', 'no'], { PACE_TODAY: addDays(monday, 3) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--settled/);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('F2: a check already answered is not asked again', () => {
    const r = notSettled.run(['log', 'walk', '5', '--settled', 'no'], { PACE_TODAY: sunday });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no session from yesterday or the day before waiting for it/);
  });

  it("F2: when the unsettled walk was last Sunday, it is this week's plan that steps back, and the words say so", () => {
    const pace = fresh();
    const lastSunday = sundayOf(START, 4);
    importRows(pace, walks(START, times(4, 10), times(4, 10), times(4, 11), [12, 12, 12, { dose: 12, day: 6 }]), lastSunday);
    const monday = mondayOf(START, 5);
    const r = pace.run(['log', 'walk', '13', '--settled', 'no'], { PACE_TODAY: monday });
    expect(r.status).toBe(0);
    // Q5, Q9: week 4 now holds a flare, so week 5 (which began today) goes back from 12 to 11.
    expect(planOf(planOn(pace, monday, '--week', monday))).toEqual([11, 4, 'drop-back']);
    expect(r.stdout).not.toMatch(/next week's plan/i);
  });

  it('F2: --settled takes yes or no only', () => {
    const r = upToSaturday().run(['log', 'walk', '10', '--settled', 'maybe'], { PACE_TODAY: sunday });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--settled "maybe" should be yes or no/);
  });
});

describe('fifteen weeks of walking, with a flare, an unfinished week and a warning sign', () => {
  // The person does what each Sunday's plan asks, four walks a week, except where the story says.
  // Each line: what happens in week n, and what Sunday's plan then says about week n + 1.
  const story: { week: number; done: (quota: number) => Week; plan: [number | null, number, string] }[] = [
    { week: 1, done: () => times(4, 10), plan: [10, 4, 'baseline'] }, // Q1
    { week: 2, done: () => times(4, 10), plan: [11, 4, 'increase'] }, // Q2: next(baseline)
    { week: 3, done: (q) => times(4, q), plan: [12, 4, 'increase'] },
    { week: 4, done: (q) => times(4, q), plan: [13, 4, 'increase'] },
    { week: 5, done: (q) => times(4, q), plan: [14.5, 4, 'increase'] },
    { week: 6, done: (q) => [q, q, flare(q), q], plan: [13, 4, 'drop-back'] }, // Q5
    { week: 7, done: (q) => times(4, q), plan: [14.5, 4, 'increase'] }, // Q5: progression resumes
    { week: 8, done: (q) => times(4, q), plan: [16, 4, 'increase'] },
    { week: 9, done: (q) => times(3, q), plan: [16, 4, 'hold'] }, // Q4
    { week: 10, done: (q) => times(4, q), plan: [17.5, 4, 'increase'] },
    // Week 11: two walks, then dizziness on Wednesday's walk (logged, below): paused (T3).
    { week: 11, done: (q) => [{ dose: q, day: 0 }, { dose: q, day: 1 }], plan: [null, 0, 'paused'] },
    { week: 12, done: () => [], plan: [null, 0, 'paused'] }, // still paused: nobody has cleared it
  ];
  const dizzyDay = addDays(mondayOf(START, 11), 2);
  const plans = new Map<number, PlanDoc>();
  let pace: TempPace;
  let afterClearance: PlanDoc;
  let laterPlans: PlanDoc[];

  beforeAll(() => {
    pace = fresh();
    let quota = 10;
    for (const step of story) {
      const sunday = sundayOf(START, step.week);
      importRows(pace, walks(mondayOf(START, step.week), step.done(quota)), sunday);
      if (step.week === 11) expect(pace.run(['log', 'walk', String(quota), '--symptom', 'dizziness'], { PACE_TODAY: dizzyDay }).status).toBe(0);
      const plan = planOn(pace, sunday);
      plans.set(step.week, plan);
      quota = planOf(plan)[0] ?? quota;
    }
    // Sunday of week 12: a clinician has cleared the person.
    expect(pace.run(['triage', '--cleared'], { PACE_TODAY: sundayOf(START, 12) }).status).toBe(0);
    afterClearance = planOn(pace, sundayOf(START, 12));
    laterPlans = [];
    let q = planOf(afterClearance)[0]!;
    for (const n of [13, 14]) {
      importRows(pace, walks(mondayOf(START, n), times(4, q)), sundayOf(START, n));
      const p = planOn(pace, sundayOf(START, n));
      laterPlans.push(p);
      q = planOf(p)[0]!;
    }
  });

  it('P, Q: each Sunday the plan for the coming week follows the rules', () => {
    expect(story.map((s) => planOf(plans.get(s.week)!))).toEqual(story.map((s) => s.plan));
  });

  it('T3: while paused, the plan names the warning sign and the day it was recorded', () => {
    for (const week of [11, 12]) {
      const p = plans.get(week)!;
      expect(p.paused).toBe(true);
      expect(p.hold).toEqual({ kind: 'stop', since: dizzyDay, symptoms: ['dizziness'] });
      expect(p.activities[0]!.reason).toMatch(/dizziness/);
    }
  });

  it('T3, Q5, Q4: after clearance the plan resumes one level down (the warning walk was a flare), and holds after a week without walks', () => {
    expect(afterClearance.paused).toBe(false);
    expect(planOf(afterClearance)).toEqual([16, 4, 'hold']);
  });

  it('Q2: completed weeks after clearance grow again: 17.5, then 19.5', () => {
    expect(laterPlans.map((p) => planOf(p))).toEqual([
      [17.5, 4, 'increase'],
      [19.5, 4, 'increase'],
    ]);
  });

  it('P1-P4: phases follow the calendar: baseline, slow progression, consolidation, then maintenance from week 14', () => {
    const phases = [...story.map((s) => plans.get(s.week)!), afterClearance, ...laterPlans].map((p) => [p.program_week, p.phase]);
    expect(phases).toEqual([
      [2, 1], [3, 2], [4, 2], [5, 3], [6, 3], [7, 3], [8, 3], [9, 3], [10, 3], [11, 3], [12, 3], [13, 3], [13, 3], [14, 4], [15, 4],
    ]);
  });

  it('P3, P4 and M4: consolidation suggests adding other kinds of activity; maintenance, with no goal yet, suggests setting one', () => {
    expect(plans.get(5)!.suggestion).toMatch(/stretching|mobility/i);
    expect(laterPlans[0]!.suggestion).toBeNull();
    expect(laterPlans[0]!.goal_suggestion).toMatchObject({ rule: 'M4', kind: 'set' });
  });

  it('E2: the weekly export shows each week with the quota that was planned for it', () => {
    const rows = pace.run(['export', '--weekly'], { PACE_TODAY: sundayOf(START, 14) }).stdout.trim().split('\r\n');
    const [header, ...body] = rows.map((r) => r.split(','));
    const col = (name: string) => header!.indexOf(name);
    const quotaOf = (week: string) => body.find((r) => r[col('week_start')] === week)?.[col('quota')];
    // Weeks 2-11 as planned on the Sunday before; week 12 was cleared on its Sunday, so it shows the
    // quota it was planned with (T3: the rest of the week as planned); week 13 as planned after that.
    const planned = [...story.slice(0, 10).map((s) => s.plan[0]), 16, planOf(afterClearance)[0], planOf(laterPlans[0]!)[0]];
    expect(planned.map((_, i) => quotaOf(mondayOf(START, i + 2)))).toEqual(planned.map((q) => (q === null ? '' : String(q))));
  });
});
