import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { log } from '../../src/commands/log.js';
import { schedule } from '../../src/commands/schedule.js';
import { status } from '../../src/commands/status.js';
import { testContext } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// F3, D1. Seen in a walk-through: a crash two days after a big day, a 5 min walk logged as a
// flare on a planned walk day. Status then said, one line apart, "Planned today: walk 11 min at
// 8:00 (still to do)" and "On a flare day, do less rather than nothing: walk 5.5 min": the full
// quota, as a second walk still owed on the day of the crash. Today is Sat 21 Nov 2026.

async function walker(): Promise<string> {
  const path = join(tempDir(), 'pace.db');
  await init([], { pem: 'no' }, testContext(path));
  for (const date of ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-11', '2026-11-13']) {
    await log(['walk', '10'], { date, painBefore: '2', painAfter: '3' }, testContext(path));
  }
  expect(await schedule(['walk', 'tue,thu,sat'], { at: '08:00' }, testContext(path))).toBe(0);
  return path;
}

async function statusText(path: string): Promise<string> {
  const ctx = testContext(path);
  await status([], {}, ctx);
  return ctx.stdout.text;
}

describe('F3: the planned session on a flare day', () => {
  it("F3: a short walk logged today as a flare is today's walk done, not a full one still to do", async () => {
    const path = await walker();
    await log(['walk', '5'], { date: '2026-11-21', painBefore: '7', painAfter: '8', flare: true }, testContext(path));
    const text = await statusText(path);
    expect(text).toContain('On a flare day, do less rather than nothing');
    expect(text).not.toContain('still to do');
    expect(text).toMatch(/Planned today: walk 11 min at 8:00 \(done, a flare day\)\./);
  });

  it('F3: after a flare yesterday, the walk still to do today is the flare-day dose, with what it is half of', async () => {
    const path = await walker();
    await log(['walk', '10'], { date: '2026-11-20', painBefore: '3', painAfter: '7' }, testContext(path));
    const text = await statusText(path);
    expect(text).toContain('Planned today: walk 5.5 min at 8:00 (still to do: a flare day, half of 11 min).');
  });

  it('D1: without a flare, the line is as before', async () => {
    const path = await walker();
    expect(await statusText(path)).toContain('Planned today: walk 11 min at 8:00 (still to do).');
  });
});
