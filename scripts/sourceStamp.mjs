// What dist/ was built from: a hash of every file the build reads from the checkout (src/, the
// build scripts, package.json and the lock file that picks the bundled dependencies) and of the
// V8 version that built it. The build writes it to dist/sources.stamp, computed before it bundles,
// so an edit made during a build leaves a stamp that no longer matches; test/globalSetup.ts
// rebuilds when the two differ.
// Hashing the ~150 small files takes a few milliseconds, far less than a build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP = 'sources.stamp';
const SCRIPTS = ['build.mjs', 'train-cache.mjs', 'sourceStamp.mjs'].map((f) => join('scripts', f));

/** The hash of the build's inputs under `root`, and of the running V8. */
export function sourceStamp(root, v8 = process.versions.v8) {
  const files = readdirSync(join(root, 'src'), { recursive: true })
    .map((f) => join('src', String(f)))
    .filter((f) => /\.[cm]?[jt]s$|\.json$/.test(f))
    .concat(SCRIPTS, ['package.json', 'package-lock.json'])
    .sort();
  const hash = createHash('sha256');
  // And the V8 that trains the code cache: a build made under another Node (scripts/node24.sh,
  // npm run bench -- --node) is not current for this one, whose V8 would refuse its cache.
  hash.update(`v8 ${v8}\0`);
  for (const f of files) {
    let body;
    try {
      body = readFileSync(join(root, f));
    } catch {
      body = Buffer.from('(missing)');
    }
    hash.update(f).update('\0').update(body).update('\0');
  }
  return hash.digest('hex');
}

/** True when `root`/dist holds a complete build of the sources as they are now. */
export function buildIsCurrent(root) {
  if (!existsSync(join(root, 'dist', 'pace.cjs'))) return false;
  try {
    return readFileSync(join(root, 'dist', STAMP), 'utf8').trim() === sourceStamp(root);
  } catch {
    return false;
  }
}
