// Runs once, in vitest's own process, before any test file. The end-to-end and reliability tests
// spawn the built CLI, so dist/ must be whole before the first of them starts: building here, once,
// needs no lock between test files (a lock a killed run left behind would stall every later run).
// `npm test` builds before vitest, so this builds only for a bare `npx vitest run` in a new clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default function setup(): void {
  if (existsSync(join(ROOT, 'dist', 'main.cjs'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(join(ROOT, 'dist', 'main.cjs'))) throw new Error(`the build failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
}
