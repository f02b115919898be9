import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { addDays, importRows, mondayOf, planOn, sundayOf, times, walks } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05'; // Monday of program week 1

/**
 * Q4, Q8, Q9: on the Monday of week 4, with three full weeks behind and one walk done this week,
 * `pace plan` shows week 5 from the sessions logged so far. Its reason must not call the week in
 * progress "last week": the person's last week was complete, and "1 of 4 last week" reads as a
 * verdict on it. The plan says that this week is not over and the plan can still change.
 */
describe('pace plan while the week before it is still going on (Q4, Q9)', () => {
  const pace = answeredPace();
  importRows(pace, walks(mondayOf(START, 1), times(4, 10), times(4, 10), times(4, 11), [11]), mondayOf(START, 4));

  it('says "so far this week", not "last week", and that the plan can still change', () => {
    const r = pace.run(['plan'], { PACE_TODAY: mondayOf(START, 4), COLUMNS: '200' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/last week/);
    expect(r.stdout).toMatch(/1 of 4 sessions reached 12 min so far this week/);
    expect(r.stdout).toMatch(/This week is not over yet/);
    const doc = planOn(pace, mondayOf(START, 4)) as unknown as { activities: { reason: string }[]; week_before_over: boolean };
    expect(doc.week_before_over).toBe(false);
    expect(doc.activities[0]!.reason).toMatch(/so far this week/);
  });

  it('a week further ahead does not read the week before it as "this week" (not begun yet)', () => {
    // On the Monday of week 4, week 6's plan rests on week 5, not begun: "no session reached 12 min
    // so far this week" denied the walk done that morning.
    const doc = planOn(pace, mondayOf(START, 4), '--week', mondayOf(START, 6)) as unknown as { activities: { reason: string }[]; week_before_over: boolean };
    expect(doc.week_before_over).toBe(false);
    expect(doc.activities[0]!.reason).not.toMatch(/this week|last week/);
    expect(doc.activities[0]!.reason).toMatch(/in the week before it, not begun yet/);
    // Its note does not call that week "this week" either, nor say that sessions are counted so far.
    const r = pace.run(['plan', '--week', mondayOf(START, 6)], { PACE_TODAY: mondayOf(START, 4), COLUMNS: '200' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/This week is not over yet/);
    expect(r.stdout).toMatch(/The week before this one has not begun yet: this plan can change as you log more\./);
  });

  it('says "last week" once that week is over, and no note', () => {
    importRows(pace, walks(mondayOf(START, 4), [{ dose: 11, day: 2 }, { dose: 11, day: 4 }]), sundayOf(START, 4));
    const r = pace.run(['plan', '--week', mondayOf(START, 5)], { PACE_TODAY: addDays(sundayOf(START, 4), 1), COLUMNS: '200' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/This week is not over yet/);
    expect(r.stdout).toMatch(/3 of 4 sessions reached 12 min last week/);
    const doc = planOn(pace, addDays(sundayOf(START, 4), 1), '--week', mondayOf(START, 5)) as unknown as { week_before_over: boolean };
    expect(doc.week_before_over).toBe(true);
  });
});
