// The suite from a clone in a folder only its owner may enter (a home folder of mode 0700, or
// mktemp -d), as a person clones it: the tests that run pace as the user nobody must still pass,
// nobody being unable to read anything in the clone. Slow: a clone, a build, a nested vitest run.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const isRoot = process.getuid?.() === 0;

interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

describe('a clone in a private folder', () => {
  it(`passes the read-only tests, which ${isRoot ? 'run pace as the user nobody' : 'use file modes (not run as root here)'}`, () => {
    const home = tempDir('pace-private-');
    chmodSync(home, 0o700);
    const clone = join(home, 'pace');
    if (spawnSync('git', ['-C', ROOT, 'rev-parse', '--is-inside-work-tree']).status === 0) {
      const git = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
      expect(git.status, git.stderr).toBe(0);
    } else {
      // Sources unpacked from an archive: what a clone would hold, without what installs and builds make.
      const made = ['node_modules', 'dist', '.node24'];
      cpSync(ROOT, clone, { recursive: true, filter: (src) => !made.includes(relative(ROOT, src).split(sep)[0] ?? '') });
    }
    expect(statSync(home).mode & 0o777).toBe(0o700);
    // The installed packages, as npm ci would leave them, linked rather than copied: the same
    // files, inside the private folder.
    const cp = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(clone, 'node_modules')], { encoding: 'utf8' });
    if (cp.status !== 0) expect(spawnSync('cp', ['-a', join(ROOT, 'node_modules'), join(clone, 'node_modules')]).status).toBe(0);

    const report = join(home, 'report.json');
    const env = { ...process.env, CI: 'true' };
    const r = spawnSync(
      process.execPath,
      [join(clone, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/reliability/read-only.test.ts', '--reporter=json', `--outputFile=${report}`],
      { cwd: clone, env, encoding: 'utf8', timeout: 600_000 },
    );
    const result = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    const failures = result.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status !== 'passed').map((a) => `${a.fullName}: ${a.status} ${a.failureMessages.join('\n')}`));
    expect(failures, r.stderr).toEqual([]);
    expect(r.status).toBe(0);
    expect(result.numTotalTests).toBeGreaterThanOrEqual(6);
    expect(result).toMatchObject({ numFailedTests: 0, numPendingTests: 0, numPassedTests: result.numTotalTests });
  }, 900_000);
});
