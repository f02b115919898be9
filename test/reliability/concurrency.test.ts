import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { integrity, pace, paceAsync, sandbox, sandboxWithHistory, sessionCount, stackLines, useBuiltCli, type Run, type Sandbox } from './helpers.js';

useBuiltCli();

let sb: Sandbox;
afterEach(() => sb?.remove());

const BUSY = /^pace: the journal is busy in another pace process; nothing was saved\.$/m;

/**
 * `lanes` runs of pace at once, each doing `times` logs one after another. A log that waited out
 * the 5-second busy timeout (a loaded disk can make the queue that long) says so and saves
 * nothing; it is run again, as its message asks. Returns every run, the busy ones included.
 */
async function logInLanes(lanes: number, times: number): Promise<Run[]> {
  const lane = async (n: number) => {
    const runs: Run[] = [];
    for (let i = 0; i < times; i++) {
      let r: Run;
      do {
        r = await paceAsync(sb, ['log', 'walk', String(1 + n * times + i), '--pain-before', '3', '--pain-after', '4', '--json']).done;
        runs.push(r);
      } while (r.status === 1 && BUSY.test(r.stderr));
    }
    return runs;
  };
  return (await Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)))).flat();
}

/** Each run either saved its session or said, in one plain line, that the journal was busy. */
function savedOrBusy(runs: Run[]): void {
  for (const r of runs) {
    expect(stackLines(r.stderr)).toEqual([]);
    if (r.status === 0) expect(JSON.parse(r.stdout)).toHaveProperty('session.id');
    else expect([r.status, r.stderr]).toEqual([1, expect.stringMatching(BUSY)]);
  }
}

describe('two writers', () => {
  it('4 processes logging 25 sessions each at the same time: each log is saved or says busy and saves nothing; all 100 are kept once', async () => {
    sb = sandbox();
    expect(pace(sb, ['init', '--pem', 'no']).status).toBe(0);

    const runs = await logInLanes(4, 25);

    savedOrBusy(runs);
    expect(runs.filter((r) => r.status === 0)).toHaveLength(100);
    expect(sessionCount(sb.db)).toBe(100);
    // Each process logged a different dose, so a lost write, or a busy one that saved after all, would show here.
    const doses = (JSON.parse(pace(sb, ['list', '--json']).stdout) as { dose: number }[]).map((s) => s.dose).sort((a, b) => a - b);
    expect(doses).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(integrity(sb.db)).toBe('ok');
    expect(pace(sb, ['check']).status).toBe(0);
  }, 180_000);

  it('several processes writing to a journal that does not exist yet: each creates it or waits its turn, none fails otherwise', async () => {
    for (let round = 0; round < 10; round++) {
      sb?.remove();
      sb = sandbox();
      const runs = await logInLanes(6, 1);
      savedOrBusy(runs);
      expect(sessionCount(sb.db)).toBe(6);
    }
  }, 180_000);
});

describe('a journal held by another program past the 5-second wait', () => {
  // Another program (here this test, through SQLite directly) holds the journal the whole time
  // the pace process runs, so the outcome does not depend on timing; each run waits out the 5 s.
  function holding(mode: 'IMMEDIATE' | 'EXCLUSIVE', run: () => void): void {
    const other = new Database(sb.db);
    other.pragma('journal_mode = PERSIST');
    other.exec(`BEGIN ${mode}`);
    // An unfinished write of its own: the journal's pages in memory, its rollback journal hot.
    other.prepare("INSERT INTO settings (key, value) VALUES ('target_minutes', '90') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    try {
      run();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }

  it('pace log, while another writer holds it: exit 1, one plain line saying it is busy, nothing saved', () => {
    sb = sandbox();
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    holding('IMMEDIATE', () => {
      const r = pace(sb, ['log', 'walk', '12']);
      expect(r.status).toBe(1);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr).toMatch(/^pace: the journal is busy in another pace process; nothing was saved\.$/m);
    });
    expect(sessionCount(sb.db)).toBe(1);
    expect(integrity(sb.db)).toBe('ok');
  }, 30_000);

  it('pace status, while another program holds it exclusively: exit 1 with the same plain line', () => {
    sb = sandbox();
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    holding('EXCLUSIVE', () => {
      const r = pace(sb, ['status', '--json']);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr).toMatch(/^pace: the journal is busy in another pace process; nothing was saved\.$/m);
    });
  }, 30_000);

  it('pace check, while another program holds it exclusively: exit 1 saying it is busy, not a question of permissions or damage', () => {
    sb = sandbox();
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    holding('EXCLUSIVE', () => {
      const r = pace(sb, ['check']);
      expect(r.status).toBe(1);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr).toMatch(/^pace: the journal at .* is busy in another pace process, so it was not checked\.$/m);
      expect(r.stderr).not.toMatch(/permission|damaged|SQLITE/);
      const json = pace(sb, ['check', '--json']);
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^busy in another pace process/)] });
    });
    expect(pace(sb, ['check']).status).toBe(0);
  }, 40_000);
});

describe('output closed early', () => {
  it('pace list --json into a pipe that is closed: exit 1, nothing on stderr, no stack trace', async () => {
    // Far more output than a pipe holds, so pace meets the closed pipe whichever comes first,
    // its writing or the close.
    sb = sandboxWithHistory(2_000);
    const { child, done } = paceAsync(sb, ['list', '--json']);
    child.stdout.destroy();
    const r = await done;
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
  });
});

describe('a reader that has stopped reading', () => {
  it('pace log goes through while a JSON export waits on a pipe nobody reads (a pager left open)', async () => {
    sb = sandboxWithHistory(5_000);
    const { child, done } = paceAsync(sb, ['export', '--format', 'json']);
    // Its first bytes show it has begun to write; then nothing more is read, so the export, far
    // larger than a pipe holds, waits on its output for as long as the test wants.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.pause();
    const r = pace(sb, ['log', 'walk', '10']);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    // The export is still there, waiting to write (not a zombie that has finished): Linux's /proc.
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    expect(stat.slice(stat.lastIndexOf(')') + 2)[0]).toMatch(/[SD]/);
    expect(child.exitCode).toBeNull();
    // Read to the end, it is whole, and holds the sessions as they were before the log.
    child.stdout.resume();
    const exported = await done;
    expect(exported.status, exported.stderr).toBe(0);
    expect((JSON.parse(exported.stdout) as { sessions: unknown[] }).sessions).toHaveLength(5_000);
    expect(sessionCount(sb.db)).toBe(5_001);
  }, 60_000);
});
