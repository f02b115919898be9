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
});
