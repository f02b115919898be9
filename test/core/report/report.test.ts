import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../src/core/coach/status.js';
import type { TriageRecord } from '../../../src/core/coach/types.js';
import { weeklyRecord, weeklyRows } from '../../../src/core/coach/weekly.js';
import { addDays } from '../../../src/core/dates.js';
import type { Goal } from '../../../src/core/outcomes/goals.js';
import { meanAdherence } from '../../../src/core/outcomes/measures.js';
import { pegCheckin, pegScore } from '../../../src/core/outcomes/peg.js';
import { reviewOf } from '../../../src/core/outcomes/review.js';
import { paperFor, parsePaper, reportPaper } from '../../../src/core/report/paper.js';
import { InputError } from '../../../src/core/errors.js';
import { reportPeriod } from '../../../src/core/report/period.js';
import { clinicReport, type ReportInput } from '../../../src/core/report/report.js';
import type { IsoDate, Session } from '../../../src/core/types.js';
import { d, flare, MON, settings, times, week, weeks, weeksOf } from '../coach/builders.js';

// C1-C3: the report's content, built from the functions status, review and export --weekly use.

const TODAY = addDays(week(16), 4); // Friday of program week 16

function goal(id: number, text: string, ratings: [IsoDate, number][], extra: Partial<Goal> = {}): Goal {
  return { id, text, status: 'open', createdOn: ratings[0]![0], closedOn: null, ratings: ratings.map(([date, rating]) => ({ date, rating })), ...extra };
}

function history() {
  const perWeek = Array.from({ length: 16 }, (_, w) => (w === 9 ? [10 + w, flare(10 + w), 10 + w] : times(w < 2 ? 3 : 4, 10 + w)));
  const sessions: Session[] = weeks(MON, ...perWeek).filter((s) => s.date <= TODAY);
  const triageRecords: TriageRecord[] = [{ date: addDays(week(15), 2), kind: 'triage', class: 'assess', symptoms: ['joint-swelling'] }];
  const goals = [
    goal(1, 'climb the stairs to my flat without stopping', [[MON, 3], [addDays(week(8), 6), 5], [addDays(week(14), 6), 7]]),
    goal(2, 'sit on the floor and get up', [[MON, 2], [addDays(week(14), 6), 3]]),
  ];
  const checkins = Array.from({ length: 15 }, (_, w) => pegCheckin(w < 7 ? { pain: 6, enjoyment: 7, general: 7 } : { pain: 5, enjoyment: 4, general: 4 }, addDays(week(w + 1), 6)));
  return { sessions, triageRecords, goals, checkins, settings: settings({ startDate: MON }), overrides: [], acceptances: [] };
}

function input(extra: Partial<ReportInput> = {}): ReportInput {
  return { ...history(), today: TODAY, period: reportPeriod(TODAY), notes: null, ...extra };
}

describe('C2: the period', () => {
  it('is the 12 weeks ending with this week by default; --from or --to move one end', () => {
    expect(reportPeriod(TODAY)).toEqual({ from: week(5), to: TODAY });
    expect(reportPeriod(TODAY, d('2026-02-01'))).toEqual({ from: d('2026-02-01'), to: TODAY });
    expect(reportPeriod(TODAY, undefined, d('2026-03-04'))).toEqual({ from: addDays(d('2026-03-02'), -77), to: d('2026-03-04') });
  });

  it('ends today at the latest: a --to ahead of today reports what has happened, not weeks to come', () => {
    expect(reportPeriod(TODAY, undefined, addDays(TODAY, 70))).toEqual(reportPeriod(TODAY));
    expect(reportPeriod(TODAY, week(3), addDays(TODAY, 1))).toEqual({ from: week(3), to: TODAY });
  });

  it('a --to ahead of today names no decline the person has not lived (R1 as of today)', () => {
    const r = clinicReport(input({ period: reportPeriod(TODAY, undefined, addDays(TODAY, 70)) }));
    expect(r.period.to).toBe(TODAY);
    expect(r.programWeek).toBe(16);
  });
});

describe('C1: the report from sixteen weeks with goals, check-ins, a flare and an open hold', () => {
  const r = clinicReport(input());

  it('T2: the hold open at the end of the period comes with its date and symptom', () => {
    expect(r.hold).toEqual({ kind: 'assess', since: addDays(week(15), 2), symptoms: ['joint-swelling'] });
  });

  it('the header is what status says on the last day: program week, phase, mode', () => {
    const s = statusOf({ ...history(), today: TODAY });
    expect([r.programWeek, r.phase, r.mode]).toEqual([s.programWeek, s.phase, s.mode]);
    expect(r.programWeek).toBe(16);
    expect(r.weeks.map((w) => w.weekStart)).toEqual(Array.from({ length: 12 }, (_, i) => week(5 + i)));
  });

  it('R1: what has changed is the review as of the last day', () => {
    const h = history();
    const { rows, cycles } = weeklyRecord({ ...h, today: TODAY, to: TODAY });
    expect(r.review).toEqual(reviewOf({ today: TODAY, rows, cycles, sessions: h.sessions, goals: h.goals, checkins: h.checkins, settings: h.settings }));
    expect(r.review.summary.better).toContain('minutes_per_week');
  });

  it("E2: planned and done minutes, flares and adherence are the weekly export's rows", () => {
    const h = history();
    const rows = weeklyRows({ ...h, today: TODAY, to: TODAY, pegScores: new Map(h.checkins.map((c) => [c.weekStart, pegScore(c)])) });
    for (const w of r.weeks) {
      const row = rows.find((x) => x.week_start === w.weekStart)!;
      expect(w.done).toBe(row.total_dose);
      expect(w.planned).toBe(row.quota === null ? null : row.quota * row.sessions_planned!);
      expect(w.flares).toBe(row.flares);
      expect(w.peg).toBe(row.peg);
    }
    const inPeriod = rows.filter((x) => x.week_start >= week(5));
    // C1, R1: week 16, in progress on TODAY, is left out of adherence.
    expect(r.adherencePct).toBe(Math.round(meanAdherence(inPeriod.filter((x) => x.week_start <= week(15)))!));
    expect(r.boomBustDates.length).toBe(inPeriod.reduce((a, x) => a + (x.boom_bust_cycles ?? 0), 0));
    expect(r.weeks[5]!.done).toBe(3 * 19); // week 10: the flare week's three walks
    expect(r.weeks[5]!.flares).toBe(1);
  });

  it("P3: the pain means are status's weekly trend for the weeks both show", () => {
    const s = statusOf({ ...history(), today: TODAY });
    for (const p of s.painTrend) {
      const w = r.weeks.find((x) => x.weekStart === p.weekStart)!;
      expect([w.painBefore, w.painAfter]).toEqual([p.meanPainBefore, p.meanPainAfter]);
    }
  });

  it('W2, M3: PEG by week and the function score as it stood at each week\'s end', () => {
    expect(r.weeks[0]!.peg).toBe(6.7); // week 5
    expect(r.weeks[4]!.peg).toBe(4.3); // week 9
    expect(r.weeks[11]!.peg).toBeNull(); // week 16: no check-in yet
    expect(r.weeks[3]!.functionScore).toBe(3.5); // week 8: (5 + 2) / 2
    expect(r.weeks[10]!.functionScore).toBe(5); // week 15: (7 + 3) / 2
    expect(r.functionScore).toMatchObject({ score: 5, change: 2.5, clearChange: true });
  });

  it('M3: the goals with first and latest rating, change and whether it is clear', () => {
    expect(r.goals.map((g) => [g.goal.text, g.firstRating, g.latestRating, g.change, g.clearChange])).toEqual([
      ['climb the stairs to my flat without stopping', 3, 7, 4, true],
      ['sit on the floor and get up', 2, 3, 1, false],
    ]);
  });

  it('M3, C2: a goal closed within the period is shown, its first day included; one closed before it is not', () => {
    const h = history();
    const from = reportPeriod(TODAY).from;
    const closed = (id: number, on: IsoDate) => goal(id, `goal closed ${on}`, [[MON, 2], [addDays(on, -1), 4]], { status: 'achieved', closedOn: on });
    const report = clinicReport(input({ goals: [...h.goals, closed(3, from), closed(4, addDays(from, -1))] }));
    expect(report.goals.map((g) => g.goal.id)).toEqual([1, 2, 3]);
  });

  it('F1, T: the flare and the triage result are events with their dates, oldest first', () => {
    expect(r.events.map((e) => [e.kind, e.date])).toEqual([
      ['flare', r.events[0]!.date],
      ['assess', addDays(week(15), 2)],
    ]);
    expect(r.events[0]).toMatchObject({ kind: 'flare', activity: 'walk', reasons: [{ kind: 'marked' }] });
    expect(r.events[0]!.date >= week(10) && r.events[0]!.date < week(11)).toBe(true);
  });

  it('C3, E3: notes are left out unless asked for, and then only those of the period', () => {
    expect(r.notes).toBeNull();
    const h = history();
    const early = h.sessions.find((s) => s.date < week(5))!;
    const late = h.sessions.find((s) => s.date >= week(12))!;
    const asked = clinicReport(input({ sessions: h.sessions, notes: new Map([[early.id, 'too early'], [late.id, 'knee felt fine']]) }));
    expect(asked.notes).toEqual([{ date: late.date, activity: 'walk', text: 'knee felt fine' }]);
  });
});

describe('C1, R1: adherence counts only the weeks of the period that are over, as the review does', () => {
  // Four weeks at the plan's quota, then the Monday of week 5 with nothing logged yet.
  const sessions = weeks(MON, times(3, 10), times(3, 10), times(3, 12), times(3, 13));
  const report = (today: IsoDate, period = reportPeriod(today)) =>
    clinicReport({ sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], goals: [], checkins: [], today, period, notes: null });

  it('the week in progress, with nothing due yet, does not pull it down: 100%, as the review says', () => {
    // Seen: 75% (weeks 2-4 at 100%, week 5 at 0%) while the review said 100.
    const r = report(week(5));
    expect(r.adherencePct).toBe(100);
    expect(r.review.measures.find((m) => m.name === 'adherence_pct')).toMatchObject({ now: 100 });
    expect(r.weeksOver).toBe(11); // the default twelve weeks, this one aside
  });

  it("P3, E2: a week cut by a --from after its Monday reads its pain over the whole week, as its bars, status's trend and the weekly export do", () => {
    // Seen: --from on a Wednesday gave the week's row "done 47 minutes" (the whole week's, as its
    // bar) beside pain means of Wednesday on only: 4.0 and 6.0 where status's trend and the weekly
    // export said 4.0 and 6.5 for the same week.
    const painful = weeks(MON, times(3, 10), times(3, 10), times(3, 12), [{ dose: 13, painBefore: 2, painAfter: 7 }, 13, 13]);
    const r = clinicReport({ sessions: painful, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], goals: [], checkins: [], today: week(5), period: { from: addDays(week(4), 2), to: addDays(week(4), 6) }, notes: null });
    const s = statusOf({ sessions: painful, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], today: addDays(week(4), 6) });
    const trend = s.painTrend.find((p) => p.weekStart === week(4))!;
    expect(r.weeks).toHaveLength(1);
    expect(r.weeks[0]).toMatchObject({ weekStart: week(4), done: 39, painBefore: trend.meanPainBefore, painAfter: trend.meanPainAfter });
    expect([trend.meanPainBefore, trend.meanPainAfter]).toEqual([2.7, 5]); // Monday 2 and 7, then 3 and 4 twice
    // The period's own count stays the sessions inside it.
    expect(r.sessions).toBe(2);
  });

  it('a week cut by a --from after its Monday does not count; a week counts from its Sunday', () => {
    const short = (from: IsoDate, to: IsoDate) => report(week(5), { from, to });
    // Week 3 has two walks of three (67%); from its Wednesday it is cut, so week 4 alone counts.
    const missed = weeks(MON, times(3, 10), times(3, 10), [12, 12], times(3, 13));
    const cut = clinicReport({ sessions: missed, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], goals: [], checkins: [], today: week(5), period: { from: addDays(week(3), 2), to: addDays(week(4), 6) }, notes: null });
    expect(cut).toMatchObject({ adherencePct: 100, weeksOver: 1 });
    expect(short(week(4), addDays(week(4), 5))).toMatchObject({ adherencePct: null, weeksOver: 0 });
    expect(short(week(4), addDays(week(4), 6))).toMatchObject({ adherencePct: 100, weeksOver: 1 });
  });
});

describe('B2, B3, R1, C1: one flare after booms of a walk and a ride on the same day', () => {
  // Both planned at 13 min in week 5; on its Tuesday a 20 min walk and a 20 min ride (1.5 x 13 is
  // 19.5), and a flare on Wednesday. Today is the Monday of week 7: the boom is in status's 14 days
  // and in the review's last four weeks (3-6).
  const today = week(7);
  const steady = (activity: string) =>
    weeksOf({ activity }, MON, times(3, 10), times(3, 10), times(3, 11), times(3, 12), [{ dose: 13, day: 0 }, { dose: 20, day: 1 }, { dose: 13, day: 4 }], times(3, 12));
  const sessions = [...steady('walk'), ...steady('ride'), ...weeksOf({}, week(5), [flare(5, { day: 2 })])];
  const h = { sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], goals: [], checkins: [] };
  const r = clinicReport({ ...h, today, period: reportPeriod(today), notes: null });
  const cycles = (review: { measures: { name: string; then: number | null; now: number | null }[] }) => review.measures.find((m) => m.name === 'boom_bust_cycles');

  it('B3: status counts one cycle: one bust, one cycle for the person', () => {
    const s = statusOf({ ...h, today });
    expect(s.boomBust.cycles.map((c) => [c.activity, c.boomDate, c.bustDate])).toEqual([
      ['ride', addDays(week(5), 1), addDays(week(5), 2)],
      ['walk', addDays(week(5), 1), addDays(week(5), 2)],
    ]);
    expect(s.boomBust.cycles14d).toBe(1);
  });

  it('R1: the review counts it once too: 1 cycle in the last four weeks, 1 per four weeks', () => {
    expect(cycles(r.review)).toMatchObject({ then: 0, now: 1 });
  });

  it("C1: the report's boom-bust cycles are the person's: 1", () => {
    expect(r.boomBustDates).toEqual([addDays(week(5), 1)]);
  });

  it("E2: export --weekly's rows are per activity and keep a cycle in each activity's row", () => {
    const rows = weeklyRows({ ...h, today }).filter((x) => x.week_start === week(5));
    expect(rows.map((x) => [x.activity, x.boom_bust_cycles])).toEqual([['ride', 1], ['walk', 1]]);
  });
});

describe('E2, W2: a check-in in a week without sessions', () => {
  it("the report's week has the PEG of the weekly export's row, and its activity figures ignore that row", () => {
    const today = addDays(week(2), 4);
    const sessions = weeks(week(2), times(3, 10));
    const checkins = [pegCheckin({ pain: 8, enjoyment: 8, general: 8 }, addDays(MON, 2))];
    const h = { sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [] };
    const rows = weeklyRows({ ...h, today, pegScores: new Map(checkins.map((c) => [c.weekStart, pegScore(c)])) });
    expect(rows.map((x) => [x.week_start, x.activity, x.peg])).toEqual([[MON, null, 8], [week(2), 'walk', null]]);
    const r = clinicReport({ ...h, goals: [], checkins, today, period: { from: MON, to: today }, notes: null });
    expect(r.weeks.map((w) => [w.weekStart, w.peg, w.done, w.planned, w.flares])).toEqual([[MON, 8, 0, null, 0], [week(2), null, 30, null, 0]]);
    expect(r).toMatchObject({ unit: 'min', sessions: 3, boomBustDates: [] });
  });
});

describe('C1: a period that ends earlier shows what was known then', () => {
  it('ratings, check-ins and triage after its end are left out', () => {
    const to = addDays(week(10), 6);
    const r = clinicReport(input({ period: reportPeriod(TODAY, undefined, to) }));
    expect(r.hold).toBeNull();
    expect(r.goals.map((g) => g.latestRating)).toEqual([5, 2]);
    expect(r.weeks.at(-1)!.weekStart).toBe(week(10));
    expect(r.events.map((e) => e.kind)).toEqual(['flare']);
  });
});

describe('C1: an empty period', () => {
  it('says nothing was recorded, and has no figures that pretend otherwise', () => {
    const r = clinicReport(input({ period: { from: d('2025-06-02'), to: d('2025-06-29') } }));
    expect(r.recorded).toBe(false);
    expect(r.sessions).toBe(0);
    expect(r.weeks.every((w) => w.painBefore === null && w.peg === null && w.done === 0)).toBe(true);
  });

  it('an empty journal gives a report too', () => {
    const r = clinicReport({ ...input(), sessions: [], triageRecords: [], goals: [], checkins: [] });
    expect(r).toMatchObject({ recorded: false, hold: null, sessions: 0, adherencePct: null, events: [], goals: [] });
    expect(r.review.summary.kind).toBe('not-enough-data');
  });
});

describe('C1: paper from the locale', () => {
  it.each([
    ['en_US.UTF-8', 'letter'], ['es_MX.UTF-8', 'letter'], ['fr_CA', 'letter'], ['en_GB.UTF-8', 'a4'], ['de_DE@euro', 'a4'], ['C', 'a4'], ['C.UTF-8', 'a4'], [undefined, 'a4'],
  ])('%s -> %s', (locale, paper) => {
    expect(paperFor(locale)).toBe(paper);
  });
});

describe('C1: the paper a person chooses (init --paper, report --paper, a backup)', () => {
  it.each([['a4', 'a4'], ['Letter', 'letter'], [' A4 ', 'a4'], ['AUTO', 'auto']] as const)('%j -> %s', (text, paper) => {
    expect(parsePaper(text, '--paper')).toBe(paper);
  });

  it.each(['a5', 'legal', '', 'a4 letter'])('%j is refused, naming what is allowed', (text) => {
    expect(() => parsePaper(text, '--paper')).toThrow(new InputError(`--paper "${text}" is not a paper size pace knows.`, 'Give a4, letter, or auto for the one your locale uses.'));
  });

  it('a refused value is shown without its control characters', () => {
    expect(() => parsePaper('a5\u001b[2J', 'settings.paper')).toThrow('settings.paper "a5?[2J" is not a paper size pace knows.');
  });

  it('a stored choice that is not a size leaves it to the locale', () => {
    const fromSetting = (setting: string | undefined) => reportPaper(undefined, setting, 'en_US.UTF-8');
    expect(['a4', 'letter', 'auto', undefined, 'A5'].map((s) => fromSetting(s))).toEqual([
      { paper: 'a4', fromLocale: false },
      { paper: 'letter', fromLocale: false },
      { paper: 'letter', fromLocale: true },
      { paper: 'letter', fromLocale: true },
      { paper: 'letter', fromLocale: true },
    ]);
  });

  it.each<[string, 'a4' | 'letter' | 'auto' | undefined, string | undefined, 'a4' | 'letter']>([
    ['report --paper wins over the setting', 'a4', 'letter', 'a4'],
    ['report --paper auto sets the setting aside for the locale', 'auto', 'letter', 'a4'],
    ['the setting wins over the locale', undefined, 'letter', 'letter'],
    ['with neither, the locale', undefined, undefined, 'a4'],
  ])('%s', (_, asked, setting, paper) => {
    expect(reportPaper(asked, setting, 'de_DE.UTF-8').paper).toBe(paper);
  });
});
