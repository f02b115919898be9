import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** better-sqlite3's options, with `nativeBinding` as it really is: a path or the loaded addon. */
type Options = Omit<Database.Options, 'nativeBinding'> & { nativeBinding?: string | object };

/** `new Database(...)` with the native addon handed over already loaded (see `addon`). */
export function openDatabase(filename: string | Buffer, options: Database.Options = {}): Database.Database {
  const withAddon: Options = { ...options, nativeBinding: addon() };
  return new Database(filename, withAddon as Database.Options);
}

let loaded: object | undefined;

/**
 * Left to itself, better-sqlite3 finds its addon through the `bindings` package, which reads a
 * stack trace and tries a dozen folders, and in the bundles in dist/ (which hold better-sqlite3's
 * JavaScript but not the addon, see scripts/build.mjs) it would look beside them. So the
 * addon is loaded here, from where `npm install` builds it inside the installed package.
 */
function addon(): object {
  if (loaded) return loaded;
  // Where an installed pace keeps it (pace/dist/<bundle>.cjs beside pace/node_modules): one stat,
  // against a module resolution that costs a run about a millisecond. In the bundle,
  // import.meta.filename is the bundle's own path (scripts/build.mjs defines it).
  const usual = join(dirname(import.meta.filename), '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(usual)) return (loaded = loadAddon(usual));
  // node:module is loaded only here: requiring it costs Node 20 most of a millisecond.
  const { createRequire } = process.getBuiltinModule('node:module');
  const pkg = createRequire(import.meta.filename).resolve('better-sqlite3/package.json');
  const file = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
  // A debug build or a prebuilt binary elsewhere: find it the way better-sqlite3 itself does.
  loaded = existsSync(file)
    ? loadAddon(file)
    : (createRequire(pkg)('bindings') as (o: object) => object)({ bindings: 'better_sqlite3.node', module_root: dirname(pkg) });
  return loaded;
}

/** Loads a native addon as require() does for a .node file. */
function loadAddon(file: string): object {
  const m = { exports: {} };
  process.dlopen(m, file);
  return m.exports;
}
