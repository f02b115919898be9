// Bundles src/ into one CommonJS file, dist/pace.cjs, with esbuild, and trains a V8 code cache for
// it (scripts/train-cache.mjs) that bin/pace.js compiles it with. One file means one read and one
// compile; command modules are still evaluated only when their command runs. better-sqlite3's
// JavaScript is in the bundle; its native addon is not (src/store/sqlite.ts loads it by path).
// Three parts are files of their own, required only on the path that needs them: the prompts
// (dist/prompts.cjs: they load inquirer with import(), which Node 20 cannot run in code that came
// out of a code cache), the calendar writer (dist/calendar.cjs) and pdfmake (src/ui/report/pdf.ts).
// `pace --help`'s text is saved as dist/help.txt for bin/pace.js to print without the program.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP, sourceStamp } from './sourceStamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Build beside dist/ and swap it in, so a test run that is spawning the CLI never sees it half-built.
const fresh = `dist.${process.pid}`;

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.17',
  legalComments: 'none',
  // Node reads and decodes the whole bundle on every run, and V8 the code cache, which names every
  // function: minified, the bundle is half the size, its caches smaller, and a run about a
  // millisecond quicker. With PACE_DEBUG=1, Node reads the source maps beside the bundles so that
  // stack traces name places in src/ (bin/pace.js).
  minify: true,
  logLevel: 'warning',
};

// The journal's coach checkpoint names the rules that wrote it (src/commands/coach.ts).
const coach = coachHash();
// What this build is made from, taken before bundling (test/globalSetup.ts compares it).
const sources = sourceStamp(root);

// A build that fails half-way leaves nothing behind; dist/ is replaced only by a complete one.
try {
  mkdirSync(`${root}/${fresh}`);
  await bundle('pace');
  await build({
    ...common,
    entryPoints: ['src/ui/prompts.ts'],
    outfile: `${fresh}/prompts.cjs`,
    external: ['@inquirer/prompts'],
    sourcemap: 'linked',
    sourcesContent: false,
  });
  // D3: the iCalendar writer and the `ics` library (with yup, its validator) are read only by
  // `plan --ics`: a file of their own, required on that path, so `pace plan` itself stays as light.
  await build({
    ...common,
    entryPoints: ['src/ui/calendar.ts'],
    outfile: `${fresh}/calendar.cjs`,
    sourcemap: 'linked',
    sourcesContent: false,
  });
  writeFileSync(`${root}/${fresh}/help.txt`, savedHelp(`${root}/${fresh}/pace.cjs`));
  writeFileSync(`${root}/${fresh}/${STAMP}`, `${sources}\n`);
  trainCodeCache(`${root}/${fresh}`);
} catch (e) {
  rmSync(`${root}/${fresh}`, { recursive: true, force: true });
  throw e;
}

/**
 * Writes dist/<name>.cjs, the program bundled from src/main.ts, with its source map. Its last line
 * names the build, and every code cache made for it starts with the same line (see bin/pace.js).
 */
async function bundle(name) {
  const { outputFiles } = await build({
    ...common,
    entryPoints: ['src/main.ts'],
    outfile: `${fresh}/${name}.cjs`,
    write: false,
    // Read only when PACE_DEBUG=1 asks Node for stack traces that name places in src/.
    sourcemap: 'linked',
    sourcesContent: false,
    // better-sqlite3 is handed its addon (src/store/sqlite.ts), so `bindings`, its way of finding it, stays out.
    external: ['bindings'],
    define: { 'import.meta.filename': '__filename', __PACE_COACH__: JSON.stringify(coach) },
    // No import() in the cached bundle (see above): the one external it loads lazily is required.
    supported: { 'dynamic-import': false },
    plugins: [promptsApart(), lazyChildProcess()],
  });
  const output = (ext) => outputFiles.find((f) => f.path.endsWith(ext)).text;
  const code = output('.cjs');
  const stamp = `// pace-build ${createHash('sha256').update(code).digest('hex').slice(0, 16)}\n`;
  writeFileSync(`${root}/${fresh}/${name}.cjs`, code + stamp);
  writeFileSync(`${root}/${fresh}/${name}.cjs.map`, output('.cjs.map'));
}

const old = `${root}/dist.old.${process.pid}`;
if (existsSync(`${root}/dist`)) renameSync(`${root}/dist`, old);
try {
  renameSync(`${root}/${fresh}`, `${root}/dist`);
} catch (e) {
  // The old build goes back rather than leave no dist/ at all.
  if (existsSync(old)) renameSync(old, `${root}/dist`);
  throw e;
}
rmSync(old, { recursive: true, force: true });

/**
 * Runs scripts/train-cache.mjs on the new bundle, in processes of its own with a clean environment
 * (V8 refuses a cache made under other V8 flags, which NODE_OPTIONS could set), in a journal made
 * for the purpose. A failure costs only start-up time, so it is a warning, not a failed build, and
 * it leaves no cache behind.
 */
function trainCodeCache(dir) {
  let home;
  try {
    home = mkdtempSync(join(tmpdir(), 'pace-train-'));
    for (const phase of ['history', undefined]) {
      // No PACE_TODAY: the runs read the clock, as a person's do, so the cache holds that path too.
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, PACE_DB: join(home, 'journal.db'), NO_COLOR: '1' };
      const args = [join(root, 'scripts', 'train-cache.mjs'), dir, ...(phase ? [phase] : [])];
      const r = spawnSync(process.execPath, args, { cwd: home, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
      if (r.error) throw r.error;
      if (r.status !== 0) throw new Error((r.stderr ?? '').trim().split('\n')[0] || `exit ${r.status ?? r.signal}`);
    }
  } catch (e) {
    rmSync(join(dir, 'pace.cjs.cache'), { force: true });
    console.warn(`build: warning: no code cache, so pace starts slower (${e.message})`);
  } finally {
    if (home) rmSync(home, { recursive: true, force: true });
  }
}

/**
 * `pace --help` as commander prints it into a pipe or a file (80 columns), saved for bin/pace.js to
 * print without loading the program. A test holds the two to the same text.
 */
function savedHelp(bundle) {
  const script = `require(${JSON.stringify(bundle)}).main(['--help']).then((code) => { process.exitCode = code; });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  if (r.status !== 0 || !r.stdout.startsWith('Usage: pace')) throw new Error(`build: pace --help failed: ${(r.stderr ?? '').trim().split('\n')[0]}`);
  return r.stdout;
}

/**
 * main.ts's import('./ui/prompts.js') becomes a require of dist/prompts.cjs, and plan's
 * import('../ui/calendar.js') one of dist/calendar.cjs, each built on its own.
 */
function promptsApart() {
  return {
    name: 'prompts-apart',
    setup(b) {
      b.onResolve({ filter: /\/ui\/prompts\.js$/ }, () => ({ path: './prompts.cjs', external: true }));
      b.onResolve({ filter: /\/ui\/calendar\.js$/ }, () => ({ path: './calendar.cjs', external: true }));
    },
  };
}

/**
 * commander loads child_process at start-up for executable subcommands, which pace does not
 * use; loading it (and the networking modules behind it) costs every run a few milliseconds.
 * This hands commander a stand-in that loads the real module on first use.
 */
function lazyChildProcess() {
  return {
    name: 'lazy-child-process',
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        args.importer.includes('node_modules/commander') ? { path: 'lazy-child-process', namespace: 'pace-lazy' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'pace-lazy' }, () => ({
        contents:
          "let real; const load = () => (real ??= require('node:child_process'));\n" +
          'module.exports = new Proxy({}, { get: (_t, key) => load()[key] });',
        loader: 'js',
      }));
    },
  };
}

/** A hash of every source file of the rules (src/core), so a checkpoint from other rules is never resumed. */
function coachHash() {
  const hash = createHash('sha256');
  const files = readdirSync(join(root, 'src', 'core'), { recursive: true }).filter((f) => f.endsWith('.ts')).sort();
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(root, 'src', 'core', f))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

