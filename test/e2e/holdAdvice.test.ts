import { afterAll, describe, expect, it } from 'vitest';
import { tempPace, type TempPace } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const CARRY_ON = /carry on with your plan|will not increase/i;
const F3_DOSE = /do less rather than nothing/;

function ok(pace: TempPace, args: string[], today: string): string {
  const r = pace.run(args, { PACE_TODAY: today });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** Walks on the week of 5 Jan and 12 Jan 2026 (so that week has a quota), and a pause opened on Mon 19 Jan. */
function pausedJournal(): TempPace {
  const pace = tempPace(tempDir());
  ok(pace, ['init', '--pem', 'no'], '2026-01-05');
  for (const d of ['05', '06', '07', '08', '12', '13', '14']) ok(pace, ['log', 'walk', '10'], `2026-01-${d}`);
  ok(pace, ['triage', '--symptom', 'dizziness'], '2026-01-19');
  return pace;
}

describe('T2, T3: while a pause is open, no advice says the plan carries on', () => {
  it('T3 (seen): continue symptoms logged during an open pause say the plan stays paused, not "carry on"', () => {
    const out = ok(pausedJournal(), ['log', 'walk', '5', '--symptom', 'muscle-fatigue'], '2026-01-20');
    expect(out).not.toMatch(CARRY_ON);
    expect(out).toMatch(/stays paused until/);
  });

  it('T3, F3 (seen): a back-dated flare into the week before the pause gets no flare-day dose, no "counts", no boom', () => {
    const out = ok(pausedJournal(), ['log', 'walk', '20', '--date', '2026-01-16', '--pain-before', '1', '--pain-after', '6'], '2026-01-20');
    expect(out).toMatch(/This counts as a flare/);
    expect(out).not.toMatch(F3_DOSE);
    expect(out).not.toMatch(/counts toward your plan|Careful:/);
    expect(out).toMatch(/paused/);
  });

  it('T3 (seen): an assess sign during an open pause is not told the plan "will not increase"', () => {
    const out = ok(pausedJournal(), ['triage', '--symptom', 'joint-swelling'], '2026-01-20');
    expect(out).not.toMatch(CARRY_ON);
    expect(out).toMatch(/stays paused/);
  });

  it('T3, F2: --settled no during an open pause: the day is a flare, but no hold is said to open and no "will not increase"', () => {
    const pace = pausedJournal();
    ok(pace, ['log', 'walk', '5'], '2026-01-20');
    const out = ok(pace, ['log', '--settled', 'no'], '2026-01-21');
    expect(out).not.toMatch(/a hold opens/);
    expect(out).not.toMatch(CARRY_ON);
    expect(out).toMatch(/stays paused/);
  });
});

describe('T3: a log says once that the plan is paused', () => {
  const times = (text: string) => text.match(/paused until/g)?.length ?? 0;

  it('T3 (seen): a stop sign logged: the advice says the plan is paused, and no second line says it again', () => {
    const out = ok(tempPace(tempDir()), ['log', 'walk', '10', '--symptom', 'chest-pain'], '2026-03-03');
    expect(out).toMatch(/^STOP NOW\./);
    expect(times(out)).toBe(1);
  });

  it('T3 (seen): continue symptoms logged during a pause: "stays paused" once, not followed by "is paused"', () => {
    const out = ok(pausedJournal(), ['log', 'walk', '5', '--symptom', 'muscle-fatigue'], '2026-01-20');
    expect(out).toMatch(/stays paused until/);
    expect(times(out)).toBe(1);
  });

  it('T3: a session with no symptom logged during a pause still says the plan is paused', () => {
    const out = ok(pausedJournal(), ['log', 'walk', '5'], '2026-01-20');
    expect(times(out)).toBe(1);
  });
});

describe('T3: while a pause is open, no view invites a session', () => {
  it('T3 (seen): a stop sign before the first session: plan and status say PLAN PAUSED and do not ask for a first session', () => {
    const pace = tempPace(tempDir());
    ok(pace, ['init', '--pem', 'no'], '2026-03-02');
    ok(pace, ['triage', '--symptom', 'dizziness'], '2026-03-04');
    for (const args of [['plan'], ['status']]) {
      const out = ok(pace, args, '2026-03-04');
      expect(out, args[0]).toMatch(/PLAN PAUSED/);
      // Before: "Log a comfortable session, for example: pace log walk 10" under PLAN PAUSED.
      expect(out, args[0]).not.toMatch(/pace log|log a comfortable session|after your first session/i);
    }
  });

  it('T3 (seen): a pause in week 1, this week asked for: no "Log a comfortable session"', () => {
    const pace = tempPace(tempDir());
    ok(pace, ['init', '--pem', 'no'], '2026-03-02');
    ok(pace, ['log', 'walk', '10'], '2026-03-02');
    ok(pace, ['triage', '--symptom', 'chest-pain'], '2026-03-03');
    const out = ok(pace, ['plan', '--week', '2026-03-03'], '2026-03-03');
    expect(out).toMatch(/PLAN PAUSED/);
    expect(out).not.toMatch(/pace log|comfortable session/i);
  });

  it('T3 (seen): a start date ahead and a pause: status does not ask for a session sooner', () => {
    const pace = tempPace(tempDir());
    ok(pace, ['init', '--pem', 'no', '--start', '2026-03-16'], '2026-03-02');
    ok(pace, ['triage', '--symptom', 'irregular-heartbeat'], '2026-03-04');
    const out = ok(pace, ['status'], '2026-03-04');
    expect(out).toMatch(/PLAN PAUSED/);
    expect(out).toMatch(/Your program starts on/);
    expect(out).not.toMatch(/pace log|log sooner/i);
  });

  it('the same views with no pause still show the way to a first session', () => {
    const pace = tempPace(tempDir());
    ok(pace, ['init', '--pem', 'no'], '2026-03-02');
    expect(ok(pace, ['plan'], '2026-03-04')).toMatch(/pace log walk 10/);
    expect(ok(pace, ['status'], '2026-03-04')).toMatch(/pace log/);
  });
});

describe('T4: triage names the session it joins in a short date, as every other line does', () => {
  it('T4 (seen): "Recorded with your walk session of Mon 5 Jan", not an ISO date', () => {
    const out = ok(pausedJournal(), ['triage', '--symptom', 'muscle-fatigue', '--session', '1'], '2026-01-20');
    expect(out).toMatch(/Recorded with your walk session of Mon 5 Jan \(session 1\)/);
    expect(out).not.toMatch(/2026-01-05/);
  });
});

describe('T2, F3: the advice to stop or ease off and be assessed stands alone', () => {
  it('T2, F3 (seen): new-radiation gets the T2 advice and no "do less rather than nothing" dose', () => {
    const pace = tempPace(tempDir());
    const out = ok(pace, ['log', 'walk', '10', '--symptom', 'new-radiation'], '2026-11-21');
    expect(out).toMatch(/talk to your physiotherapist or doctor/);
    expect(out).not.toMatch(F3_DOSE);
    const json = JSON.parse(ok(tempPace(tempDir()), ['log', 'walk', '10', '--symptom', 'joint-swelling', '--json'], '2026-11-21'));
    expect(json.response).toMatchObject({ kind: 'flare', flare_day: null });
  });

  it('T2: who assesses is named as the hold names it, in the advice and in --help: a physiotherapist or doctor, never "a physician" alone', () => {
    const pace = tempPace(tempDir());
    for (const args of [['--help'], ['triage', '--help']]) expect(pace.run(args).stdout, args.join(' ')).not.toMatch(/physician/i);
    const out = ok(pace, ['triage', '--symptom', 'joint-swelling'], '2026-11-21');
    expect(out).not.toMatch(/physician/i);
    expect(out).toMatch(/physiotherapist or doctor/);
  });

  it('F3: a flare by pain rise keeps its flare-day dose', () => {
    const out = ok(tempPace(tempDir()), ['log', 'walk', '10', '--pain-before', '1', '--pain-after', '6'], '2026-11-21');
    expect(out).toMatch(F3_DOSE);
  });
});

describe('F3: status shows the flare-day dose only while the flare is recent', () => {
  it('F3 (seen): the day after a flare status gives the dose; seven weeks later it does not', () => {
    const pace = tempPace(tempDir());
    ok(pace, ['init', '--pem', 'no'], '2026-01-05');
    ok(pace, ['log', 'walk', '10', '--pain-before', '1', '--pain-after', '6'], '2026-01-05');
    expect(ok(pace, ['status'], '2026-01-06')).toMatch(F3_DOSE);
    expect(ok(pace, ['status'], '2026-01-07')).not.toMatch(F3_DOSE);
    const json = JSON.parse(ok(pace, ['status', '--json'], '2026-02-23'));
    expect(json.flare_day).toBeNull();
  });
});

describe('T2: a session logged while a hold is open says the hold, once', () => {
  // Seen: after "pain still raised more than a day after exercise", the next walk was logged with
  // "an expected response" and nothing else: the hold, and what to do about it, only in status.
  function heldJournal(): TempPace {
    const pace = tempPace(tempDir());
    ok(pace, ['init', '--pem', 'no'], '2026-01-05');
    for (const d of ['05', '07', '09']) ok(pace, ['log', 'walk', '10'], `2026-01-${d}`);
    ok(pace, ['triage', '--symptom', 'pain-over-24h'], '2026-01-12');
    return pace;
  }
  const HELD = /^Your plan is on hold since Mon 12 Jan \(pain-over-24h\): ease off rather than build up until it has been checked\.\nOnce a physiotherapist or doctor has checked it, run: pace triage --cleared$/m;

  it('in words after the session, and as `hold` in --json', () => {
    const pace = heldJournal();
    expect(ok(pace, ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '3'], '2026-01-13')).toMatch(HELD);
    const json = JSON.parse(ok(pace, ['log', 'walk', '10', '--json'], '2026-01-14')) as { hold: unknown };
    expect(json.hold).toEqual({ kind: 'assess', since: '2026-01-12', symptoms: ['pain-over-24h'] });
  });

  it('not once cleared, and not beside the advice of a sign that opens or meets it again', () => {
    const pace = heldJournal();
    expect(ok(pace, ['log', 'walk', '10', '--symptom', 'joint-swelling'], '2026-01-13')).not.toMatch(/^Your plan is on hold since/m);
    // A usual sign's advice says the hold stays: said once, not twice.
    const usual = ok(pace, ['log', 'walk', '10', '--symptom', 'muscle-fatigue'], '2026-01-13');
    expect(usual).toMatch(/stays on hold until/);
    expect(usual).not.toMatch(/^Your plan is on hold since/m);
    ok(pace, ['triage', '--cleared'], '2026-01-14');
    expect(ok(pace, ['log', 'walk', '10'], '2026-01-15')).not.toMatch(/on hold/);
    expect((JSON.parse(ok(pace, ['log', 'walk', '10', '--json'], '2026-01-16')) as { hold: unknown }).hold).toBeNull();
  });
});
