// main() run more than once in one process, as the in-process tests do: what one run committed
// must not change how a later run reports a failed output (docs/decisions.md, "Output that fails
// after a write").
import Database from 'better-sqlite3';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/main.js';
import { MemoryStream } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const savedUmask = process.umask();
afterAll(() => {
  process.umask(savedUmask);
  removeTempDirs();
});

/** A stdout on a full disk: every write fails with ENOSPC (or EDQUOT, a quota used up). */
class FullDisk extends Writable {
  constructor(private readonly code = 'ENOSPC') {
    super();
  }
  override _write(_chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    done(Object.assign(new Error('no space left on device'), { code: this.code }));
  }
}

function io(home: string, stdout: Io['stdout']): Io & { stderr: MemoryStream } {
  return { env: { HOME: home, PACE_TODAY: '2026-11-21', NO_COLOR: '1' }, stdin: {}, stdout, stderr: new MemoryStream(), platform: 'linux', clock: () => new Date('2026-11-21T18:00:00Z') };
}

describe('main, run twice in one process', () => {
  it('a read-only command whose output fails exits 1, even after an earlier run saved something', async () => {
    const home = tempDir();
    expect(await main(['log', 'walk', '10', '--no-input'], io(home, new MemoryStream()))).toBe(0);
    const second = io(home, new FullDisk());
    expect(await main(['list'], second)).toBe(1);
    expect(second.stderr.text).toMatch(/disk is full/);
    expect(second.stderr.text).not.toMatch(/saved, but/);
  });

  it('a command that saves and then cannot print still exits 0 with the note', async () => {
    const home = tempDir();
    const run = io(home, new FullDisk());
    expect(await main(['log', 'walk', '10', '--no-input'], run)).toBe(0);
    expect(run.stderr.text).toMatch(/^pace: saved, but the output could not be written \(the disk is full\)/m);
  });

  it('a quota used up (EDQUOT) is a full disk too, in words, not "something went wrong"', async () => {
    const home = tempDir();
    const run = io(home, new FullDisk('EDQUOT'));
    expect(await main(['log', 'walk', '10', '--no-input'], run)).toBe(0);
    expect(run.stderr.text).toMatch(/^pace: saved, but the output could not be written \(the disk is full\)\.$/m);
    const list = io(home, new FullDisk('EDQUOT'));
    expect(await main(['list'], list)).toBe(1);
    expect(list.stderr.text).toBe('pace: the disk is full; the output is incomplete.\n  Free some space and try again.\n');
  });
});

/**
 * A stderr that, at pace's first line (the first-use notice, written after the session is
 * committed), lets another program take the journal for itself: the reads log makes after saving
 * then wait out the busy timeout.
 */
class TakesTheJournal extends MemoryStream {
  other: Database.Database | undefined;
  constructor(private readonly db: string) {
    super();
  }
  override _write(chunk: Buffer | string, encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (!this.other) {
      this.other = new Database(this.db);
      this.other.exec('BEGIN EXCLUSIVE');
    }
    super._write(chunk, encoding, done);
  }
}

describe('a failure after the session is saved', () => {
  it('never says nothing was saved: it says the session is saved, and exits 0 so a script does not log it twice', async () => {
    const home = tempDir();
    const db = join(home, 'pace.db');
    const stderr = new TakesTheJournal(db);
    const run = { ...io(home, new MemoryStream()), stderr };
    let code: number;
    try {
      code = await main(['--db', db, 'log', 'walk', '10', '--no-input'], run);
    } finally {
      stderr.other?.exec('ROLLBACK');
      stderr.other?.close();
    }
    const sessions = new Database(db, { readonly: true });
    expect(sessions.prepare('SELECT count(*) AS n FROM sessions').pluck().get()).toBe(1);
    sessions.close();
    expect(stderr.text).not.toMatch(/nothing was saved/i);
    expect(stderr.text).toMatch(/^pace: saved, but the output could not be written \(the journal is busy in another pace process\)\.$/m);
    expect(code).toBe(0);
  }, 30_000);
});

describe('main reads standard input only through its Io (import -)', () => {
  it('the descriptor the Io gives is read, not the process\'s own standard input', async () => {
    const home = tempDir();
    const csv = join(home, 'piped.csv');
    writeFileSync(csv, 'date,activity,dose\n2026-11-17,walk,12\n');
    const fd = openSync(csv, 'r');
    try {
      const run = { ...io(home, new MemoryStream()), stdin: { fd } };
      expect(await main(['import', '-', '--json'], run), run.stderr.text).toBe(0);
      expect(JSON.parse((run.stdout as MemoryStream).text)).toMatchObject({ file: '-', sessions_added: 1 });
    } finally {
      closeSync(fd);
    }
  });

  it('an Io that gives none (a test, an embedding) has nothing piped in: refused, and nothing waits', async () => {
    const run = io(tempDir(), new MemoryStream());
    expect(await main(['import', '-'], run)).toBe(2);
    expect(run.stderr.text).toMatch(/nothing came in on standard input/);
  });
});
