import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remove } from '../../src/commands/delete.js';
import { edit } from '../../src/commands/edit.js';
import { log } from '../../src/commands/log.js';
import { status } from '../../src/commands/status.js';
import type { Prompts } from '../../src/ui/prompts.js';
import { testContext } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

/** A journal with one walk (session 1) logged today with `codes`. */
async function signed(codes: string[]): Promise<string> {
  const db = join(tempDir(), 'pace.db');
  expect(await log(['walk', '10'], { painBefore: '3', painAfter: '4', symptom: codes }, testContext(db))).toBe(0);
  return db;
}

async function holdsOf(db: string) {
  const ctx = testContext(db);
  await status([], { json: true }, ctx);
  return (JSON.parse(ctx.stdout.text) as { holds: unknown[] }).holds;
}

describe('T2, T3: a delete or an edit that takes the sign away says the hold or pause stays', () => {
  it('T3: deleting the session with chest-pain says the pause stays and how it ends (words and JSON)', async () => {
    const db = await signed(['chest-pain']);
    const ctx = testContext(db);
    expect(await remove(['1'], { yes: true }, ctx)).toBe(0);
    expect(ctx.stdout.text).toMatch(/plan stays paused.*chest-pain/);
    expect(ctx.stdout.text).toMatch(/pace triage --cleared/);
    const json = testContext(db);
    await log(['walk', '10'], { symptom: ['joint-swelling'] }, testContext(db));
    // Session 2: the id of the one deleted is never given again (migration 9).
    expect(await remove(['2'], { yes: true, json: true }, json)).toBe(0);
    const doc = JSON.parse(json.stdout.text) as { hold: { kind: string; symptoms: string[] } };
    expect(doc.hold).toMatchObject({ kind: 'stop', symptoms: ['chest-pain', 'joint-swelling'] });
    expect(await holdsOf(db)).toHaveLength(1);
  });

  it('T3: the question before a delete names the pause that stays', async () => {
    const db = await signed(['chest-pain']);
    let asked = '';
    const prompts = async (): Promise<Prompts> => ({
      confirm: async (message: string) => {
        asked = message;
        return false;
      },
      text: async () => '',
      select: async () => {
        throw new Error('unexpected');
      },
      checklist: async () => [],
    });
    expect(await remove(['1'], {}, testContext(db, { interactive: true, prompts }))).toBe(0);
    expect(asked).toMatch(/stays paused \(chest-pain\)/);
  });

  it('T2: an edit that removes joint-swelling says the hold stays, with no calm words alone (words and JSON)', async () => {
    const db = await signed(['joint-swelling', 'muscle-fatigue']);
    const ctx = testContext(db);
    expect(await edit(['1'], { symptom: ['muscle-fatigue'] }, ctx)).toBe(0);
    expect(ctx.stdout.text).toMatch(/plan stays on hold.*joint-swelling/);
    const json = testContext(db);
    expect(await edit(['1'], { painAfter: '5', json: true }, json)).toBe(0);
    expect((JSON.parse(json.stdout.text) as { hold: unknown }).hold).toMatchObject({ kind: 'assess', symptoms: ['joint-swelling'] });
  });

  it('T3: an edit that removes chest-pain says the plan stays paused', async () => {
    const db = await signed(['chest-pain', 'muscle-fatigue']);
    const ctx = testContext(db);
    expect(await edit(['1'], { symptom: ['muscle-fatigue'] }, ctx)).toBe(0);
    expect(ctx.stdout.text).toMatch(/plan stays paused.*chest-pain/);
  });

  it('without a hold, delete and edit say nothing of one, and --json has hold null', async () => {
    const db = await signed([]);
    const e = testContext(db);
    expect(await edit(['1'], { painAfter: '5', json: true }, e)).toBe(0);
    expect((JSON.parse(e.stdout.text) as { hold: unknown }).hold).toBeNull();
    const d = testContext(db);
    expect(await remove(['1'], { yes: true }, d)).toBe(0);
    expect(d.stdout.text).not.toMatch(/stays/);
  });
});
