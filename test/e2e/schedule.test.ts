import ICAL from 'ical.js';
import { lstatSync, mkdirSync, readFileSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, lines, stackLines, tempPace, type TempPace } from '../helpers/pace.js';
import { importRows, json, planOn, sundayOf, times, walks } from '../helpers/history.js';
import { fileHash, modeOf, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// The done-when, as a new user would: walk on Tue, Thu and Sat at 07:30, the week in a
// calendar with three reminders at 07:20, and a re-export that replaces rather than doubles.

const START = '2026-01-05'; // Monday of program week 1
const SUNDAY = sundayOf(START, 2); // the plan for week 3, from 19 January

interface Sessions {
  activities: { activity: string; quota: number; sessions_per_week: number; sessions: { date: string; time: string }[]; days_from: string }[];
}

function walker(): TempPace {
  const pace = answeredPace();
  importRows(pace, walks(START, times(3, 10), times(3, 10)), SUNDAY);
  return pace;
}

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const alarm = v.getFirstSubcomponent('valarm');
    const trigger = alarm ? ICAL.Duration.fromString(String(alarm.getFirstPropertyValue('trigger'))).toSeconds() / 60 : null;
    const start = e.startDate;
    const reminder = trigger === null ? null : start.clone();
    if (reminder && trigger !== null) reminder.addDuration(ICAL.Duration.fromSeconds(trigger * 60));
    return { uid: e.uid, title: e.summary, description: e.description, start: start.toString(), zone: v.getFirstProperty('dtstart')!.getParameter('tzid') ?? 'floating', reminder: reminder?.toString().slice(11, 16) ?? null };
  });
}

describe('pace schedule and the plan on its days (D1, D2)', () => {
  it('D1: new days without --at keep the time the activity already has; --at changes it', () => {
    // Seen: walk at 07:30, then pace schedule walk mon,fri moved it to 9:00 (the default time).
    const pace = walker();
    expect(pace.run(['schedule', 'walk', 'tue,thu', '--at', '07:30'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    const moved = pace.run(['schedule', 'walk', 'mon,fri'], { PACE_TODAY: SUNDAY });
    expect(lines(moved.stdout)[0]).toBe('walk: Mon 7:30, Fri 7:30.');
    expect(json(pace, ['schedule'], SUNDAY)).toMatchObject({ schedules: [{ activity: 'walk', days: ['mon', 'fri'], time: '07:30' }] });
    expect(lines(pace.run(['schedule', 'walk', 'mon,fri', '--at', '18:00'], { PACE_TODAY: SUNDAY }).stdout)[0]).toBe('walk: Mon 18:00, Fri 18:00.');
  });

  it('D2: fewer days than the plan has sessions: schedule says which days the plan adds, as plan shows them', () => {
    // Seen: pace schedule walk sat said only "walk: Sat 9:00 (the default time).", and the plan
    // then put walks on Tue and Thu too, which the person had not chosen.
    const pace = walker();
    const set = pace.run(['schedule', 'walk', 'sat'], { PACE_TODAY: SUNDAY });
    expect(set.status, set.stderr).toBe(0);
    expect(lines(set.stdout)).toEqual([
      'walk: Sat 9:00 (the default time).',
      'The plan for the week of Mon 19 Jan has 3 walk sessions: Tue 9:00, Thu 9:00, Sat 9:00 (your days, with Tue, Thu added).',
    ]);
    expect(pace.run(['plan'], { PACE_TODAY: SUNDAY }).stdout).toContain('walk: Tue 9:00, Thu 9:00, Sat 9:00 (your days, with Tue, Thu added for the 3 sessions planned)');
    // Days enough for the plan: nothing more is said.
    expect(lines(pace.run(['schedule', 'walk', 'tue,thu,sat'], { PACE_TODAY: SUNDAY }).stdout)).toEqual(['walk: Tue 9:00, Thu 9:00, Sat 9:00 (the default time).']);
  });

  it('D2: --json says the days the plan adds as the words do, and null when the days are enough', () => {
    const pace = walker();
    expect(json(pace, ['schedule', 'walk', 'sat'], SUNDAY)).toMatchObject({
      schedule: { activity: 'walk', days: ['sat'] },
      plan: {
        week_start: '2026-01-19',
        sessions_per_week: 3,
        sessions: [{ date: '2026-01-20', time: '09:00' }, { date: '2026-01-22', time: '09:00' }, { date: '2026-01-24', time: '09:00' }],
        added_days: ['tue', 'thu'],
      },
    });
    expect(json(pace, ['schedule', 'walk', 'tue,thu,sat'], SUNDAY)).toMatchObject({ plan: null });
  });

  it('D1: walk on Tue, Thu and Sat at 07:30 puts the plan\'s sessions on those days', () => {
    const pace = walker();
    const set = pace.run(['schedule', 'walk', 'tue,thu,sat', '--at', '07:30'], { PACE_TODAY: SUNDAY });
    expect(set.status).toBe(0);
    expect(set.stdout).toBe('walk: Tue 7:30, Thu 7:30, Sat 7:30.\n');
    expect(json(pace, ['schedule'], SUNDAY)).toEqual({ schedules: [{ activity: 'walk', days: ['tue', 'thu', 'sat'], time: '07:30' }], default_time: '09:00' });

    const walk = json<Sessions>(pace, ['plan'], SUNDAY).activities[0]!;
    expect([walk.quota, walk.sessions_per_week, walk.days_from]).toEqual([11, 3, 'schedule']);
    expect(walk.sessions).toEqual([
      { date: '2026-01-20', time: '07:30' },
      { date: '2026-01-22', time: '07:30' },
      { date: '2026-01-24', time: '07:30' },
    ]);
    const plan = pace.run(['plan'], { PACE_TODAY: SUNDAY });
    expect(plan.stdout).toContain('walk: Tue 7:30, Thu 7:30, Sat 7:30\n');
  });

  it('D2: with no days, the plan spreads the sessions at the default time (init --time) and says so', () => {
    const pace = walker();
    expect(pace.run(['init', '--time', '8:15'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    const walk = json<Sessions>(pace, ['plan'], SUNDAY).activities[0]!;
    expect(walk.days_from).toBe('spread');
    expect(walk.sessions).toEqual(['2026-01-19', '2026-01-21', '2026-01-23'].map((date) => ({ date, time: '08:15' })));
    const plan = pace.run(['plan'], { PACE_TODAY: SUNDAY }).stdout;
    expect(plan).toContain('walk: Mon 8:15, Wed 8:15, Fri 8:15 (spread over the week)');
    expect(plan).toContain('pace schedule');
  });

  it('D1: the examples schedule and plan give run as typed: an activity of the journal, or a log first', () => {
    // Seen: a new journal's `pace schedule` suggested `pace schedule walk mon,wed,fri`, which
    // failed ("there is no activity named walk") for someone who had not logged a walk.
    const pace = answeredPace();
    const example = (text: string) => [...text.matchAll(/for example: (pace [^;\n]+?)(?:;|\.?\n|$)/g)].map((m) => m[1]!);
    const runs = (command: string) => {
      const args = [...command.slice('pace '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
      expect(pace.run(args, { PACE_TODAY: SUNDAY }).status, command).toBe(0);
    };
    const fresh = pace.run(['schedule'], { PACE_TODAY: SUNDAY }).stdout;
    expect(example(fresh)).toEqual(['pace log walk 10', 'pace schedule walk mon,wed,fri --at 08:00']);
    // Only the bike is logged: the examples name it, and it is quoted when it is more than a word.
    runs('pace log "stationary bike" 10 --unit min --category aerobic');
    const listed = example(pace.run(['schedule'], { PACE_TODAY: SUNDAY }).stdout);
    const planned = example(pace.run(['plan'], { PACE_TODAY: SUNDAY }).stdout).filter((c) => c.startsWith('pace schedule'));
    expect(listed).toEqual(['pace schedule "stationary bike" mon,wed,fri --at 08:00']);
    expect(planned).toEqual(listed);
    runs(listed[0]!);
  });

  it('weekdays and daily; --clear goes back to the spread', () => {
    const pace = walker();
    expect(pace.run(['schedule', 'walk', 'daily', '--json'], { PACE_TODAY: SUNDAY }).stdout).toContain('"sun"');
    expect(json<Sessions>(pace, ['plan'], SUNDAY).activities[0]!.sessions.map((s) => s.date)).toEqual(['2026-01-19', '2026-01-21', '2026-01-23']);
    expect(pace.run(['schedule', 'walk', 'weekdays'], { PACE_TODAY: SUNDAY }).stdout).toBe('walk: Mon 9:00, Tue 9:00, Wed 9:00, Thu 9:00, Fri 9:00 (the default time).\n');
    // The list writes every time the same way ("9:00", not "09:00" beside "9:00").
    expect(pace.run(['schedule'], { PACE_TODAY: SUNDAY }).stdout).toBe('walk: Mon 9:00, Tue 9:00, Wed 9:00, Thu 9:00, Fri 9:00 (the default time)\nOther activities: spread over the week at 9:00.\n');
    expect(json(pace, ['schedule', 'walk', '--clear'], SUNDAY)).toEqual({ schedule: null, activity: 'walk', cleared: true });
    expect(json(pace, ['schedule'], SUNDAY)).toEqual({ schedules: [], default_time: '09:00' });
    // With no days set, the list writes the time the same way too.
    expect(pace.run(['schedule'], { PACE_TODAY: SUNDAY }).stdout).toMatch(/^No days set yet: the plan spreads sessions over the week at 9:00\.\n/);
    // Clearing again changes nothing, and says so.
    const again = pace.run(['schedule', 'walk', '--clear'], { PACE_TODAY: SUNDAY });
    expect([again.status, again.stdout]).toEqual([0, 'walk had no days of its own.\n']);
  });

  it("T3/D1: a walk logged while the plan was paused leaves Friday's planned walk in status, still to do", () => {
    // Seen: walks on Mon and Tue, a pause that Tuesday, cleared Wednesday, a walk Wednesday.
    // Status said "2 of 3" done, yet on Friday nothing was planned today.
    const pace = walker();
    const on = (day: string, args: string[]) => expect(pace.run(args, { PACE_TODAY: day }).status).toBe(0);
    on('2026-01-19', ['log', 'walk', '11']);
    on('2026-01-20', ['log', 'walk', '11']);
    on('2026-01-20', ['triage', '--symptom', 'dizziness']);
    on('2026-01-21', ['triage', '--cleared']);
    on('2026-01-21', ['log', 'walk', '11']);
    const friday = json<{ this_week: { activities: { sessions_done: number }[] }; today_sessions: unknown[] }>(pace, ['status'], '2026-01-23');
    expect(friday.this_week.activities[0]!.sessions_done).toBe(2);
    expect(friday.today_sessions).toEqual([{ activity: 'walk', unit: 'min', quota: 11, time: '09:00', done: false, flare_day_dose: null }]);
  });

  it.each([
    [['schedule', 'walk', 'mon,funday'], /"funday" is not a day of the week/],
    [['schedule', 'walk', 'mon', '--at', '25:00'], /--at "25:00" is not a time of day/],
    [['schedule', 'swim', 'mon'], /there is no activity named swim/],
    [['schedule', 'walk', ','], /no days given/],
    [['schedule', 'walk'], /give the days for walk/],
    [['schedule', 'walk', 'mon', '--clear'], /--clear takes no days/],
    [['init', '--time', '7pm'], /--time "7pm" is not a time of day/],
    [['plan', '--ics', 'week.ics', '--remind', '-5'], /--remind "-5" is not a whole number of minutes/],
    [['plan', '--remind', '5'], /--remind goes with --ics/],
    [['plan', '--ics', '-', '--json'], /both want standard output/],
    [['plan', '--ics', ''], /--ics needs a file name, or - for standard output/],
    // cli.md: a command that fails writes nothing. The override was saved and the run exited 0
    // ("saved, but the output could not be written"), for a folder that could be checked first.
    [['plan', '--set', 'walk=10', '--ics', 'no-such-folder/week.ics'], /the folder no-such-folder does not exist/],
    [['schedule', '--clear'], /name the activity to schedule/],
    [['schedule', '--at', '08:00'], /name the activity to schedule/],
  ])('bad input: %j exits 2 with a clear line and writes nothing', (args, message) => {
    const pace = walker();
    const before = fileHash(pace.db);
    const r = pace.run(args, { PACE_TODAY: SUNDAY });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stdout).toBe('');
    expect(fileHash(pace.db)).toBe(before);
    expect(existsSync(join(pace.home, 'week.ics'))).toBe(false);
  });
});

describe('pace schedule without an activity (D1)', () => {
  it('D1: --at alone names the person\'s own activity and the way to set the time of every activity without days', () => {
    // Seen: "pace schedule --at 07:00" (wanting every session at seven) was told to schedule a walk.
    const pace = walker();
    const before = fileHash(pace.db);
    const r = pace.run(['schedule', '--at', '7:00'], { PACE_TODAY: SUNDAY });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'pace: name the activity to schedule.',
      '  For example: pace schedule walk mon,wed,fri --at 07:00; for every activity without days of its own: pace init --time 07:00',
    ]);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('D1: --clear alone gives the way to clear an activity the journal has', () => {
    const pace = walker();
    pace.run(['log', 'cycling', '10'], { PACE_TODAY: SUNDAY });
    const r = pace.run(['schedule', '--clear'], { PACE_TODAY: SUNDAY });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)[1]).toMatch(/^  For example: pace schedule cycling --clear$/);
  });

  it('D1: on a journal that cannot be read, the usage error stands (exit 2), with walk as the example', () => {
    const pace = tempPace(tempDir());
    mkdirSync(dirname(pace.db), { recursive: true });
    writeFileSync(pace.db, 'not a journal, but a file of text long enough to be read as one '.repeat(4));
    const r = pace.run(['schedule', '--at', '07:00'], { PACE_TODAY: SUNDAY });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)[0]).toBe('pace: name the activity to schedule.');
    expect(lines(r.stderr)[1]).toMatch(/^ {2}For example: pace schedule walk mon,wed,fri --at 07:00;/);
  });

  it('D1: a bad --at alone is refused as a time, not echoed into the example', () => {
    const pace = walker();
    const r = pace.run(['schedule', '--at', '7pm'], { PACE_TODAY: SUNDAY });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--at "7pm" is not a time of day/);
  });
});

describe('pace plan --ics (D3)', () => {
  it('D3: the line after --ics names the week as every message does (Mon 19 Jan 2026); --json keeps its ISO date', () => {
    // Seen: "Wrote 3 sessions of the week of 2026-01-19 to week.ics", where others say "Mon 19 Jan".
    const pace = walker();
    const json = pace.run(['plan', '--ics', join(pace.home, 'week.ics'), '--json'], { PACE_TODAY: SUNDAY });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).week_start).toBe('2026-01-19');
    const r = pace.run(['plan', '--ics', join(pace.home, 'week.ics')], { PACE_TODAY: SUNDAY });
    expect(r.stdout).toMatch(/^Plan for the week of Mon 19 Jan 2026/);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^Wrote \d sessions of the week of Mon 19 Jan 2026 to .*week\.ics, each with a reminder 10 minutes before\.$/)]);
    expect(r.stderr).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('D3: three sessions at 07:30 with reminders at 07:20, 0600; a re-export replaces them (same UIDs)', () => {
    const pace = walker();
    pace.run(['schedule', 'walk', 'tue,thu,sat', '--at', '07:30'], { PACE_TODAY: SUNDAY });
    const file = join(pace.home, 'week.ics');
    const r = pace.run(['plan', '--ics', file], { PACE_TODAY: SUNDAY });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Wrote 3 sessions of the week of Mon 19 Jan 2026 to ');
    expect(modeOf(lstatSync(file))).toBe(0o600);
    const first = events(readFileSync(file, 'utf8'));
    expect(first.map((e) => [e.title, e.start, e.zone, e.reminder])).toEqual([
      ['walk 11 min', '2026-01-20T07:30:00', 'floating', '07:20'],
      ['walk 11 min', '2026-01-22T07:30:00', 'floating', '07:20'],
      ['walk 11 min', '2026-01-24T07:30:00', 'floating', '07:20'],
    ]);
    expect(first[0]!.description).toContain('On a bad day, do less rather than nothing: 5.5 min (half the quota).');
    expect(new Set(first.map((e) => e.uid)).size).toBe(3);

    // The plan changes (by hand, Q7); the same file, exported again, holds the same sessions.
    expect(pace.run(['plan', '--set', 'walk=12'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    expect(pace.run(['plan', '--ics', file, '--remind', '0'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    const again = events(readFileSync(file, 'utf8'));
    expect(again.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(again.map((e) => [e.title, e.reminder])).toEqual(Array(3).fill(['walk 12 min', null]));
  });

  it('D3: - writes the calendar alone to standard output, the same in Los Angeles and Auckland', () => {
    const pace = walker();
    pace.run(['schedule', 'walk', 'mon,wed,fri', '--at', '08:00'], { PACE_TODAY: SUNDAY });
    // The week of 9 March 2026 holds the US change to summer time (Sunday 8 March is the day before).
    const starts = ['America/Los_Angeles', 'Pacific/Auckland'].map((TZ) => {
      const r = pace.run(['plan', '--ics', '-', '--week', '2026-03-09'], { PACE_TODAY: SUNDAY, TZ });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
      return events(r.stdout).map((e) => e.start);
    });
    expect(starts[0]).toEqual(['2026-03-09T08:00:00', '2026-03-11T08:00:00', '2026-03-13T08:00:00']);
    expect(starts[1]).toEqual(starts[0]);
  });

  it('D3/T3: a paused plan writes a calendar with no events; T2: a held one says so in each event', () => {
    const held = walker();
    expect(held.run(['triage', '--symptom', 'new-radiation'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    const h = events(held.run(['plan', '--ics', '-'], { PACE_TODAY: SUNDAY }).stdout);
    expect(h).toHaveLength(3);
    for (const e of h) expect(e.description).toMatch(/The plan is on hold since .*: no increases until you have been assessed\./);

    const paused = walker();
    expect(paused.run(['triage', '--symptom', 'chest-pain'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    const r = paused.run(['plan', '--ics', '-'], { PACE_TODAY: SUNDAY });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^BEGIN:VCALENDAR/);
    expect(events(r.stdout)).toEqual([]);
    // T3: an empty calendar removes nothing, so the person is told to delete earlier sessions; with
    // no export of the week on record, the words do not say there was one.
    expect(r.stderr).toContain('The plan is paused, so this calendar has no sessions. If an earlier export put sessions of the week of Mon 19 Jan 2026 in your calendar app, delete them there: importing this one removes none.');
    expect(held.run(['plan', '--ics', '-'], { PACE_TODAY: SUNDAY }).stderr).not.toContain('paused');
    expect(json<Sessions>(paused, ['plan'], SUNDAY).activities[0]!.sessions).toEqual([]);
  });

  it('D3/Q7: fewer sessions set by hand leave earlier events behind, and the export says which to delete', () => {
    const pace = walker();
    expect(pace.run(['plan', '--set', 'walk=11x5'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    const five = pace.run(['plan', '--ics', '-'], { PACE_TODAY: SUNDAY });
    expect(events(five.stdout)).toHaveLength(5);
    expect(five.stderr).not.toContain('delete');
    expect(pace.run(['plan', '--set', 'walk=11x2'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    const two = pace.run(['plan', '--ics', '-'], { PACE_TODAY: SUNDAY });
    expect(events(two.stdout).map((e) => e.uid)).toEqual(events(five.stdout).slice(0, 2).map((e) => e.uid));
    // Importing two events removes none of the three others: the person is told.
    expect(two.stderr).toContain('walk has 2 sessions in the week of Mon 19 Jan 2026, and your calendar app has 5 from your export of Sun 18 Jan: an import removes none, so delete the extra 3 there: Wed 21 Jan 9:00, Fri 23 Jan 9:00, Sat 24 Jan 9:00.');
    expect(lines(two.stderr)).toHaveLength(1);
    // Back up to the rules' 3: the person was told of the extra ones at the export of two.
    expect(pace.run(['plan', '--set', 'walk=11x3'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    expect(pace.run(['plan', '--ics', '-'], { PACE_TODAY: SUNDAY }).stderr).toBe('');
    // A calendar exported before pace kept a record (none here): the count the rules or a change by
    // hand gave the week is what the export goes by.
    const old = walker();
    expect(old.run(['plan', '--set', 'walk=11x5'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    expect(old.run(['plan', '--set', 'walk=11x2'], { PACE_TODAY: SUNDAY }).status).toBe(0);
    expect(old.run(['plan', '--ics', '-'], { PACE_TODAY: SUNDAY }).stderr).toContain('walk has 2 sessions in the week of Mon 19 Jan 2026, 5 before a change by hand');
    // A week with no change by hand says nothing.
    expect(walker().run(['plan', '--ics', '-'], { PACE_TODAY: SUNDAY }).stderr).toBe('');
  });

  it('D3: never onto the journal, nor through a symbolic link', () => {
    const pace = walker();
    const before = fileHash(pace.db);
    const onJournal = pace.run(['plan', '--ics', pace.db], { PACE_TODAY: SUNDAY });
    expect(onJournal.status).toBe(2);
    expect(fileHash(pace.db)).toBe(before);
    const target = join(pace.home, 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    symlinkSync(target, join(pace.home, 'link.ics'));
    const viaLink = pace.run(['plan', '--ics', join(pace.home, 'link.ics')], { PACE_TODAY: SUNDAY });
    expect(viaLink.status).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });
});

describe('B2 on planned days, end to end', () => {
  // Week 3 (from 19 January) plans 11 minutes 3 times. A big Thursday (20 minutes), nothing on Friday.
  const bigThursday = (pace: TempPace) => {
    for (const [date, dose] of [['2026-01-20', '11'], ['2026-01-22', '20'], ['2026-01-24', '11']] as const) {
      expect(pace.run(['log', 'walk', dose, '--date', date], { PACE_TODAY: '2026-01-24' }).status).toBe(0);
    }
  };
  type Status = { boom_bust: { booms: string[]; cycles: { bust: string; bust_date: string }[] } };

  it('B2: on Tue, Thu and Sat, a Friday with nothing planned is rest: no bust', () => {
    const pace = walker();
    pace.run(['schedule', 'walk', 'tue,thu,sat', '--at', '07:30'], { PACE_TODAY: SUNDAY });
    bigThursday(pace);
    const s = json<Status>(pace, ['status'], '2026-01-27');
    expect(s.boom_bust.booms).toEqual(['2026-01-22']);
    expect(s.boom_bust.cycles).toEqual([]);
  });

  it('B2: spread on Mon, Wed and Fri, the missed Friday and Monday after the boom are a bust', () => {
    const pace = walker();
    bigThursday(pace);
    const s = json<Status>(pace, ['status'], '2026-01-27');
    expect(s.boom_bust.cycles).toMatchObject([{ bust: 'low', bust_date: '2026-01-26' }]);
  });
});

describe('schedules in a JSON backup', () => {
  it('D1: export --format json carries the schedules and the default time; import brings them back, once', () => {
    const pace = walker();
    pace.run(['schedule', 'walk', 'tue,thu,sat', '--at', '07:30'], { PACE_TODAY: SUNDAY });
    pace.run(['init', '--time', '10:00'], { PACE_TODAY: SUNDAY });
    const file = join(pace.home, 'backup.json');
    expect(pace.run(['export', '--format', 'json', '--out', file], { PACE_TODAY: SUNDAY }).status).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.schedules).toEqual([{ activity: 'walk', days: ['tue', 'thu', 'sat'], time: '07:30' }]);

    const other = answeredPace();
    for (let i = 0; i < 2; i++) expect(other.run(['import', file], { PACE_TODAY: SUNDAY }).status).toBe(0);
    expect(json(other, ['schedule'], SUNDAY)).toEqual({ schedules: [{ activity: 'walk', days: ['tue', 'thu', 'sat'], time: '07:30' }], default_time: '10:00' });
  });

  it('D1: a schedule and a default time set in the journal stay as they are; the import says so for the time', () => {
    const pace = walker();
    pace.run(['schedule', 'walk', 'tue,thu,sat', '--at', '07:30'], { PACE_TODAY: SUNDAY });
    pace.run(['init', '--time', '10:00'], { PACE_TODAY: SUNDAY });
    const file = join(pace.home, 'backup.json');
    expect(pace.run(['export', '--format', 'json', '--out', file], { PACE_TODAY: SUNDAY }).status).toBe(0);

    const other = walker();
    other.run(['schedule', 'walk', 'mon,wed', '--at', '18:00'], { PACE_TODAY: SUNDAY });
    other.run(['init', '--time', '08:00'], { PACE_TODAY: SUNDAY });
    const r = other.run(['import', file], { PACE_TODAY: SUNDAY });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("Kept this journal's default session time 08:00; the backup has 10:00.");
    expect(json(other, ['schedule'], SUNDAY)).toEqual({ schedules: [{ activity: 'walk', days: ['mon', 'wed'], time: '18:00' }], default_time: '08:00' });
  });
});

describe('the plan JSON still holds for people without days', () => {
  it('D2: every activity has sessions, as many as sessions_per_week', () => {
    const pace = walker();
    const doc = planOn(pace, SUNDAY) as unknown as Sessions;
    // Not a loop over nothing: the walker's plan has its walk, three a week.
    expect(doc.activities.map((a) => [a.sessions_per_week, a.sessions.length])).toEqual([[3, 3]]);
    for (const a of doc.activities) expect(a.sessions).toHaveLength(a.sessions_per_week);
  });
});
