// A plan --set that the rules refuse (Q7 under a hold, B1 without --yes) is a usage error as
// cli.md has it: exit 2, at most two lines on stderr, nothing on stdout, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, stackLines, tempPace, type RunResult, type TempPace } from '../helpers/pace.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const TODAY = { PACE_TODAY: '2026-11-21' };

function expectRefused(pace: TempPace, args: readonly string[], first: RegExp): RunResult {
  const before = fileHash(pace.db);
  const r = pace.run(args, TODAY);
  expect(r.status, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  expect(lines(r.stderr).length, r.stderr).toBeLessThanOrEqual(2);
  expect(lines(r.stderr)[0]).toMatch(first);
  expect(r.stdout).toBe('');
  expect(fileHash(pace.db)).toBe(before);
  return r;
}

describe('plan --set refused by the rules', () => {
  let pace: TempPace;
  beforeAll(() => {
    pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'no'], TODAY).status).toBe(0);
    for (const date of ['2026-11-16', '2026-11-18', '2026-11-20']) expect(pace.run(['log', 'walk', '10', '--date', date], TODAY).status).toBe(0);
  });

  it('B1: a boom (3 x the plan) without --yes, with or without --json', () => {
    expectRefused(pace, ['plan', '--set', 'walk=30x7'], /^pace: --set: walk 30 min is 3 x the 10 min planned/);
    expectRefused(pace, ['plan', '--set', 'walk=30x7', '--json'], /^pace: --set: walk 30 min is 3 x/);
  });

  it('Q7: a raise while an assess hold is open, even with --yes', () => {
    expect(pace.run(['log', 'walk', '10', '--symptom', 'joint-swelling'], TODAY).status).toBe(0);
    expectRefused(pace, ['plan', '--set', 'walk=12'], /^pace: --set walk=12: the plan is on hold since Sat 21 Nov/);
    expectRefused(pace, ['plan', '--set', 'walk=12', '--yes', '--json'], /^pace: --set walk=12: the plan is on hold/);
  });
});
