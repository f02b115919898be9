// Reads a stack trace that PACE_DEBUG=1 printed and names the places in src/ that it points at.
// The bundle is minified (scripts/build.mjs), so its frames say little by themselves:
//
//   PACE_DEBUG=1 pace status 2> trace.txt; node scripts/trace.mjs trace.txt
//
// It needs the source maps (dist/<bundle>.cjs.map) of the same build that printed the trace.
// Without a file, it reads the trace from stdin.
import { readFileSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';

// On Node 20, bin/pace.js compiles a bundle inside a function head of its own, on its first line,
// and names it pace-journal/dist/<bundle>.cjs; Node 22 requires it by its real path, with no head.
const { WRAPPER_HEAD } = createRequire(import.meta.url)('../bin/pace.js');

const maps = new Map();
const mapOf = (bundle) => {
  if (!maps.has(bundle)) {
    const file = new URL(`../dist/${bundle}.cjs.map`, import.meta.url);
    try {
      maps.set(bundle, new SourceMap(JSON.parse(readFileSync(file, 'utf8'))));
    } catch (e) {
      console.error(`trace: cannot read dist/${bundle}.cjs.map (${e.code ?? e.message}); build the version that printed the trace with npm run build.`);
      process.exit(2);
    }
  }
  return maps.get(bundle);
};
const trace = readFileSync(process.argv[2] ?? 0, 'utf8');

// A frame's place in a bundle: ".../dist/<bundle>.cjs:<line>:<column>", both counted from 1.
const PLACE = /[^\s()]*dist\/([a-z]+)\.cjs:(\d+):(\d+)/g;

process.stdout.write(
  trace.replace(PLACE, (place, bundle, line, column) => {
    const head = line === '1' && place.startsWith('pace-journal/') ? WRAPPER_HEAD.length : 0;
    const entry = mapOf(bundle).findEntry(Number(line) - 1, Number(column) - 1 - head);
    if (!entry || entry.originalSource === undefined) return place;
    const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  }),
);
