import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COACH_BUILD } from '../../src/commands/coach.js';
import { log } from '../../src/commands/log.js';
import { plan } from '../../src/commands/plan.js';
import { status } from '../../src/commands/status.js';
import { addDays } from '../../src/core/dates.js';
import type { IsoDate } from '../../src/core/types.js';
import { readCheckpoint } from '../../src/store/checkpoint.js';
import type { Checkpoint } from '../../src/core/coach/checkpoint.js';
import { openJournal, write } from '../../src/store/open.js';
import { setPem } from '../../src/store/settings.js';
import { insertOverride } from '../../src/store/plans.js';
import { insertSession } from '../../src/store/sessions.js';
import { walk } from '../helpers/sessions.js';
import { testContext } from '../helpers/context.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// What a person sees must not depend on whether the journal had a checkpoint: these run the real
// commands on a journal with one and on the same journal without, and compare the output.

const START = '2025-11-03' as IsoDate; // a Monday, a year before the tests' today

/** A year of walks and stretches, with a flare now and then and the safety question answered. */
function yearOfHistory(path: string): void {
  const j = openJournal(path, { write: true });
  write(j.db, () => {
    setPem(j.db, false, START);
    for (let day = 0; day < 380; day += 2) {
      const date = addDays(START, day);
      const dose = 10 + Math.floor(day / 30);
      insertSession(j.db, walk({ date, dose, flare: day % 46 === 0, painAfter: day % 46 === 0 ? 8 : 4 }), 'now');
      if (day % 6 === 0) insertSession(j.db, walk({ date, activity: 'stretching', category: 'mobility', dose: 8 }), 'now');
    }
  });
  j.close();
}

function dropCheckpoint(path: string): void {
  const j = openJournal(path, { write: true });
  j.db.prepare('DELETE FROM coach_checkpoint').run();
  j.close();
}

/** The week of the journal's checkpoint, or null without one. */
function checkpointWeek(path: string): IsoDate | null {
  const j = openJournal(path, { write: false });
  try {
    return readCheckpoint(j.db, COACH_BUILD)?.week ?? null;
  } finally {
    j.close();
  }
}

/** The checkpoint's row as saved, changed by `edit` past the triggers, as a bug would. */
function rewriteCheckpoint(path: string, edit: (saved: string) => string): void {
  const k = openJournal(path, { write: true });
  const row = k.db.prepare('SELECT state FROM coach_checkpoint').get() as { state: string };
  k.db.prepare('UPDATE coach_checkpoint SET state = ?').run(edit(row.state));
  k.close();
}

async function out(run: (ctx: ReturnType<typeof testContext>) => Promise<number>, path: string, today: IsoDate): Promise<string> {
  const ctx = testContext(path, { today });
  expect(await run(ctx)).toBe(0);
  return ctx.stdout.text;
}

const statusJson = (path: string, today: IsoDate) => out((c) => status([], { json: true }, c), path, today);
const statusText = (path: string, today: IsoDate) => out((c) => status([], {}, c), path, today);
const planJson = (path: string, today: IsoDate, week?: string) => out((c) => plan([], { json: true, ...(week ? { week } : {}) }, c), path, today);

describe('status, plan and log with the journal checkpoint', () => {
  it('the first status leaves a checkpoint two weeks back, and the next one says the same from it', async () => {
    const path = join(tempDir(), 'pace.db');
    yearOfHistory(path);
    const today = '2026-11-18' as IsoDate;
    expect(checkpointWeek(path)).toBeNull();
    const first = await statusJson(path, today);
    expect(checkpointWeek(path)).toBe('2026-11-02');
    expect(await statusJson(path, today)).toBe(first);
    expect(await statusText(path, today)).toContain('This week');
    expect(await planJson(path, today)).toBe(await (async () => (dropCheckpoint(path), planJson(path, today)))());
  });

  it('log and plan resume from the checkpoint two weeks back and leave it as it is', async () => {
    const path = join(tempDir(), 'pace.db');
    yearOfHistory(path);
    const today = '2026-11-18' as IsoDate;
    await statusJson(path, today);
    expect(checkpointWeek(path)).toBe('2026-11-02');
    const truth = await planJson(path, today);
    const before = fileHash(path);
    expect(await planJson(path, today)).toBe(truth);
    expect(fileHash(path)).toBe(before);
    const logged = async (date: IsoDate) => {
      const ctx = testContext(path, { today });
      expect(await log(['walk', '15'], { painBefore: '3', painAfter: '4', date, json: true }, ctx)).toBe(0);
      return JSON.parse(ctx.stdout.text).plan as { quota: number };
    };
    const quota = (await logged(today)).quota;
    // A session in the last two weeks, the usual late entry, leaves the checkpoint alone.
    await logged('2026-11-12' as IsoDate);
    expect(checkpointWeek(path)).toBe('2026-11-02');
    // Were they to replay from the first week, this checkpoint at twice the levels would not show.
    rewriteCheckpoint(path, (saved) => {
      const c = JSON.parse(saved) as Checkpoint;
      for (const a of c.activities) {
        const s = a.state;
        s.rungs = s.rungs.map((l) => ({ ...l, quota: l.quota * 2 }));
        if (s.prev?.quota) s.prev.quota *= 2;
      }
      return JSON.stringify(c);
    });
    expect((await logged(today)).quota).toBeGreaterThan(quota);
    expect(await planJson(path, today)).not.toBe(truth);
    dropCheckpoint(path);
    expect(await planJson(path, today)).toBe(truth);
  });

  it('gives the same status, plan and log feedback, week after week of logging, as a replay from the first week', async () => {
    const path = join(tempDir(), 'pace.db');
    const fresh = join(tempDir(), 'pace.db');
    yearOfHistory(path);
    yearOfHistory(fresh);
    for (let day = 0; day < 70; day += 3) {
      const today = addDays('2026-11-16' as IsoDate, day);
      const feedback: unknown[] = [];
      for (const p of [path, fresh]) {
        if (p === fresh) dropCheckpoint(fresh);
        const ctx = testContext(p, { today });
        // Now and then a session logged late, two days back: it may reach behind the checkpoint.
        const date = day % 9 === 0 ? addDays(today, -2) : today;
        // Now and then a big day, which log names as a boom (B1).
        const dose = day % 12 === 0 ? '40' : String(14 + (day % 5));
        expect(await log(['walk', dose], { painBefore: '3', painAfter: day % 21 === 0 ? '9' : '4', date, flare: day % 21 === 0, json: true }, ctx)).toBe(0);
        feedback.push(JSON.parse(ctx.stdout.text).plan);
      }
      // What log says of the session (its week's quota, a boom) does not depend on the checkpoint.
      expect(feedback[0]).toEqual(feedback[1]);
      dropCheckpoint(fresh);
      expect(await statusJson(path, today)).toBe(await statusJson(fresh, today));
      dropCheckpoint(fresh);
      expect(await planJson(path, today)).toBe(await planJson(fresh, today));
    }
    expect(checkpointWeek(path)).not.toBeNull();
  });

  it('a plan for a week before the checkpoint is replayed from the first week, not refused', async () => {
    const path = join(tempDir(), 'pace.db');
    yearOfHistory(path);
    const today = '2026-11-18' as IsoDate;
    await statusJson(path, today);
    const old = await planJson(path, today, '2026-03-02');
    dropCheckpoint(path);
    expect(old).toBe(await planJson(path, today, '2026-03-02'));
  });

  it('a checkpoint that cannot be read, or does not fit the journal, is set aside and replaced', async () => {
    const path = join(tempDir(), 'pace.db');
    yearOfHistory(path);
    const today = '2026-11-18' as IsoDate;
    const j = openJournal(path, { write: true });
    write(j.db, () => insertOverride(j.db, { activity: 'walk', weekStart: '2026-09-07' as IsoDate, quota: 20, sessionsPerWeek: null, setOn: '2026-09-06' as IsoDate }));
    j.close();
    const truth = await statusJson(path, today);

    rewriteCheckpoint(path, () => '{"week": ');
    expect(await statusJson(path, today)).toBe(truth);
    // It forgets walk, which an override had put in the plan before its week: status and plan
    // replay from the first week, and leave a checkpoint that fits in its place.
    const fits = () => {
      const k = openJournal(path, { write: false });
      try {
        return (k.db.prepare('SELECT state FROM coach_checkpoint').get() as { state: string }).state;
      } finally {
        k.close();
      }
    };
    const good = fits();
    for (const run of [() => statusJson(path, today), () => planJson(path, today)]) {
      const shown = await run();
      rewriteCheckpoint(path, (saved) => JSON.stringify({ ...JSON.parse(saved), activities: [] }));
      expect(await run()).toBe(shown);
      expect(fits()).toBe(good);
      expect(await run()).toBe(shown);
    }
    expect(await statusJson(path, today)).toBe(truth);
  });
});
