// Bundles src/ into one CommonJS file, dist/main.cjs, with esbuild. CommonJS starts faster than
// ES modules on Node 20, and one file means one read and one compile. Command modules are still
// evaluated only when their command runs. better-sqlite3 (a native addon) and inquirer (loaded
// with import() only when a question is asked) stay outside the bundle.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Build beside dist/ and swap it in, so a test run that is spawning the CLI never sees it half-built.
const fresh = `dist.${process.pid}`;

await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts'],
  outfile: `${fresh}/main.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.17',
  external: ['better-sqlite3', '@inquirer/prompts'],
  plugins: [lazyChildProcess()],
  legalComments: 'none',
  logLevel: 'warning',
});

const old = `${root}/dist.old.${process.pid}`;
if (existsSync(`${root}/dist`)) renameSync(`${root}/dist`, old);
renameSync(`${root}/${fresh}`, `${root}/dist`);
rmSync(old, { recursive: true, force: true });

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
