import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, lines, type TempPace } from '../helpers/pace.js';
import { importRows, json, sundayOf, times, walks } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// D3 in the weeks the clocks change, as the person's zone (TZ) has them: the file holds the plan's
// wall-clock times, floating (no zone), and a time the clocks skip that night is named on stderr,
// since every calendar app moves it on by the hour skipped (RFC 5545 3.3.5), away from the plan.

const START = '2026-01-05';
const SUNDAY = sundayOf(START, 2);

function walker(at: string): TempPace {
  const pace = answeredPace();
  importRows(pace, walks(START, times(3, 10), times(3, 10)), SUNDAY);
  expect(pace.run(['schedule', 'walk', 'tue,thu,sun', '--at', at], { PACE_TODAY: SUNDAY }).status).toBe(0);
  return pace;
}

function starts(text: string): { start: string; floating: boolean }[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const dtstart = v.getFirstProperty('dtstart')!;
    return { start: String(dtstart.getFirstValue()), floating: dtstart.getParameter('tzid') === undefined && !String(dtstart.getFirstValue()).endsWith('Z') };
  });
}

describe('pace plan --ics in a week the clocks change (D1, D3)', () => {
  it.each([
    // Europe/London goes forward on Sun 29 Mar 2026 at 1:00, New York back on Sun 1 Nov 2026 at 2:00.
    ['Europe/London', '2026-03-23', '2026-03-29'],
    ['America/New_York', '2026-10-26', '2026-11-01'],
  ])('D3: in %s the calendar holds the plan\'s days and times, 8:00 every day, with no zone to shift them', (TZ, week, change) => {
    const pace = walker('08:00');
    const r = pace.run(['plan', '--ics', '-', '--week', week], { PACE_TODAY: SUNDAY, TZ });
    expect(r.status, r.stderr).toBe(0);
    const plan = json<{ activities: { sessions: { date: string; time: string }[] }[] }>(pace, ['plan', '--week', week], SUNDAY);
    const planned = plan.activities[0]!.sessions.map((s) => `${s.date}T${s.time}:00`);
    expect(planned).toContain(`${change}T08:00:00`);
    const got = starts(r.stdout);
    expect(got.map((e) => e.start)).toEqual(planned);
    expect(got.every((e) => e.floating)).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('D3: a session at a time the clocks skip is named, with the time calendar apps will show; one the clocks pass twice is not', () => {
    const pace = walker('01:30');
    const london = pace.run(['plan', '--ics', '-', '--week', '2026-03-23'], { PACE_TODAY: SUNDAY, TZ: 'Europe/London' });
    expect(london.status, london.stderr).toBe(0);
    // The file keeps the plan's time: it is each app that moves it.
    expect(starts(london.stdout).map((e) => e.start)).toContain('2026-03-29T01:30:00');
    expect(lines(london.stderr)).toEqual(['Sun 29 Mar 2026: the clocks go forward and skip 1:30, so calendar apps will show that walk at 2:30.']);
    // The same plan in Los Angeles, whose clocks changed on 8 March: nothing to say.
    expect(pace.run(['plan', '--ics', '-', '--week', '2026-03-23'], { PACE_TODAY: SUNDAY, TZ: 'America/Los_Angeles' }).stderr).toBe('');
    // 1:30 happens twice in New York on Sun 1 Nov: the apps take the first, the plan's time.
    expect(pace.run(['plan', '--ics', '-', '--week', '2026-10-26'], { PACE_TODAY: SUNDAY, TZ: 'America/New_York' }).stderr).toBe('');
  });
});
