import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { log } from '../../src/commands/log.js';
import { triageCmd } from '../../src/commands/triage.js';
import { holdAt } from '../../src/core/coach/index.js';
import { InputError } from '../../src/core/errors.js';
import { SYMPTOM_CODES } from '../../src/core/symptoms.js';
import { NotFoundError } from '../../src/store/errors.js';
import { listSessions } from '../../src/store/sessions.js';
import { listTriage } from '../../src/store/triage.js';
import { readJournal as read, testContext, TODAY } from '../helpers/context.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const journalAt = () => join(tempDir(), 'pace.db');

/** A journal with the safety question answered, so no first-use notice gets in the way. */
async function journal(): Promise<string> {
  const path = journalAt();
  await init([], { pem: 'no' }, testContext(path));
  return path;
}

async function triageWith(path: string, symptom: string[], json = false) {
  const ctx = testContext(path);
  const code = await triageCmd([], { symptom, json }, ctx);
  return { code, ctx, out: ctx.stdout.text };
}

describe('pace triage --symptom (T, T4)', () => {
  it('T3: --json prints the class, each symptom with its class, and the advice', async () => {
    const { code, out } = await triageWith(await journal(), ['chest-pain'], true);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ class: 'stop', symptoms: [{ code: 'chest-pain', class: 'stop', rule: 'T3' }] });
    expect(doc.advice).toMatch(/emergency services/);
  });

  it('T, T4: with several symptoms the highest class wins and every one is listed with class and rule', async () => {
    const { out } = await triageWith(await journal(), ['muscle-fatigue', 'joint-swelling', 'dizziness'], true);
    const doc = JSON.parse(out);
    expect(doc.class).toBe('stop');
    expect(doc.symptoms.map((s: { code: string; class: string; rule: string }) => [s.code, s.class, s.rule])).toEqual([
      ['muscle-fatigue', 'continue', 'T1'],
      ['joint-swelling', 'assess', 'T2'],
      ['dizziness', 'stop', 'T3'],
    ]);
  });

  it('T3: the words lead with STOP, then the emergency advice, then each symptom with its rule', async () => {
    const { out } = await triageWith(await journal(), ['muscle-fatigue', 'chest-pain']);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/STOP/);
    expect(lines.slice(0, 2).join(' ')).toMatch(/emergency services/);
    expect(out).toMatch(/chest-pain: stop, rule T3/);
    expect(out).toMatch(/muscle-fatigue: continue, rule T1/);
  });

  it('T1: continue symptoms get calm words: no STOP, no emergency', async () => {
    const { out } = await triageWith(await journal(), ['muscle-fatigue', 'effort-warmth']);
    expect(out).not.toMatch(/stop/i);
    expect(out).not.toMatch(/emergency/i);
    expect(out).toMatch(/effort-warmth: continue, rule T1/);
  });

  it('T2: an assess symptom asks for a physician, without emergency words', async () => {
    const { out } = await triageWith(await journal(), ['new-radiation']);
    expect(out).toMatch(/physician|doctor/i);
    expect(out).not.toMatch(/emergency|STOP/);
  });

  it('T: every triage is stored with its date, class and symptoms', async () => {
    const path = await journal();
    await triageWith(path, ['effort-warmth']);
    await triageWith(path, ['pain-worsening', 'muscle-fatigue']);
    const records = read(path, listTriage).map(({ date, kind, class: cls, symptoms }) => ({ date, kind, class: cls, symptoms }));
    expect(records).toEqual([
      { date: TODAY, kind: 'triage', class: 'continue', symptoms: ['effort-warmth'] },
      { date: TODAY, kind: 'triage', class: 'assess', symptoms: ['pain-worsening', 'muscle-fatigue'] },
    ]);
  });

  it("F1: the result is attached to today's latest session, whose symptoms now include it", async () => {
    const path = await journal();
    await log(['walk', '10'], {}, testContext(path));
    await log(['bike', '15'], {}, testContext(path));
    const { out } = await triageWith(path, ['joint-swelling'], true);
    const bike = read(path, (db) => listSessions(db)).find((s) => s.activity === 'bike')!;
    expect(JSON.parse(out).session_id).toBe(bike.id);
    expect(bike.symptoms).toEqual(['joint-swelling']);
    expect(read(path, listTriage).at(-1)).toMatchObject({ sessionId: bike.id, class: 'assess' });
  });

  it('--session attaches the result to the session named', async () => {
    const path = await journal();
    await log(['walk', '10'], { date: '2026-11-19' }, testContext(path));
    await log(['walk', '12'], {}, testContext(path));
    const first = read(path, (db) => listSessions(db)).find((s) => s.date === '2026-11-19')!;
    const ctx = testContext(path);
    await triageCmd([], { symptom: ['pain-worsening'], session: String(first.id) }, ctx);
    expect(read(path, (db) => listSessions(db)).find((s) => s.id === first.id)!.symptoms).toEqual(['pain-worsening']);
    expect(ctx.stdout.text).toMatch(new RegExp(`session ${first.id}`));
  });
});

describe('pace triage refusals write nothing (exit 2)', () => {
  it('T: an unknown code is a usage error whose hint lists every valid code', async () => {
    const path = journalAt();
    const err = await triageCmd([], { symptom: ['chest-pian'] }, testContext(path)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/chest-pian/);
    for (const code of SYMPTOM_CODES) expect((err as InputError).hint).toContain(code);
    expect(existsSync(path)).toBe(false);
  });

  it('T4: without --symptom and without a terminal there is nothing to ask, so it is a usage error', async () => {
    const path = await journal();
    const before = fileHash(path);
    await expect(triageCmd([], {}, testContext(path))).rejects.toBeInstanceOf(InputError);
    expect(fileHash(path)).toBe(before);
  });

  it('--cleared does not go with --symptom', async () => {
    const path = await journal();
    await expect(triageCmd([], { cleared: true, symptom: ['dizziness'] }, testContext(path))).rejects.toBeInstanceOf(InputError);
    await expect(triageCmd([], { cleared: true, symptom: ['dizziness'] }, testContext(path))).rejects.toThrow(/--cleared and --symptom do not go together/);
    expect(read(path, listTriage)).toEqual([]);
  });

  it('an unknown --session id is a not-found error, and nothing is stored', async () => {
    const path = await journal();
    await expect(triageCmd([], { symptom: ['dizziness'], session: '99' }, testContext(path))).rejects.toBeInstanceOf(NotFoundError);
    expect(read(path, listTriage)).toEqual([]);
  });
});

describe('pace triage --cleared (T2, T3)', () => {
  it('T3: ends a pause: the hold is gone once the clearance is recorded', async () => {
    const path = await journal();
    await triageWith(path, ['chest-pain']);
    expect(holdAt(read(path, listTriage), TODAY)).toMatchObject({ kind: 'stop', symptoms: ['chest-pain'] });
    const ctx = testContext(path);
    expect(await triageCmd([], { cleared: true, json: true }, ctx)).toBe(0);
    expect(JSON.parse(ctx.stdout.text)).toMatchObject({ cleared: true, date: TODAY });
    expect(read(path, listTriage).at(-1)).toMatchObject({ kind: 'cleared', class: null });
    expect(holdAt(read(path, listTriage), TODAY)).toBeNull();
  });

  it('T2: a symptom logged after the clearance opens a new hold', async () => {
    const path = await journal();
    await triageWith(path, ['joint-swelling']);
    await triageCmd([], { cleared: true }, testContext(path));
    await triageWith(path, ['pain-worsening']);
    expect(holdAt(read(path, listTriage), TODAY)).toMatchObject({ kind: 'assess', symptoms: ['pain-worsening'] });
  });
});
