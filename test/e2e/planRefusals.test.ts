// A plan --set that the rules refuse (Q7 under a hold, B1 without --yes) is a usage error as
// cli.md has it: exit 2, at most two lines on stderr, nothing on stdout, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, stackLines, tempPace, type RunResult, type TempPace } from '../helpers/pace.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const TODAY = { PACE_TODAY: '2026-11-21' };

function expectRefused(pace: TempPace, args: readonly string[], first: RegExp): RunResult {
  const before = fileHash(pace.db);
  const r = pace.run(args, TODAY);
  expect(r.status, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  expect(lines(r.stderr).length, r.stderr).toBeLessThanOrEqual(2);
  expect(lines(r.stderr)[0]).toMatch(first);
  expect(r.stdout).toBe('');
  expect(fileHash(pace.db)).toBe(before);
  return r;
}

describe('plan --set refused by the rules', () => {
  let pace: TempPace;
  beforeAll(() => {
    pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'no'], TODAY).status).toBe(0);
    for (const date of ['2026-11-16', '2026-11-18', '2026-11-20']) expect(pace.run(['log', 'walk', '10', '--date', date], TODAY).status).toBe(0);
  });

  it('B1: a boom (3 x the plan) without --yes, with or without --json', () => {
    expectRefused(pace, ['plan', '--set', 'walk=30x7'], /^pace: --set: walk 30 min is 3 x the 10 min planned/);
    expectRefused(pace, ['plan', '--set', 'walk=30x7', '--json'], /^pace: --set: walk 30 min is 3 x/);
  });

  it('B1: in program week 1, with no quota yet, a boom is judged against the usual day lately', () => {
    // Seen: three 5 min walks this week, then --set walk=30 for it: stored without a word, and the plan grew from 30.
    const fresh = tempPace(tempDir());
    expect(fresh.run(['init', '--pem', 'no'], TODAY).status).toBe(0);
    for (const date of ['2026-11-16', '2026-11-18', '2026-11-20']) expect(fresh.run(['log', 'walk', '5', '--date', date], TODAY).status).toBe(0);
    expectRefused(fresh, ['plan', '--week', '2026-11-21', '--set', 'walk=30'], /^pace: --set: walk 30 min is 6 x your usual 5 min a day lately: a jump that size is a boom \(B1\)/);
    expect(fresh.run(['plan', '--week', '2026-11-21', '--set', 'walk=7'], TODAY).status).toBe(0);
    expect(fresh.run(['plan', '--week', '2026-11-21', '--set', 'walk=30', '--yes'], TODAY).status).toBe(0);
  });

  it('Q7, Q9: a week that is over keeps the plan it had: no setting, up or down, for it', () => {
    expectRefused(pace, ['plan', '--week', '2026-11-15', '--set', 'walk=8'], /^pace: --set: the week of Mon 9 Nov is over/);
    expectRefused(pace, ['plan', '--week', '2026-11-09', '--set', 'walk=12', '--yes', '--json'], /^pace: --set: the week of Mon 9 Nov is over/);
    expectRefused(pace, ['plan', '--week', '2026-11-09', '--accept-increase'], /^pace: --accept-increase: the week of Mon 9 Nov is over/);
    // This week, already begun, may still be set, from today on.
    expect(pace.run(['plan', '--week', '2026-11-16', '--set', 'walk=10', '--json'], TODAY).status).toBe(0);
  });

  it('Q7: a raise while an assess hold is open, even with --yes', () => {
    expect(pace.run(['log', 'walk', '10', '--symptom', 'joint-swelling'], TODAY).status).toBe(0);
    expectRefused(pace, ['plan', '--set', 'walk=12'], /^pace: --set walk=12: the plan is on hold since Sat 21 Nov/);
    expectRefused(pace, ['plan', '--set', 'walk=12', '--yes', '--json'], /^pace: --set walk=12: the plan is on hold/);
  });
});

describe('Q5/Q7: after a flare, a quota set by hand is judged against the drop-back level, not an earlier setting', () => {
  it('lowered to 10 under a drop-back to 12, it may go back up to 12 but not past it', () => {
    const pace = tempPace(tempDir());
    const start = '2026-01-05';
    expect(pace.run(['init', '--pem', 'no', '--start', start], { PACE_TODAY: start }).status).toBe(0);
    const doses = [10, 10, 11, 12, 13];
    doses.forEach((dose, w) => {
      for (const day of [0, 2, 4]) {
        const date = new Date(Date.parse(start) + (w * 7 + day) * 86_400_000).toISOString().slice(0, 10);
        const flare = w === 4 && day === 2 ? ['--pain-before', '2', '--pain-after', '6'] : [];
        expect(pace.run(['log', 'walk', String(dose), '--date', date, ...flare], { PACE_TODAY: '2026-02-06' }).status).toBe(0);
      }
    });
    const week6 = { PACE_TODAY: '2026-02-10' };
    const quota = () => (JSON.parse(pace.run(['plan', '--week', '2026-02-09', '--json'], week6).stdout) as { activities: { quota: number; change: string }[] }).activities[0]!;
    expect(quota()).toMatchObject({ quota: 12, change: 'drop-back' });
    expect(pace.run(['plan', '--week', '2026-02-09', '--set', 'walk=10'], week6).status).toBe(0);
    expect(quota()).toMatchObject({ quota: 10, change: 'override' });
    expect(pace.run(['plan', '--week', '2026-02-09', '--set', 'walk=12'], week6).status).toBe(0);
    expect(quota()).toMatchObject({ quota: 12 });
    const before = fileHash(pace.db);
    const r = pace.run(['plan', '--week', '2026-02-09', '--set', 'walk=13'], week6);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/stays at 3 x 12 min at most \(Q5, Q7\)/);
    expect(fileHash(pace.db)).toBe(before);
  });
});

describe('Q7: a week lowered by hand is the plan a raise is judged by, under a hold and for a boom', () => {
  const start = '2026-01-05';
  function lowered(to: string): TempPace {
    const pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'no', '--start', start], { PACE_TODAY: start }).status).toBe(0);
    for (const date of ['2026-01-05', '2026-01-07', '2026-01-09', '2026-01-12', '2026-01-14', '2026-01-16']) {
      expect(pace.run(['log', 'walk', '10', '--date', date], { PACE_TODAY: '2026-01-16' }).status).toBe(0);
    }
    expect(pace.run(['plan', '--week', '2026-01-19', '--set', `walk=${to}`], { PACE_TODAY: '2026-01-19' }).status).toBe(0);
    return pace;
  }

  it('T2: lowered to 8, then a hold: raising to 11 is refused', () => {
    const pace = lowered('8');
    expect(pace.run(['triage', '--symptom', 'new-radiation'], { PACE_TODAY: '2026-01-20' }).status).toBe(0);
    const before = fileHash(pace.db);
    const r = pace.run(['plan', '--week', '2026-01-19', '--set', 'walk=11'], { PACE_TODAY: '2026-01-20' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/on hold since .* cannot be raised until you have been assessed \(Q7\)/);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('B1: a quota raised by hand is not the base of the next: 16, then 23 asks (2.1 x the 11 planned)', () => {
    const pace = lowered('16');
    const r = pace.run(['plan', '--week', '2026-01-19', '--set', 'walk=23'], { PACE_TODAY: '2026-01-19' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/walk 23 min is 2\.1 x the 11 min planned/);
  });

  it('T2: under a hold, a quota-only setting keeps the sessions a week an earlier one set (1, not back to 3)', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'no', '--start', start], { PACE_TODAY: start }).status).toBe(0);
    for (const date of ['2026-01-05', '2026-01-07', '2026-01-09', '2026-01-12', '2026-01-14', '2026-01-16']) {
      expect(pace.run(['log', 'walk', '10', '--date', date], { PACE_TODAY: '2026-01-16' }).status).toBe(0);
    }
    const today = { PACE_TODAY: '2026-01-20' };
    expect(pace.run(['plan', '--week', '2026-01-26', '--set', 'walk=11x1'], today).status).toBe(0);
    expect(pace.run(['triage', '--symptom', 'new-radiation'], today).status).toBe(0);
    expect(pace.run(['plan', '--week', '2026-01-26', '--set', 'walk=11x3'], today).status).toBe(2);
    expect(pace.run(['plan', '--week', '2026-01-26', '--set', 'walk=11'], today).status).toBe(0);
    const week = JSON.parse(pace.run(['plan', '--week', '2026-01-26', '--json'], today).stdout) as { activities: { quota: number; sessions_per_week: number }[] };
    expect(week.activities[0]).toMatchObject({ quota: 11, sessions_per_week: 1 });
  });

  it('T2/Q9: a week planned under a hold cleared mid-week keeps its quota; a raise is refused, not stored and never shown', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'no', '--start', start], { PACE_TODAY: start }).status).toBe(0);
    for (const date of ['2026-01-05', '2026-01-07', '2026-01-09', '2026-01-12', '2026-01-14', '2026-01-16']) {
      expect(pace.run(['log', 'walk', '10', '--date', date], { PACE_TODAY: '2026-01-16' }).status).toBe(0);
    }
    expect(pace.run(['triage', '--symptom', 'new-radiation'], { PACE_TODAY: '2026-01-17' }).status).toBe(0);
    expect(pace.run(['triage', '--cleared'], { PACE_TODAY: '2026-01-20' }).status).toBe(0);
    const before = fileHash(pace.db);
    const r = pace.run(['plan', '--week', '2026-01-19', '--set', 'walk=12'], { PACE_TODAY: '2026-01-20' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the week of Mon 19 Jan was planned under the hold of Sat 17 Jan and keeps that quota \(T2, Q9\)/);
    expect(fileHash(pace.db)).toBe(before);
    // Lowering it is allowed, and next week can be raised.
    expect(pace.run(['plan', '--week', '2026-01-19', '--set', 'walk=9'], { PACE_TODAY: '2026-01-20' }).status).toBe(0);
    expect(pace.run(['plan', '--week', '2026-01-26', '--set', 'walk=12'], { PACE_TODAY: '2026-01-20' }).status).toBe(0);
  });

  it('B1: lowered to 5, a jump to 11 is 2.2 x the quota in force and asks first', () => {
    const pace = lowered('5');
    const r = pace.run(['plan', '--week', '2026-01-19', '--set', 'walk=11'], { PACE_TODAY: '2026-01-20' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/walk 11 min is 2\.2 x the 5 min planned/);
  });
});

describe('Q7/T2: a raise refused under a hold is not brought in by a backup', () => {
  it('an override set while the hold was open, restored from a backup, leaves this week and the next as planned', () => {
    const source = tempPace(tempDir());
    const target = tempPace(tempDir());
    expect(source.run(['init', '--pem', 'no'], { PACE_TODAY: '2026-11-09' }).status).toBe(0);
    for (const date of ['2026-11-09', '2026-11-11', '2026-11-13', '2026-11-16', '2026-11-18']) {
      expect(source.run(['log', 'walk', '10', '--date', date], { PACE_TODAY: '2026-11-18' }).status).toBe(0);
    }
    const sessionsOnly = `${target.home}/sessions.json`;
    expect(source.run(['export', '--format', 'json', '--out', sessionsOnly], { PACE_TODAY: '2026-11-18' }).status).toBe(0);
    expect(target.run(['import', sessionsOnly], { PACE_TODAY: '2026-11-18' }).status).toBe(0);
    expect(target.run(['triage', '--symptom', 'joint-swelling'], { PACE_TODAY: '2026-11-19' }).status).toBe(0);
    const planned = (today: string, week: string) => {
      const doc = JSON.parse(target.run(['plan', '--week', week, '--json'], { PACE_TODAY: today }).stdout) as { activities: { activity: string; quota: number | null }[] };
      return doc.activities.find((a) => a.activity === 'walk')?.quota;
    };
    const thisWeek = planned('2026-11-21', '2026-11-21');
    const nextWeek = planned('2026-11-21', '2026-11-28');
    expectRefused(target, ['plan', '--set', 'walk=14', '--week', '2026-11-21', '--yes'], /^pace: --set walk=14: the plan is on hold since Thu 19 Nov/);

    // The same setting made where no hold was open, two days after the hold opened here.
    expect(source.run(['plan', '--set', 'walk=14', '--week', '2026-11-21', '--yes'], TODAY).status).toBe(0);
    expect(source.run(['plan', '--set', 'walk=14', '--week', '2026-11-28', '--yes'], TODAY).status).toBe(0);
    const backup = `${target.home}/backup.json`;
    expect(source.run(['export', '--format', 'json', '--out', backup], TODAY).status).toBe(0);
    expect(target.run(['import', backup], TODAY).status).toBe(0);
    expect([planned('2026-11-21', '2026-11-21'), planned('2026-11-21', '2026-11-28')]).toEqual([thisWeek, nextWeek]);
    const status = JSON.parse(target.run(['status', '--json'], TODAY).stdout) as { this_week: { activities: { quota: number | null }[] } };
    expect(status.this_week.activities[0]?.quota).toBe(thisWeek);
  });
});
