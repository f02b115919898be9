// Makes the V8 code cache that bin/pace.js uses on Node 20; scripts/build.mjs runs it in a process
// of its own. It loads the new bundle the way bin/pace.js does, runs the commands people run most
// once each, silently, so that V8 compiles the code they need, and saves the compiled code beside
// the bundle. Usage, with PACE_DB naming a journal that does not exist yet:
//   node scripts/train-cache.mjs <folder holding main.cjs>
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';

const RUNS = [
  ['--help'],
  ['--version'],
  ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '3', '--json'],
  ['status', '--json'],
  ['plan', '--json'],
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
