import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, importRows, mondayOf, times, walks } from '../helpers/history.js';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// D3: a calendar app keeps what an export put there until another import replaces it. When the plan
// of an exported week changes after the export, status and plan say so, and how to catch up.

const START = '2026-01-05';
const THU = addDays(mondayOf(START, 3), 3); // Thu 22 Jan, program week 3
const FRI = addDays(THU, 1);

/** Two baseline weeks of 3 x 10 min, and week 3's three walks of 11 min done by Wednesday. */
function exportedOnThursday(): { pace: TempPace; file: string } {
  const pace = answeredPace();
  importRows(pace, [...walks(START, times(3, 10), times(3, 10)), ...walks(mondayOf(START, 3), [{ dose: 11, day: 0 }, { dose: 11, day: 1 }, { dose: 11, day: 2 }])], THU);
  const file = join(pace.home, 'week.ics');
  const r = pace.run(['plan', '--ics', file], { PACE_TODAY: THU });
  expect(r.status, r.stderr).toBe(0);
  // Kept on record: nothing to say about status not following it (test/reliability/read-only.test.ts).
  expect(r.stderr).not.toContain('could not note');
  return { pace, file };
}

const json = (pace: TempPace, args: string[], today: string) => {
  const r = pace.run([...args, '--json'], { PACE_TODAY: today });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { calendar_out_of_step: unknown };
};

describe('pace plan --ics, then the plan changes (D3)', () => {
  it('Q5: a flare after the export: status and plan name the old quota, and a new export puts them in step', () => {
    const { pace, file } = exportedOnThursday();
    expect(pace.run(['status'], { PACE_TODAY: THU }).stdout).not.toMatch(/calendar/);
    expect(json(pace, ['status'], THU).calendar_out_of_step).toEqual([]);

    expect(pace.run(['log', 'walk', '11', '--pain-before', '2', '--pain-after', '7'], { PACE_TODAY: FRI }).status).toBe(0);
    const status = pace.run(['status'], { PACE_TODAY: FRI, COLUMNS: '200' }).stdout;
    expect(status).toContain('The plan for the week of Mon 26 Jan 2026 has changed since you exported it to your calendar app (Thu 22 Jan):');
    expect(status).toContain('  walk: 3 x 10 min now, 3 x 12 min in the calendar');
    expect(status).toContain('Export it again and import the file into the calendar app: pace plan --ics <file>');
    const step = [{ week_start: '2026-01-26', exported_on: THU, paused: false, activities: [{ activity: 'walk', unit: 'min', calendar: { quota: 12, sessions: 3 }, plan: { quota: 10, sessions: 3 }, other_times: false }] }];
    expect(json(pace, ['status'], FRI).calendar_out_of_step).toEqual(step);
    expect(json(pace, ['plan'], FRI).calendar_out_of_step).toEqual(step[0]);
    expect(pace.run(['plan'], { PACE_TODAY: FRI, COLUMNS: '200' }).stdout).toContain('  walk: 3 x 10 min now, 3 x 12 min in the calendar');

    expect(pace.run(['plan', '--ics', file], { PACE_TODAY: FRI }).status).toBe(0);
    expect(pace.run(['status'], { PACE_TODAY: FRI }).stdout).not.toMatch(/calendar/);
    expect(json(pace, ['plan'], FRI).calendar_out_of_step).toBeNull();
  });

  it('D1: new days for the activity: the same sessions, now on other days', () => {
    const { pace } = exportedOnThursday();
    expect(pace.run(['schedule', 'walk', 'tue,thu,sat', '--at', '07:30'], { PACE_TODAY: THU }).status).toBe(0);
    expect(pace.run(['status'], { PACE_TODAY: THU, COLUMNS: '200' }).stdout).toContain('  walk: 3 x 12 min, now on other days or at other times');
  });

  it('D1: new days chosen mid-week for the week in progress: the same sessions moved, not a plan that reads unchanged', () => {
    // Seen: "walk: 3 x 11 min now, 3 x 11 min in the calendar", which names no change at all.
    const pace = answeredPace();
    const tue = addDays(mondayOf(START, 3), 1);
    importRows(pace, [...walks(START, times(3, 10), times(3, 10)), ...walks(mondayOf(START, 3), [{ dose: 11, day: 1 }])], tue);
    expect(pace.run(['schedule', 'walk', 'tue,thu,sat', '--at', '10:30'], { PACE_TODAY: tue }).status).toBe(0);
    expect(pace.run(['plan', '--ics', join(pace.home, 'this.ics'), '--week', tue], { PACE_TODAY: tue }).status).toBe(0);
    const wed = addDays(tue, 1);
    expect(pace.run(['schedule', 'walk', 'wed,fri,sun', '--at', '09:15'], { PACE_TODAY: wed }).status).toBe(0);
    const status = pace.run(['status'], { PACE_TODAY: wed, COLUMNS: '200' }).stdout;
    expect(status).toContain('  walk: 3 x 11 min, now on other days or at other times');
    expect(status).not.toContain('3 x 11 min now, 3 x 11 min in the calendar');
  });

  it('Q7: fewer sessions set by hand: the new export names the one left over in the calendar', () => {
    const { pace, file } = exportedOnThursday();
    expect(pace.run(['plan', '--set', 'walk=12x2'], { PACE_TODAY: THU }).status).toBe(0);
    const before = pace.run(['status'], { PACE_TODAY: THU, COLUMNS: '200' }).stdout;
    expect(before).toContain('  walk: 2 x 12 min now, 3 x 12 min in the calendar');
    // Which ones are extra is known only once the new export has moved the others: deleting one
    // before it (Wed, say, that the export moves to Thu) can lose a session for good in some apps.
    expect(before).toContain('Export it again and import the file into the calendar app: pace plan --ics <file>. An import removes no sessions: the export names the extra ones to delete there.');
    const r = pace.run(['plan', '--ics', file], { PACE_TODAY: THU });
    // The new export moves sessions 1 and 2 (Mon, Thu) and leaves session 3 where it was: Fri.
    expect(r.stderr).toContain('walk has 2 sessions in the week of Mon 26 Jan 2026, and your calendar app has 3 from your export of Thu 22 Jan: an import removes none, so delete the extra one there: Fri 30 Jan 9:00.');
    // Said once, at the export that leaves it: the next views compare with that export.
    expect(pace.run(['status'], { PACE_TODAY: THU }).stdout).not.toMatch(/calendar/);
  });

  it('T3: a pause after the export: status says to delete the week\'s sessions from the calendar app', () => {
    const { pace } = exportedOnThursday();
    expect(pace.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: FRI }).status).toBe(0);
    expect(pace.run(['status'], { PACE_TODAY: FRI, COLUMNS: '200' }).stdout).toContain(
      'The plan is paused, and your export of Thu 22 Jan put sessions of the week of Mon 26 Jan 2026 in your calendar app: delete them there if you have not, and export the plan again when the pause ends.',
    );
    expect(json(pace, ['status'], FRI).calendar_out_of_step).toMatchObject([{ week_start: '2026-01-26', paused: true, activities: [{ activity: 'walk', plan: { sessions: 0 } }] }]);
    // Cleared, the sessions are planned again: a person who deleted them is asked for a new export.
    const cleared = pace.run(['triage', '--cleared'], { PACE_TODAY: FRI });
    expect(cleared.stdout).toContain("If you deleted pace's sessions from your calendar app during the pause, export the plan again: pace plan --ics <file>");
  });

  it('T2: clearing a hold (the sessions stayed in the calendar) asks for no new export', () => {
    const { pace } = exportedOnThursday();
    expect(pace.run(['triage', '--symptom', 'joint-swelling'], { PACE_TODAY: FRI }).status).toBe(0);
    const cleared = pace.run(['triage', '--cleared'], { PACE_TODAY: FRI });
    expect(cleared.status, cleared.stderr).toBe(0);
    expect(cleared.stdout).toMatch(/Recorded that a clinician/);
    expect(cleared.stdout).not.toMatch(/calendar/);
  });

  it('a week that is over is not named again', () => {
    const { pace } = exportedOnThursday();
    expect(pace.run(['log', 'walk', '11', '--pain-before', '2', '--pain-after', '7'], { PACE_TODAY: FRI }).status).toBe(0);
    const later = addDays(mondayOf(START, 5), 0);
    expect(pace.run(['status'], { PACE_TODAY: later }).stdout).not.toMatch(/calendar/);
    expect(json(pace, ['plan', '--week', mondayOf(START, 4)], later).calendar_out_of_step).toBeNull();
  });
});

describe('triage --cleared after a pause, with a week in the calendar app (D3, T3)', () => {
  it('names the week exported, with --week when it is not the coming one', () => {
    const pace = answeredPace();
    importRows(pace, [...walks(START, times(3, 10), times(3, 10)), ...walks(mondayOf(START, 3), [{ dose: 11, day: 0 }, { dose: 11, day: 1 }, { dose: 11, day: 2 }])], THU);
    const file = join(pace.home, 'this-week.ics');
    expect(pace.run(['plan', '--ics', file, '--week', THU], { PACE_TODAY: THU }).status).toBe(0);
    expect(pace.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: FRI }).status).toBe(0);
    const cleared = pace.run(['triage', '--cleared'], { PACE_TODAY: FRI });
    expect(cleared.stdout).toContain(`export the plan again: pace plan --ics <file> --week ${mondayOf(START, 3)}`);
  });

  it('names each week exported', () => {
    const { pace } = exportedOnThursday();
    expect(pace.run(['plan', '--ics', join(pace.home, 'this-week.ics'), '--week', THU], { PACE_TODAY: THU }).status).toBe(0);
    expect(pace.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: FRI }).status).toBe(0);
    const cleared = pace.run(['triage', '--cleared'], { PACE_TODAY: FRI });
    expect(cleared.stdout).toContain(`export each week again: pace plan --ics <file> --week ${mondayOf(START, 3)}, then pace plan --ics <file>`);
  });

  it('--json names the same weeks, in the shape of calendar_out_of_step, for a script', () => {
    const { pace } = exportedOnThursday();
    expect(pace.run(['plan', '--ics', join(pace.home, 'this-week.ics'), '--week', THU], { PACE_TODAY: THU }).status).toBe(0);
    expect(pace.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: FRI }).status).toBe(0);
    const r = pace.run(['triage', '--cleared', '--json'], { PACE_TODAY: FRI });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { cleared: boolean; calendar_export_again: unknown };
    expect(doc.cleared).toBe(true);
    // What each export put in the calendar app, against the plan now: the person may have deleted
    // the sessions during the pause, so every activity of the week is listed, changed or not.
    expect(doc.calendar_export_again).toEqual([
      { week_start: mondayOf(START, 3), exported_on: THU, paused: false, activities: [{ activity: 'walk', unit: 'min', calendar: { quota: 11, sessions: 3 }, plan: { quota: 11, sessions: 3 }, other_times: false }] },
      { week_start: '2026-01-26', exported_on: THU, paused: false, activities: [{ activity: 'walk', unit: 'min', calendar: { quota: 12, sessions: 3 }, plan: { quota: 12, sessions: 3 }, other_times: false }] },
    ]);
  });

  it('--json after clearing a hold, or a pause with no week exported, has an empty list', () => {
    const { pace } = exportedOnThursday();
    expect(pace.run(['triage', '--symptom', 'joint-swelling'], { PACE_TODAY: FRI }).status).toBe(0);
    const held = pace.run(['triage', '--cleared', '--json'], { PACE_TODAY: FRI });
    expect(JSON.parse(held.stdout)).toMatchObject({ cleared: true, calendar_export_again: [] });
    const never = answeredPace();
    importRows(never, walks(START, times(3, 10), times(3, 10)), THU);
    expect(never.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: FRI }).status).toBe(0);
    const paused = never.run(['triage', '--cleared', '--json'], { PACE_TODAY: FRI });
    expect(JSON.parse(paused.stdout)).toMatchObject({ cleared: true, calendar_export_again: [] });
  });

  it('an export made during the pause (no sessions, the old ones to delete) still asks for a new one once cleared', () => {
    const { pace, file } = exportedOnThursday();
    expect(pace.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: FRI }).status).toBe(0);
    const paused = pace.run(['plan', '--ics', file], { PACE_TODAY: FRI });
    expect(paused.stderr).toContain(
      'The plan is paused, so this calendar has no sessions, and importing it removes none: delete there the sessions your export of Thu 22 Jan put in your calendar app for the week of Mon 26 Jan 2026.',
    );
    // The earlier export's record is kept on purpose, not lost.
    expect(paused.stderr).not.toContain('could not note');
    const cleared = pace.run(['triage', '--cleared'], { PACE_TODAY: FRI });
    expect(cleared.stdout).toContain("If you deleted pace's sessions from your calendar app during the pause, export the plan again: pace plan --ics <file>");
  });
});

describe('an activity that leaves the plan after an export (D3)', () => {
  it('its sessions, named by day and time, are to be deleted when the week is exported again', () => {
    const { pace, file } = exportedOnThursday();
    // Logged under a wrong name, then moved to the right one: squats leaves the plan.
    const logged = pace.run(['log', 'squats', '8', '--unit', 'reps', '--pain-before', '3', '--pain-after', '3', '--json'], { PACE_TODAY: THU });
    expect(logged.status, logged.stderr).toBe(0);
    const id = (JSON.parse(logged.stdout) as { session: { id: number } }).session.id;
    expect(pace.run(['plan', '--ics', file], { PACE_TODAY: THU }).status).toBe(0);
    expect(pace.run(['edit', String(id), '--activity', 'sit-to-stand'], { PACE_TODAY: THU }).status).toBe(0);
    expect(pace.run(['status'], { PACE_TODAY: THU, COLUMNS: '200' }).stdout).toMatch(/ {2}squats: no sessions now, \d x 8 reps in the calendar/);
    const again = pace.run(['plan', '--ics', file], { PACE_TODAY: THU });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/squats has no sessions in the week of Mon 26 Jan 2026, and your calendar app has \d from your export of Thu 22 Jan: an import removes none, so delete (it|them) there: Mon 26 Jan 9:00/);
  });
});

describe('the commands that change an exported week say so in one line (D3)', () => {
  const LINE = 'Your calendar app no longer matches the plan for the week of Mon 26 Jan: pace status says what to change there.';

  it('Q5: log of a flare, and T3: triage of a stop sign, point to status', () => {
    const { pace } = exportedOnThursday();
    const calm = pace.run(['log', 'walk', '11', '--pain-before', '2', '--pain-after', '3'], { PACE_TODAY: FRI });
    expect(calm.stdout).not.toContain('calendar');
    const flare = pace.run(['log', 'walk', '11', '--pain-before', '2', '--pain-after', '7'], { PACE_TODAY: FRI, COLUMNS: '200' });
    expect(flare.stdout.trimEnd().split('\n').at(-1)).toBe(LINE);
    const stop = pace.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: FRI, COLUMNS: '200' });
    expect(stop.stdout).toMatch(/^STOP NOW|STOP/);
    expect(stop.stdout.trimEnd().split('\n').at(-1)).toBe(LINE);
    // --json keeps its document; status --json has the whole of it.
    expect(pace.run(['log', 'walk', '5', '--json'], { PACE_TODAY: FRI }).stderr).not.toContain('calendar');
  });

  it('D1: schedule of new days, and a journal with no export says nothing', () => {
    const { pace } = exportedOnThursday();
    expect(pace.run(['schedule', 'walk', 'tue,thu,sat'], { PACE_TODAY: THU, COLUMNS: '200' }).stdout).toContain(LINE);
    const never = answeredPace();
    importRows(never, walks(START, times(3, 10), times(3, 10)), THU);
    expect(never.run(['log', 'walk', '11', '--pain-before', '2', '--pain-after', '7'], { PACE_TODAY: FRI }).stdout).not.toContain('calendar');
  });

  it('every path that records a flare says it: edit, import and checkin --settled, and delete of what made the plan grow', () => {
    const edited = exportedOnThursday().pace;
    expect(edited.run(['edit', '9', '--pain-after', '8'], { PACE_TODAY: FRI, COLUMNS: '200' }).stdout).toContain(LINE);
    const imported = exportedOnThursday().pace;
    const csv = join(imported.home, 'flare.csv');
    writeFileSync(csv, 'date,activity,dose,pain_before,pain_after\n2026-01-23,walk,11,2,8\n');
    expect(imported.run(['import', csv], { PACE_TODAY: FRI, COLUMNS: '200' }).stdout).toContain(LINE);
    const checked = exportedOnThursday().pace;
    expect(checked.run(['log', 'walk', '11'], { PACE_TODAY: FRI }).status).toBe(0);
    expect(checked.run(['checkin', '--settled', 'no'], { PACE_TODAY: addDays(FRI, 1), COLUMNS: '200' }).stdout).toContain(LINE);
    const deleted = exportedOnThursday().pace;
    expect(deleted.run(['delete', '9', '--yes'], { PACE_TODAY: THU, COLUMNS: '200' }).stdout).toContain(LINE);
  });
});
