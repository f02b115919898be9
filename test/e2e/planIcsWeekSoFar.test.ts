import { afterAll, describe, expect, it } from 'vitest';
import { addDays, importRows, mondayOf, times, walks } from '../helpers/history.js';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// D1-D3: the week in progress, exported to a calendar, holds no more sessions than status asks for:
// the plan's count less the sessions already done, on the planned days from today on.

const START = '2026-01-05';
const MON = mondayOf(START, 3); // Mon 19 Jan, program week 3: 3 x 11 min
const TUE = addDays(MON, 1);

/** Two baseline weeks of 3 x 10 min, and days Mon, Wed, Fri at 8:00, set on the Sunday before week 3. */
function baseline(): TempPace {
  const pace = answeredPace();
  importRows(pace, walks(START, times(3, 10), times(3, 10)), addDays(MON, -1));
  expect(pace.run(['schedule', 'walk', 'mon,wed,fri', '--at', '08:00'], { PACE_TODAY: addDays(MON, -1) }).status).toBe(0);
  return pace;
}

const walked = (pace: TempPace, date: string, today = date) => {
  const r = pace.run(['log', 'walk', '11', '--date', date, '--pain-before', '3', '--pain-after', '3', '--no-input'], { PACE_TODAY: today });
  expect(r.status, r.stderr).toBe(0);
};

/** The same, with this Monday's walk done. */
function mondayDone(): TempPace {
  const pace = baseline();
  walked(pace, MON);
  return pace;
}

/** The DTSTART lines of the week's calendar, written to standard output. */
function starts(pace: TempPace, today: string, week: string): string[] {
  const r = pace.run(['plan', '--ics', '-', '--week', week], { PACE_TODAY: today });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split(/\r\n/).filter((l) => l.startsWith('DTSTART'));
}

describe('plan --ics for the week in progress (D1-D3)', () => {
  it('days changed after a walk is done: the calendar holds the two still owed, not three more', () => {
    const pace = mondayDone();
    expect(pace.run(['schedule', 'walk', 'tue,thu,sat'], { PACE_TODAY: TUE }).status).toBe(0);
    // Seen: Tue, Thu and Sat, four walks in the week with Monday's.
    expect(starts(pace, TUE, TUE)).toEqual(['DTSTART:20260119T080000', 'DTSTART:20260120T080000', 'DTSTART:20260122T080000']);
    expect(pace.run(['status'], { PACE_TODAY: TUE }).stdout).toContain('Planned today: walk 11 min at 8:00 (still to do).');
    // Tuesday and Thursday done: Saturday is owed neither in status nor in a new export.
    walked(pace, TUE);
    const sat = addDays(MON, 5);
    walked(pace, addDays(MON, 3), sat);
    expect(pace.run(['status'], { PACE_TODAY: sat }).stdout).not.toContain('Planned today');
    expect(starts(pace, sat, sat)).toEqual(['DTSTART:20260119T080000', 'DTSTART:20260120T080000', 'DTSTART:20260122T080000']);
  });

  it('the calendar exported after the change is in step; the one before it is a move', () => {
    const pace = mondayDone();
    expect(pace.run(['plan', '--ics', '-', '--week', MON], { PACE_TODAY: MON }).status).toBe(0);
    expect(pace.run(['schedule', 'walk', 'tue,thu,sat'], { PACE_TODAY: TUE }).status).toBe(0);
    const before = pace.run(['status'], { PACE_TODAY: TUE, COLUMNS: '200' }).stdout;
    expect(before).toContain('  walk: 3 x 11 min, now on other days or at other times');
    starts(pace, TUE, TUE);
    expect(pace.run(['status'], { PACE_TODAY: TUE }).stdout).not.toMatch(/calendar/);
    // Walked Tuesday and Thursday: nothing left to change, nothing to say.
    walked(pace, TUE);
    const fri = addDays(MON, 4);
    walked(pace, addDays(MON, 3), fri);
    expect(pace.run(['status'], { PACE_TODAY: fri }).stdout).not.toMatch(/calendar/);
  });

  it('done early against a calendar exported before the week: no nagging for the session no longer owed', () => {
    const pace = baseline();
    expect(pace.run(['plan', '--ics', '-'], { PACE_TODAY: addDays(MON, -1) }).status).toBe(0);
    for (const day of [0, 1, 2]) walked(pace, addDays(MON, day));
    // Friday's event stays in the calendar app, past the week's three: status asks for nothing.
    const status = pace.run(['status'], { PACE_TODAY: addDays(MON, 3) }).stdout;
    expect(status).not.toContain('Planned today');
    expect(status).not.toMatch(/calendar/);
  });

  it('a missed Monday made up on the Tuesday: the calendar of the week still matches, nothing to say', () => {
    const pace = baseline();
    expect(pace.run(['plan', '--ics', '-'], { PACE_TODAY: addDays(MON, -1) }).status).toBe(0);
    const r = pace.run(['log', 'walk', '11', '--pain-before', '3', '--pain-after', '3', '--no-input'], { PACE_TODAY: TUE });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/calendar/);
    expect(pace.run(['status'], { PACE_TODAY: TUE }).stdout).not.toMatch(/calendar/);
  });

  it('a calendar that differs from the days plan shows says so, and names what is still to do', () => {
    // Seen on the Wednesday, Monday's walk done and a walk made up on the Tuesday: "When: walk:
    // Mon 8:00, Wed 8:00, Fri 8:00" and "Wrote 3 sessions", while the calendar held Mon, Tue and
    // Wed, and no Friday: nothing said why the calendar app showed other days than the plan.
    const pace = mondayDone();
    walked(pace, TUE);
    const wed = addDays(MON, 2);
    const r = pace.run(['plan', '--week', wed, '--ics', 'week.ics'], { PACE_TODAY: wed, COLUMNS: '200' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('walk: Mon 8:00, Wed 8:00, Fri 8:00');
    expect(r.stderr).toContain('This week is under way: the calendar holds the sessions before today as they stand, and from today on only the 1 still to do (walk Wed 8:00).');
    // Exported once the week is over, it is not said to be under way.
    const after = pace.run(['plan', '--week', wed, '--ics', 'over.ics'], { PACE_TODAY: addDays(wed, 7), COLUMNS: '200' });
    expect(after.status, after.stderr).toBe(0);
    expect(after.stderr).not.toContain('under way');
    expect(after.stderr).toContain('That week is over: the calendar holds its sessions on the days they were done, and the days missed as planned.');
    // Exported before the week began, the calendar is the plan's days: nothing more to say.
    const before = pace.run(['plan', '--ics', 'next.ics'], { PACE_TODAY: addDays(MON, -1), COLUMNS: '200' });
    expect(before.status, before.stderr).toBe(0);
    expect(before.stderr).not.toContain('under way');
  });

  it('a week exported before it began is the whole plan on the planned days', () => {
    const pace = mondayDone();
    expect(starts(pace, addDays(MON, -1), MON)).toEqual(['DTSTART:20260119T080000', 'DTSTART:20260121T080000', 'DTSTART:20260123T080000']);
    const next = addDays(MON, 7);
    expect(starts(pace, TUE, next)).toEqual(['DTSTART:20260126T080000', 'DTSTART:20260128T080000', 'DTSTART:20260130T080000']);
  });
});
