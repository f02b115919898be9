// main() run more than once in one process, as the in-process tests do: what one run committed
// must not change how a later run reports a failed output (docs/decisions.md, "Output that fails
// after a write").
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

/** A stdout on a full disk: every write fails with ENOSPC. */
class FullDisk extends Writable {
  override _write(_chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
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
});
