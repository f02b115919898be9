import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../src/core/coach/status.js';
import type { TriageRecord } from '../../../src/core/coach/types.js';
import { addDays } from '../../../src/core/dates.js';
import type { Session } from '../../../src/core/types.js';
import { flare, MON, session, settings, times, week, weeks, weeksOf } from './builders.js';

const status = (sessions: Session[], today: string, triageRecords: TriageRecord[] = [], pem = false) =>
  statusOf({ sessions, settings: settings({ pem }), overrides: [], acceptances: [], triageRecords, today: today as never });

describe('status', () => {
  const history = [
    ...weeks(MON, times(3, 10), times(3, 10), times(3, 11), times(3, 12)),
    ...weeksOf({ activity: 'stretching', category: 'mobility' }, MON, [], [], [], [5, 5]),
  ];
  const today = addDays(week(5), 2); // Wednesday of week 5
  const sessions = [...history, session(week(5), 13), session(addDays(week(5), 1), 11), session(addDays(week(5), 2), 6, { activity: 'stretching', category: 'mobility' })];

  it('G3/Q3: this week\'s plan against what was done so far, and minutes toward the weekly aim', () => {
    const s = status(sessions, today);
    expect([s.weekStart, s.programWeek, s.phase, s.mode, s.paused, s.hold]).toEqual([week(5), 5, 3, 'graded', false, null]);
    expect(s.activities.map((a) => [a.activity, a.plan?.quota ?? null, a.plan?.sessionsPerWeek ?? null, a.sessionsDone, a.doseDone])).toEqual([
      ['stretching', 5, 2, 1, 6],
      ['walk', 13, 3, 1, 24], // 11 min is under 90% of 13: it does not count
    ]);
    expect(s.weeklyMinutes).toBe(24); // stretching is not aerobic
    expect(s.targetMinutes).toBe(150);
    expect(s.suggestion).toBeNull(); // two categories already
  });

  it('status: an activity first done this week is listed without a plan', () => {
    const s = status([...sessions, session(addDays(week(5), 1), 20, { activity: 'bike' })], today);
    expect(s.activities.find((a) => a.activity === 'bike')).toEqual({ activity: 'bike', unit: 'min', category: 'aerobic', plan: null, sessionsDone: 1, doseDone: 20 });
  });

  it('Q9: sessions logged this week do not change this week\'s plan', () => {
    const a = status(sessions, today).activities.map((x) => x.plan);
    const b = status([...sessions, session(today, 60)], today).activities.map((x) => x.plan);
    expect(b).toEqual(a);
  });

  it('T3: an open stop hold pauses the plan at once, today', () => {
    const records: TriageRecord[] = [{ date: addDays(week(5), 1), kind: 'triage', class: 'stop', symptoms: ['chest-pain'] }];
    const s = status(sessions, today, records);
    expect(s.paused).toBe(true);
    expect(s.hold).toEqual({ kind: 'stop', since: addDays(week(5), 1), symptoms: ['chest-pain'] });
    expect(s.activities.every((a) => a.plan?.change === 'paused')).toBe(true);
  });

  it('P3: pain trend by week, the last eight weeks, oldest first', () => {
    const s = status(sessions, today);
    expect(s.painTrend).toHaveLength(8);
    expect(s.painTrend[7]).toEqual({ weekStart: week(5), sessions: 3, meanPainBefore: 3, meanPainAfter: 4 });
    expect(s.painTrend[0]).toEqual({ weekStart: addDays(week(5), -49), sessions: 0, meanPainBefore: null, meanPainAfter: null });
  });

  it('P3: the trend\'s oldest week is read whole, its Monday included', () => {
    const long = weeks(MON, ...Array.from({ length: 9 }, () => times(3, 10)));
    const s = status(long, addDays(week(9), 2));
    expect(s.painTrend[0]).toMatchObject({ weekStart: week(2), sessions: 3 });
    expect(long.filter((x) => x.date === week(2))).toHaveLength(1);
  });

  it('B3/B4: boom-bust for the last 14 days, and the spike ratio once there are 28 days', () => {
    const s = status(sessions, today);
    expect(s.acwr).not.toBeNull();
    expect(s.boomBust.cycles14d).toBe(0);
    const boom = [...sessions, session(today, 30)];
    expect(status(boom, today).boomBust.booms.map((b) => b.date)).toEqual([today]);
    expect(status(weeks(MON, times(3, 10)), addDays(MON, 5)).acwr).toBeNull();
  });

  it('B4: a low ratio is under-doing while the plan grows, never in envelope mode (S2), where it does not grow on its own', () => {
    // Four weeks of walks, then a quiet week 5: the last 7 days are well below the last 28.
    const quiet = addDays(week(5), 5);
    const graded = status(history, quiet);
    expect(graded.acwr?.ratio).toBeLessThan(0.8);
    expect(graded.acwr?.flag).toBe('under');
    const envelope = status(history, quiet, [], true);
    expect(envelope.mode).toBe('envelope');
    expect(envelope.acwr?.ratio).toBe(graded.acwr?.ratio);
    expect(envelope.acwr?.flag).toBeNull();
  });

  it('B4: no under-doing on a flare day (F3), where status asks to do less rather than nothing', () => {
    // Seen: "On a flare day, do less rather than nothing: walk 9 min" and, lines below, "Load
    // ratio 0.57 - below your usual load", in one status.
    const quiet = addDays(week(5), 5);
    const yesterday = [...history, session(addDays(quiet, -1), 4, { painBefore: 3, painAfter: 7 })];
    expect(status(yesterday, quiet).acwr?.ratio).toBeLessThan(0.8);
    expect(status(yesterday, quiet).acwr?.flag).toBeNull();
    // A lighter session logged after it that day is the advice followed: still the flare day.
    const lighter = [...yesterday, session(quiet, 3)];
    expect(status(lighter, quiet).acwr?.flag).toBeNull();
    // Once its day and the day after are over, a low ratio is under-doing again.
    const later = addDays(quiet, 1);
    expect(status(yesterday, later).acwr?.ratio).toBeLessThan(0.8);
    expect(status(yesterday, later).acwr?.flag).toBe('under');
  });

  it('B4: no under-doing in a week whose plan asks for less: back after a break (Q10), or after a flare (Q5)', () => {
    // Three weeks ill after week 5: week 9 comes back lower, and the quiet weeks make the ratio low.
    const back = status(weeks(MON, times(3, 10), times(3, 10), times(3, 11), times(3, 12), times(3, 13)), addDays(week(9), 2));
    expect(back.activities.map((a) => a.plan?.change)).toEqual(['return']);
    expect(back.acwr?.ratio).toBeLessThan(0.8);
    expect(back.acwr?.flag).toBeNull();
    // A flare on the last walk of week 5, then nothing: week 6 drops back (Q5) and asks to ease off (F3).
    const eased = status(weeks(MON, times(3, 10), times(3, 10), times(3, 11), times(3, 12), [13, 13, flare(13)]), addDays(week(6), 6));
    expect(eased.activities.map((a) => a.plan?.change)).toEqual(['drop-back']);
    expect(eased.acwr?.ratio).toBeLessThan(0.8);
    expect(eased.acwr?.flag).toBeNull();
  });
});

describe('B2 in status: busts are read on the planned days (D1, D2)', () => {
  const history = weeks(MON, times(3, 10), times(3, 10), times(3, 11), times(3, 12));
  // Week 5 plans 13 minutes 3 times. A big Thursday, nothing on Friday, the usual on Saturday.
  const sessions = [...history, session(addDays(week(5), 1), 13), session(addDays(week(5), 3), 30), session(addDays(week(5), 5), 13)];
  const today = addDays(week(6), 1);
  const run = (schedules: { activity: string; days: number[]; time: string | null }[]) =>
    statusOf({ sessions, settings: settings({}), overrides: [], acceptances: [], triageRecords: [], today, schedules });

  it('B2: on Tue, Thu and Sat, Saturday at the plan follows the boom: no bust', () => {
    const s = run([{ activity: 'walk', days: [1, 3, 5], time: '07:30' }]);
    expect(s.boomBust.booms.map((b) => b.date)).toEqual([addDays(week(5), 3)]);
    expect(s.boomBust.cycles).toEqual([]);
  });

  it('B2, D1: in week 1, before any plan, the days the person gave are the planned days: a weekend off is rest', () => {
    // Mon, Wed and Fri walks, Friday the big one (1.6 x the days before); the weekend off, as scheduled.
    const first = [session(MON, 10), session(addDays(MON, 2), 10), session(addDays(MON, 4), 16), session(week(2), 10)];
    const at = (schedules: { activity: string; days: number[]; time: string | null }[]) =>
      statusOf({ sessions: first, settings: settings({}), overrides: [], acceptances: [], triageRecords: [], today: addDays(week(2), 1), schedules }).boomBust;
    expect(at([{ activity: 'walk', days: [0, 2, 4], time: '08:00' }])).toMatchObject({ booms: [{ date: addDays(MON, 4) }], cycles: [] });
    // With no days given and no plan yet, every day still counts (the rule before plans had days).
    expect(at([]).cycles).toEqual([{ boomDate: addDays(MON, 4), activity: 'walk', bust: 'low', bustDate: addDays(MON, 6) }]);
  });

  it('B2: spread on Mon, Wed and Fri (no days given), Friday and Monday were missed: a bust', () => {
    expect(run([]).boomBust.cycles).toEqual([{ boomDate: addDays(week(5), 3), activity: 'walk', bust: 'low', bustDate: week(6) }]);
  });
});
