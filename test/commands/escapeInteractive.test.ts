// The prompt mocks must load before any module that imports inquirer.
import { screen } from '@inquirer/testing/vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkin } from '../../src/commands/checkin.js';
import { goalAdd, goalRate } from '../../src/commands/goal.js';
import { init } from '../../src/commands/init.js';
import { log } from '../../src/commands/log.js';
import { triageCmd } from '../../src/commands/triage.js';
import { sessionsIn, testContext } from '../helpers/context.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

// Escape at a question (docs/decisions.md, "Escape at a question"): inquirer ignores the key, so a
// person who pressed it to back out, as in most programs, was left at the same question with
// nothing said. It now stops the question as Ctrl-C does: nothing written, exit 130.

afterAll(removeTempDirs);

// The key reaches pace on the stream inquirer reads: the terminal in a run, the test screen here.
const person = (dbPath: string) =>
  testContext(dbPath, { interactive: true, prompts: async () => (await import('../../src/ui/prompts.js')).makePrompts(() => false, false, () => screen.input) });

const escape = () => screen.keypress('escape');

async function setUp(): Promise<string> {
  const path = join(tempDir(), 'pace.db');
  await init([], { pem: 'no' }, testContext(path));
  await log(['walk', '10'], { date: '2026-11-21' }, testContext(path));
  await goalAdd(['climb the stairs'], { rating: '3' }, testContext(path));
  return path;
}

describe('Escape at a question stops it, as Ctrl-C does', () => {
  it('the safety question of a first log (a confirm): no journal is created', async () => {
    const ctx = person(join(tempDir(), 'pace.db'));
    const done = log([], {}, ctx);
    await screen.next();
    escape();
    await expect(done).rejects.toMatchObject({ name: 'AbortPromptError' });
    expect(existsSync(ctx.dbPath)).toBe(false);
  });

  type Run = (ctx: ReturnType<typeof person>) => Promise<number>;
  it.each<[string, Run, (() => void)?]>([
    ['log, at the activity (a text question), part typed', (ctx) => log([], {}, ctx), () => screen.type('wal')],
    ['log, at the dose', (ctx) => log(['walk'], {}, ctx)],
    ['triage, at the checklist, a sign ticked', (ctx) => triageCmd([], {}, ctx), () => screen.keypress('space')],
    ['checkin', (ctx) => checkin([], {}, ctx)],
    ['goal rate', (ctx) => goalRate([], {}, ctx)],
    ['init, at its first question', (ctx) => init([], {}, ctx)],
  ])('%s: the journal is left as it was', async (_, run, before) => {
    const path = await setUp();
    const hash = fileHash(path);
    const done = run(person(path));
    await screen.next();
    before?.();
    escape();
    await expect(done).rejects.toMatchObject({ name: 'AbortPromptError' });
    expect(fileHash(path)).toBe(hash);
  });

  it('checkin, at its second question, after an answer: nothing is recorded', async () => {
    const path = await setUp();
    const hash = fileHash(path);
    const done = checkin([], {}, person(path));
    await screen.next();
    screen.type('4');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/enjoyment/);
    escape();
    await expect(done).rejects.toMatchObject({ name: 'AbortPromptError' });
    expect(fileHash(path)).toBe(hash);
  });

  it('a key that starts with Escape (an arrow, Alt and a letter) does not stop the question', async () => {
    const path = await setUp();
    const done = log(['walk'], { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' }, person(path));
    await screen.next();
    screen.keypress('left');
    screen.keypress({ name: 'b', meta: true });
    screen.type('12');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(sessionsIn(path)).toHaveLength(2);
  });
});
