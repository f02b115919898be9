import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { importRows, mondayOf, times, walks } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05';

describe('pace plan --ics while the plan is paused (T3, D3)', () => {
  it('says no session was written, without promising a reminder before each', () => {
    const pace = answeredPace();
    importRows(pace, walks(START, times(4, 10), times(4, 10)), mondayOf(START, 3));
    const today = mondayOf(START, 3);
    expect(pace.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: today }).status).toBe(0);
    const r = pace.run(['plan', '--ics', join(pace.home, 'week.ics')], { PACE_TODAY: today });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/The plan is paused, so this calendar has no sessions/);
    // Seen: "Wrote 0 sessions of the week of ... to ..., each with a reminder 10 minutes before."
    expect(r.stderr).not.toMatch(/Wrote 0 sessions/);
    expect(r.stderr).not.toMatch(/each with a reminder/);
    expect(r.stderr).toMatch(/Wrote a calendar with no sessions for the week of Mon 26 Jan 2026 to .*week\.ics\./);
  });
});
