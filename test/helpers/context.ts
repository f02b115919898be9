import { openJournal } from '../../src/store/open.js';
import { listSessions } from '../../src/store/sessions.js';
import { Writable } from 'node:stream';
import type { Context } from '../../src/commands/context.js';
import type { IsoDate } from '../../src/core/types.js';
import type { Prompts } from '../../src/ui/prompts.js';

/** A stream that keeps what was written, for asserting on a command's output. */
export class MemoryStream extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface TestContext extends Context {
  stdout: MemoryStream;
  stderr: MemoryStream;
}

export const TODAY = '2026-11-21' as IsoDate;

const noPrompts = async (): Promise<Prompts> => {
  throw new Error('this test expected no prompt');
};

/** The dependency bag a command receives, with in-memory output and no terminal. */
export function testContext(dbPath: string, overrides: Partial<Omit<Context, 'stdout' | 'stderr'>> = {}): TestContext {
  return {
    today: TODAY,
    now: () => '2026-11-21T10:00:00.000Z',
    dbPath,
    interactive: false,
    color: false,
    plain: false,
    prompts: noPrompts,
    ...overrides,
    stdout: new MemoryStream(),
    stderr: new MemoryStream(),
  };
}

/** The sessions in the journal at `path`, newest last, read the way pace reads them. */
export function sessionsIn(path: string) {
  const j = openJournal(path, { write: false });
  try {
    return listSessions(j.db);
  } finally {
    j.close();
  }
}

/** Runs `fn` on the journal at `path`, opened for reading, and closes it. */
export function readJournal<T>(path: string, fn: (db: ReturnType<typeof openJournal>['db']) => T): T {
  const j = openJournal(path, { write: false });
  try {
    return fn(j.db);
  } finally {
    j.close();
  }
}
