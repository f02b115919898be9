// Makes the V8 code cache that bin/pace.js uses on Node 20; scripts/build.mjs runs it in a process
// of its own. It loads the new bundle the way bin/pace.js does, runs the commands people run most
// once each, silently, so that V8 compiles the code they need, and saves the compiled code beside
// the bundle. Usage, with PACE_DB naming a journal that does not exist yet:
//   node scripts/train-cache.mjs <folder holding main.cjs>
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';

// Ten weeks of history first, so that the coach's rules (baseline, growth, flares, booms) run and
// land in the cache, not only the paths of an empty journal; then the commands as people run them.
const today = process.env.PACE_TODAY ?? '2026-11-21';
const daysBefore = (n) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);
const HISTORY = [];
for (let n = 70; n >= 1; n -= 2) {
  const flare = n % 17 === 0 ? ['--flare', '--pain-after', '8'] : ['--pain-after', '4'];
  HISTORY.push(['log', 'walk', String(10 + Math.floor((70 - n) / 10)), '--date', daysBefore(n), '--pain-before', '3', ...flare, '--json']);
  if (n % 6 === 0) HISTORY.push(['log', 'stretching', '8', '--date', daysBefore(n), '--pain-before', '2', '--pain-after', '2', '--json']);
}
const RUNS = [
  ['--help'],
  ['--version'],
  ...HISTORY,
  ['status', '--json'],
  ['status', '--json'],
  ['plan', '--json'],
  ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '3', '--json'],
  ['status'],
  ['plan'],
  ['list', '--limit', '5'],
];

const dir = process.argv[2];
const journal = process.env.PACE_DB;
// Training logs sessions, so only ever into a journal made for it, never into a person's own.
if (!dir || !journal || existsSync(journal)) {
  console.error('usage: PACE_DB=<a journal that does not exist yet> node scripts/train-cache.mjs <folder holding main.cjs>');
  process.exit(2);
}

const bundle = resolve(dir, 'main.cjs');
try {
  const { loadBundle } = createRequire(import.meta.url)('../bin/pace.js');
  const { exports: pace, createCache } = loadBundle(bundle);
  // main() sets a private umask for journals; the cache is for every user of this installation.
  const umask = process.umask();
  const quiet = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  for (const argv of RUNS) {
    const io = { env: process.env, stdin: { isTTY: false }, stdout: quiet(), stderr: quiet(), platform: process.platform, clock: () => new Date() };
    const code = await pace.main(argv, io);
    if (code !== 0) throw new Error(`pace ${argv.join(' ')} exited with ${code}`);
  }
  process.umask(umask);
  writeFileSync(`${bundle}.cache`, createCache());
} catch (e) {
  // One line: the build shows it in its warning.
  console.error(`training failed: ${e.message}`);
  process.exit(1);
}
// Done, even if something the commands started would keep the process waiting.
process.exit(0);
