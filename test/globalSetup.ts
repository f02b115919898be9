// Runs once, in vitest's own process, before any test file. The end-to-end and reliability tests
// spawn the built CLI, so dist/ must be whole and current before the first of them starts: building
// here, once, needs no lock between test files (a lock a killed run left behind would stall every
// later run). "Current" is decided by a stamp, not by dates: scripts/build.mjs writes
// dist/sources.stamp, a hash of every file it builds from (scripts/sourceStamp.mjs), and this
// compares it with the same hash of the checkout as it is now. A source edited since the build
// (or a dist/ from before stamps) makes them differ, and dist/ is rebuilt; when they agree, the
// check costs one hash of the sources, a few milliseconds.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from '../scripts/sourceStamp.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default function setup(): void {
  ensureBuilt(ROOT);
  // The terminal the suite runs in is none of the tests' business: a COLUMNS exported there fits
  // what pace writes into a pipe to its width, PACE_PLAIN or TERM=dumb give plain output and ask
  // nothing, and under TERM=dumb Node's readline takes keys as a dumb terminal sends them, which
  // the question tests do not. Test files run in processes started after this, with this
  // environment; a test that wants one of these sets it for its own run.
  delete process.env.COLUMNS;
  delete process.env.PACE_PLAIN;
  if (process.env.TERM === 'dumb') delete process.env.TERM;
}

/** Builds `root`/dist unless it is a build of the sources as they are; true when it built. */
export function ensureBuilt(root: string): boolean {
  if (buildIsCurrent(root)) return false;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(join(root, 'dist', 'pace.cjs'))) throw new Error(`the build failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  return true;
}
