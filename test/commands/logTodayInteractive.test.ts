// The prompt mocks must load before any module that imports inquirer.
import { screen } from '@inquirer/testing/vitest';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { log } from '../../src/commands/log.js';
import { plan } from '../../src/commands/plan.js';
import { schedule } from '../../src/commands/schedule.js';
import { status } from '../../src/commands/status.js';
import type { IsoDate } from '../../src/core/types.js';
import { sessionsIn, testContext } from '../helpers/context.js';
import { converse } from '../helpers/converse.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// D1: today (Saturday 21 November 2026 in these tests) has a planned walk at 07:30.

const person = (dbPath: string) => testContext(dbPath, { interactive: true, prompts: async () => (await import('../../src/ui/prompts.js')).makePrompts(() => false) });

/** Two weeks of walks, then walk on Tue, Thu and Sat at 07:30. */
async function planned(): Promise<{ path: string; quota: number }> {
  const path = join(tempDir(), 'pace.db');
  await init([], { pem: 'no' }, testContext(path));
  for (const date of ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-11', '2026-11-13']) {
    await log(['walk', '10'], { date, painBefore: '2', painAfter: '3' }, testContext(path));
  }
  expect(await schedule(['walk', 'tue,thu,sat'], { at: '07:30' }, testContext(path))).toBe(0);
  const ctx = testContext(path);
  await plan([], { json: true, week: '2026-11-16' }, ctx);
  const walk = JSON.parse(ctx.stdout.text).activities[0];
  expect(walk.sessions).toContainEqual({ date: '2026-11-21', time: '07:30' });
  return { path, quota: walk.quota };
}

const rest: [RegExp, string | (() => void)][] = [
  [/Pain before/, '2'],
  [/Pain after/, '3'],
  [/Effort/, ''],
  [/Did you notice any of these/, ''],
  [/flare/, ''],
  [/private note/, ''],
  [/check-in|Rate|goal/i, ''],
];

describe("pace log offers today's planned session (D1)", () => {
  it("F3: the day after a flare it offers the flare-day dose status names, not the full quota", async () => {
    // Seen: status said "Planned today: walk 5.5 min at 7:30 (still to do: a flare day, half of
    // 11 min)", and pace log offered "Log today's planned session, walk 11 min at 7:30?": Enter
    // recorded a full session on the day the plan had just said to do half.
    const { path, quota } = await planned();
    await log(['walk', String(quota)], { date: '2026-11-20', painBefore: '2', painAfter: '6' }, testContext(path));
    const told = testContext(path);
    await status([], { json: true }, told);
    const eased = JSON.parse(told.stdout.text).flare_day.doses[0].dose as number;
    expect(eased).toBe(quota / 2);

    const seen = await converse(log([], {}, person(path)), [[/Log today's planned session, walk/, ''], [/settled/, 'y'], ...rest]);
    expect(seen.find((t) => /Log today's planned session/.test(t))).toContain(`Log today's planned session, walk ${eased} min at 7:30 (a flare day, half of ${quota} min)?`);
    expect(sessionsIn(path).find((s) => s.date === '2026-11-21')?.dose).toBe(eased);
  });

  it('D1: Enter logs the planned walk at its quota; status then shows it done', async () => {
    const { path, quota } = await planned();
    const before = testContext(path);
    await status([], { json: true }, before);
    expect(JSON.parse(before.stdout.text).today_sessions).toEqual([{ activity: 'walk', unit: 'min', quota, time: '07:30', done: false, flare_day_dose: null }]);

    const seen = await converse(log([], {}, person(path)), [[/Log today's planned session, walk/, ''], ...rest]);
    expect(seen[0]).toContain(`Log today's planned session, walk ${quota} min at 7:30?`);
    expect(seen.some((s) => /Activity/.test(s))).toBe(false);
    const last = sessionsIn(path).find((s) => s.date === '2026-11-21');
    expect([last?.activity, last?.dose]).toEqual(['walk', quota]);

    const after = testContext(path);
    await status([], {}, after);
    expect(after.stdout.text).toContain(`Planned today: walk ${quota} min at 7:30 (done).`);
  });

  it('D1: "no" goes on to the usual questions', async () => {
    const { path } = await planned();
    await converse(log([], {}, person(path)), [
      [/Log today's planned session/, 'n'],
      [/Activity/, 'stretching'],
      [/How do you measure stretching/, ''],
      [/What kind of activity is stretching/, ''],
      [/How much/, '5'],
      ...rest,
    ]);
    expect(sessionsIn(path).find((s) => s.date === '2026-11-21')?.activity).toBe('stretching');
  });

  it('F2, T2: after "not settled", the planned session is not offered with Enter for yes: the usual questions follow', async () => {
    // Seen: "Has the pain from your walk on Fri 20 Nov settled?" No; then at once "Log today's
    // planned session, walk 11 min at 7:30? (Y/n)", the full walk one Enter away, under a hold
    // that had just opened, before the advice to ease off was shown.
    const { path } = await planned();
    await log(['walk', '10'], { date: '2026-11-20', painBefore: '2', painAfter: '3' }, testContext(path));
    const seen = await converse(log([], {}, person(path)), [
      [/settled back to its usual level/, 'n'],
      [/Activity/, ''],
      [/How much/, '5'],
      ...rest,
    ]);
    expect(seen.some((q) => /Log today's planned session/.test(q))).toBe(false);
    expect(sessionsIn(path).find((x) => x.date === '2026-11-21')).toMatchObject({ activity: 'walk', dose: 5 });
  });

  it('D1: nothing is offered for another day, nor once the planned session is done', async () => {
    const { path } = await planned();
    await log(['walk', '30'], {}, testContext(path));
    const seen = await converse(log([], {}, person(path)), [[/Activity/, ''], [/How much/, '10'], ...rest]);
    expect(seen.some((s) => /planned session/.test(s))).toBe(false);
    const other = await converse(log([], { date: '2026-11-20' }, person(path)), [[/Activity/, ''], [/How much/, '10'], ...rest]);
    expect(other.some((s) => /planned session/.test(s))).toBe(false);
  });
});

describe("D1: the offer of today's planned session names the dose that will be recorded", () => {
  it('with --dose given, the question names that dose, and Enter records it', async () => {
    const { path, quota } = await planned();
    const seen = await converse(log([], { dose: '14' }, person(path)), [[/today's planned session/, ''], ...rest]);
    expect(seen[0]).toContain(`Log 14 min as today's planned session, walk at 7:30 (planned: ${quota} min)?`);
    const last = sessionsIn(path).find((s) => s.date === '2026-11-21');
    expect([last?.activity, last?.dose]).toEqual(['walk', 14]);
  });

  it('a dose in another unit than the planned walk is not offered as the walk', async () => {
    const { path } = await planned();
    const seen = await converse(log([], { dose: '12reps' }, person(path)), [
      [/Activity/, 'sit-to-stand'],
      [/What kind of activity/, ''],
      ...rest,
    ]);
    expect(seen.some((s) => /planned session/.test(s))).toBe(false);
    expect(sessionsIn(path).find((s) => s.date === '2026-11-21')).toMatchObject({ activity: 'sit-to-stand', dose: 12, unit: 'reps' });
  });

  it('a dose the planned walk could not be (longer than a day) is not offered as the walk: it may be steps', async () => {
    // Seen: "Log 2000 min as today's planned session, walk at 7:30 (planned: 11 min)?", then a refusal.
    const { path } = await planned();
    const seen = await converse(log([], { dose: '2000' }, person(path)), [
      [/Activity/, 'garden-steps'],
      [/How do you measure/, () => ['down', 'down', 'down'].forEach((k) => screen.keypress(k))], // min, reps, m, steps
      [/What kind of activity/, ''],
      ...rest,
    ]);
    expect(seen.some((s) => /planned session/.test(s))).toBe(false);
    expect(sessionsIn(path).find((s) => s.date === '2026-11-21')).toMatchObject({ activity: 'garden-steps', dose: 2000 });
  });
});

describe("D1 after midnight: yesterday's planned session, still to do, is offered first", () => {
  // A night-shift nurse walks at 23:00 and logs at 00:30: the calendar's today is the next day,
  // with nothing planned, and the walk went on the new day unless she knew --date yesterday.
  const at = (path: string, day: string, time: string) =>
    testContext(path, { today: day as IsoDate, clockHour: () => Number(time.slice(0, 2)), interactive: true, prompts: async () => (await import('../../src/ui/prompts.js')).makePrompts(() => false) });

  it("at 00:30 on Sunday, Enter logs Saturday's planned walk on Saturday", async () => {
    const { path, quota } = await planned();
    const seen = await converse(log([], {}, at(path, '2026-11-22', '00:30')), [[/planned session/, ''], ...rest]);
    expect(seen[0]).toContain(`Log yesterday's planned session, walk ${quota} min at 7:30 on Sat 21 Nov?`);
    expect(sessionsIn(path).filter((s) => s.date >= '2026-11-21').map((s) => [s.date, s.activity, s.dose])).toEqual([['2026-11-21', 'walk', quota]]);
  });

  it('in the afternoon, or with yesterday\'s walk done, it is not offered', async () => {
    const { path, quota } = await planned();
    const later = await converse(log([], {}, at(path, '2026-11-22', '14:00')), [[/Activity/, ''], [/How much/, '10'], ...rest]);
    expect(later.some((s) => /planned session/.test(s))).toBe(false);
    await log(['walk', String(quota)], { date: '2026-11-21' }, testContext(path));
    const done = await converse(log([], {}, at(path, '2026-11-22', '00:30')), [[/settled/, 'y'], [/Activity/, ''], [/How much/, '10'], ...rest]);
    expect(done.some((s) => /planned session/.test(s))).toBe(false);
  });
});
