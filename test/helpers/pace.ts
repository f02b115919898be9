import { tempDir } from './tmp.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'pace.js');

export interface RunOptions {
  /** $HOME for the child; the default journal lives under it. */
  home: string;
  /** Extra environment; a value of undefined removes the variable. */
  env?: NodeJS.ProcessEnv;
  /** Text piped to stdin (stdin is never a terminal here). */
  input?: string;
  /** Kill the child after this many milliseconds (status null), for a run that might never end. */
  timeoutMs?: number;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `node bin/pace.js` the way a script would: no terminal, a fixed today and timezone. */
export function runPace(args: readonly string[], opts: RunOptions): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.home,
    encoding: 'utf8',
    input: opts.input ?? '',
    ...(opts.timeoutMs === undefined ? {} : { timeout: opts.timeoutMs, killSignal: 'SIGKILL' as const }),
    env: {
      ...process.env,
      HOME: opts.home,
      PACE_DB: undefined,
      XDG_DATA_HOME: undefined,
      PACE_DEBUG: undefined,
      FORCE_COLOR: undefined,
      PACE_TODAY: '2026-11-21',
      TZ: 'America/Los_Angeles',
      NO_COLOR: '1',
      ...opts.env,
    },
  });
  if (r.error && !(opts.timeoutMs !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The lines of stderr that look like a JavaScript stack trace. */
export function stackLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s+at /.test(l));
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

export interface TempPace {
  home: string;
  /** The journal file that PACE_DB names (not created until a command writes). */
  db: string;
  run(args: readonly string[], env?: NodeJS.ProcessEnv): RunResult;
  /** `list --json`, parsed. */
  sessions(): Record<string, unknown>[];
}

/** A fresh $HOME with PACE_DB pointing into it. */
export function tempPace(home: string): TempPace {
  const db = join(home, 'journal', 'pace.db');
  const run = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => runPace(args, { home, env: { PACE_DB: db, ...env } });
  return {
    home,
    db,
    run,
    sessions() {
      const r = run(['list', '--json']);
      if (r.status !== 0) throw new Error(`pace list failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as Record<string, unknown>[];
    },
  };
}

/**
 * A new journal whose safety question (S1) is already answered, so stderr stays quiet. The answer
 * is dated before any history the tests build, so it is in force throughout (S2).
 */
export function answeredPace(pem: 'yes' | 'no' = 'no'): TempPace {
  const pace = tempPace(tempDir());
  const r = pace.run(['init', '--pem', pem], { PACE_TODAY: '2025-01-06' });
  if (r.status !== 0) throw new Error(`pace init failed (${r.status}): ${r.stderr}`);
  return pace;
}
