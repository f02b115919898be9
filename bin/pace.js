#!/usr/bin/env node
'use strict';
// pace is one bundle, dist/pace.cjs, built by `npm install` (scripts/build.mjs) with what V8
// compiled for it in a few training runs (dist/pace.cjs.cache) and the text of `pace --help`
// (dist/help.txt). Compiling from that cache saves about 10 ms a run, on every Node; PACE_DEBUG=1
// loads the bundle plainly, with its source map, so that stack traces name places in src/.
// docs/benchmarks.md has the figures.
const { existsSync, fstatSync, readFileSync, writeSync } = process.getBuiltinModule('node:fs');
const DIST = `${__dirname}/../dist`;

/** The code cache saved beside `file`, or undefined when there is none to read. */
function cacheOf(file) {
  try {
    return readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
}

/** Runs `file` as require() would, compiled from `cache` when it is from the same build and V8 takes it. */
function load(file, cache) {
  const source = readFileSync(file, 'utf8');
  // The bundle's last line is a hash of the rest, and its cache starts with that line: V8 itself
  // checks only that the source is as long as the one the cache was made from.
  const stamp = source.slice(source.lastIndexOf('\n', source.length - 2) + 1);
  const cachedData = cache?.toString('latin1', 0, stamp.length) === stamp ? cache.subarray(stamp.length) : undefined;
  const script = new (process.getBuiltinModule('node:vm').Script)(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, module.constructor.createRequire(file), mod, file, file.slice(0, file.lastIndexOf('/')));
  return { pace: mod.exports, cached: cachedData !== undefined && !script.cachedDataRejected, cache: () => Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()]) };
}

/**
 * `pace --help` into a pipe, a socket or a file: the saved text (a terminal gets commander's, to
 * its width, and so does a pipe given a width with COLUMNS).
 */
function savedHelp(argv) {
  let done = 0;
  try {
    const out = argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') && !process.env.COLUMNS && fstatSync(1);
    if (!out || out.isCharacterDevice()) return false;
    const text = readFileSync(`${DIST}/help.txt`);
    while (done < text.length) done += writeSync(1, text, done);
    return true;
  } catch {
    // None written: the program prints it. Some (a reader gone, or a descriptor someone left
    // non-blocking, where src/ui/output.ts would wait): never the same text twice.
    return done > 0;
  }
}

module.exports = { load, cacheOf };
const argv = process.argv.slice(2);
if (require.main === module && !savedHelp(argv)) {
  const file = `${DIST}/pace.cjs`;
  if (!existsSync(file)) {
    // An install whose build never ran (npm's --ignore-scripts, say): one clear line, not a stack.
    writeSync(2, `pace: cannot start: ${process.getBuiltinModule('node:path').resolve(file)} is missing.\nIn a clone of pace, run npm run build there; otherwise install pace again.\n`);
    process.exit(1);
  }
  if (process.env.PACE_DEBUG === '1') process.setSourceMapsEnabled(true);
  const pace = process.env.PACE_DEBUG === '1' ? require(file) : load(file, cacheOf(file)).pace;
  // Everything is written synchronously and the journal closed by the end: exiting at once skips
  // tearing down the heap, a few milliseconds of every run.
  pace.main(argv).then((code) => process.exit(code));
}
