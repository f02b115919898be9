import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, pace, sandboxWithHistory, stackLines, useBuiltCli, type Run, type Sandbox } from './helpers.js';

const hasDevFull = existsSync('/dev/full');
let sb: Sandbox;
useBuiltCli();
beforeAll(() => {
  sb = sandboxWithHistory(3000);
});
afterAll(() => sb?.remove());

function expectDiskFull(r: Run) {
  expect(r.status, r.stderr).toBe(1);
  expect(stackLines(r.stderr)).toEqual([]);
  expect(r.stderr).toMatch(/disk is full/);
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
}

/** Runs pace with its standard output going to /dev/full, as `pace ... > /dev/full` would. */
function toDevFull(args: string[]): Run {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: sb.dir, env: sb.env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    return { status: r.status, signal: r.signal, stdout: '', stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!hasDevFull)('writing to a full disk (/dev/full)', () => {
  it('pace export --out /dev/full exits 1 saying the disk is full', () => {
    expectDiskFull(pace(sb, ['export', '--out', '/dev/full']));
  });

  it('pace export --format json --out /dev/full exits 1 saying the disk is full', () => {
    expectDiskFull(pace(sb, ['export', '--format', 'json', '--out', '/dev/full']));
  });

  it('pace export > /dev/full exits 1 saying the disk is full', () => {
    expectDiskFull(toDevFull(['export']));
  });

  it('pace list > /dev/full and pace check --json > /dev/full exit 1 saying the disk is full', () => {
    expectDiskFull(toDevFull(['list']));
    expectDiskFull(toDevFull(['check', '--json']));
  });
});
