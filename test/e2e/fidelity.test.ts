import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { addDays, importRows, json, mondayOf, planOn, sundayOf, times, walks } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05'; // Monday of program week 1

// Walks that follow the plan, three a week: 10, 10 (baseline), 11, 12, 13, 14.5 min.
const FOLLOWED = [times(3, 10), times(3, 10), times(3, 11), times(3, 12), times(3, 13), times(3, 14.5)];

interface StatusDoc {
  mode: string;
  this_week: { activities: { activity: string; quota: number | null }[] };
}

describe('issue 11, done when: as a new user would', () => {
  it('Q10: a month away comes back lower, in words that say why (plan --json says return)', () => {
    const pace = answeredPace();
    importRows(pace, walks(START, ...FOLLOWED), sundayOf(START, 6));
    // Four weeks without a walk; on the Sunday of week 10 the plan for week 11.
    const walk = planOn(pace, sundayOf(START, 10)).activities[0]!;
    expect(walk).toMatchObject({ activity: 'walk', quota: 10, change: 'return', rule: 'Q10' });
    expect(walk.reason).toBe('back after 4 weeks without walk: 10 min (down from 14.5 min, as fitness fades in a break), then building up again');
    const text = pace.run(['plan'], { PACE_TODAY: sundayOf(START, 10) });
    expect(text.stdout).toMatch(/return/);
    expect(text.stdout).toMatch(/back after 4 weeks without walk/);
  });

  it('S2/E2: switching envelope mode on mid-week raises nothing, drops nothing, and every view of the week agrees', () => {
    const pace = answeredPace();
    importRows(pace, walks(START, ...FOLLOWED, [{ dose: 16, day: 0 }, { dose: 16, day: 1 }]), addDays(START, 7 * 6 + 2));
    const wednesday = addDays(START, 7 * 6 + 2); // week 7, planned at 16 min
    const before = json<StatusDoc>(pace, ['status'], wednesday);
    expect(before.this_week.activities[0]!.quota).toBe(16);
    expect(pace.run(['init', '--pem', 'yes'], { PACE_TODAY: wednesday }).status).toBe(0);

    const after = json<StatusDoc>(pace, ['status'], wednesday);
    expect([after.mode, after.this_week.activities[0]!.quota]).toEqual(['graded', 16]); // the week as it was planned
    importRows(pace, walks(mondayOf(START, 7), [{ dose: 16, day: 4 }]), sundayOf(START, 7));
    const next = planOn(pace, sundayOf(START, 7));
    expect([next.mode, ...[next.activities[0]!.quota, next.activities[0]!.change]]).toEqual(['envelope', 16, 'hold']);
    expect(next.activities[0]!.reason).not.toMatch(/grow/);

    // A week later, week 7 is a past week: plan --week and the weekly export say the same.
    const later = sundayOf(START, 8);
    const week7 = planOn(pace, later, '--week', mondayOf(START, 7));
    const rows = pace.run(['export', '--weekly'], { PACE_TODAY: later }).stdout.trim().split('\r\n').map((r) => r.split(','));
    const row = rows.find((r) => r[0] === mondayOf(START, 7))!;
    expect([week7.mode, String(week7.activities[0]!.quota)]).toEqual(['graded', '16']);
    expect([row[3], row[6]]).toEqual(['graded', '16']);
  });
});
