import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL, checkTextStart, decodeUtf8 } from '../core/encoding.js';
import { InputError } from '../core/errors.js';
import { ownDescriptor } from './sink.js';

const CHUNK = 1 << 20;
const TOO_BIG = (file: string) =>
  new InputError(`${file} is larger than ${MAX_IMPORT_LABEL}, the most pace imports at once.`, 'Split it into smaller files (by date), or check it is the file you meant.');

/**
 * Reads a file for `pace import`, bounded: a regular file larger than the limit is refused before
 * it is read, and anything else (a pipe, /dev/zero) is read only up to the limit. The text must
 * be UTF-8.
 */
export function readImportFile(file: string, stdinFd?: number): string {
  if (file === '-') return readStdin(stdinFd);
  let fd: number;
  try {
    fd = openFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as { code?: string }).code;
    throw new InputError(`cannot read ${file}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : ''}.`, 'Give the path of a CSV or JSON file written by pace export.');
  }
  try {
    return readAll(fd, file);
  } finally {
    closeSync(fd);
  }
}

/** The name `import -` goes by in what pace says. */
export const STDIN = 'standard input';
const NOTHING_PIPED = () => new InputError('nothing came in on standard input.', 'Pipe a file into it, for example: pace --db old.db export --json | pace import -');

/**
 * `import -`: standard input, as `export --out -` is standard output. Read from its descriptor
 * itself (0 when run as pace: a socket, from some parents, cannot be opened again as /dev/stdin),
 * waiting when the shell left it non-blocking; not closed here, it is pace's own. Without one
 * (main run in a process of another's, a test's) nothing is piped in: the process's own standard
 * input is never read, where a test runner's would wait for ever.
 */
function readStdin(fd: number | undefined): string {
  if (fd === undefined) throw NOTHING_PIPED();
  let text: string;
  try {
    text = readAll(fd, STDIN);
  } catch (e) {
    if ((e as { code?: string }).code === 'EBADF') throw NOTHING_PIPED(); // closed (<&-)
    throw e;
  }
  if (text === '') throw NOTHING_PIPED();
  return text;
}

function readAll(fd: number, file: string): string {
  const st = fstatSync(fd);
  if (st.isDirectory()) throw new InputError(`cannot read ${file}: it is a folder.`, 'Give the path of a CSV or JSON file written by pace export.');
  if (st.isFile() && st.size > MAX_IMPORT_BYTES) throw TOO_BIG(file);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const n = readWaiting(fd, chunk);
    if (n === 0) break;
    if (total === 0) checkTextStart(chunk.subarray(0, Math.min(n, 4096)), file);
    total += n;
    if (total > MAX_IMPORT_BYTES) throw TOO_BIG(file);
    chunks.push(n === CHUNK ? chunk : chunk.subarray(0, n));
  }
  return decodeUtf8(Buffer.concat(chunks, total), file);
}

/**
 * Opens `file` for reading without waiting on it. Opening a named pipe waits until some program
 * opens it for writing, which may be never, so a path is opened non-blocking first and a pipe or
 * socket found there is refused. A pipe that is pace's own input (`/dev/stdin`, `<(...)`) is read:
 * whoever started pace gave it.
 */
function openFile(file: string): number {
  if (ownDescriptor(file)) return openSync(file, 'r');
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  const st = fstatSync(fd);
  if (st.isFile() || st.isDirectory()) return fd;
  closeSync(fd);
  if (st.isFIFO() || st.isSocket()) {
    throw new InputError(`cannot read ${file}: it is a named pipe, not a file.`, 'Give a CSV or JSON file written by pace export; to read from a pipe, use pace import /dev/stdin.');
  }
  // A device (/dev/zero) is read as before, blocking, so a terminal waits for its input.
  return openSync(file, 'r');
}

/** readSync that waits (10 ms at a time) instead of failing on a non-blocking descriptor with nothing yet. */
function readWaiting(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, CHUNK, null);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}
