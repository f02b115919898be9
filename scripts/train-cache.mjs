// Makes dist/pace.cjs.cache, the V8 code cache that bin/pace.js compiles the bundle with. The build
// (scripts/build.mjs) runs it twice, each time in a process of its own, in a journal made for it:
//   PACE_DB=<new journal> node scripts/train-cache.mjs <folder holding pace.cjs> history
//     ten weeks of sessions, so that the coach's rules (baseline, growth, flares) have work to do;
//   PACE_DB=<that journal> node scripts/train-cache.mjs <folder>
//     the training runs, then the cache: what V8 compiled for them and nothing else, since the
//     history was logged in another process. A cache holding more is slower to read on Node 20.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';

/**
 * The runs the cache is trained on: the daily commands as people run them, as text and as --json.
 * Which runs are in it changes a run's time by less than 0.5 ms (docs/benchmarks.md).
 */
const TRAINING = [
  ['status'],
  ['status', '--json'],
  ['plan'],
  ['plan', '--json'],
  ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '3'],
  ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '3', '--json'],
];

const [dir, phase] = process.argv.slice(2);
const db = process.env.PACE_DB;
if (!dir || !db || (phase !== undefined && phase !== 'history')) {
  console.error('usage: PACE_DB=<a journal made for training> node scripts/train-cache.mjs <folder holding pace.cjs> [history]');
  process.exit(2);
}
// The runs log sessions: never into a person's journal, only into one the build made for them.
if (!basename(dirname(resolve(db))).startsWith('pace-train-') || (phase === 'history') === existsSync(db)) {
  console.error('train-cache: PACE_DB must be a journal in a pace-train-* folder (the build makes one), new for the history and made by it for the training; nothing was written.');
  process.exit(2);
}

// Today as pace sees it: PACE_TODAY when set, else the local calendar day.
const now = new Date();
const pad = (n) => String(n).padStart(2, '0');
const today = process.env.PACE_TODAY ?? `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const daysBefore = (n) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);
const history = [];
for (let n = 70; n >= 1; n -= 2) {
  const after = n % 17 === 0 ? ['--flare', '--pain-after', '8'] : ['--pain-after', '4'];
  history.push(['log', 'walk', String(10 + Math.floor((70 - n) / 10)), '--date', daysBefore(n), '--pain-before', '3', ...after, '--json']);
  if (n % 6 === 0) history.push(['log', 'stretching', '8', '--date', daysBefore(n), '--pain-before', '2', '--pain-after', '2', '--json']);
}

try {
  const { load } = createRequire(import.meta.url)('../bin/pace.js');
  const bundle = resolve(dir, 'pace.cjs');
  const { pace, cache } = load(bundle);
  // main() sets a private umask for journals; the cache is for every user of this installation.
  const umask = process.umask();
  for (const argv of phase === 'history' ? history : TRAINING) {
    // main's own output goes to the pipes the build gave this process, which drops it, so the
    // cache holds the code that writes to a descriptor too.
    const code = await pace.main(argv);
    if (code !== 0) throw new Error(`pace ${argv.join(' ')} exited with ${code}`);
  }
  process.umask(umask);
  if (phase === undefined) writeFileSync(`${bundle}.cache`, cache());
} catch (e) {
  // One line: the build shows it in its warning.
  console.error(`training failed: ${e.message}`);
  process.exit(1);
}
// Done, even if something the commands started would keep the process waiting.
process.exit(0);
