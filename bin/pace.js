#!/usr/bin/env node
'use strict';
// The entry point stays small: the program is a bundle in dist/ (built by `npm install`).
// This folder's package.json makes this file CommonJS, which starts faster than an ES module.
// require('node:module') costs Node 20 most of a millisecond (its public face is not in Node's
// start-up snapshot); the loader's own Module class, which it exports, is at hand for free.
const { createRequire } = module.constructor;
const [major, minor] = process.versions.node.split('.').map(Number);
// Node 22.1 brought module.enableCompileCache; there it is worth the require.
const enableCompileCache = major > 22 || (major === 22 && minor >= 1) ? require('node:module').enableCompileCache : undefined;
// Node's own modules come through process.getBuiltinModule (Node 20.16+ and 22.3+, which
// package.json's engines ask for): require() gives each one an ES module face on first use, a
// tenth of a millisecond apiece.
const { fstatSync, readFileSync, writeSync } = process.getBuiltinModule('node:fs');
const { basename, dirname, join } = process.getBuiltinModule('node:path');

const DIST = join(__dirname, '..', 'dist');
/** The commands people run daily, with bundles and caches of their own (as in scripts/daily.mjs). */
const OWN_BUNDLES = ['list', 'log', 'plan', 'status'];

/**
 * Node 22.1+ caches compiled code between runs by itself. Node 20 does not, and compiling the
 * bundle is a good part of every run, so there the bundle is compiled with the V8 code cache that
 * the build made (scripts/train-cache.mjs).
 */
function loadProgram(argv) {
  const bundle = bundleFor(argv);
  if (!enableCompileCache) return loadBundle(bundle, cacheFor(argv)).exports;
  enableCompileCache();
  return require(bundle);
}

/**
 * What loadBundle puts before the bundle's first line, as require() would: a stack trace's columns
 * on that line count it too (scripts/trace.mjs takes it off).
 */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';

/** The daily command argv runs, if it runs one of them. */
function dailyCommand(argv) {
  const command = commandIn(argv);
  return OWN_BUNDLES.includes(command) ? command : undefined;
}

/**
 * The bundle a run loads: a daily command's own (dist/log.cjs and so on), which holds that command
 * and nothing of the others, so there is less to read and compile; else dist/main.cjs, with all.
 */
function bundleFor(argv) {
  const command = dailyCommand(argv);
  return join(DIST, command ? `${command}.cjs` : 'main.cjs');
}

/**
 * The cache a daily command's bundle is loaded with: its command's, with --json or without
 * (scripts/train-cache.mjs); undefined for dist/main.cjs, which has one cache for every command.
 */
function cacheFor(argv) {
  const command = dailyCommand(argv);
  return command && (argv.includes('--json') ? `${command}-json` : command);
}

/**
 * The command argv runs, as src/program.ts's commandIn() reads it (a test holds the two together):
 * the first word after the global options.
 */
function commandIn(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') i++;
    else if (a.startsWith('--db=') || a === '--no-color' || a === '--no-input') continue;
    else return a.startsWith('-') ? undefined : a;
  }
  return undefined;
}

/**
 * Compiles and runs a CommonJS file as require() would, with the compiled code cached in
 * `<file>.<cache>.cache` (see `cacheFor`), or `<file>.cache` without a name, when that is there
 * and fits. A cache that is missing, unreadable, from another build or refused by this V8 (after
 * a Node upgrade, say) only means compiling as usual. Nothing is written here: `createCache()` is
 * for the build, which compiles without a cache (`useCache` false) so that what it saves holds
 * only what its own runs compiled.
 */
function loadBundle(file, cache, useCache = true) {
  const source = readFileSync(file, 'utf8');
  // The cache starts with the bundle's last line, which holds a hash of the rest (scripts/build.mjs):
  // V8 itself only checks that the source has the same length as the one the cache was made from.
  const stamp = source.slice(source.lastIndexOf('\n', source.length - 2) + 1);
  let cachedData;
  if (useCache) {
    try {
      const data = readFileSync(cache === undefined ? `${file}.cache` : `${file}.${cache}.cache`);
      if (data.toString('latin1', 0, stamp.length) === stamp) cachedData = data.subarray(stamp.length);
    } catch {
      // no such cache: compile as usual
    }
  }
  // No importModuleDynamically: on Node 20, import() fails in code that came from a cache, so
  // the bundle has none (the prompts, which need it, are a file of their own; see scripts/build.mjs).
  const wrapper = `${WRAPPER_HEAD}${source}\n})`;
  // Loaded here, not at the top: Node 22.1+ loads the bundle with require() and never needs it.
  const { Script } = process.getBuiltinModule('node:vm');
  // Node 20's V8 keeps the file name that a cache was made under, so stack traces name the bundle
  // by its place in the package, wherever it was built and wherever it runs.
  const script = new Script(wrapper, { filename: `pace-journal/dist/${basename(file)}`, cachedData });
  const module = { exports: {} };
  // The bundle's require() of Node's own modules (fs, path, events...) goes to getBuiltinModule too.
  // Anything else (dist/prompts.cjs, when a question is asked) is required from the bundle's place,
  // by a require made on first use: making one costs a run a sixth of a millisecond.
  let load;
  const require = (id) => process.getBuiltinModule(id) ?? (load ??= createRequire(file))(id);
  script.runInThisContext().call(module.exports, module.exports, require, module, file, dirname(file));
  return {
    exports: module.exports,
    /** True when V8 took the cached code. */
    cached: cachedData !== undefined && !script.cachedDataRejected,
    /** A cache for this file (general or per command), holding whatever has been compiled so far. */
    createCache: () => Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()]),
  };
}

/**
 * `pace --help` into a pipe or a file prints what the build saved from commander (dist/help.txt),
 * without loading the program: the same text, which a test checks. A terminal gets the live help,
 * wrapped to its width. Returns false when the saved text does not apply or could not be written.
 */
function printSavedHelp(argv) {
  if (argv.length !== 1 || (argv[0] !== '--help' && argv[0] !== '-h')) return false;
  try {
    if (fstatSync(1).isCharacterDevice()) return false;
    const text = readFileSync(join(DIST, 'help.txt'));
    // Short enough (under 4 KiB) to go out in one write or not at all; if not, the program takes over.
    return writeSync(1, text) === text.length;
  } catch {
    return false;
  }
}

module.exports = { loadBundle, commandIn, cacheFor, bundleFor, OWN_BUNDLES, WRAPPER_HEAD };

if (require.main === module && !printSavedHelp(process.argv.slice(2))) {
  loadProgram(process.argv.slice(2))
    .main(process.argv.slice(2))
    .then((code) => {
      // Everything pace writes goes out synchronously (src/ui/output.ts) and the journal is closed
      // by now, so nothing is left to wait for; exiting here skips tearing down the whole heap,
      // a few milliseconds that a waiting person would otherwise pay on every run.
      process.exit(code);
    });
}
