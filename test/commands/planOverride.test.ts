import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { plan } from '../../src/commands/plan.js';
import { addDays } from '../../src/core/dates.js';
import { InputError } from '../../src/core/errors.js';
import type { IsoDate } from '../../src/core/types.js';
import { openJournal, write } from '../../src/store/open.js';
import { listOverrides } from '../../src/store/plans.js';
import { insertSession } from '../../src/store/sessions.js';
import { insertTriage } from '../../src/store/triage.js';
import type { Prompts } from '../../src/ui/prompts.js';
import { walk } from '../helpers/sessions.js';
import { readJournal, testContext } from '../helpers/context.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// TODAY is Saturday 21 Nov 2026. Five weeks of walks that follow the plan (10, 10, 11, 12, 13 min,
// three a week) leave next week's plan at 14.5 min x 3.
const W1 = '2026-10-19' as IsoDate;
const DOSES = [10, 10, 11, 12, 13];

async function journal(extra: { flareOn?: IsoDate; triage?: { date: IsoDate; class: 'assess' | 'stop'; symptoms: string[] } } = {}): Promise<string> {
  const path = join(tempDir(), 'pace.db');
  await init([], { pem: 'no' }, testContext(path));
  const j = openJournal(path, { write: true });
  try {
    write(j.db, () => {
      DOSES.forEach((dose, w) => {
        for (const day of [0, 2, 4]) {
          const date = addDays(W1, 7 * w + day);
          insertSession(j.db, walk({ date, dose, flare: date === extra.flareOn }), '2026-11-21T09:00:00Z');
        }
      });
      if (extra.triage) insertTriage(j.db, { ...extra.triage, sessionId: null, kind: 'triage' });
    });
  } finally {
    j.close();
  }
  return path;
}

const overridesIn = (path: string) => readJournal(path, listOverrides);

async function set(path: string, value: string, opts: { yes?: boolean; interactive?: boolean; answer?: boolean } = {}) {
  const prompts = async () => ({ confirm: async () => opts.answer ?? false }) as unknown as Prompts;
  const ctx = testContext(path, { interactive: opts.interactive ?? false, prompts });
  const code = await plan([], { set: [value], json: true, ...(opts.yes ? { yes: true } : {}) }, ctx);
  return { code, out: ctx.stdout.text, err: ctx.stderr.text };
}

async function refused(path: string, value: string, opts: { yes?: boolean } = {}): Promise<InputError> {
  const before = fileHash(path);
  const e = await set(path, value, opts).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  expect(fileHash(path)).toBe(before); // nothing written, not even a checkpoint
  expect(overridesIn(path)).toEqual([]);
  return e as InputError;
}

describe('Q7: overrides do not get around the safety net', () => {
  it('Q7/T2: an override that raises the plan is refused while an assess hold is open, naming pace triage --cleared', async () => {
    const path = await journal({ triage: { date: '2026-11-20' as IsoDate, class: 'assess', symptoms: ['pain-worsening'] } });
    const e = await refused(path, 'walk=240x7', { yes: true });
    expect(e.message).toMatch(/on hold since Fri 20 Nov \(pain-worsening\)/);
    expect(e.hint).toMatch(/pace triage --cleared/);
  });

  it('Q7/T3: more sessions a week are refused while the plan is paused', async () => {
    const path = await journal({ triage: { date: '2026-11-20' as IsoDate, class: 'stop', symptoms: ['dizziness'] } });
    const e = await refused(path, 'walk=13x4');
    expect(e.message).toMatch(/paused since Fri 20 Nov \(dizziness\).*cleared you/);
    expect(e.hint).toMatch(/pace triage --cleared/);
  });

  it('Q7: lowering is always allowed, under a hold too', async () => {
    const path = await journal({ triage: { date: '2026-11-20' as IsoDate, class: 'assess', symptoms: ['pain-worsening'] } });
    const { code, out } = await set(path, 'walk=8x2');
    expect(code).toBe(0);
    expect(JSON.parse(out).activities[0]).toMatchObject({ quota: 8, sessions_per_week: 2, change: 'override' });
    expect(overridesIn(path)).toHaveLength(1);
  });

  it('Q7/Q5: the week after a flare cannot be set above its drop-back level; at it, it can', async () => {
    const path = await journal({ flareOn: '2026-11-18' as IsoDate });
    const e = await refused(path, 'walk=13');
    expect(e.message).toMatch(/after the flare on Wed 18 Nov, the week of Mon 2[0-9] Nov stays at 3 x 12 min at most/);
    const { code, out } = await set(path, 'walk=12');
    expect(code).toBe(0);
    expect(JSON.parse(out).activities[0]).toMatchObject({ quota: 12 });
  });

  it('Q7/B1: an override at 1.5 x the quota or more needs --yes when scripted', async () => {
    const path = await journal();
    const e = await refused(path, 'walk=22'); // 22 >= 1.5 x 14.5
    expect(e.message).toMatch(/walk 22 min is 1.5 x the 14.5 min planned: a jump that size is a boom \(B1\)/);
    expect(e.hint).toMatch(/--yes/);
    const { code } = await set(path, 'walk=22', { yes: true });
    expect(code).toBe(0);
    expect(overridesIn(path).map((o) => o.quota)).toEqual([22]);
  });

  it('Q7/B1: just under 1.5 x needs no confirmation', async () => {
    const path = await journal();
    expect((await set(path, 'walk=21.5')).code).toBe(0);
    expect(overridesIn(path).map((o) => o.quota)).toEqual([21.5]);
  });

  it('Q7/B1: on a terminal it asks, and a no writes nothing', async () => {
    const path = await journal();
    const before = fileHash(path);
    const { code, out, err } = await set(path, 'walk=30', { interactive: true, answer: false });
    expect(code).toBe(0);
    // Seen: plain text on stdout under --json. cli.md: --json prints JSON; here the unchanged plan.
    expect(JSON.parse(out).activities[0]).toMatchObject({ quota: 14.5, sessions_per_week: 3 });
    expect(err).toMatch(/Nothing was changed/);
    expect(fileHash(path)).toBe(before);
    const words = testContext(path, { interactive: true, prompts: async () => ({ confirm: async () => false }) as unknown as Prompts });
    expect(await plan([], { set: ['walk=30'] }, words)).toBe(0);
    expect(words.stdout.text).toMatch(/Kept the plan as it was. Nothing was changed./);
    await set(path, 'walk=30', { interactive: true, answer: true });
    expect(overridesIn(path).map((o) => o.quota)).toEqual([30]);
  });

  it('Q7/B1: the boom question defaults to no: Enter alone writes nothing', async () => {
    const path = await journal();
    const before = fileHash(path);
    const enter = async (_message: string, def: boolean) => def;
    const ctx = testContext(path, { interactive: true, prompts: async () => ({ confirm: enter }) as unknown as Prompts });
    expect(await plan([], { set: ['walk=30'] }, ctx)).toBe(0);
    expect(ctx.stdout.text).toMatch(/Nothing was changed/);
    expect(fileHash(path)).toBe(before);
  });

  it('Q7/T3: a pause opened while the question waits is seen before the override is written', async () => {
    // Review 36: the request was checked in one read and written in another transaction.
    const path = await journal();
    const pauseMeanwhile = async () => {
      const other = openJournal(path, { write: true });
      try {
        write(other.db, () => insertTriage(other.db, { date: '2026-11-21' as IsoDate, class: 'stop', symptoms: ['dizziness'], sessionId: null, kind: 'triage' }));
      } finally {
        other.close();
      }
      return true;
    };
    const ctx = testContext(path, { interactive: true, prompts: async () => ({ confirm: pauseMeanwhile }) as unknown as Prompts });
    const e = await plan([], { set: ['walk=30'] }, ctx).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(/paused since Sat 21 Nov \(dizziness\)/);
    expect(overridesIn(path)).toEqual([]);
  });
});
