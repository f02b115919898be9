import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { logPlanFeedback, logPlanLines } from '../../src/commands/logPlan.js';
import { statusOf, weeklyRows } from '../../src/core/coach/index.js';
import { addDays } from '../../src/core/dates.js';
import type { IsoDate, Session } from '../../src/core/types.js';
import { loadHistory } from '../../src/store/history.js';
import { openJournal, write } from '../../src/store/open.js';
import { insertSession } from '../../src/store/sessions.js';
import { insertTriage } from '../../src/store/triage.js';
import { testContext } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';
import { walk } from '../helpers/sessions.js';

afterAll(removeTempDirs);

// Review 18: whether a session counts toward its week (Q3, T3) is one rule for the replay, status,
// export --weekly and log. Three weeks of 10 min walks, then in the week of Mon 16 Nov a pause
// opened on Tue 17 and cleared on Thu 19; a full walk on Wed 18 falls on a paused day.
const W1 = '2026-10-26' as IsoDate;
const WEEK = '2026-11-16' as IsoDate;
const TODAY = '2026-11-20' as IsoDate;

async function journal(): Promise<string> {
  const path = join(tempDir(), 'pace.db');
  await init([], { pem: 'no' }, testContext(path));
  const j = openJournal(path, { write: true });
  try {
    write(j.db, () => {
      for (let w = 0; w < 3; w++) for (const day of [0, 2, 4]) insertSession(j.db, walk({ date: addDays(W1, 7 * w + day), dose: 10 }), '2026-11-20T09:00:00Z');
      insertTriage(j.db, { date: addDays(WEEK, 1), class: 'stop', symptoms: ['dizziness'], sessionId: null, kind: 'triage' });
      insertTriage(j.db, { date: addDays(WEEK, 3), class: null, symptoms: [], sessionId: null, kind: 'cleared' });
      insertSession(j.db, walk({ date: addDays(WEEK, 2), dose: 30, painBefore: 2, painAfter: 2 }), '2026-11-20T09:00:00Z');
    });
  } finally {
    j.close();
  }
  return path;
}

describe('Q3/T3: one rule for whether a session counts toward its week', () => {
  it('T3: log does not say a session on a paused day counts, as status and export --weekly do not count it', async () => {
    const path = await journal();
    const j = openJournal(path, { write: false });
    try {
      const h = loadHistory(j.db);
      const s = h.sessions.find((x) => x.date === addDays(WEEK, 2)) as Session;
      const f = logPlanFeedback(j, s, TODAY);
      const row = weeklyRows({ ...h, today: TODAY }).find((r) => r.week_start === WEEK);
      const status = statusOf({ ...h, today: TODAY });
      expect(row?.sessions_done).toBe(0);
      expect(status.activities.find((a) => a.activity === 'walk')?.sessionsDone).toBe(0);
      // Seen: log said "it counts toward your plan" for it.
      expect(f).toMatchObject({ paused: false, counts: false });
      expect(f!.pct).toBeGreaterThanOrEqual(90);
      expect(logPlanLines(f, s, TODAY).join(' ')).toMatch(/The plan was paused that day, so it does not count toward the week/);
    } finally {
      j.close();
    }
  });
});

describe('B3/Q3: a short session on a big day', () => {
  it('B3: the second walk of an 18 min day is not consoled with "shorter days happen" beside the boom it makes', () => {
    // Seen: "That is 55% of this week's 11 min. Shorter days happen; ..." then "Careful: 18 min today is 1.64 x your planned session of 11 min".
    const s: Session = { ...walk({ date: TODAY, dose: 6 }), id: 9 };
    const boom = { date: TODAY, activity: 'walk', dose: 18, reference: 11, basis: 'quota' as const, ratio: 1.64 };
    const f = { weekStart: '2026-11-16' as IsoDate, quota: 11, sessionsPerWeek: 3, pct: 55, counts: false, paused: false, boom, flareDayDose: null };
    const said = logPlanLines(f, s, TODAY);
    expect(said[0]).toBe("That is 55% of this week's 11 min.");
    expect(said.join(' ')).not.toMatch(/shorter days/i);
    expect(said[1]).toMatch(/^Careful: 18 min today is 1\.64 x your planned session of 11 min/);
    expect(logPlanLines({ ...f, boom: null }, s, TODAY)[0]).toMatch(/Shorter days happen/);
  });
});

describe('B3/Q3: one long session that is the big day', () => {
  it('B3: a 35 min walk against 12 is not praised as 292% that "counts" before the Careful line says 2.92 x', () => {
    // Seen: "That is 292% of this week's 12 min: it counts toward your plan." then
    // "Careful: 35 min today is 2.92 x your planned session of 12 min; ...": the same number twice, praise then caution.
    const s: Session = { ...walk({ date: TODAY, dose: 35 }), id: 6 };
    const boom = { date: TODAY, activity: 'walk', dose: 35, reference: 12, basis: 'quota' as const, ratio: 2.92 };
    const f = { weekStart: '2026-11-16' as IsoDate, quota: 12, sessionsPerWeek: 4, pct: 292, counts: true, paused: false, boom, flareDayDose: null };
    const said = logPlanLines(f, s, TODAY);
    expect(said[0]).toBe('It counts toward your plan as one session.');
    expect(said[1]).toMatch(/^Careful: 35 min today is 2\.92 x your planned session of 12 min/);
    // A full session on a day made big by an earlier one keeps its own comparison.
    const second = logPlanLines({ ...f, pct: 100, boom: { ...boom, dose: 24, ratio: 2 } }, { ...s, dose: 12 }, TODAY);
    expect(second[0]).toBe("That is 100% of this week's 12 min: it counts toward your plan.");
  });
});

describe('Q3: a light session counted in reps', () => {
  it('7 of 13 reps is a lighter day, not a "shorter" one', () => {
    // Seen: "That is 54% of this week's 13 reps. Shorter days happen" on a set of wall push-ups.
    const s: Session = { ...walk({ date: TODAY, dose: 7 }), id: 9, activity: 'wall-push-up', unit: 'reps', category: 'strength' };
    const f = { weekStart: '2026-11-16' as IsoDate, quota: 13, sessionsPerWeek: 3, pct: 54, counts: false, paused: false, boom: null, flareDayDose: null };
    expect(logPlanLines(f, s, TODAY)[0]).toBe("That is 54% of this week's 13 reps. Lighter days happen; it is still in your journal.");
  });
});
