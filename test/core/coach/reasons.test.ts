import { describe, expect, it } from 'vitest';
import { describeReason, describeSuggestion, weekBeforeOf } from '../../../src/core/coach/reasons.js';
import type { Reason } from '../../../src/core/coach/types.js';
import type { Unit } from '../../../src/core/types.js';
import { d } from './builders.js';

describe('Q8 reasons in words', () => {
  it.each<[Reason, Unit, string]>([
    [{ rule: 'Q1', quota: 10, tolerated: 4, weeks: 1, sessionsNeeded: 0, weeksNeeded: 1 }, 'min',
      'finding your baseline: repeat a comfortable 10 min, the middle of your 4 comfortable sessions so far; the plan starts to grow after this week'],
    [{ rule: 'Q1', quota: 8, tolerated: 1, weeks: 2, sessionsNeeded: 2, weeksNeeded: 0 }, 'reps',
      // One session has no middle: the amount is that session's own.
      'finding your baseline: repeat a comfortable 8 reps, as in your one comfortable session so far; the plan starts to grow once 2 more sessions feel comfortable'],
    [{ rule: 'Q1', quota: 5, tolerated: 0, weeks: 1, sessionsNeeded: 3, weeksNeeded: 1 }, 'min',
      'finding your baseline: no session has felt comfortable yet, so try a gentle 5 min; the plan starts to grow after this week, once 3 more sessions feel comfortable'],
    [{ rule: 'Q1', quota: null, tolerated: 0, weeks: 0, sessionsNeeded: 3, weeksNeeded: 2 }, 'min',
      'finding your baseline: do an amount that feels easy; the plan starts to grow after your first two weeks, once 3 more sessions feel comfortable'],
    [{ rule: 'Q2', kind: 'after-baseline', baseline: 10, to: 11, tolerated: 8, weeks: 2 }, 'min', 'baseline 10 min from 8 comfortable sessions over 2 weeks: +10%'],
    [{ rule: 'Q2', kind: 'completed', from: 11, to: 12, done: 5, planned: 5 }, 'min', 'completed 5 of 5 sessions at 11 min, no flare: +10%'],
    [{ rule: 'Q2', kind: 'completed', from: 11, to: 12, done: 6, planned: 5 }, 'min', 'completed 5 of 5 sessions at 11 min, no flare: +10%'],
    [{ rule: 'Q2', kind: 'completed', from: 4, to: 5, done: 2, planned: 2 }, 'reps', 'completed 2 of 2 sessions at 4 reps, no flare: +1 rep'],
    [{ rule: 'Q2', kind: 'completed', from: 1, to: 1.5, done: 1, planned: 1 }, 'min', 'completed 1 of 1 session at 1 min, no flare: +0.5 min'],
    // Q2/Q8: 10% of 5 reps is half a rep; the step is one rep (20%), and the reason says so
    // rather than "+10%", which read as a sum gone wrong on 5 -> 6.
    [{ rule: 'Q2', kind: 'completed', from: 5, to: 6, done: 3, planned: 3 }, 'reps', 'completed 3 of 3 sessions at 5 reps, no flare: +1 rep'],
    [{ rule: 'Q2', kind: 'after-baseline', baseline: 9, to: 10, tolerated: 6, weeks: 2 }, 'reps', 'baseline 9 reps from 6 comfortable sessions over 2 weeks: +1 rep'],
    [{ rule: 'Q2', kind: 'completed', from: 10, to: 11, done: 3, planned: 3 }, 'reps', 'completed 3 of 3 sessions at 10 reps, no flare: +10%'],
    [{ rule: 'Q4', quota: 12, done: 0, planned: 3 }, 'min', 'no session reached 12 min last week: staying at 12 min, no hurry; the plan grows after a full week'],
    [{ rule: 'Q5', from: 13, to: 12, fromSessions: 4, toSessions: 4, flareDate: d('2026-01-13'), atBaseline: false }, 'min', 'flare on Tue 13 Jan: back to 12 min for one week'],
    [{ rule: 'Q5', from: 10, to: 10, fromSessions: 3, toSessions: 3, flareDate: d('2026-01-13'), atBaseline: true }, 'min', 'flare on Tue 13 Jan: staying at your baseline of 10 min for one week'],
    [{ rule: 'Q5', from: 30, to: 30, fromSessions: 5, toSessions: 4, flareDate: d('2026-01-13'), atBaseline: false }, 'min', 'flare on Tue 13 Jan: back to 4 sessions of 30 min for one week'],
    [{ rule: 'Q10', kind: 'step', activity: 'walk', weeks: 3, from: 30, to: 30, fromSessions: 5, toSessions: 4, atBaseline: false }, 'min',
      'back after 3 weeks without walk: 4 sessions of 30 min (down from 5, as fitness fades in a break), then building up again'],
    // More sessions than the last week done had planned (its plan was made before the baseline settled): never "down from".
    [{ rule: 'Q10', kind: 'step', activity: 'walk', weeks: 2, from: 10, to: 10, fromSessions: 1, toSessions: 2, atBaseline: true }, 'min',
      'back after 2 weeks without walk: 10 min, your baseline, then building up again'],
    [{ rule: 'Q6', kind: 'target', quota: 25, sessions: 6, weeklyMinutes: 150, target: 150, others: 0 }, 'min', '25 min 6 times a week is 150 min, your weekly aim of 150 min: maintain'],
    [{ rule: 'Q6', kind: 'ceiling', quota: 30, sessions: 7, }, 'min', '30 min 7 times a week is as far as the plan grows: maintain'],
    [{ rule: 'Q7', quota: 15, sessionsPerWeek: 3, setOn: d('2026-01-22') }, 'min', 'set by hand on Thu 22 Jan: 15 min, 3 times a week; the plan grows from here'],
    [{ rule: 'Q7', quota: null, sessionsPerWeek: 1, setOn: d('2026-01-22') }, 'min', 'set by hand on Thu 22 Jan: once a week; the plan grows from here'],
    [{ rule: 'P1', quota: 5 }, 'min', 'the first two weeks build the habit, not the amount: staying at 5 min'],
    [{ rule: 'T2', quota: 800, since: d('2026-01-21'), symptoms: [] }, 'm', 'waiting for an assessment since Wed 21 Jan: staying at 800 m, no increases until you record that you were assessed'],
    [{ rule: 'T3', since: d('2026-01-21'), symptoms: ['dizziness'], resumeQuota: null, resumeSessions: 1 }, 'min', 'paused since Wed 21 Jan (dizziness): no exercise until a clinician has seen you'],
    [{ rule: 'S2', kind: 'accepted', from: 10, to: 11, acceptedOn: d('2026-01-22') }, 'min', 'you accepted 11 min on Thu 22 Jan (up from 10 min)'],
    [{ rule: 'S2', kind: 'offer', quota: 3000, offer: 3300, weeks: 3 }, 'steps',
      '3 steady weeks at 3000 steps with no flare: 3300 steps is on offer if it feels right; until you accept, the plan stays at 3000 steps'],
  ])('%j in %s', (reason, unit, text) => {
    expect(describeReason(reason, unit)).toBe(text);
  });
});

describe('Q9: the week before the planned one, in words that fit the day the plan is read', () => {
  const q1 = { rule: 'Q1', quota: 10, tolerated: 4, weeks: 1, sessionsNeeded: 0, weeksNeeded: 1, flareDate: d('2026-01-13') } as Reason;
  const q4 = { rule: 'Q4', quota: 12, done: 1, planned: 4 } as Reason;

  it('weekBeforeOf: over from the planned Monday, going on in the week before it, to come before that', () => {
    expect([d('2026-01-19'), d('2026-01-12'), d('2026-01-18'), d('2026-01-11')].map((t) => weekBeforeOf(t, d('2026-01-19')))).toEqual(['over', 'going-on', 'going-on', 'to-come']);
  });

  it('a baseline ends "after next week" while this week goes on, and "after that week" further ahead', () => {
    // "after this week", read on a Wednesday about next week's plan, named the wrong week.
    expect(describeReason(q1, 'min', 'graded', 'going-on')).toBe("finding your baseline: flare on Tue 13 Jan, so no more than this week's 10 min for now; the plan starts to grow after next week");
    expect(describeReason(q1, 'min', 'graded', 'to-come')).toBe("finding your baseline: flare on Tue 13 Jan, so no more than the week before's 10 min for now; the plan starts to grow after that week");
  });

  it('Q1: a baseline short of both sessions and weeks names both: the sessions alone promised growth a week too soon', () => {
    // Seen on Mon of week 1, planning week 2: "the plan starts to grow once 2 more sessions feel
    // comfortable"; three more walks that week, and week 2's plan was still the baseline.
    const q1: Reason = { rule: 'Q1', quota: 12, tolerated: 1, weeks: 1, sessionsNeeded: 2, weeksNeeded: 1 };
    expect(describeReason(q1, 'min', 'graded', 'going-on')).toBe('finding your baseline: repeat a comfortable 12 min, as in your one comfortable session so far; the plan starts to grow after next week, once 2 more sessions feel comfortable');
    const first: Reason = { rule: 'Q1', quota: null, tolerated: 0, weeks: 0, sessionsNeeded: 3, weeksNeeded: 2 };
    expect(describeReason(first, 'min')).toBe('finding your baseline: do an amount that feels easy; the plan starts to grow after your first two weeks, once 3 more sessions feel comfortable');
    // The weeks are over: the sessions alone are still needed.
    expect(describeReason({ ...q1, weeks: 2, weeksNeeded: 0 }, 'min')).toMatch(/the plan starts to grow once 2 more sessions feel comfortable$/);
  });

  it('a hold names the week before as not begun when the planned week is further ahead', () => {
    expect(describeReason(q4, 'min', 'graded', 'going-on')).toMatch(/^1 of 4 sessions reached 12 min so far this week:/);
    expect(describeReason(q4, 'min', 'graded', 'to-come')).toMatch(/^1 of 4 sessions reached 12 min in the week before it, not begun yet:/);
  });
});

describe('P3/P4 suggestions in words', () => {
  it('P3: names the ideas and their small first doses', () => {
    expect(
      describeSuggestion({
        rule: 'P3',
        doneCategory: 'aerobic',
        ideas: [
          { category: 'mobility', activity: 'stretching', dose: 5, unit: 'min', sessionsPerWeek: 3 },
          { category: 'strength', activity: 'sit-to-stand', dose: 5, unit: 'reps', sessionsPerWeek: 2 },
        ],
      }),
    ).toBe('so far everything has been aerobic; when you are ready, add something small: stretching (mobility), 5 min 3 times a week and sit-to-stand (strength), 5 reps 2 times a week');
  });

  it('P4: points to functional goals', () => {
    expect(describeSuggestion({ rule: 'P4', goals: ['climbing stairs', 'a full squat', 'touching the toes', 'x'] })).toBe(
      'choose a goal for everyday life to train toward, for example climbing stairs, a full squat, touching the toes',
    );
  });
});
