import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyCsv, integrity, pace, paceAsync, sandbox, sessionCount, useBuiltCli, type Sandbox } from './helpers.js';

useBuiltCli();

let sb: Sandbox;
afterEach(() => sb?.remove());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `test` holds or the child has exited; returns whether the child is still running. */
async function until(child: { exitCode: number | null; signalCode: string | null }, test: () => boolean): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    if (test()) return true;
    await pause(2);
  }
  return false;
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : -1);

/** Whether process `pid` has `file` open (Linux's /proc; elsewhere, say yes and kill at once). */
function holdsOpen(pid: number | undefined, file: string): boolean {
  if (pid === undefined) return false;
  const fds = `/proc/${pid}/fd`;
  if (!existsSync('/proc/self/fd')) return true;
  try {
    return readdirSync(fds).some((fd) => {
      try {
        return readlinkSync(join(fds, fd)) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * Whether a write is in progress: pace keeps its rollback journal between writes
 * (journal_mode = PERSIST) and zeroes its header when a transaction ends, so a header that is set
 * means a transaction that has not ended.
 */
function midWrite(db: string): boolean {
  try {
    return readFileSync(`${db}-journal`)[0] !== 0;
  } catch {
    return false;
  }
}

/** Whether the journal file has been written since `mtimeMs`, or its rollback journal is mid-commit. */
function written(db: string, mtimeMs: number): boolean {
  return statSync(db).mtimeMs !== mtimeMs || midWrite(db);
}

/** Linux's state letter for process `pid` (T when stopped), from /proc. */
function stateOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

describe('a pace process killed with SIGKILL', () => {
  it('an import of 100,000 sessions killed mid-transaction leaves the journal whole, with none of them', async () => {
    sb = sandbox();
    expect(pace(sb, ['init', '--pem', 'no']).status).toBe(0);
    const csv = join(sb.dir, 'big.csv');
    writeFileSync(csv, historyCsv(100_000, 4));

    const before = sizeOf(sb.db);
    const { child, done } = paceAsync(sb, ['import', csv]);
    // The journal file grows once the import's transaction spills pages to it: the middle of the write.
    // It runs for seconds, writing all the while: were it found done, nothing would be tested here.
    const running = await until(child, () => sizeOf(sb.db) > before + 256 * 1024);
    expect(running).toBe(true);
    // Stopped first, so that what is checked next is the state the kill interrupts.
    child.kill('SIGSTOP');
    await until(child, () => stateOf(child.pid!) === 'T');
    expect(midWrite(sb.db)).toBe(true);
    child.kill('SIGKILL');
    const run = await done;
    expect(run.signal).toBe('SIGKILL');

    // The next open undoes the transaction the kill cut off: none of the sessions, a whole journal.
    expect(integrity(sb.db)).toBe('ok');
    expect(sessionCount(sb.db)).toBe(0);
    expect(midWrite(sb.db)).toBe(false);
    // The journal still works, and pace's own check agrees.
    expect(pace(sb, ['check']).status).toBe(0);
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    expect(sessionCount(sb.db)).toBe(1);
  }, 120_000);

  it('pace log killed at any point leaves the journal whole, with the session either saved or not', async () => {
    sb = sandbox();
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    let expected = 1;
    // Kill at different moments of the run: while starting, while the journal is open, and late.
    for (const moment of ['spawn', 'open', 'open', 'open', 'late'] as const) {
      const mtimeMs = statSync(sb.db).mtimeMs;
      const { child, done } = paceAsync(sb, ['log', 'stretching', '5', '--pain-before', '2', '--pain-after', '2']);
      if (moment === 'open') await until(child, () => holdsOpen(child.pid, sb.db));
      if (moment === 'late') await until(child, () => written(sb.db, mtimeMs));
      child.kill('SIGKILL');
      await done;
      expect(integrity(sb.db)).toBe('ok');
      const n = sessionCount(sb.db);
      expect([expected, expected + 1]).toContain(n);
      expected = n;
    }
    expect(pace(sb, ['check']).status).toBe(0);
  }, 60_000);
});
