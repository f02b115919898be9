// The prompt mocks must load before any module that imports inquirer.
import '@inquirer/testing/vitest';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import type { IsoDate } from '../../src/core/types.js';
import { readSettings } from '../../src/store/settings.js';
import { readJournal as read, testContext } from '../helpers/context.js';
import { converse } from '../helpers/converse.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const person = (dbPath: string) =>
  testContext(dbPath, { today: '2026-11-21' as IsoDate, interactive: true, prompts: async () => (await import('../../src/ui/prompts.js')).makePrompts(() => false) });

/** `pace init` asked by a person who presses Enter at each of its three questions. */
const ENTER_THROUGH_INIT: [RegExp, string][] = [
  [/First day of your program/, ''],
  [/Weekly aim/, ''],
  [/Symptoms much worse|post-exertional|12-72 hours/i, ''],
];

describe('pace init asked again by a person', () => {
  it('S1/S2: offers the answers already given, so Enter keeps envelope mode and the aim', async () => {
    const path = join(tempDir(), 'pace.db');
    await init([], { pem: 'yes', targetMinutes: '200', start: '2026-11-02' }, testContext(path));
    const done = init([], {}, person(path));
    const seen = await converse(done, ENTER_THROUGH_INIT);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(3);
    // P: the start date already given is shown, and Enter keeps it.
    expect(seen[0]).toMatch(/2026-11-02/);
    expect(seen[0]).not.toMatch(/Enter to skip/);
    expect(seen[1]).toMatch(/200/);
    expect(seen[2]).toMatch(/Y\/n/);
    expect(read(path, readSettings)).toMatchObject({ startDate: '2026-11-02', targetMinutes: 200, pem: true });
  });
});

describe('pace init, the start date at a terminal', () => {
  it('P: with none set, says what Enter leaves it to: the week of the first session', async () => {
    const path = join(tempDir(), 'pace.db');
    await init([], { pem: 'no' }, testContext(path));
    const done = init([], {}, person(path));
    const seen = await converse(done, ENTER_THROUGH_INIT);
    expect(await done).toBe(0);
    expect(seen[0]).toMatch(/Enter: the week of your first session/);
    expect(read(path, readSettings)).toMatchObject({ startDate: null });
  });
});

describe('pace init, a start date in words', () => {
  it('P: the question takes today and yesterday, as --start does', async () => {
    for (const [typed, day] of [['today', '2026-11-21'], ['Yesterday', '2026-11-20']] as const) {
      const path = join(tempDir(), 'pace.db');
      await init([], { pem: 'no' }, testContext(path));
      const done = init([], {}, person(path));
      const seen = await converse(done, [[/First day of your program/, typed], ...ENTER_THROUGH_INIT.slice(1)]);
      expect(await done).toBe(0);
      expect(seen[0]).toMatch(/today or yesterday/);
      expect(read(path, readSettings)).toMatchObject({ startDate: day });
    }
  });
});

describe('pace init with some flags, at a terminal', () => {
  it('S1: still asks the safety question while it has no answer, and asks nothing else', async () => {
    const path = join(tempDir(), 'pace.db');
    const ctx = person(path);
    const done = init([], { start: '2026-11-02' }, ctx);
    const seen = await converse(done, [[/12 to 72 hours/, 'y']]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(1);
    expect(read(path, readSettings)).toMatchObject({ startDate: '2026-11-02', pem: true });
    // what pace is not, once, before the question
    expect(ctx.stderr.text.match(/does not diagnose/g)).toHaveLength(1);
  });

  it('S1: once answered, a flag alone asks nothing', async () => {
    const path = join(tempDir(), 'pace.db');
    await init([], { pem: 'no' }, testContext(path));
    // interactive, but any question would fail the test
    expect(await init([], { targetMinutes: '120' }, testContext(path, { interactive: true }))).toBe(0);
    expect(read(path, readSettings)).toMatchObject({ targetMinutes: 120, pem: false });
  });
});
