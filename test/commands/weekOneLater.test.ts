import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remove } from '../../src/commands/delete.js';
import { edit } from '../../src/commands/edit.js';
import { log } from '../../src/commands/log.js';
import { testContext } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

/** Walks on Mon 2 Nov 2026 (session 1, alone in its week) and Mon 9 and Wed 11 Nov. */
async function journal(): Promise<string> {
  const db = join(tempDir(), 'pace.db');
  for (const date of ['2026-11-02', '2026-11-09', '2026-11-11']) expect(await log(['walk', '10'], { date }, testContext(db))).toBe(0);
  return db;
}

describe('P: a delete or an edit that moves program week 1 later says so', () => {
  it('P: deleting the only session of week 1 names the new week 1 (stderr), and --json stays one document', async () => {
    const db = await journal();
    const ctx = testContext(db);
    expect(await remove(['1'], { yes: true }, ctx)).toBe(0);
    expect(ctx.stderr.text).toMatch(/week 1 is now the week of Mon 9 Nov 2026.*Mon 2 Nov 2026/s);
    // With --json the note stays on stderr: stdout is the one document.
    const json = testContext(await journal());
    expect(await remove(['1'], { yes: true, json: true }, json)).toBe(0);
    expect(json.stderr.text).toMatch(/week 1 is now the week of Mon 9 Nov 2026/);
    expect(JSON.parse(json.stdout.text)).toMatchObject({ deleted: { id: 1 }, hold: null });
  });

  it('P: an edit that moves that session to a later week says so too', async () => {
    const db = await journal();
    const ctx = testContext(db);
    expect(await edit(['1'], { date: '2026-11-10' }, ctx)).toBe(0);
    expect(ctx.stderr.text).toMatch(/week 1 is now the week of Mon 9 Nov 2026/);
  });

  it('P: a delete that leaves week 1 where it was says nothing of it', async () => {
    const db = await journal();
    const ctx = testContext(db);
    expect(await remove(['2'], { yes: true }, ctx)).toBe(0);
    expect(ctx.stderr.text).not.toMatch(/week 1/);
  });
});
