import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarOf, skippedTimes } from '../../src/core/calendar.js';
import type { ActivityPlan, WeekPlan } from '../../src/core/coach/types.js';
import { planSessions, type Schedule } from '../../src/core/days.js';
import type { IsoDate } from '../../src/core/types.js';
import { icsText } from '../../src/ui/calendar.js';

// D3: the calendar is read back by an independent iCalendar parser (ical.js).

const walk: ActivityPlan = {
  activity: 'walk',
  unit: 'min',
  category: 'aerobic',
  quota: 11,
  sessionsPerWeek: 3,
  change: 'increase',
  reason: { rule: 'Q2', kind: 'completed', from: 10, to: 11, done: 3, planned: 3 },
  flareDayDose: 5.5,
  offer: null,
};
const stretch: ActivityPlan = { ...walk, activity: 'tai chi, gentle', category: 'mind-body', quota: 20, sessionsPerWeek: 2, flareDayDose: 10 };

/** The week of 2 March 2026: daylight saving starts in the US on Sunday 8 March. */
function week(over: Partial<WeekPlan> = {}, weekStart = '2026-03-02' as IsoDate): WeekPlan {
  return { weekStart, programWeek: 5, phase: 3, mode: 'graded', paused: false, hold: null, activities: [walk, stretch], suggestion: null, ...over };
}

function ics(plan: WeekPlan, schedules: Schedule[] = [], remind = 10, now = '2026-03-01T10:00:00.000Z'): string {
  return icsText(calendarOf(plan, planSessions(plan, schedules, '09:00'), remind), now);
}

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const start = v.getFirstProperty('dtstart')!;
    const alarm = v.getFirstSubcomponent('valarm');
    return {
      uid: e.uid,
      title: e.summary,
      description: e.description,
      start: e.startDate.toString(),
      floating: e.startDate.zone === ICAL.Timezone.localTimezone && start.getParameter('tzid') === undefined,
      minutes: e.duration.toSeconds() / 60,
      trigger: alarm ? alarm.getFirstPropertyValue('trigger')!.toString() : null,
      reminder: alarm ? (alarm.getFirstPropertyValue('description') as string) : null,
    };
  });
}

const SCHEDULES: Schedule[] = [{ activity: 'walk', days: [1, 3, 6], time: '07:30' }];

describe('D3: the calendar, read back by ical.js', () => {
  it('D3: a reminder says the title as it is, a comma, a semicolon and a backslash included', () => {
    const odd = { ...stretch, activity: 'neck\\nroll; side, gentle' };
    const got = events(ics(week({ activities: [odd] })));
    expect(got.map((e) => [e.title, e.reminder])).toContainEqual(['neck\\nroll; side, gentle 20 min', 'neck\\nroll; side, gentle 20 min']);
    expect(got.every((e) => e.reminder === e.title)).toBe(true);
  });

  it('D3: one event per planned session, at its local time, floating, with the quota in the title', () => {
    const got = events(ics(week(), SCHEDULES));
    expect(got).toHaveLength(5);
    expect(got.map((e) => [e.title, e.start])).toEqual([
      ['tai chi, gentle 20 min', '2026-03-02T09:00:00'],
      ['walk 11 min', '2026-03-03T07:30:00'],
      ['walk 11 min', '2026-03-05T07:30:00'],
      ['tai chi, gentle 20 min', '2026-03-05T09:00:00'],
      ['walk 11 min', '2026-03-08T07:30:00'],
    ]);
    expect(got.every((e) => e.floating)).toBe(true);
    expect(got.find((e) => e.title === 'walk 11 min')?.minutes).toBe(11);
  });

  it('D3: the reason and the flare-day dose are in the description', () => {
    const [first] = events(ics(week(), SCHEDULES));
    expect(first?.description).toMatch(/^Completed .*\./);
    expect(first?.description).toContain('On a bad day, do less rather than nothing: 10 min (half the quota).');
  });

  it('D3: a reminder 10 minutes before by default, another lead when asked, none at 0', () => {
    expect(events(ics(week())).map((e) => e.trigger)).toEqual(Array(5).fill('-PT10M'));
    expect(events(ics(week(), [], 25)).map((e) => e.trigger)).toEqual(Array(5).fill('-PT25M'));
    expect(events(ics(week(), [], 0)).map((e) => e.trigger)).toEqual(Array(5).fill(null));
  });

  it('D3: UIDs are unique, and the same for the same week, activity and session in a later export', () => {
    const first = events(ics(week(), SCHEDULES));
    const uids = first.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    // The plan changed (a bigger quota, other days) and was exported a day later: the same sessions, so the same UIDs.
    const later = events(ics(week({ activities: [{ ...walk, quota: 12 }, stretch] }), [], 10, '2026-03-02T10:00:00.000Z'));
    expect(later.map((e) => e.uid).sort()).toEqual([...uids].sort());
    expect(later.find((e) => e.uid === first[1]!.uid)?.title).toBe('walk 12 min');
    // Another week: other UIDs.
    const next = events(ics(week({}, '2026-03-09' as IsoDate), SCHEDULES));
    expect(next.some((e) => uids.includes(e.uid))).toBe(false);
  });

  it('D3: a later export has a higher SEQUENCE, so calendar apps take it as the newer version', () => {
    const seq = (text: string) => new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence') as unknown as number;
    expect(seq(ics(week(), [], 10, '2026-03-02T10:00:00.000Z'))).toBeGreaterThan(seq(ics(week(), [], 10, '2026-03-01T10:00:00.000Z')));
    // Seen: an export, then `plan --set`, then an export again within the minute had the same
    // SEQUENCE, which an app may take for the version it already has.
    expect(seq(ics(week(), [], 10, '2026-03-02T10:00:05.000Z'))).toBeGreaterThan(seq(ics(week(), [], 10, '2026-03-02T10:00:00.000Z')));
    // And no lower than the minutes since 1970 that exports before this change gave.
    expect(seq(ics(week(), [], 10, '2026-12-07T10:00:00.000Z'))).toBeGreaterThan(Math.floor(Date.parse('2026-12-07T10:00:00.000Z') / 60_000));
  });

  it('D3/T3: a paused plan writes a calendar with no events', () => {
    const paused = week({ paused: true, hold: { kind: 'stop', since: '2026-02-27' as IsoDate, symptoms: ['chest-pain'] }, activities: [{ ...walk, quota: null, sessionsPerWeek: 0, change: 'paused' }] });
    const text = ics(paused, SCHEDULES);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(new ICAL.Component(ICAL.parse(text)).name).toBe('vcalendar');
    expect(events(text)).toEqual([]);
  });

  it('D3/T2: a held plan keeps its sessions and says so in each description', () => {
    const held = week({ hold: { kind: 'assess', since: '2026-02-27' as IsoDate, symptoms: ['new-numbness'] } });
    const got = events(ics(held, SCHEDULES));
    expect(got).toHaveLength(5);
    for (const e of got) expect(e.description).toContain('The plan is on hold since Fri 27 Feb: no increases until you have been assessed.');
  });

  it('D3/T2/F3: a held plan asks for care, never "do less rather than nothing", beside a warning sign not yet assessed', () => {
    const held = week({ hold: { kind: 'assess', since: '2026-02-27' as IsoDate, symptoms: ['new-radiation'] } });
    for (const e of events(ics(held, SCHEDULES))) {
      expect(e.description).toContain('If the warning sign comes back, stop and contact your physiotherapist or doctor.');
      expect(e.description).not.toContain('do less rather than nothing');
    }
  });

  it.each(['America/Los_Angeles', 'Pacific/Auckland', 'UTC'])('D3: sessions stay at 07:30 across a daylight-saving change, whatever TZ=%s', (tz) => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = tz;
      // US clocks change on 8 March 2026, New Zealand's on 5 April 2026.
      for (const monday of ['2026-03-02', '2026-03-30'] as IsoDate[]) {
        const daily: Schedule[] = [{ activity: 'walk', days: [0, 1, 2, 3, 4, 5, 6], time: '07:30' }];
        const plan = week({ activities: [{ ...walk, sessionsPerWeek: 7 }] }, monday);
        const got = events(ics(plan, daily));
        expect(got.map((e) => e.start.slice(10))).toEqual(Array(7).fill('T07:30:00'));
        expect(got.every((e) => e.floating)).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('D3: a session at a time the clocks skip is found by the clock given, with the time it shows instead', () => {
    const daily: Schedule[] = [{ activity: 'walk', days: [0, 1, 2, 3, 4, 5, 6], time: '01:30' }];
    const plan = week({ activities: [{ ...walk, sessionsPerWeek: 7 }] }, '2026-03-23' as IsoDate);
    // London's clocks go from 1:00 to 2:00 on Sunday 29 March 2026.
    const london = (date: IsoDate, time: string) => (date === '2026-03-29' && time >= '01:00' && time < '02:00' ? `0${Number(time.slice(1, 2)) + 1}${time.slice(2)}` : time);
    const calendar = calendarOf(plan, planSessions(plan, daily, '09:00'), 10);
    expect(skippedTimes(calendar, london)).toEqual([{ date: '2026-03-29', time: '01:30', shown: '02:30', activity: 'walk' }]);
    expect(skippedTimes(calendar, (_d, t) => t)).toEqual([]);
  });

  it('lines are folded by octets, not characters, and never inside a character: names in other scripts read back whole', () => {
    const long = { ...stretch, activity: 'ç'.repeat(39) };
    const han = { ...stretch, activity: '太极拳'.repeat(8) };
    const text = ics(week({ activities: [long, han] }));
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(events(text).map((e) => [e.title, e.reminder])).toContainEqual([`${'ç'.repeat(39)} 20 min`, `${'ç'.repeat(39)} 20 min`]);
    expect(events(text).map((e) => e.title)).toContain(`${'太极拳'.repeat(8)} 20 min`);
  });

  it('long descriptions are folded at 75 octets and commas and semicolons escaped', () => {
    const text = ics(week(), SCHEDULES);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('SUMMARY:tai chi\\, gentle 20 min');
  });
});
