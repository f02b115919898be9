import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { InputError } from '../../src/core/errors.js';
import { testContext } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

describe('pace init', () => {
  it('S1: stores the answer to the safety question and the weekly aim', async () => {
    const ctx = testContext(join(tempDir(), 'pace.db'));
    await init([], { pem: 'yes', targetMinutes: '120', start: '2026-11-02', json: true }, ctx);
    expect(JSON.parse(ctx.stdout.text)).toEqual({ start_date: '2026-11-02', target_minutes: 120, pem: 'yes', mode: 'envelope', default_time: '09:00', paper: null, report_paper: 'a4' });
  });

  it('P: the settings it prints name the start date as every message names a day', async () => {
    const ctx = testContext(join(tempDir(), 'pace.db'));
    await init([], { pem: 'no', start: '2026-11-02' }, ctx);
    expect(ctx.stdout.text).toMatch(/^Start date: Mon 2 Nov 2026$/m);
  });

  it.each([
    ['no', 'no (the plan grows about 10% a week)'],
    ['yes', 'yes (the plan does not increase on its own: envelope mode)'],
    [undefined, 'not answered yet (pace init --pem yes|no)'],
  ])('S1: the settings it prints say what the answer %s does to the plan', async (pem, says) => {
    const ctx = testContext(join(tempDir(), 'pace.db'));
    // A start in this week (TODAY's), so a first answer is the mode of week 1 and no later Monday is named.
    await init([], { pem, start: '2026-11-16' }, ctx);
    expect(ctx.stdout.text).toContain(`Symptoms much worse 12-72 hours after activity: ${says}\n`);
  });

  it('D2: --time sets the time of sessions whose activity has none of its own', async () => {
    const ctx = testContext(join(tempDir(), 'pace.db'));
    await init([], { time: '7:45', json: true }, ctx);
    expect(JSON.parse(ctx.stdout.text)).toMatchObject({ default_time: '07:45' });
  });

  it('defaults to a weekly aim of 150 minutes and an unanswered safety question (G1)', async () => {
    const ctx = testContext(join(tempDir(), 'pace.db'));
    await init([], { json: true }, ctx);
    expect(JSON.parse(ctx.stdout.text)).toMatchObject({ target_minutes: 150, pem: null, mode: 'graded' });
  });

  it.each([{ pem: 'maybe' }, { targetMinutes: '0' }, { start: '2026-02-30' }, { time: '25:00' }])('refuses %j and creates no journal', async (flags) => {
    const ctx = testContext(join(tempDir(), 'pace.db'));
    await expect(init([], flags, ctx)).rejects.toBeInstanceOf(InputError);
    expect(existsSync(ctx.dbPath)).toBe(false);
  });
});
