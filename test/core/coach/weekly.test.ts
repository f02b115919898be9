import { describe, expect, it } from 'vitest';
import type { TriageRecord } from '../../../src/core/coach/types.js';
import { WEEKLY_COLUMNS, weeklyRows } from '../../../src/core/coach/weekly.js';
import { addDays, mondayOf } from '../../../src/core/dates.js';
import type { IsoDate, Session } from '../../../src/core/types.js';
import { flare, MON, settings, times, week, weeks, weeksOf } from './builders.js';

/** By default as seen on the Sunday of the last session's week: every week read is over. */
const rows = (sessions: Session[], extra: Partial<Parameters<typeof weeklyRows>[0]> = {}) =>
  weeklyRows({ sessions, settings: settings(), overrides: [], acceptances: [], triageRecords: [], today: lastSunday(sessions), ...extra });

function lastSunday(sessions: readonly Session[]): IsoDate {
  let last = MON;
  for (const s of sessions) if (s.date > last) last = s.date;
  return addDays(mondayOf(last), 6);
}

describe('E2 weekly rows', () => {
  it('E2: one row per week and activity, with the columns of the weekly CSV in order', () => {
    const r = rows(weeks(MON, times(4, 10), times(4, 10), [11, 11, 9.9, 5]));
    expect(r.map((x) => Object.keys(x))).toEqual(r.map(() => [...WEEKLY_COLUMNS]));
    expect(r).toEqual([
      {
        week_start: week(1), program_week: 1, phase: 1, mode: 'graded', activity: 'walk', unit: 'min',
        quota: null, sessions_planned: null, sessions_done: 4, adherence_pct: null, total_dose: 40,
        mean_pain_before: 3, mean_pain_after: 4, flares: 0, boom_bust_cycles: 0, triage: null, peg: null,
      },
      {
        week_start: week(2), program_week: 2, phase: 1, mode: 'graded', activity: 'walk', unit: 'min',
        quota: 10, sessions_planned: 4, sessions_done: 4, adherence_pct: 100, total_dose: 40,
        mean_pain_before: 3, mean_pain_after: 4, flares: 0, boom_bust_cycles: 0, triage: null, peg: null,
      },
      {
        week_start: week(3), program_week: 3, phase: 2, mode: 'graded', activity: 'walk', unit: 'min',
        quota: 11, sessions_planned: 4, sessions_done: 3, adherence_pct: 75, total_dose: 36.9,
        mean_pain_before: 3, mean_pain_after: 4, flares: 0, boom_bust_cycles: 0, triage: null, peg: null,
      },
    ]);
  });

  it('E2: pain means are of recorded values only, to one decimal; none recorded is null', () => {
    const h = weeks(MON, [
      { dose: 10, painBefore: 2, painAfter: 3 },
      { dose: 10, painBefore: 3, painAfter: null },
      { dose: 10, painBefore: 3, painAfter: 4 },
    ], [{ dose: 10, painBefore: null, painAfter: null }]);
    expect(rows(h).map((r) => [r.mean_pain_before, r.mean_pain_after])).toEqual([[2.7, 3.5], [null, null]]);
  });

  it('E2: flares, highest triage class (sessions and triage records), and boom-bust cycles', () => {
    const h = weeks(MON, times(4, 10), [10, 10, { dose: 10, symptoms: ['muscle-fatigue'] }], [{ dose: 20, day: 0 }, flare(5, { day: 1 })]);
    const triageRecords: TriageRecord[] = [{ date: addDays(week(2), 5), kind: 'triage', class: 'assess', symptoms: ['joint-swelling'] }];
    const r = rows(h, { triageRecords });
    expect(r.map((x) => [x.week_start, x.flares, x.triage, x.boom_bust_cycles])).toEqual([
      [week(1), 0, null, 0],
      [week(2), 0, 'assess', 0], // the record's class outranks the session's continue symptom
      [week(3), 1, null, 1], // 20 min against a quota of 11, then a flare the next day
    ]);
  });

  it('C2, E2: rows read as of a day asked about leave out triage recorded after it; rows of the clock\'s day count it (T2, T3)', () => {
    // Seen: export --weekly --to a Tuesday gave that week's row the stop sign of its Thursday
    // beside the plan of the Tuesday, which had no pause: a row mixing two days.
    const h = weeks(MON, times(3, 10), times(3, 10), [{ dose: 11, day: 0 }, { dose: 11, day: 1 }]);
    const triageRecords: TriageRecord[] = [{ date: addDays(week(3), 3), kind: 'triage', class: 'stop', symptoms: ['dizziness'] }];
    const tuesday = addDays(week(3), 1);
    const asked = rows(h, { triageRecords, today: tuesday, to: tuesday }).find((x) => x.week_start === week(3))!;
    expect([asked.triage, asked.quota]).toEqual([null, 11]);
    const now = rows(h, { triageRecords, today: tuesday, to: tuesday, clockToday: true }).find((x) => x.week_start === week(3))!;
    expect([now.triage, now.quota]).toEqual(['stop', null]);
  });

  it('E2: a planned week with nothing done still has its row; a week paused until its last day keeps its quota (T3)', () => {
    const h = weeks(MON, times(3, 10), times(3, 10), [], times(3, 11));
    const triageRecords: TriageRecord[] = [
      { date: addDays(week(3), 6), kind: 'triage', class: 'stop', symptoms: ['chest-pain'] },
      { date: addDays(week(4), 6), kind: 'cleared', class: null, symptoms: [] },
    ];
    const r = rows(h, { triageRecords });
    expect(r.map((x) => [x.week_start, x.quota, x.sessions_planned, x.sessions_done, x.adherence_pct, x.total_dose, x.triage])).toEqual([
      [week(1), null, null, 3, null, 30, null],
      [week(2), 10, 3, 3, 100, 30, null],
      [week(3), 11, 3, 0, 0, 0, 'stop'],
      [week(4), 11, 3, 0, 0, 33, null], // T3: cleared on its Sunday, so it keeps its planned quota; walks while paused do not count
    ]);
  });

  it('E2/T3: a pause recorded on a Monday and cleared the next Monday leaves that week paused, once it is over too', () => {
    const h = weeks(MON, times(3, 10), times(3, 10), [], times(3, 11));
    const triageRecords: TriageRecord[] = [
      { date: week(3), kind: 'triage', class: 'stop', symptoms: ['dizziness'] },
      { date: week(4), kind: 'cleared', class: null, symptoms: [] },
    ];
    const on = (today: string) => rows(h, { triageRecords, today: today as typeof MON }).find((x) => x.week_start === week(3))!;
    const shape = (x: ReturnType<typeof on>) => [x.quota, x.sessions_planned, x.sessions_done, x.adherence_pct];
    // Seen during the week and seen after it: the same paused week, with no quota and no adherence.
    expect(shape(on(addDays(week(3), 6)))).toEqual([null, 0, 0, null]);
    expect(shape(on(addDays(week(4), 3)))).toEqual([null, 0, 0, null]);
  });

  it('E2, R1: a week not over yet has no adherence: its sessions are not all due, so nothing done is not 0%', () => {
    const h = weeks(MON, times(3, 10), times(3, 10), [11]);
    const third = (today: string) => rows(h, { today: today as typeof MON }).find((x) => x.week_start === week(3))!;
    const shape = (x: ReturnType<typeof third>) => [x.quota, x.sessions_planned, x.sessions_done, x.adherence_pct];
    // Seen on its Wednesday: planned and done so far, but no share of the plan yet.
    expect(shape(third(addDays(week(3), 2)))).toEqual([11, 3, 1, null]);
    // From its Sunday the week is over, as the review and the report count it (wholeWeekWithin).
    expect(shape(third(addDays(week(3), 6)))).toEqual([11, 3, 1, 33]);
    expect(shape(third(addDays(week(4), 1)))).toEqual([11, 3, 1, 33]);
  });

  it('E2: weeks run to `to` (or today), and `from` drops earlier weeks', () => {
    const h = weeks(MON, times(3, 10), times(3, 10));
    expect(rows(h, { today: addDays(week(5), 6), to: week(5) }).map((r) => r.week_start)).toEqual([week(1), week(2), week(3), week(4), week(5)]);
    expect(rows(h, { today: addDays(week(4), 2) }).map((r) => r.week_start)).toEqual([week(1), week(2), week(3), week(4)]);
    expect(rows(h, { today: addDays(week(3), 6), from: addDays(week(2), 3), to: week(3) }).map((r) => r.week_start)).toEqual([week(2), week(3)]);
  });

  it('E2: a `to` after today stops at this week: weeks not lived yet are not shown as missed', () => {
    const h = weeks(MON, times(3, 10), times(3, 10), times(3, 10));
    const today = addDays(week(3), 4);
    const r = rows(h, { today, to: addDays(week(12), 6) });
    expect(r.map((x) => x.week_start)).toEqual([week(1), week(2), week(3)]);
    expect(r.every((x) => x.sessions_done === 3)).toBe(true);
  });

  it('E2: activities sorted by name within a week; the mode in force is named', () => {
    const h = [...weeks(MON, [10], [10]), ...weeksOf({ activity: 'bands', unit: 'reps', category: 'strength' }, MON, [], [8, 8])];
    const r = rows(h, { settings: settings({ pem: true }) });
    expect(r.map((x) => [x.week_start, x.activity, x.unit, x.mode])).toEqual([
      [week(1), 'walk', 'min', 'envelope'],
      [week(2), 'bands', 'reps', 'envelope'],
      [week(2), 'walk', 'min', 'envelope'],
    ]);
  });

  it('E2: no sessions, no rows', () => {
    expect(rows([])).toEqual([]);
  });
});

describe('E2, W2: a check-in in a week with no activity row', () => {
  const checkinRow = (weekStart: string, programWeek: number, peg: number) => ({
    week_start: weekStart, program_week: programWeek, phase: 1, mode: 'graded', activity: null, unit: null,
    quota: null, sessions_planned: null, sessions_done: null, adherence_pct: null, total_dose: null,
    mean_pain_before: null, mean_pain_after: null, flares: null, boom_bust_cycles: null, triage: null, peg,
  });

  it('W2: the week before the first session keeps its PEG score, on a row with every activity cell empty', () => {
    // Seen: a check-in on Wed of week 1 and walks from week 2; export --weekly had no week-1 row.
    const r = rows(weeks(week(2), times(3, 10)), { settings: settings({ startDate: MON }), today: addDays(week(2), 4), pegScores: new Map([[week(1), 8]]) });
    expect(r.map((x) => Object.keys(x))).toEqual(r.map(() => [...WEEKLY_COLUMNS]));
    expect(r.map((x) => [x.week_start, x.activity, x.peg])).toEqual([[week(1), null, 8], [week(2), 'walk', null]]);
    expect(r[0]).toEqual(checkinRow(week(1), 1, 8));
  });

  it('W2: a journal with check-ins and no sessions has their rows; without either, none', () => {
    const r = rows([], { settings: settings({ startDate: MON }), today: addDays(week(2), 2), pegScores: new Map([[week(1), 8], [week(2), 19 / 3]]) });
    expect(r).toEqual([checkinRow(week(1), 1, 8), checkinRow(week(2), 2, 6.3)]);
    expect(rows([], { today: week(2), pegScores: new Map() })).toEqual([]);
  });

  it('E2: the check-in row carries the week\'s triage record; a week with activity rows gets no extra row', () => {
    const triageRecords: TriageRecord[] = [{ date: addDays(week(1), 1), kind: 'triage', class: 'assess', symptoms: ['joint-swelling'] }];
    const r = rows(weeks(week(2), times(3, 10)), { settings: settings({ startDate: MON }), triageRecords, today: addDays(week(2), 4), pegScores: new Map([[week(1), 8], [week(2), 5]]) });
    expect(r.map((x) => [x.week_start, x.activity, x.triage, x.peg])).toEqual([[week(1), null, 'assess', 8], [week(2), 'walk', null, 5]]);
  });

  it('P/E2: without a start date, a check-in week before the first session has no program week (not a second week 1)', () => {
    const r = rows(weeks(week(2), times(3, 10)), { today: addDays(week(2), 4), pegScores: new Map([[week(1), 8]]) });
    expect(r.map((x) => [x.week_start, x.program_week, x.phase, x.activity])).toEqual([[week(1), null, null, null], [week(2), 1, 1, 'walk']]);
    // A journal with check-ins only has no program yet.
    expect(rows([], { today: addDays(week(1), 2), pegScores: new Map([[week(1), 8]]) }).map((x) => [x.program_week, x.phase])).toEqual([[null, null]]);
  });

  it('E2: a triage with no session that week (a stop sign on day one, before any walk) keeps its week too', () => {
    const triageRecords: TriageRecord[] = [{ date: addDays(week(1), 2), kind: 'triage', class: 'stop', symptoms: ['dizziness'] }];
    const r = rows(weeks(week(2), times(3, 10)), { settings: settings({ startDate: MON }), triageRecords, today: addDays(week(2), 4) });
    expect(r.map((x) => [x.week_start, x.activity, x.triage, x.peg])).toEqual([[week(1), null, 'stop', null], [week(2), 'walk', null, null]]);
    // A journal with that triage alone has its row; a clearance alone is no class and no row.
    expect(rows([], { triageRecords, today: addDays(week(1), 3) }).map((x) => [x.week_start, x.triage])).toEqual([[week(1), 'stop']]);
    expect(rows([], { triageRecords: [{ date: week(1), kind: 'cleared', class: null, symptoms: [] }], today: week(1) })).toEqual([]);
  });

  it('E2: --from and --to keep a check-in row only in their weeks', () => {
    const pegScores = new Map([[week(1), 8]]);
    expect(rows(weeks(week(2), times(3, 10)), { today: addDays(week(2), 4), pegScores, from: week(2) }).map((x) => x.week_start)).toEqual([week(2)]);
  });
});
