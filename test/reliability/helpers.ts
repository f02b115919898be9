// Runs the built CLI as a person's shell would, against journals in throwaway folders.
import Database from 'better-sqlite3';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TODAY = '2026-11-21';

/** bin/pace.js of a private copy of the built CLI; see useBuiltCli. */
export let CLI = join(ROOT, 'bin', 'pace.js');

/**
 * Call once at the top of a test file. Runs the file's tests against a private copy of the built
 * CLI (test/globalSetup.ts builds dist/ when it is missing): other people rebuild dist/ while these
 * long tests run.
 */
export function useBuiltCli(): void {
  let copy = '';
  beforeAll(() => {
    copy = copyOfBuild();
    CLI = join(copy, 'bin', 'pace.js');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
}

/** better-sqlite3's addon, where src/store/sqlite.ts looks first: the one file pace runs from node_modules. */
const ADDON = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/**
 * A copy of what pace runs, readable by every user: the read-only tests run it as the user nobody,
 * who may not be able to enter the checkout (a clone inside a home folder of mode 0700). So the
 * copy holds bin/, dist/ and the addon itself; the rest of node_modules (inquirer, for the tests
 * that ask questions as this user) is linked.
 */
function copyOfBuild(): string {
  for (let attempt = 1; attempt <= 10; attempt++) {
    if (attempt > 1) spawnSync('sleep', ['1']);
    const copy = mkdtempSync(join(tmpdir(), 'pace-cli-'));
    // Folders made by the copy get the usual modes, whatever umask a test of this process left.
    const umask = process.umask(0o022);
    try {
      chmodSync(copy, 0o755);
      cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
      cpSync(join(ROOT, ADDON), join(copy, ADDON));
      for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
        if (entry !== 'better-sqlite3') symlinkSync(join(ROOT, 'node_modules', entry), join(copy, 'node_modules', entry));
      }
      if (complete(copy)) return copy;
    } catch {
      // dist/ changed under us (another build swapped it in): try again
    } finally {
      process.umask(umask);
    }
    rmSync(copy, { recursive: true, force: true });
  }
  throw new Error(`could not take a complete copy of ${join(ROOT, 'dist')}`);
}

/** The copy has the whole build: the bundle, the entry point with its CommonJS marker, the addon. */
function complete(copy: string): boolean {
  return ['dist/pace.cjs', 'bin/pace.js', 'bin/package.json', ADDON].every((f) => existsSync(join(copy, f)));
}

export interface Sandbox {
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** A private folder with a journal path inside it (the journal itself is not created). */
export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'pace-rel-'));
  const db = join(dir, 'journal.db');
  return { dir, db, env: paceEnv(dir, db), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function paceEnv(home: string, db: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, PACE_DB: db, PACE_TODAY: TODAY, NO_COLOR: '1' };
}

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function pace(sb: Pick<Sandbox, 'dir' | 'env'>, args: readonly string[], opts: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: sb.dir, env: sb.env, encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** Starts pace without waiting, so several can run at once. */
export function paceAsync(sb: Pick<Sandbox, 'dir' | 'env'>, args: readonly string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: sb.dir, env: sb.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Lines that only a stack trace has. */
export const stackLines = (text: string) => text.split('\n').filter((l) => /^\s{2,}at\s/.test(l));

/**
 * Opens a journal outside pace, for a look that does not depend on pace's own code. Not read-only:
 * like any next open, it undoes a write that a killed process left half done (SQLite's "hot"
 * rollback journal), which a read-only connection refuses to read past. It writes nothing else.
 */
export function inspect<T>(db: string, fn: (d: Database.Database) => T): T {
  const d = new Database(db, { fileMustExist: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}

export const integrity = (db: string) => inspect(db, (d) => d.pragma('integrity_check', { simple: true }));
export const sessionCount = (db: string) => inspect(db, (d) => (d.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n);

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A sandbox whose journal already holds `sessions` sessions of history, imported through the CLI. */
export function sandboxWithHistory(sessions: number): Sandbox {
  const sb = sandbox();
  const csv = join(sb.dir, 'history.csv');
  writeFileSync(csv, historyCsv(sessions));
  const r = pace(sb, ['import', csv]);
  if (r.status !== 0) throw new Error(`could not import the history: ${r.stderr}`);
  return sb;
}

/** A session CSV in the export's layout: `perDay` sessions a day, ending the day before TODAY. */
export function historyCsv(sessions: number, perDay = 2): string {
  const acts = [
    ['walk', 'aerobic', 'min'],
    ['stretching', 'mobility', 'min'],
    ['sit-to-stand', 'strength', 'reps'],
  ] as const;
  const last = Date.parse(`${TODAY}T00:00:00Z`) - 86_400_000;
  const lines = ['date,activity,category,dose,unit,pain_before,pain_after,effort,flare,symptoms'];
  for (let i = 0; i < sessions; i++) {
    const day = new Date(last - Math.floor((sessions - 1 - i) / perDay) * 86_400_000).toISOString().slice(0, 10);
    const [name, category, unit] = acts[i % 3]!;
    const before = 2 + (i % 5);
    lines.push(`${day},${name},${category},${5 + (i % 20)},${unit},${before},${Math.min(10, before + (i % 3))},${3 + (i % 4)},${i % 97 === 0 ? 'yes' : 'no'},`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
