import { afterEach, describe, expect, it } from 'vitest';
import { integrity, pace, paceAsync, sandbox, sessionCount, stackLines, useBuiltCli, type Run, type Sandbox } from './helpers.js';

useBuiltCli();

let sb: Sandbox;
afterEach(() => sb?.remove());

/** `lanes` runs of pace at once, each doing `times` logs one after another. */
async function logInLanes(lanes: number, times: number): Promise<Run[]> {
  const lane = async (n: number) => {
    const runs: Run[] = [];
    for (let i = 0; i < times; i++) {
      runs.push(await paceAsync(sb, ['log', 'walk', String(1 + n * times + i), '--pain-before', '3', '--pain-after', '4', '--json']).done);
    }
    return runs;
  };
  return (await Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)))).flat();
}

describe('two writers', () => {
  it('4 processes logging 25 sessions each at the same time: every log succeeds and all 100 are kept', async () => {
    sb = sandbox();
    expect(pace(sb, ['init', '--pem', 'no']).status).toBe(0);

    const runs = await logInLanes(4, 25);

    for (const r of runs) {
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(sessionCount(sb.db)).toBe(100);
    // Each process logged a different dose, so a lost or doubled write would show here.
    const doses = (JSON.parse(pace(sb, ['list', '--json']).stdout) as { dose: number }[]).map((s) => s.dose).sort((a, b) => a - b);
    expect(doses).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(integrity(sb.db)).toBe('ok');
    expect(pace(sb, ['check']).status).toBe(0);
  }, 180_000);

  it('several processes writing to a journal that does not exist yet: all succeed', async () => {
    for (let round = 0; round < 10; round++) {
      sb?.remove();
      sb = sandbox();
      const runs = await logInLanes(6, 1);
      for (const r of runs) expect(r.status, r.stderr).toBe(0);
      expect(sessionCount(sb.db)).toBe(6);
    }
  }, 180_000);
});
