// Bundles src/ into one CommonJS file, dist/main.cjs, with esbuild, and makes V8 code caches for
// the bundles. CommonJS starts faster than ES modules on Node 20, and one file means one read and
// one compile. Command modules are still evaluated only when their command runs. better-sqlite3's
// JavaScript is in the bundle; its native addon is not (src/store/sqlite.ts loads it by path).
// Each command people run daily (scripts/daily.mjs) also gets a bundle of its own, dist/log.cjs
// and so on: the same program without the other commands, a quarter less to read and compile.
// Node 20 has no compile cache of its own, so scripts/train-cache.mjs runs commands in throwaway
// journals and saves what V8 compiled: dist/main.cjs.cache for any command, and one cache per daily
// command and --json or not (dist/status.cjs.status-json.cache and so on), which bin/pace.js hands
// back to V8 on every run (without them pace works the same, only slower to start). `pace --help`'s
// text is saved as dist/help.txt for bin/pace.js to print without loading the program. The
// prompts are a file of their own, dist/prompts.cjs, required only when a question is asked: they
// load inquirer with import(), which Node 20 cannot run in code that came out of a code cache.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAILY, OWN_BUNDLES } from './daily.mjs';
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
  // millisecond quicker. The source maps beside the bundles turn a PACE_DEBUG stack trace back
  // into places in src/ (scripts/trace.mjs).
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
  await bundle('main');
  // Each daily command's own bundle: the same program, with the other commands left out.
  for (const command of OWN_BUNDLES) await bundle(command, onlyCommand(command));
  await build({
    ...common,
    entryPoints: ['src/ui/prompts.ts'],
    outfile: `${fresh}/prompts.cjs`,
    external: ['@inquirer/prompts'],
    // A map for scripts/trace.mjs here too.
    sourcemap: 'external',
    sourcesContent: false,
  });
  // D3: the iCalendar writer and the `ics` library (with yup, its validator) are read only by
  // `plan --ics`: a file of their own, required on that path, so `pace plan` itself stays as light.
  await build({
    ...common,
    entryPoints: ['src/ui/calendar.ts'],
    outfile: `${fresh}/calendar.cjs`,
    sourcemap: 'external',
    sourcesContent: false,
  });
  writeFileSync(`${root}/${fresh}/help.txt`, savedHelp(`${root}/${fresh}/main.cjs`));
  writeFileSync(`${root}/${fresh}/${STAMP}`, `${sources}\n`);
  // Node 22.1+ keeps its own compile cache (see bin/pace.js): the caches are for older Nodes only.
  if (!nodeModule.enableCompileCache) trainCodeCache(`${root}/${fresh}`);
} catch (e) {
  rmSync(`${root}/${fresh}`, { recursive: true, force: true });
  throw e;
}

/**
 * Writes dist/<name>.cjs, the program bundled from src/main.ts, with its source map. Its last line
 * names the build, and every code cache made for it starts with the same line (see bin/pace.js).
 */
async function bundle(name, ...plugins) {
  const { outputFiles } = await build({
    ...common,
    entryPoints: ['src/main.ts'],
    outfile: `${fresh}/${name}.cjs`,
    write: false,
    // Only for reading a stack trace: never loaded at run time, and without the sources themselves.
    sourcemap: 'external',
    sourcesContent: false,
    // better-sqlite3 is handed its addon (src/store/sqlite.ts), so `bindings`, its way of finding it, stays out.
    external: ['bindings'],
    define: { 'import.meta.filename': '__filename', __PACE_COACH__: JSON.stringify(coach) },
    // No import() in the cached bundle (see above): the one external it loads lazily is required.
    supported: { 'dynamic-import': false },
    plugins: [lazyChildProcess(), promptsApart(), noColorDetection(), lazyBackupPromise(), ...plugins],
  });
  const output = (ext) => outputFiles.find((f) => f.path.endsWith(ext)).text;
  const code = output('.cjs');
  const stamp = `// pace-build ${createHash('sha256').update(code).digest('hex').slice(0, 16)}\n`;
  writeFileSync(`${root}/${fresh}/${name}.cjs`, code + stamp);
  writeFileSync(`${root}/${fresh}/${name}.cjs.map`, output('.cjs.map'));
}

const old = `${root}/dist.old.${process.pid}`;
if (existsSync(`${root}/dist`)) renameSync(`${root}/dist`, old);
renameSync(`${root}/${fresh}`, `${root}/dist`);
rmSync(old, { recursive: true, force: true });

/**
 * Runs scripts/train-cache.mjs on the new bundle in processes of their own, with a clean
 * environment (V8 refuses a cache made under other V8 flags, which NODE_OPTIONS could set) and
 * journals in a folder made for the purpose: first the general cache, whose run leaves ten weeks of
 * history behind, then one cache per daily command, each on a copy of that history. A failure
 * costs only start-up time, so it is a warning, not a failed build, and it leaves no cache behind.
 */
function trainCodeCache(dir) {
  let home;
  let why;
  try {
    home = mkdtempSync(join(tmpdir(), 'pace-train-'));
    const train = (db, ...args) => {
      // No PACE_TODAY: the runs read the clock, as a person's do, so the cache holds that path too.
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, PACE_DB: db, NO_COLOR: '1' };
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'train-cache.mjs'), dir, ...args], { cwd: home, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
      if (r.error) throw r.error;
      if (r.status !== 0) throw new Error(r.stderr.trim().split('\n')[0] || `exit ${r.status ?? r.signal}`);
    };
    const history = join(home, 'journal.db');
    train(history);
    for (const command of Object.keys(DAILY)) {
      copyFileSync(history, join(home, `${command}.db`));
      train(join(home, `${command}.db`), command);
    }
  } catch (e) {
    why = e.message;
  } finally {
    if (home) rmSync(home, { recursive: true, force: true });
  }
  if (why === undefined) return;
  for (const name of readdirSync(dir)) if (name.endsWith('.cache')) rmSync(join(dir, name), { force: true });
  console.warn(`build: warning: no code cache, so pace starts slower on this Node (${why})`);
}

/**
 * `pace --help` as commander prints it into a pipe or a file (80 columns), saved for bin/pace.js to
 * print without loading the program. A test holds the two to the same text.
 */
function savedHelp(bundle) {
  const script = `require(${JSON.stringify(bundle)}).main(['--help']).then((code) => { process.exitCode = code; });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0 || !r.stdout.startsWith('Usage: pace')) throw new Error(`build: pace --help failed: ${r.stderr.trim().split('\n')[0] ?? ''}`);
  // bin/pace.js prints it in one write, all or nothing, which a pipe guarantees only up to 4 KiB.
  if (Buffer.byteLength(r.stdout) >= 4096) throw new Error('build: pace --help has grown past 4 KiB; bin/pace.js can no longer print it in one write.');
  return r.stdout;
}

/**
 * chalk works out at import time whether the terminal has colour, loading node:tty (and net and
 * stream behind it) on every run. pace decides colour itself (src/main.ts) and makes every chalk
 * with an explicit level (src/ui/style.ts), so chalk's detection is replaced by "no colour",
 * which only its unused default instances would read.
 */
function noColorDetection() {
  return {
    name: 'no-color-detection',
    setup(b) {
      b.onResolve({ filter: /^#supports-color$/ }, (args) =>
        args.importer.includes('node_modules/chalk') ? { path: 'supports-color', namespace: 'pace-no-color' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'pace-no-color' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
    },
  };
}

/**
 * For a daily command's own bundle: src/program.ts's import() of every other command's module
 * becomes a stand-in that fails if it is ever run. It never is: bin/pace.js loads this bundle only
 * for that command, and buildProgram defines that command alone (commandIn in src/program.ts).
 */
function onlyCommand(command) {
  return {
    name: 'only-command',
    setup(b) {
      b.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (args) => {
        if (!args.importer.endsWith(join('src', 'program.ts'))) return undefined;
        const other = args.path.slice('./commands/'.length, -'.js'.length);
        return other === command ? undefined : { path: other, namespace: 'pace-elsewhere' };
      });
      b.onLoad({ filter: /.*/, namespace: 'pace-elsewhere' }, (args) => ({
        contents: `throw new Error('this bundle runs pace ${command} only, not pace ${args.path}');`,
        loader: 'js',
      }));
    },
  };
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

/**
 * better-sqlite3's backup method makes a promise version of fs.access when it is loaded, which
 * costs every run about a third of a millisecond; only `pace backup` calls it. The promise
 * version is made when a backup first asks for it.
 */
function lazyBackupPromise() {
  const eager = 'const fsAccess = promisify(fs.access);';
  return {
    name: 'lazy-backup-promise',
    setup(b) {
      b.onLoad({ filter: /better-sqlite3[\\/]lib[\\/]methods[\\/]backup\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        // A newer better-sqlite3 that reads differently is bundled as it is.
        if (!source.includes(eager)) return undefined;
        return { contents: source.replace(eager, 'let access;\nconst fsAccess = (...a) => (access ??= promisify(fs.access))(...a);'), loader: 'js' };
      });
    },
  };
}
