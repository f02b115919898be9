import { join } from 'node:path';
import { main, type Io } from '../../src/main.js';
import { MemoryStream } from './context.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** One run of pace on the journal `db`, with today set to `today`, in this process (no spawning). */
export async function pace(db: string, today: string, argv: readonly string[]): Promise<Ran> {
  const io: Io & { stdout: MemoryStream; stderr: MemoryStream } = {
    env: { HOME: join(db, '..'), PACE_DB: db, PACE_TODAY: today, NO_COLOR: '1' },
    stdin: {},
    stdout: new MemoryStream(),
    stderr: new MemoryStream(),
    platform: 'linux',
    clock: () => new Date(`${today}T18:00:00Z`),
  };
  const code = await main([...argv, '--no-input'], io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

/** main's view of a terminal session: stdin and stdout are TTYs, so it prompts. `env` adds to HOME's. */
export function terminal(home: string, env: NodeJS.ProcessEnv = {}) {
  const stdout = Object.assign(new MemoryStream(), { isTTY: true });
  const stderr = new MemoryStream();
  const io: Io = {
    env: { HOME: home, PACE_TODAY: '2026-11-21', NO_COLOR: '1', ...env },
    stdin: { isTTY: true },
    stdout,
    stderr,
    platform: 'linux',
    clock: () => new Date('2026-11-21T18:00:00Z'),
  };
  return { io, stdout, stderr };
}
