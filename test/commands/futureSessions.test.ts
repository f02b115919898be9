// Sessions logged while the computer's clock was a day ahead are dated after today once the clock
// is right again: status and list say so, and how to move one (docs/decisions.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/main.js';
import { MemoryStream } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = savedTz;
  removeTempDirs();
});

// Noon in Los Angeles: Tuesday 24 November 2026, and the clock a day ahead.
const TODAY = new Date('2026-11-24T20:00:00Z');
const AHEAD = new Date('2026-11-25T20:00:00Z');

async function run(home: string, args: string[], at: Date, env: Record<string, string> = {}) {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const io: Io = { env: { HOME: home, PACE_DB: `${home}/pace.db`, NO_COLOR: '1', ...env }, stdin: {}, stdout, stderr, platform: 'linux', clock: () => at };
  const code = await main(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A journal with one session today and two logged while the clock said tomorrow; their ids. */
async function clockWasAhead(): Promise<{ home: string; ids: number[] }> {
  const home = tempDir();
  expect((await run(home, ['init', '--pem', 'no', '--no-input'], TODAY)).code).toBe(0);
  expect((await run(home, ['log', 'walk', '10', '--no-input'], TODAY)).code).toBe(0);
  const ids: number[] = [];
  for (const dose of ['12', '8']) {
    const r = await run(home, ['log', 'walk', dose, '--no-input', '--json'], AHEAD);
    expect(r.code, r.stderr).toBe(0);
    ids.push((JSON.parse(r.stdout) as { session: { id: number } }).session.id);
  }
  return { home, ids };
}

const line = (ids: number[]) =>
  `2 sessions are dated after today: ${ids[0]} on Wed 25 Nov, ${ids[1]} on Wed 25 Nov. If the computer's clock was ahead, move each to its day: pace edit <id> --date YYYY-MM-DD`;

describe('sessions dated after today', () => {
  it('status and list say how many, their ids and days, and the command that moves one', async () => {
    const { home, ids } = await clockWasAhead();
    for (const args of [['status'], ['list']]) {
      const r = await run(home, args, TODAY);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n').filter((l) => l.includes('dated after today'))).toEqual([line(ids)]);
    }
  });

  it('status --json lists them in dated_after_today; the session dated today is not among them', async () => {
    const { home, ids } = await clockWasAhead();
    const r = await run(home, ['status', '--json'], TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { dated_after_today: unknown }).dated_after_today).toEqual([
      { session_id: ids[0], date: '2026-11-25' },
      { session_id: ids[1], date: '2026-11-25' },
    ]);
  });

  it('one session is named with its own command', async () => {
    const home = tempDir();
    expect((await run(home, ['init', '--pem', 'no', '--no-input'], TODAY)).code).toBe(0);
    const r = await run(home, ['log', 'walk', '10', '--no-input', '--json'], AHEAD);
    const id = (JSON.parse(r.stdout) as { session: { id: number } }).session.id;
    const s = await run(home, ['status'], TODAY);
    expect(s.stdout).toContain(`1 session is dated after today: ${id} on Wed 25 Nov. If the computer's clock was ahead, move it to its day: pace edit ${id} --date YYYY-MM-DD\n`);
  });

  it('once moved, nothing is said; and a day set back on purpose (PACE_TODAY) is not nagged', async () => {
    const { home, ids } = await clockWasAhead();
    const back = await run(home, ['status'], AHEAD, { PACE_TODAY: '2026-11-24' });
    expect(back.stdout).not.toContain('dated after today');
    expect((await run(home, ['list'], AHEAD, { PACE_TODAY: '2026-11-24' })).stdout).not.toContain('dated after today');
    for (const id of ids) expect((await run(home, ['edit', String(id), '--date', '2026-11-24', '--no-input'], TODAY)).code).toBe(0);
    for (const args of [['status'], ['list']]) expect((await run(home, args, TODAY)).stdout).not.toContain('dated after today');
    expect((JSON.parse((await run(home, ['status', '--json'], TODAY)).stdout) as { dated_after_today: unknown }).dated_after_today).toEqual([]);
  });
});
