// The prompt mocks must load before any module that imports inquirer.
import { screen } from '@inquirer/testing/vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { triageCmd } from '../../src/commands/triage.js';
import { SYMPTOMS } from '../../src/core/symptoms.js';
import { listTriage } from '../../src/store/triage.js';
import { readJournal, testContext } from '../helpers/context.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const person = (dbPath: string) =>
  testContext(dbPath, { interactive: true, prompts: async () => (await import('../../src/ui/prompts.js')).makePrompts(() => false) });

async function journal(): Promise<string> {
  const path = join(tempDir(), 'pace.db');
  await init([], { pem: 'no' }, testContext(path));
  return path;
}

const records = (path: string) => readJournal(path, listTriage);

/** Moves the checklist cursor from the first symptom to `code` (separators are skipped) and ticks it. */
function tick(code: string, from = 0): number {
  const at = SYMPTOMS.findIndex((s) => s.code === code);
  for (let i = from; i < at; i++) screen.keypress('down');
  screen.keypress('space');
  return at;
}

describe('pace triage, as a checklist (T4)', () => {
  it('T4: offers every symptom of table T, grouped by class', async () => {
    const done = triageCmd([], {}, person(await journal()));
    await screen.next();
    const text = screen.getScreen();
    expect(text).toMatch(/space/i);
    for (const s of SYMPTOMS) expect(text).toContain(s.label);
    screen.keypress('enter');
    expect(await done).toBe(0);
  });

  it('T3: ticking chest pain with arrows and space, then Enter, gives the stop message and stores it', async () => {
    const path = await journal();
    const ctx = person(path);
    const done = triageCmd([], {}, ctx);
    await screen.next();
    tick('chest-pain');
    screen.keypress('enter');
    expect(await done).toBe(0);
    const lines = ctx.stdout.text.split('\n');
    expect(lines[0]).toMatch(/STOP/);
    expect(ctx.stdout.text).toMatch(/emergency services/);
    expect(ctx.stdout.text).toMatch(/chest-pain: stop, rule T3/);
    expect(records(path)).toEqual([expect.objectContaining({ kind: 'triage', class: 'stop', symptoms: ['chest-pain'] })]);
  });

  it('T: two ticks, one continue and one assess: assess wins and both are listed', async () => {
    const path = await journal();
    const ctx = person(path);
    const done = triageCmd([], { json: true }, ctx);
    await screen.next();
    const at = tick('muscle-fatigue');
    tick('joint-swelling', at);
    screen.keypress('enter');
    expect(await done).toBe(0);
    const doc = JSON.parse(ctx.stdout.text);
    expect(doc.class).toBe('assess');
    expect(doc.symptoms.map((s: { code: string; class: string }) => [s.code, s.class])).toEqual([
      ['muscle-fatigue', 'continue'],
      ['joint-swelling', 'assess'],
    ]);
    expect(records(path)[0]).toMatchObject({ class: 'assess', symptoms: ['muscle-fatigue', 'joint-swelling'] });
  });

  it('T1: nothing ticked is calm: no STOP, no emergency', async () => {
    const ctx = person(await journal());
    const done = triageCmd([], {}, ctx);
    await screen.next();
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(ctx.stdout.text).not.toMatch(/stop|emergency/i);
  });

  it('Ctrl-C at the checklist stores nothing', async () => {
    const path = await journal();
    const before = fileHash(path);
    const done = triageCmd([], {}, person(path));
    await screen.next();
    tick('dizziness');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(fileHash(path)).toBe(before);
  });

  it('Ctrl-C at the checklist of a first use creates no journal', async () => {
    const path = join(tempDir(), 'pace.db');
    const done = triageCmd([], {}, person(path));
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(existsSync(path)).toBe(false);
  });
});
