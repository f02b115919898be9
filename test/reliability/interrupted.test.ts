// A backup or an export to a file is built beside its name and renamed into place when complete.
// A run ended part-way (Ctrl-C, a closed terminal, a kill) must not leave that half file behind:
// for a backup it is a copy of the whole journal, notes included, hidden by its leading dot.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paceAsync, sandboxWithHistory, useBuiltCli, type Sandbox } from './helpers.js';

let sb: Sandbox;
useBuiltCli();
beforeAll(() => {
  sb = sandboxWithHistory(40_000);
}, 120_000);
afterAll(() => sb?.remove());

/** Starts `pace args`, sends `signal` as soon as a temporary file for `name` appears, and waits. */
async function interrupt(args: string[], name: string, signal: NodeJS.Signals) {
  const run = paceAsync(sb, args);
  const tmp = (f: string) => f.startsWith(`.${name}.`) && f.endsWith('.tmp');
  for (let waited = 0; !readdirSync(sb.dir).some(tmp); waited += 2) {
    if (waited > 20_000) throw new Error('no temporary file appeared');
    await new Promise((r) => setTimeout(r, 2));
  }
  run.child.kill(signal);
  const r = await run.done;
  const left = readdirSync(sb.dir).filter((f) => f.startsWith(`.${name}`) || f.startsWith(name));
  return { ...r, left };
}

describe('a run ended part-way leaves no half file behind', () => {
  it('Ctrl-C during pace backup: ends by SIGINT (130 in a shell), and no copy of the journal, whole or in part, is left', async () => {
    const r = await interrupt(['backup', 'copy.db'], 'copy.db', 'SIGINT');
    expect(r.left, `status ${r.status}, signal ${r.signal}, stderr ${r.stderr}`).toEqual([]);
    expect(r.signal).toBe('SIGINT');
  });

  it('a closed terminal (SIGHUP) during pace backup: nothing is left', async () => {
    const r = await interrupt(['backup', 'hup.db'], 'hup.db', 'SIGHUP');
    expect(r.left, `status ${r.status}, signal ${r.signal}, stderr ${r.stderr}`).toEqual([]);
    expect(r.signal).toBe('SIGHUP');
  });

  it('Ctrl-C during export --out: ends by SIGINT (130 in a shell), no half export and no finished one', async () => {
    const r = await interrupt(['export', '--format', 'json', '--include-notes', '--out', 'all.json'], 'all.json', 'SIGINT');
    expect(r.left, `status ${r.status}, signal ${r.signal}, stderr ${r.stderr}`).toEqual([]);
    expect(r.signal).toBe('SIGINT');
    expect(existsSync(join(sb.dir, 'all.json'))).toBe(false);
  });

  it('a kill (SIGTERM) during export --out: nothing is left', async () => {
    const r = await interrupt(['export', '--include-notes', '--out', 'clinic.csv'], 'clinic.csv', 'SIGTERM');
    expect(r.left, `status ${r.status}, signal ${r.signal}, stderr ${r.stderr}`).toEqual([]);
    expect(r.signal).toBe('SIGTERM');
  });
});
