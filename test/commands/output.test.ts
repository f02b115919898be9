import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FdOutput, isTerminal, widthFrom } from '../../src/ui/output.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// pace writes its output straight to the file descriptor instead of through process.stdout (on a
// pipe, that stream costs every run several milliseconds). It must keep the stream's promises.

describe('output written straight to a file descriptor', () => {
  it('writes every byte, in order, and says it is not a terminal', () => {
    const file = join(tempDir(), 'out.txt');
    const fd = openSync(file, 'w');
    const out = new FdOutput(fd);
    expect(out.write('héllo\n')).toBe(true);
    expect(out.write('x'.repeat(200_000))).toBe(true);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(`héllo\n${'x'.repeat(200_000)}`);
    expect(out.isTTY).toBe(false);
    expect(out.columns).toBeUndefined();
  });

  it.skipIf(!existsSync('/dev/full'))('reports a failure (a full disk) as an error event, and again on every later write', async () => {
    const fd = openSync('/dev/full', 'w');
    const out = new FdOutput(fd);
    const seen: unknown[] = [];
    out.on('error', (e) => seen.push(e));
    expect(out.write('lost')).toBe(false);
    expect(out.write('')).toBe(false);
    await new Promise((r) => setImmediate(r));
    closeSync(fd);
    expect(seen.map((e) => (e as { code?: string }).code)).toEqual(['ENOSPC', 'ENOSPC']);
  });

  it('tells files from terminals without a terminal check', () => {
    const fd = openSync(join(tempDir(), 'f'), 'w');
    expect(isTerminal(fd)).toBe(false);
    closeSync(fd);
    expect(isTerminal(9999)).toBe(false);
  });

  it.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)('tells a named pipe from a terminal too', () => {
    // Opened for reading and writing, so that opening it does not wait for a writer.
    const fifo = join(tempDir(), 'p');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const p = openSync(fifo, 'r+');
    expect(fstatSync(p).isFIFO()).toBe(true);
    expect(isTerminal(p)).toBe(false);
    closeSync(p);
  });

  it('takes /dev/null (what cron and `< /dev/null` give) for no terminal, though it is a character device', () => {
    const fd = openSync('/dev/null', 'r');
    try {
      expect(fstatSync(fd).isCharacterDevice()).toBe(true);
      expect(isTerminal(fd)).toBe(false);
    } finally {
      closeSync(fd);
    }
  });
});

describe('COLUMNS, the width of a pipe or a file (README: `COLUMNS=60 pace plan | less`)', () => {
  it('is a width when it is a whole number above 0', () => {
    expect(widthFrom('60')).toBe(60);
    expect(widthFrom('1')).toBe(1);
    for (const none of [undefined, '', '0', '-40', 'wide', '40.5', ' 60', '60 ', '1e2', '999999']) expect(widthFrom(none), String(none)).toBeUndefined();
  });

  it('is the width of output into a file, which has none of its own', () => {
    const fd = openSync(join(tempDir(), 'out.txt'), 'w');
    try {
      expect(new FdOutput(fd, widthFrom('60')).columns).toBe(60);
      expect(new FdOutput(fd, widthFrom('0')).columns).toBeUndefined();
    } finally {
      closeSync(fd);
    }
  });
});
