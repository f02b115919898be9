import { closeSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { JournalError } from '../store/errors.js';
import type { Output } from '../ui/output.js';

/** Buffered text output that streams to a file or to stdout without holding everything in memory. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Flushes and, for a file, moves it into place. */
  close(): Promise<void>;
  /** Drops a half-written file after an error. */
  abort(): void;
}

const CHUNK = 1 << 16;

/**
 * A file is written beside its final name and renamed when complete, so a full disk never
 * leaves half an export under the real name. Special files (/dev/stdout, /dev/full) are written directly.
 */
export function fileSink(path: string): Sink {
  let special = false;
  try {
    special = !lstatSync(path).isFile();
  } catch {
    special = false;
  }
  const tmp = special ? path : join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, special ? 'w' : 'wx', 0o600);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError(`cannot write ${path}: the folder ${dirname(path)} does not exist.`, 'Create the folder first, or choose another --out.');
    }
    if (code === 'EISDIR') throw new InputError(`cannot write ${path}: it is a folder.`, 'Give a file name for --out.');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new JournalError(`cannot write ${path}: permission denied.`, 'Choose a folder you can write to.');
    }
    throw e;
  }
  let buffer = '';
  let open = true;
  const flush = () => {
    if (buffer) writeSync(fd, buffer);
    buffer = '';
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) flush();
    },
    async close() {
      flush();
      if (!special) fsyncSync(fd);
      closeSync(fd);
      open = false;
      if (!special) renameSync(tmp, path);
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
      if (!special) {
        try {
          unlinkSync(tmp);
        } catch {
          // already gone
        }
      }
    },
  };
}

export function streamSink(stream: Output): Sink {
  let buffer = '';
  let failure: unknown = null;
  const onError = (e?: unknown) => {
    failure = e;
  };
  stream.on('error', onError);
  const flush = async () => {
    if (failure) throw failure;
    if (!buffer) return;
    const ok = stream.write(buffer);
    buffer = '';
    if (!ok) {
      // A stream that fails (a full disk behind stdout) never drains: wait for either.
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    }
    if (failure) throw failure;
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    },
    async close() {
      await flush();
      stream.off('error', onError);
    },
    abort() {
      stream.off('error', onError);
    },
  };
}
