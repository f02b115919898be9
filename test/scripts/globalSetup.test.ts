// Item 29 of the review: e2e tests must never run a dist/ older than the sources.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceStamp } from '../../scripts/sourceStamp.mjs';
import { ensureBuilt } from '../globalSetup.js';
import { ROOT } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

/**
 * A checkout in miniature: one source file, and a scripts/build.mjs that stands in for the real
 * build (seconds of bundling) by writing dist/pace.cjs and the stamp as the real one does, and
 * counting its runs.
 */
function miniCheckout(): string {
  const root = tempDir();
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'scripts'));
  writeFileSync(join(root, 'src', 'main.ts'), 'export const x = 1;\n');
  writeFileSync(join(root, 'package.json'), '{}\n');
  const stamp = JSON.stringify(join(ROOT, 'scripts', 'sourceStamp.mjs'));
  writeFileSync(
    join(root, 'scripts', 'build.mjs'),
    `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { STAMP, sourceStamp } from ${stamp};
const root = process.cwd();
const hash = sourceStamp(root);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/pace.cjs', '// built\\n');
writeFileSync('dist/' + STAMP, hash);
appendFileSync('builds.log', 'built\\n');
`,
  );
  return root;
}

const builds = (root: string) => readFileSync(join(root, 'builds.log'), 'utf8').split('\n').filter(Boolean).length;

describe('test/globalSetup.ts', () => {
  it('builds a missing dist/, then leaves a current one alone', () => {
    const root = miniCheckout();
    expect(ensureBuilt(root)).toBe(true);
    expect(ensureBuilt(root)).toBe(false);
    expect(builds(root)).toBe(1);
  });

  it('rebuilds when a source changed after the build, so end-to-end tests never run old code', () => {
    const root = miniCheckout();
    ensureBuilt(root);
    writeFileSync(join(root, 'src', 'main.ts'), 'export const x = 2;\n');
    expect(ensureBuilt(root)).toBe(true);
    expect(builds(root)).toBe(2);
    // A new file counts as a change too.
    writeFileSync(join(root, 'src', 'more.ts'), 'export const y = 1;\n');
    expect(ensureBuilt(root)).toBe(true);
    expect(ensureBuilt(root)).toBe(false);
    expect(builds(root)).toBe(3);
  });

  it('rebuilds a dist/ built under another Node, whose V8 made a code cache this one refuses', () => {
    const root = miniCheckout();
    ensureBuilt(root);
    writeFileSync(join(root, 'dist', 'sources.stamp'), `${sourceStamp(root, '0.0.0-another')}\n`);
    expect(ensureBuilt(root)).toBe(true);
    expect(ensureBuilt(root)).toBe(false);
    expect(builds(root)).toBe(2);
  });

  it('rebuilds a dist/ built before stamps existed (a bundle and no stamp)', () => {
    const root = miniCheckout();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'pace.cjs'), '// old\n');
    writeFileSync(join(root, 'builds.log'), '');
    expect(ensureBuilt(root)).toBe(true);
    expect(builds(root)).toBe(1);
  });
});
