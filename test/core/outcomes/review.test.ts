import { describe, expect, it } from 'vitest';
import { weeklyRecord } from '../../../src/core/coach/weekly.js';
import { addDays, mondayOf } from '../../../src/core/dates.js';
import type { Goal } from '../../../src/core/outcomes/goals.js';
import { pegCheckin, type PegCheckin } from '../../../src/core/outcomes/peg.js';
import { reviewOf, type ReviewInput } from '../../../src/core/outcomes/review.js';
import { statusOutcomes } from '../../../src/core/outcomes/status.js';
import { reviewReady, reviewWindows } from '../../../src/core/outcomes/windows.js';
import { reviewLines } from '../../../src/ui/reviewView.js';
import { reviewSummary } from '../../../src/ui/reviewWords.js';
import { makeStyle } from '../../../src/ui/style.js';
import type { IsoDate, Session } from '../../../src/core/types.js';
import { d, flare, MON, settings, times, week, weeks, weeksOf } from '../coach/builders.js';

// Program week 1 starts on MON (Mon 5 Jan 2026); week 14 ends on Sun 12 Apr 2026.

function input(sessions: Session[], today: IsoDate, goals: Goal[] = [], checkins: PegCheckin[] = [], startDate: IsoDate | null = null): ReviewInput {
  const s = settings({ startDate });
  const { rows, cycles } = weeklyRecord({ sessions, settings: s, overrides: [], acceptances: [], triageRecords: [], today });
  return { today, settings: s, rows, cycles, sessions, goals, checkins };
}

const verdicts = (r: ReturnType<typeof reviewOf>) => Object.fromEntries(r.measures.map((m) => [m.name, m.verdict]));

function goal(id: number, text: string, ratings: [string, number][]): Goal {
  return { id, text, status: 'open', createdOn: d(ratings[0]![0]), closedOn: null, ratings: ratings.map(([date, rating]) => ({ date: d(date), rating })) };
}

describe('R1: the windows of a review', () => {
  it('then is program weeks 1-2; now the last four weeks that are over, this week counting from its Sunday', () => {
    expect(reviewWindows(MON, d('2026-04-12'))).toMatchObject({ then: { from: MON, to: d('2026-01-18') }, now: { from: d('2026-03-16'), to: d('2026-04-12') }, ready: true, nowWeeks: 4 });
    expect(reviewWindows(MON, d('2026-04-11')).now).toEqual({ from: d('2026-03-09'), to: d('2026-04-05') });
  });

  it('now never reaches into then: in week 4 it is week 3 alone; before that nothing can be compared', () => {
    expect(reviewWindows(MON, week(4))).toMatchObject({ now: { from: week(3), to: d('2026-01-25') }, ready: true, nowWeeks: 1 });
    expect(reviewWindows(MON, d('2026-01-24'))).toMatchObject({ ready: false, now: { from: week(3), to: d('2026-01-25') } });
  });

  it.each([[4, false], [5, true], [6, false], [13, false], [14, true], [27, true], [53, true], [54, false]])('R2: program week %d, a review is ready: %s', (n, ready) => {
    expect(reviewReady(n)).toBe(ready);
  });
});

describe('R: the review', () => {
  it('on the first day there is not enough data for any measure, and it says when there will be', () => {
    const today = MON;
    const r = reviewOf(input(weeks(MON, [10]), today, [goal(1, 'climb the stairs', [[MON, 3]])], [pegCheckin({ pain: 6, enjoyment: 6, general: 7 }, MON)]));
    expect(r.programWeek).toBe(1);
    expect(r.measures.map((m) => m.verdict)).toEqual(Array(9).fill('not-enough-data'));
    expect(r.measures.find((m) => m.name === 'minutes_per_week')).toMatchObject({ then: null, now: null, missing: 'no-week-after-start' });
    expect(r.measures.find((m) => m.name === 'peg')).toMatchObject({ then: 6.3, now: null, missing: 'no-week-after-start' });
    expect(r.goals[0]!.verdict).toBe('not-enough-data');
    expect(r.summary).toMatchObject({ kind: 'not-enough-data', readyAfter: d('2026-01-25') });
  });

  it('R1/R3: on the Monday of week 3 a check-in and a re-rating of that day are not compared yet', () => {
    // Seen: PEG 8.0 -> 5.0 and function 2.0 -> 6.0 "better" from answers given in a week not yet over.
    const today = week(3);
    const goals = [goal(1, 'climb the stairs', [[MON, 2], [today, 6]])];
    const checkins = [pegCheckin({ pain: 8, enjoyment: 8, general: 8 }, MON), pegCheckin({ pain: 5, enjoyment: 5, general: 5 }, today)];
    const r = reviewOf(input(weeks(MON, times(3, 10), times(3, 10)), today, goals, checkins));
    expect(r.measures.map((m) => [m.name, m.verdict, m.missing])).toEqual(r.measures.map((m) => [m.name, 'not-enough-data', 'no-week-after-start']));
    expect(r.measures.find((m) => m.name === 'peg')).toMatchObject({ then: 8, now: null });
    expect(r.measures.find((m) => m.name === 'function_score')).toMatchObject({ then: 2, now: null });
    expect(r.goals[0]!.verdict).toBe('not-enough-data');
    expect(r.summary).toMatchObject({ kind: 'not-enough-data', better: [], goalsBetter: [], readyAfter: d('2026-01-25') });
  });

  it('R1: from the Monday of week 4, week 3 is over and the same answers are compared', () => {
    const goals = [goal(1, 'climb the stairs', [[MON, 2], [week(3), 6]])];
    const checkins = [pegCheckin({ pain: 8, enjoyment: 8, general: 8 }, MON), pegCheckin({ pain: 5, enjoyment: 5, general: 5 }, week(3))];
    const r = reviewOf(input(weeks(MON, times(3, 10), times(3, 10)), week(4), goals, checkins));
    expect(verdicts(r)).toMatchObject({ peg: 'better', function_score: 'better' });
    expect(r.goals[0]!.verdict).toBe('better');
  });

  it('M3/R1: with the day gone back, a goal is reviewed as it stood today, as the report shows it: later ratings wait', () => {
    // Seen: today set back to week 4, and the review judged the stairs goal "better" on a rating of
    // week 6 (2 -> 8) that the report for the same day leaves out (2 -> 3).
    const goals = [goal(1, 'climb the stairs', [[MON, 2], [week(3), 3], [week(6), 8]]), goal(2, 'kneel in the garden', [[week(5), 4]])];
    const r = reviewOf(input(weeks(MON, times(3, 10), times(3, 10)), week(4), goals));
    expect(r.goals.map((g) => [g.goal.text, g.latestRating, g.verdict])).toEqual([['climb the stairs', 3, 'same']]);
    expect(r.measures.find((m) => m.name === 'function_score')).toMatchObject({ then: 2, now: 3 });
  });

  it('W1/R1: with the day gone back, a check-in answered after today waits, as the report made that day has it', () => {
    // Seen in review: the first check-in, dated week 6, stood as "then" for a review of week 4.
    const checkins = [pegCheckin({ pain: 5, enjoyment: 5, general: 5 }, week(6))];
    const r = reviewOf(input(weeks(MON, times(3, 10), times(3, 10)), week(4), [], checkins));
    expect(r.measures.find((m) => m.name === 'peg')).toMatchObject({ then: null, now: null, missing: 'no-checkin' });
  });

  it('M2/M3: status reads the goals as review does with the day gone back: the later rating waits, and the goal is due', () => {
    const goals = [goal(1, 'climb the stairs', [[MON, 2], [week(6), 8]])];
    const o = statusOutcomes(goals, null, week(4), 4, 2);
    expect(o.goals.map((g) => [g.latestRating, g.latestDate, g.ratingDue])).toEqual([[2, MON, true]]);
    expect(o.fn.score).toBe(2);
  });

  it('M3/M5: with the day gone back before a goal was closed, status counts it open, as review does', () => {
    // Seen: today set back before the squat goal's closing, review's function score was 6.5 (both
    // goals open then) and status's 7: status was given the goals open now, and goalsAt could not reopen it.
    const squat: Goal = { ...goal(2, 'a full squat', [[MON, 2], [week(3), 6]]), status: 'achieved', closedOn: week(6) };
    const goals = [goal(1, 'climb the stairs', [[MON, 3], [week(3), 7]]), squat];
    const o = statusOutcomes(goals, null, week(4), 4, 2);
    const r = reviewOf(input(weeks(MON, times(3, 10), times(3, 10)), week(4), goals));
    expect(o.goals.map((g) => g.goal.id)).toEqual([1, 2]);
    expect(o.fn.score).toBe(6.5);
    expect(r.measures.find((m) => m.name === 'function_score')!.now).toBe(o.fn.score);
    // Closed by then, a goal is out of status's list, as it is out of review's function score.
    expect(statusOutcomes(goals, null, week(7), 7, 3).goals.map((g) => g.goal.id)).toEqual([1]);
  });

  it('with an empty journal, program week 1 is this week and nothing is compared', () => {
    const r = reviewOf(input([], d('2026-03-04')));
    expect(r.then.from).toBe(d('2026-03-02'));
    expect(r.summary.kind).toBe('not-enough-data');
  });

  it('R1: check-ins and goals without a session or start date promise no day: the program has not begun', () => {
    // Seen: six weeks of check-ins (7.0 -> 3.0) and a goal 2 -> 8, and every week the review said
    // "it can start after" a Sunday three weeks on, a day that moved with today and never came.
    const goals = [goal(1, 'climb the stairs', [[MON, 2], [week(6), 8]])];
    const checkins = [pegCheckin({ pain: 7, enjoyment: 7, general: 7 }, MON), ...[2, 3, 4, 5, 6, 7].map((n) => pegCheckin({ pain: 3, enjoyment: 3, general: 3 }, week(n)))];
    const r = reviewOf(input([], week(7), goals, checkins));
    expect(r.summary).toMatchObject({ kind: 'not-enough-data', readyAfter: null });
    const lines = reviewLines(makeStyle(false), r).join('\n');
    expect(lines).toMatch(/Log a few sessions/);
    expect(lines).not.toMatch(/can start after|the last weeks that are over/);
  });

  it('R3: after 14 weeks, pain about the same while minutes, sessions, PEG and the stairs goal clearly improved comes first', () => {
    // Weeks 1-2: 3 walks of 10 min at pain 5; weeks 11-14: 5 walks of 20 min at pain 4.5.
    const early = weeks(MON, ...Array.from({ length: 2 }, () => times(3, 10))).map((s) => ({ ...s, painBefore: 5, painAfter: 6 }));
    const middle = weeks(week(3), ...Array.from({ length: 8 }, (_, i) => times(4, 11 + i)));
    const late = weeks(week(11), ...Array.from({ length: 4 }, () => times(5, 20))).map((s, i) => ({ ...s, painBefore: i % 2 ? 4 : 5, painAfter: 5 }));
    const today = d('2026-04-12');
    const sundays = Array.from({ length: 14 }, (_, w) => addDays(week(w + 1), 6));
    const checkins = sundays.map((sun, w) => pegCheckin(w < 7 ? { pain: 6, enjoyment: 7, general: 7 } : { pain: 5, enjoyment: 4, general: 4 }, sun));
    const goals = [
      goal(1, 'climb the stairs to my flat without stopping', [[MON, 3], ['2026-02-15', 4], ['2026-03-15', 6], ['2026-04-12', 7]]),
      goal(2, 'sit on the floor and get up', [[MON, 2], ['2026-04-12', 3]]),
    ];
    const r = reviewOf(input([...early, ...middle, ...late], today, goals, checkins));
    expect(r.programWeek).toBe(14);
    expect(r.now).toEqual({ from: d('2026-03-16'), to: today });
    const m = Object.fromEntries(r.measures.map((x) => [x.name, x]));
    expect(m.minutes_per_week).toMatchObject({ then: 30, now: 100, verdict: 'better' });
    expect(m.sessions_per_week).toMatchObject({ then: 3, now: 5, verdict: 'better' });
    expect(m.pain_before).toMatchObject({ then: 5, now: 4.5, verdict: 'same' });
    expect(m.peg).toMatchObject({ then: 6.7, now: 4.3, verdict: 'better' });
    expect(m.function_score).toMatchObject({ then: 2.5, now: 5, verdict: 'better' });
    expect(m.flares_per_4_weeks).toMatchObject({ then: 0, now: 0, verdict: 'same' });
    expect(r.goals.map((g) => g.verdict)).toEqual(['better', 'same']);
    expect(r.summary).toMatchObject({ kind: 'pain-same-but-better', goalsBetter: [1] });
    expect(r.summary.better).toEqual(expect.arrayContaining(['minutes_per_week', 'sessions_per_week', 'peg', 'function_score']));
  });

  it('R3: "function often improves before pain does" is not said beside a goal that got clearly worse', () => {
    // Seen: more minutes, pain the same, and a goal 7 -> 3 listed as worse, followed by "Function
    // often improves before pain does."
    const sessions = [...weeks(MON, times(3, 10), times(3, 10)), ...weeks(week(3), times(3, 20), times(3, 20))];
    const goals = [goal(1, 'carry my shopping home', [[MON, 7], ['2026-01-25', 3]]), goal(2, 'sit on the floor', [[MON, 2], ['2026-01-25', 3]])];
    const r = reviewOf(input(sessions, d('2026-01-25'), goals));
    expect(r.summary).toMatchObject({ kind: 'pain-same-but-better', goalsWorse: [1] });
    const words = reviewSummary(r);
    expect(words).toMatch(/Worse than at the start: "carry my shopping home" 7 -> 3/);
    expect(words).not.toMatch(/Function often improves before pain does/);
    // Without a worse goal it is said.
    const fine = reviewOf(input(sessions, d('2026-01-25'), [goal(2, 'sit on the floor', [[MON, 2], ['2026-01-25', 3]])]));
    expect(reviewSummary(fine)).toMatch(/Function often improves before pain does/);
  });

  it('M3: the function score is judged by the mean change only; a goal that moved 3 keeps its own verdict', () => {
    // Seen: one goal 2 -> 5 and another 4 -> 2 (a mean change of +0.5) made the function score "better".
    const goals = [goal(1, 'climb the stairs', [[MON, 2], ['2026-03-01', 5]]), goal(2, 'sit on the floor', [[MON, 4], ['2026-03-01', 2]])];
    const r = reviewOf(input(weeks(MON, times(3, 10), times(3, 10)), d('2026-03-04'), goals));
    expect(r.measures.find((x) => x.name === 'function_score')).toMatchObject({ then: 3, now: 3.5, verdict: 'same' });
    expect(r.goals.map((g) => g.verdict)).toEqual(['better', 'same']);
  });

  it('P/R2: the program week is counted from the start date, as status counts it', () => {
    // Seen: a start date 8 weeks back and no sessions: status said week 9, review said week 1.
    const today = d('2026-03-04');
    const r = reviewOf(input([], today, [], [], addDays(today, -56)));
    expect(r.programWeek).toBe(9);
    expect(r.then.from).toBe(mondayOf(addDays(today, -56)));
  });

  it('flares per four weeks come from the weekly rows: two flares in weeks 1-2 are 4 per four weeks', () => {
    const s = [...weeks(MON, [10, flare(10), 10], [10, flare(10), 10]), ...weeks(week(3), times(3, 10), times(3, 10))];
    const r = reviewOf(input(s, d('2026-01-31')));
    expect(r.measures.find((x) => x.name === 'flares_per_4_weeks')).toMatchObject({ then: 4, now: 0, verdict: 'better' });
  });

  it('R1: a mean pain change of -0.25 reads -0.3 and is judged so, halves away from zero as every measure is', () => {
    // Seen: rises 1.7 then, -0.25 now read "1.7 -> -0.2, about the same": Math.round took the half
    // toward zero for a fall, where a rise of 0.25 reads 0.3.
    const rise = (r: number) => ({ dose: 10, painBefore: 3, painAfter: 3 + r });
    const s = [
      ...weeks(MON, [2, 2, 2, 2, 2].map(rise), [2, 2, 1, 1, 1].map(rise)),
      ...weeks(week(3), [-1, 0, 0, 0].map(rise)),
    ];
    const r = reviewOf(input(s, d('2026-01-25')));
    expect(r.measures.find((x) => x.name === 'pain_change')).toMatchObject({ then: 1.7, now: -0.3, change: -2, verdict: 'better' });
  });

  it('pain with fewer than three ratings on a side is not enough data; a worse measure is named as worse', () => {
    const s = [...weeks(MON, times(3, 20), times(3, 20)), ...weeks(week(3), [{ dose: 10, painBefore: null, painAfter: null }])];
    const r = reviewOf(input(s, d('2026-01-25')));
    expect(verdicts(r)).toMatchObject({ pain_before: 'not-enough-data', minutes_per_week: 'worse', sessions_per_week: 'worse' });
    expect(r.measures.find((x) => x.name === 'pain_before')!.missing).toBe('few-pain-ratings');
    expect(r.summary).toMatchObject({ kind: 'changes', worse: ['minutes_per_week', 'sessions_per_week', 'adherence_pct'] });
  });
});

describe('R1/R3: activities counted in reps, metres or steps', () => {
  const sts = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };

  it('R3: a person doing only sit-to-stand, 5 reps to 10, sees it first and plainly, with pain about the same', () => {
    // Seen: "nothing has changed clearly yet" and "minutes of any activity a week 0 -> 0", for a
    // person whose sit-to-stand had doubled: reps were counted nowhere in the review.
    const s = weeksOf(sts, MON, times(3, 5), times(3, 5), times(3, 8), times(3, 9), times(3, 10), times(3, 11));
    const r = reviewOf(input(s, d('2026-02-15')));
    expect(r.doses).toEqual([
      { activity: 'sit-to-stand', unit: 'reps', then: 5, now: 9.5, change: 4.5, verdict: 'better', missing: null, thenSpan: { from: MON, to: d('2026-01-18') }, nowSpan: { from: week(3), to: d('2026-02-15') } },
    ]);
    expect(r.summary).toMatchObject({ kind: 'pain-same-but-better', dosesBetter: ['sit-to-stand'] });
    expect(reviewSummary(r)).toContain('sit-to-stand 5 -> 9.5 reps a session');
    expect(reviewLines(makeStyle(false), r).join('\n')).toMatch(/sit-to-stand, reps a session +│ +5 │ +9\.5 │ better/);
    // Reps are never minutes, and with no session timed there are no minutes to judge: "0 -> 0,
    // about the same" read as nothing done.
    expect(r.minutesShown).toBe(false);
    expect(r.measures.find((m) => m.name === 'minutes_per_week')).toEqual({ name: 'minutes_per_week', then: null, now: null, change: null, verdict: 'not-enough-data', missing: 'no-timed-sessions' });
    expect(r.summary.better).not.toContain('minutes_per_week');
  });

  it('R1: with no session timed in either window, the review leaves the minutes row out and keeps the reps row', () => {
    const s = weeksOf(sts, MON, times(3, 5), times(3, 5), times(3, 8), times(3, 9), times(3, 10), times(3, 11));
    const text = reviewLines(makeStyle(false), reviewOf(input(s, d('2026-02-15')))).join('\n');
    expect(text).not.toContain('minutes');
    expect(text).toMatch(/sessions a week +│ +3\.0 │ +3\.0 │ about the same/);
    expect(text).toMatch(/sit-to-stand, reps a session +│ +5 │ +9\.5 │ better/);
  });

  it('R1: a timed session in either window keeps the minutes row: walks given up for reps are minutes 30 -> 0', () => {
    const reps = weeksOf(sts, MON, times(3, 5), times(3, 5), times(3, 8), times(3, 9), times(3, 10), times(3, 11));
    const r = reviewOf(input([...reps, ...weeks(MON, times(3, 10), times(3, 10))], d('2026-02-15')));
    expect(r.minutesShown).toBe(true);
    expect(r.measures.find((m) => m.name === 'minutes_per_week')).toMatchObject({ then: 30, now: 0, verdict: 'worse', missing: null });
    expect(reviewLines(makeStyle(false), r).join('\n')).toMatch(/minutes of any activity a week +│ +30 │ +0 │ worse/);
  });

  it('R1: a walk timed between the windows only does not bring minutes back (0 -> 0 would still read as nothing done)', () => {
    const reps = weeksOf(sts, MON, times(3, 5), times(3, 5), times(3, 8), times(3, 9), times(3, 10), times(3, 11), times(3, 12), times(3, 12));
    const r = reviewOf(input([...reps, ...weeks(week(3), [10])], d('2026-03-01')));
    expect(r.now.from).toBe(week(5));
    expect(r.minutesShown).toBe(false);
  });

  it('R1: minutes are not listed per activity; an activity started after week 2 is compared with its own first two weeks (Q1)', () => {
    const walk = weeks(MON, times(3, 10), times(3, 10), times(3, 11), times(3, 12), times(3, 13), times(3, 14), times(3, 14), times(3, 14));
    const later = weeksOf(sts, week(3), times(3, 6), times(3, 6), times(3, 6), times(3, 6), times(3, 6), times(3, 6));
    const r = reviewOf(input([...walk, ...later], d('2026-03-01')));
    expect(r.doses).toEqual([
      { activity: 'sit-to-stand', unit: 'reps', then: 6, now: 6, change: 0, verdict: 'same', missing: null, thenSpan: { from: week(3), to: d('2026-02-01') }, nowSpan: { from: week(5), to: d('2026-03-01') } },
    ]);
    expect(reviewLines(makeStyle(false), r).join('\n')).toContain('sit-to-stand: its own first two weeks, Mon 19 Jan to Sun 1 Feb\n');
  });

  it('R1: an activity begun in week 3 is compared once a week after its weeks 3-4 is over: against the weeks after them only, as the review does for weeks 1-2', () => {
    const walk = weeks(MON, times(3, 10), times(3, 10), times(3, 10), times(3, 10), times(3, 10), times(3, 10));
    const later = weeksOf(sts, week(3), times(3, 6), times(3, 6), times(3, 8), times(3, 8));
    const r = reviewOf(input([...walk, ...later], d('2026-02-15')));
    expect(r.now).toEqual({ from: week(3), to: d('2026-02-15') });
    expect(r.doses).toMatchObject([{ activity: 'sit-to-stand', then: 6, now: 8, verdict: 'better', thenSpan: { from: week(3), to: d('2026-02-01') }, nowSpan: { from: week(5), to: d('2026-02-15') } }]);
    expect(reviewLines(makeStyle(false), r).join('\n')).toContain('sit-to-stand: its own first two weeks, Mon 19 Jan to Sun 1 Feb, against Mon 2 Feb to Sun 15 Feb');
  });

  it('R1: an activity begun in week 2 is compared over the review\'s own weeks 1-2, not over weeks 2-3', () => {
    // Review: its "then" ran from its first session's Monday, so weeks 2-3, and "now" began a week late.
    const walk = weeks(MON, times(3, 10), times(3, 10), times(3, 10), times(3, 10), times(3, 10), times(3, 10));
    const later = weeksOf(sts, week(2), times(3, 5), times(3, 8), times(3, 8), times(3, 8), times(3, 8));
    const r = reviewOf(input([...walk, ...later], d('2026-02-15')));
    expect(r.doses).toMatchObject([{ activity: 'sit-to-stand', then: 5, now: 8, verdict: 'better', thenSpan: r.then, nowSpan: r.now }]);
    expect(reviewLines(makeStyle(false), r).join('\n')).not.toContain('its own first two weeks');
  });

  it('R1: an activity whose own first two weeks are not over before the last weeks begin has nothing to compare yet', () => {
    const walk = weeks(MON, times(3, 10), times(3, 10), times(3, 10), times(3, 10));
    const later = weeksOf(sts, week(4), times(3, 6));
    const r = reviewOf(input([...walk, ...later], d('2026-02-01')));
    expect(r.doses).toMatchObject([{ activity: 'sit-to-stand', then: null, now: null, verdict: 'not-enough-data', missing: 'no-week-after-start' }]);
  });
});
