// Makes the V8 code caches that bin/pace.js uses on Node 20; scripts/build.mjs runs it in processes
// of their own. It loads the new bundle the way bin/pace.js does, runs commands once each (their
// output goes to the build, which drops it) so that V8 compiles the code they need, and saves the
// compiled code beside the bundle.
//   PACE_DB=<new journal> node scripts/train-cache.mjs <folder holding main.cjs>
//     ten weeks of history, then every common command: main.cjs.cache, for any command
//   PACE_DB=<that journal, copied> node scripts/train-cache.mjs <folder> <cache>
//     only that command (a key of DAILY, such as log-json): <command>.cjs.<cache>.cache, for the
//     command's own bundle. V8 reads a whole cache at every start, so one that holds only what the
//     command runs loads faster.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { DAILY, commandOf } from './daily.mjs';

// Ten weeks of history first, so that the coach's rules (baseline, growth, flares, booms) run and
// land in the cache, not only the paths of an empty journal; then the commands as people run them.
const now = new Date();
const pad = (n) => String(n).padStart(2, '0');
// Today as pace sees it: PACE_TODAY when set, else the local calendar day.
const today = process.env.PACE_TODAY ?? `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const daysBefore = (n) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);
const HISTORY = [];
for (let n = 70; n >= 1; n -= 2) {
  const flare = n % 17 === 0 ? ['--flare', '--pain-after', '8'] : ['--pain-after', '4'];
  HISTORY.push(['log', 'walk', String(10 + Math.floor((70 - n) / 10)), '--date', daysBefore(n), '--pain-before', '3', ...flare, '--json']);
  if (n % 6 === 0) HISTORY.push(['log', 'stretching', '8', '--date', daysBefore(n), '--pain-before', '2', '--pain-after', '2', '--json']);
}
const ALL = [
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

const [dir, only] = process.argv.slice(2);
const journal = process.env.PACE_DB;
// Training logs sessions, so only ever into a journal made for it, never into a person's own: a new
// one, or for one command a copy in the build's own training folder.
const madeForIt = journal && (only === undefined ? !existsSync(journal) : basename(dirname(journal)).startsWith('pace-train-'));
if (!dir || !madeForIt || (only !== undefined && !(only in DAILY))) {
  console.error(
    'usage: PACE_DB=<a journal that does not exist yet> node scripts/train-cache.mjs <folder holding main.cjs>\n' +
      '   or: PACE_DB=<a copy in a pace-train-* folder> node scripts/train-cache.mjs <folder> <cache, a key of scripts/daily.mjs>',
  );
  process.exit(2);
}
const RUNS = only === undefined ? ALL : DAILY[only];

// The general cache is for main.cjs; a daily command's, for that command's own bundle.
const bundle = resolve(dir, only === undefined ? 'main.cjs' : `${commandOf(only)}.cjs`);
try {
  const { loadBundle } = createRequire(import.meta.url)('../bin/pace.js');
  const { exports: pace, createCache } = loadBundle(bundle, undefined, false);
  // main() sets a private umask for journals; the cache is for every user of this installation.
  const umask = process.umask();
  for (const argv of RUNS) {
    // With main's own input and output, as in a real run: the build gives this process pipes, which
    // it reads and throws away, so the cache holds the code that writes to a descriptor too.
    const code = await pace.main(argv);
    if (code !== 0) throw new Error(`pace ${argv.join(' ')} exited with ${code}`);
  }
  process.umask(umask);
  writeFileSync(only === undefined ? `${bundle}.cache` : `${bundle}.${only}.cache`, createCache());
} catch (e) {
  // One line: the build shows it in its warning.
  console.error(`training failed: ${e.message}`);
  process.exit(1);
}
// Done, even if something the commands started would keep the process waiting.
process.exit(0);
