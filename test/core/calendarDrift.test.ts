import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarOf } from '../../src/core/calendar.js';
import { calendarDrift, exportAgain, exportedActivities, type CalendarRecord } from '../../src/core/calendarDrift.js';
import type { ActivityPlan, WeekPlan } from '../../src/core/coach/types.js';
import { planSessions, type Schedule } from '../../src/core/days.js';
import type { IsoDate } from '../../src/core/types.js';

// D3: what an export put in the calendar app, against the week's plan as it stands now.

const WEEK = '2026-12-07' as IsoDate;
/** The Thursday before WEEK: every session of it is ahead. */
const THU = '2026-12-03' as IsoDate;
const walk: ActivityPlan = {
  activity: 'walk',
  unit: 'min',
  category: 'aerobic',
  quota: 21.5,
  sessionsPerWeek: 3,
  change: 'increase',
  reason: { rule: 'Q2', kind: 'completed', from: 19.5, to: 21.5, done: 3, planned: 3 },
  flareDayDose: 10.5,
  offer: null,
};
const squats: ActivityPlan = { ...walk, activity: 'sit-to-stand', unit: 'reps', category: 'strength', quota: 8, sessionsPerWeek: 2, flareDayDose: 4 };

const week = (activities: ActivityPlan[], over: Partial<WeekPlan> = {}): WeekPlan => ({
  weekStart: WEEK,
  programWeek: 10,
  phase: 3,
  mode: 'graded',
  paused: false,
  hold: null,
  activities,
  suggestion: null,
  ...over,
});
const calendar = (plan: WeekPlan, schedules: Schedule[] = []) => calendarOf(plan, planSessions(plan, schedules, '09:00'), 10);

/** The records an export of `plan` on Thu 3 Dec leaves, as src/store/calendarExports.ts keeps them. */
const exported = (plan: WeekPlan, schedules: Schedule[] = []): CalendarRecord[] =>
  exportedActivities(plan, calendar(plan, schedules)).map((a) => ({ ...a, weekStart: WEEK, exportedOn: '2026-12-03' as IsoDate }));

describe('D3: what an export puts in the calendar app', () => {
  it('counts each activity\'s events, with their quota, days and times', () => {
    const plan = week([walk, squats]);
    expect(exportedActivities(plan, calendar(plan))).toEqual([
      { activity: 'walk', unit: 'min', quota: 21.5, sessions: 3, slots: '2026-12-07 09:00,2026-12-09 09:00,2026-12-11 09:00' },
      { activity: 'sit-to-stand', unit: 'reps', quota: 8, sessions: 2, slots: '2026-12-07 09:00,2026-12-10 09:00' },
    ]);
  });

  it('T3: a paused week puts nothing there', () => {
    const plan = week([walk], { paused: true });
    expect(exportedActivities(plan, calendar(plan))).toEqual([]);
  });
});

describe('D3: a calendar against the plan as it stands', () => {
  it('is in step with the plan it was exported from', () => {
    const plan = week([walk, squats]);
    expect(calendarDrift(exported(plan), plan, calendar(plan), THU)).toBeNull();
  });

  it('Q5: a flare logged after the export lowers the quota the calendar still shows', () => {
    const now = week([{ ...walk, quota: 17.5 }, squats]);
    expect(calendarDrift(exported(week([walk, squats])), now, calendar(now), THU)).toEqual({
      weekStart: WEEK,
      exportedOn: '2026-12-03',
      paused: false,
      activities: [{ activity: 'walk', unit: 'min', calendar: { quota: 21.5, sessions: 3 }, plan: { quota: 17.5, sessions: 3 }, moved: false }],
    });
  });

  it('Q7: fewer sessions now, and an activity planned now that the calendar lacks', () => {
    const now = week([{ ...walk, sessionsPerWeek: 2 }, squats]);
    const drift = calendarDrift(exported(week([walk])), now, calendar(now), THU);
    expect(drift?.activities).toEqual([
      { activity: 'walk', unit: 'min', calendar: { quota: 21.5, sessions: 3 }, plan: { quota: 21.5, sessions: 2 }, moved: false },
      { activity: 'sit-to-stand', unit: 'reps', calendar: { quota: null, sessions: 0 }, plan: { quota: 8, sessions: 2 }, moved: false },
    ]);
  });

  it('D1: the same sessions on other days or at another time', () => {
    const plan = week([walk]);
    const now = calendar(plan, [{ activity: 'walk', days: [1, 3, 5], time: '09:00' }]);
    expect(calendarDrift(exported(plan), plan, now, THU)?.activities).toEqual([
      { activity: 'walk', unit: 'min', calendar: { quota: 21.5, sessions: 3 }, plan: { quota: 21.5, sessions: 3 }, moved: true },
    ]);
    const later = calendar(plan, [{ activity: 'walk', days: [0, 2, 4], time: '08:00' }]);
    expect(calendarDrift(exported(plan), plan, later, THU)?.activities.map((a) => a.moved)).toEqual([true]);
  });

  it('T3: a pause since the export: every event of the week should go', () => {
    const now = week([walk, squats], { paused: true });
    const drift = calendarDrift(exported(week([walk, squats])), now, calendar(now), THU);
    expect(drift).toMatchObject({ paused: true });
    expect(drift?.activities.map((a) => [a.activity, a.calendar.sessions, a.plan.sessions])).toEqual([
      ['walk', 3, 0],
      ['sit-to-stand', 2, 0],
    ]);
  });

  it('no export of the week: nothing to compare', () => {
    const plan = week([walk]);
    expect(calendarDrift([], plan, calendar(plan), THU)).toBeNull();
  });

  it('D3: any change of quota, sessions or paused state is caught, and none is made up', () => {
    const activity = fc.record({ quota: fc.integer({ min: 1, max: 60 }).map((q) => q / 2), sessionsPerWeek: fc.integer({ min: 1, max: 7 }) });
    fc.assert(
      fc.property(activity, activity, fc.boolean(), (then, now, paused) => {
        const before = week([{ ...walk, ...then }]);
        const after = week([{ ...walk, ...now }], { paused });
        const drift = calendarDrift(exported(before), after, calendar(after), THU);
        const same = !paused && then.quota === now.quota && then.sessionsPerWeek === now.sessionsPerWeek;
        expect(drift === null).toBe(same);
        if (drift !== null && !paused) expect(drift.activities).toEqual([{ activity: 'walk', unit: 'min', calendar: { quota: then.quota, sessions: then.sessionsPerWeek }, plan: { quota: now.quota, sessions: now.sessionsPerWeek }, moved: false }]);
      }),
    );
  });

  it('a week under way: only the sessions from today on are compared', () => {
    const plan = week([walk]);
    const records = exported(plan); // Mon 9:00, Wed 9:00, Fri 9:00
    const wed = '2026-12-09' as IsoDate;
    // New days on the Wednesday that move only Monday's session, which is past: nothing to change.
    const monMoved = calendar(plan, [{ activity: 'walk', days: [1, 2, 4], time: '09:00' }]);
    expect(calendarDrift(records, plan, monMoved, wed)).toBeNull();
    // One that moves Friday's is still ahead.
    const friMoved = calendar(plan, [{ activity: 'walk', days: [0, 2, 5], time: '09:00' }]);
    expect(calendarDrift(records, plan, friMoved, wed)?.activities.map((a) => a.moved)).toEqual([true]);
    // Seen: days changed on the Wednesday from Mon, Wed, Fri to Wed, Fri, Sun: two sessions left
    // in the calendar, three in the plan, and status said "3 x 21.5 min now, 3 x 21.5 min in the
    // calendar", which names no change. The same sessions on other days is a move.
    const laterDays = calendar(plan, [{ activity: 'walk', days: [2, 4, 6], time: '09:00' }]);
    expect(calendarDrift(records, plan, laterDays, wed)?.activities.map((a) => a.moved)).toEqual([true]);
    // The week's three walks done by Wednesday: Friday's event is no longer owed (weekSoFar), but
    // the whole plan still has it there, so the calendar is left alone; moved, it is a change.
    const owedNone = calendarOf(plan, new Map([['walk', { sessions: [], days: [], source: 'spread' as const, added: [] }]]), 0);
    expect(calendarDrift(records, plan, owedNone, '2026-12-10' as IsoDate, calendar(plan))).toBeNull();
    expect(calendarDrift(records, plan, owedNone, '2026-12-10' as IsoDate, friMoved)?.activities).toHaveLength(1);
    // A missed Monday made up on the Tuesday: that walk is done (settled), Wed and Fri still owed.
    const tue = '2026-12-08' as IsoDate;
    const madeUp = [{ date: tue, time: '09:00', settled: true as const }, { date: wed, time: '09:00' }, { date: '2026-12-11' as IsoDate, time: '09:00' }];
    const owedTwo = calendarOf(plan, new Map([['walk', { sessions: madeUp, days: [0, 2, 4], source: 'spread' as const, added: [] }]]), 0);
    expect(calendarDrift(records, plan, owedTwo, tue, calendar(plan))).toBeNull();
    // On the Saturday, a new quota has no session left to change, and a pause none to delete.
    const sat = '2026-12-12' as IsoDate;
    const lower = week([{ ...walk, quota: 17.5 }]);
    expect(calendarDrift(records, lower, calendar(lower), sat)).toBeNull();
    expect(calendarDrift(records, lower, calendar(lower), wed)?.activities).toHaveLength(1);
    const paused = week([walk], { paused: true });
    expect(calendarDrift(records, paused, calendar(paused), sat)).toBeNull();
    expect(calendarDrift(records, paused, calendar(paused), wed)).toMatchObject({ paused: true });
  });
});

describe('D3, T3: a week exported before a pause that has ended', () => {
  it('lists every activity, the calendar as exported against the plan now, changed or not', () => {
    const now = week([walk, { ...squats, quota: 6 }]);
    expect(exportAgain(exported(week([walk, squats])), now, calendar(now))).toEqual({
      weekStart: WEEK,
      exportedOn: '2026-12-03',
      paused: false,
      activities: [
        { activity: 'walk', unit: 'min', calendar: { quota: 21.5, sessions: 3 }, plan: { quota: 21.5, sessions: 3 }, moved: false },
        { activity: 'sit-to-stand', unit: 'reps', calendar: { quota: 8, sessions: 2 }, plan: { quota: 6, sessions: 2 }, moved: false },
      ],
    });
  });

  it('a week with no record has nothing to export again', () => {
    const plan = week([walk]);
    expect(exportAgain([], plan, calendar(plan))).toBeNull();
  });
});
