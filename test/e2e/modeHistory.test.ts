import { afterAll, describe, expect, it } from 'vitest';
import { tempPace } from '../helpers/pace.js';
import { addDays, importRows, mondayOf, sundayOf, times, walks } from '../helpers/history.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05';

describe('S2: reports say which mode was in force', () => {
  it('answering the safety question yes in week 4 changes the mode from then on, not for the weeks before', () => {
    const pace = tempPace(tempDir());
    importRows(pace, walks(START, times(3, 10), times(3, 10), times(3, 20), times(3, 20), times(3, 20), times(3, 20)), sundayOf(START, 6));
    // Wednesday of week 4.
    const answer = pace.run(['init', '--pem', 'yes'], { PACE_TODAY: addDays(START, 7 * 3 + 2) });
    expect(answer.status, answer.stderr).toBe(0);

    const r = pace.run(['export', '--weekly'], { PACE_TODAY: sundayOf(START, 6) });
    expect(r.status, r.stderr).toBe(0);
    const modes = Object.fromEntries(
      r.stdout
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(','))
        .map((cells) => [cells[0], cells[3]]),
    );
    expect(modes[mondayOf(START, 3)]).toBe('graded');
    expect(modes[mondayOf(START, 4)]).toBe('graded');
    expect(modes[mondayOf(START, 5)]).toBe('envelope');
    expect(modes[mondayOf(START, 6)]).toBe('envelope');
  });

  it('init says from which Monday a new answer shapes the plan, when this week keeps the old mode', () => {
    const pace = tempPace(tempDir());
    importRows(pace, walks(START, times(3, 10), times(3, 10), times(3, 11)), sundayOf(START, 3));
    // Wednesday of week 4: status says graded mode this week, so "envelope mode" alone misled.
    const wednesday = addDays(START, 7 * 3 + 2);
    const yes = pace.run(['init', '--pem', 'yes'], { PACE_TODAY: wednesday });
    expect(yes.status, yes.stderr).toBe(0);
    expect(yes.stdout).toMatch(/^Symptoms much worse 12-72 hours after activity: yes \(the plan does not increase on its own: envelope mode from Mon 2 Feb\)$/m);
    const status = JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: wednesday }).stdout) as { mode: string };
    expect(status.mode).toBe('graded');
    // Asked again, or init run the next day for another setting, this week is still graded:
    // init names the Monday every time, as status goes on saying "graded mode" until then.
    const line = /^Symptoms much worse 12-72 hours after activity: yes \(the plan does not increase on its own: envelope mode from Mon 2 Feb\)$/m;
    expect(pace.run(['init', '--pem', 'yes'], { PACE_TODAY: wednesday }).stdout).toMatch(line);
    const thursday = addDays(wednesday, 1);
    expect(pace.run(['init', '--paper', 'a4'], { PACE_TODAY: thursday }).stdout).toMatch(line);
    expect((JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: thursday }).stdout) as { mode: string }).mode).toBe('graded');
    // From that Monday the mode is in force: no date is named.
    const monday = mondayOf(START, 5);
    expect(pace.run(['init', '--paper', 'a4'], { PACE_TODAY: monday }).stdout).toMatch(/^Symptoms much worse 12-72 hours after activity: yes \(the plan does not increase on its own: envelope mode\)$/m);
  });

  it('a change back to no names its Monday too: this week stays in envelope mode', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'yes'], { PACE_TODAY: START }).status).toBe(0);
    importRows(pace, walks(START, times(3, 10), times(3, 10), times(3, 11)), sundayOf(START, 3));
    const wednesday = addDays(START, 7 * 3 + 2);
    const no = pace.run(['init', '--pem', 'no'], { PACE_TODAY: wednesday });
    expect(no.status, no.stderr).toBe(0);
    expect(no.stdout).toMatch(/^Symptoms much worse 12-72 hours after activity: no \(the plan grows about 10% a week from Mon 2 Feb\)$/m);
    expect((JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: wednesday }).stdout) as { mode: string }).mode).toBe('envelope');
  });

  it('a first answer in week 1 is the mode of week 1 too: init names no later Monday', () => {
    const pace = tempPace(tempDir());
    const r = pace.run(['init', '--pem', 'yes'], { PACE_TODAY: START });
    expect(r.stdout).toMatch(/^Symptoms much worse 12-72 hours after activity: yes \(the plan does not increase on its own: envelope mode\)$/m);
  });
});
