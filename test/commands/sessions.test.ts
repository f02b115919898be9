import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { remove } from '../../src/commands/delete.js';
import { edit } from '../../src/commands/edit.js';
import { list } from '../../src/commands/list.js';
import { log } from '../../src/commands/log.js';
import { InputError } from '../../src/core/errors.js';
import type { IsoDate } from '../../src/core/types.js';
import { NotFoundError } from '../../src/store/errors.js';
import type { Prompts } from '../../src/ui/prompts.js';
import { testContext } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

let path: string;
beforeEach(async () => {
  path = join(tempDir(), 'pace.db');
  await log(['walk', '10'], { date: '2026-11-19', painBefore: '3', painAfter: '4' }, testContext(path));
  await log(['stretching', '5'], { date: '2026-11-20', note: 'hamstrings' }, testContext(path));
  await log(['walk', '12'], { date: '2026-11-20' }, testContext(path));
});

async function listed(flags: Parameters<typeof list>[1] = {}) {
  const ctx = testContext(path);
  await list([], { ...flags, json: true }, ctx);
  return JSON.parse(ctx.stdout.text) as { id: number; date: string; activity: string; dose: number; pain_after: number | null; note: string | null }[];
}

/** Prompts that answer every confirmation with `answer`. */
const confirming = (answer: boolean) => async (): Promise<Prompts> => ({
  confirm: async () => answer,
  text: async () => '',
  select: async () => {
    throw new Error('unexpected');
  },
  checklist: async () => [],
});

describe('pace list', () => {
  it('shows sessions newest first with their ids', async () => {
    expect((await listed()).map((s) => [s.id, s.date])).toEqual([
      [3, '2026-11-20'],
      [2, '2026-11-20'],
      [1, '2026-11-19'],
    ]);
  });

  it('filters by --from, --to and --limit', async () => {
    expect((await listed({ from: '2026-11-20' })).map((s) => s.id)).toEqual([3, 2]);
    expect((await listed({ to: '2026-11-19' })).map((s) => s.id)).toEqual([1]);
    expect((await listed({ limit: '1' })).map((s) => s.id)).toEqual([3]);
  });

  it('prints a table with the ids for people', async () => {
    const ctx = testContext(path);
    await list([], {}, ctx);
    expect(ctx.stdout.text).toMatch(/stretching/);
    expect(ctx.stdout.text).not.toMatch(/\u001b\[/);
  });

  it('refuses a --from after --to, and a malformed date', async () => {
    await expect(list([], { from: '2026-11-20', to: '2026-11-19' }, testContext(path))).rejects.toBeInstanceOf(InputError);
    await expect(list([], { from: '2026-11-20', to: '2026-11-19' }, testContext(path))).rejects.toThrow('--from 2026-11-20 is after --to 2026-11-19.');
    await expect(list([], { from: '2026-02-30' }, testContext(path))).rejects.toBeInstanceOf(InputError);
  });
});

describe('pace edit', () => {
  it('changes only the fields whose flags were given', async () => {
    await edit(['1'], { painAfter: '6' }, testContext(path));
    const s = (await listed()).find((x) => x.id === 1)!;
    expect(s).toMatchObject({ dose: 10, pain_after: 6, date: '2026-11-19', activity: 'walk' });
  });

  it('refuses an unknown id (exit 2) and a value out of range', async () => {
    await expect(edit(['99'], { painAfter: '6' }, testContext(path))).rejects.toBeInstanceOf(NotFoundError);
    await expect(edit(['abc'], { painAfter: '6' }, testContext(path))).rejects.toBeInstanceOf(InputError);
    await expect(edit(['1'], { painAfter: '11' }, testContext(path))).rejects.toBeInstanceOf(InputError);
    expect((await listed()).find((x) => x.id === 1)!.pain_after).toBe(4);
  });

  it('refuses to run without anything to change', async () => {
    await expect(edit(['1'], {}, testContext(path))).rejects.toBeInstanceOf(InputError);
    await expect(edit(['1'], {}, testContext(path))).rejects.toThrow(/nothing to change/);
  });

  it('without anything to change, the hint names the session asked about, the dose and where every flag is listed', async () => {
    await expect(edit(['1'], {}, testContext(path))).rejects.toMatchObject({ hint: expect.stringMatching(/pace edit 1 --dose 11\b.*pace edit --help/) });
  });
});

describe('pace edit and the next-day check (F2)', () => {
  it('a session answered "settled" and moved to a day not yet answered leaves that day to be asked about', async () => {
    const own = join(tempDir(), 'pace.db');
    const on = (day: string) => testContext(own, { today: day as IsoDate });
    await log(['walk', '10'], {}, on('2026-11-19'));
    // The next day: the walk's pain had settled; a bike ride that day.
    await log(['bike', '5'], { settled: 'yes' }, on('2026-11-20'));
    // The walk was really on the 20th, beside the ride. Its "settled" was about the 19th.
    expect(await edit(['1'], { date: '2026-11-20' }, on('2026-11-21'))).toBe(0);
    const ctx = on('2026-11-21');
    expect(await log(['walk', '10'], { settled: 'no', json: true }, ctx)).toBe(0);
    expect(JSON.parse(ctx.stdout.text).checkin).toMatchObject({ date: '2026-11-20', settled: false });
  });
});

describe('pace delete', () => {
  it('deletes with --yes', async () => {
    await remove(['2'], { yes: true }, testContext(path));
    expect((await listed()).map((s) => s.id)).toEqual([3, 1]);
  });

  it('needs --yes when it cannot ask, and deletes nothing', async () => {
    await expect(remove(['2'], {}, testContext(path))).rejects.toBeInstanceOf(InputError);
    expect(await listed()).toHaveLength(3);
  });

  it('asks a person first, and keeps the session when they say no', async () => {
    const no = testContext(path, { interactive: true, prompts: confirming(false) });
    await remove(['2'], {}, no);
    expect(no.stdout.text).toMatch(/Nothing was deleted/);
    expect(await listed()).toHaveLength(3);
    await remove(['2'], {}, testContext(path, { interactive: true, prompts: confirming(true) }));
    expect(await listed()).toHaveLength(2);
  });

  it('refuses an unknown id', async () => {
    await expect(remove(['99'], { yes: true }, testContext(path))).rejects.toBeInstanceOf(NotFoundError);
  });
});
