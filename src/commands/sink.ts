import { closeSync, fsyncSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, renameSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { JournalError } from '../store/errors.js';
import { heedSignals, holdTempFiles, removeLeftovers, removeQuietly, tempNameOf } from '../store/tempFiles.js';
import type { Output } from '../ui/output.js';

/** Buffered text output that streams to a file or to stdout without holding everything in memory. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Binary content (a PDF), after any text written before it. */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** Flushes and, for a file, moves it into place. */
  close(): Promise<void>;
  /** Drops a half-written file after an error. */
  abort(): void;
}

const CHUNK = 1 << 16;

/** How SQLite's files begin: a database, a rollback journal, a write-ahead log (either byte order). */
const SQLITE_MAGIC = [
  Buffer.from('SQLite format 3\0', 'latin1'),
  Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]),
  Buffer.from([0x37, 0x7f, 0x06, 0x82]),
  Buffer.from([0x37, 0x7f, 0x06, 0x83]),
];

/** The journal and the files SQLite keeps beside it, as absolute paths. */
function journalFiles(journal: string): string[] {
  const own = resolve(journal);
  return [own, `${own}-journal`, `${own}-wal`, `${own}-shm`];
}

/**
 * Checks a file named for output (`--out`) before anything is read or written. An existing file is
 * replaced (docs/decisions.md), but never the journal, its -journal, -wal or -shm file, nor any
 * other SQLite file (a backup, another program's database); and never through a symbolic link,
 * which would put health data in whatever file the link points to, with that file's mode.
 */
export function checkOutputFile(path: string, flag: string, journal: string): void {
  if (path.trim() === '') throw new InputError(`${flag} is empty.`, `Give a file name, or leave out ${flag}.`);
  // The file would be built beside the name and renamed onto it, which fails ("not a directory")
  // only once everything is written: a name that can only be a folder is refused first.
  if (path.endsWith('/')) throw new InputError(`cannot write ${path}: a name ending in / is a folder.`, `Give a file name for ${flag}.`);
  if (namesJournalFile(path, journal)) {
    throw new InputError(`${flag} ${path} is the journal itself; pace will not write over it.`, 'Choose another file name.');
  }
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch {
    // A new file. Its folder is checked now, not when the file is written: `plan --set --ics`
    // writes to the journal first, and a folder mistyped must not leave the change saved (cli.md).
    if (folderMissing(path)) throw noFolder(path, flag);
    return;
  }
  const file = link.isSymbolicLink() ? statIfAny(path) : link;
  if (isSpecial(path, file)) return;
  if (link.isSymbolicLink()) {
    throw new InputError(`${flag} ${path} is a symbolic link; pace does not write health data through a link.`, 'Give the path of a file, or a new name.');
  }
  if (file?.isDirectory()) throw new InputError(`cannot write ${path}: it is a folder.`, `Give a file name for ${flag}.`);
  if (!file?.isFile()) return;
  const journalFile = statIfAny(resolve(journal));
  if (journalFile && journalFile.dev === file.dev && journalFile.ino === file.ino) {
    throw new InputError(`${flag} ${path} is the journal itself; pace will not write over it.`, 'Choose another file name.');
  }
  if (startsWithSqliteMagic(path)) {
    throw new InputError(`${flag} ${path} is a SQLite database or journal (perhaps a backup); pace will not write over it.`, 'Choose another file name.');
  }
}

/**
 * Output written as it is, not through a file renamed into place: a terminal, device, pipe or
 * socket (by the target's file type, wherever it lives), or one of pace's own open descriptors
 * (/dev/stdout, /dev/fd/1), which lead to whatever the shell redirected them to, a file included.
 * A link to a regular file is not special because of its folder: /dev/shm is anyone's to write in.
 */
function isSpecial(path: string, target: Stats | null): boolean {
  if (target && (target.isCharacterDevice() || target.isFIFO() || target.isSocket())) return true;
  return ownDescriptor(path);
}

/**
 * Whether following `path`'s links passes through one of this process's descriptors:
 * /proc/self/fd/N (as /proc/<our pid>/fd/N once resolved) or /dev/fd/N. Another process's
 * descriptors are not ours to write through.
 */
export function ownDescriptor(path: string): boolean {
  const own = new RegExp(`^/(proc/(self|${process.pid})|dev)/fd/\\d+$`);
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let dir: string;
    try {
      dir = realpathSync(dirname(p));
    } catch {
      return false;
    }
    p = join(dir, basename(p));
    if (own.test(p)) return true;
    let link: Stats;
    try {
      link = lstatSync(p);
    } catch {
      return false;
    }
    if (!link.isSymbolicLink()) return false;
    p = resolve(dir, readlinkSync(p));
  }
  return false;
}

/**
 * Whether `path` names the journal or a file SQLite keeps beside it (only those, without
 * `itself`), as given or by the folders as they really are: through a link to the journal's
 * folder, `-journal` is the same file, and a -wal or -shm name there is one SQLite would take for
 * its own.
 */
export function namesJournalFile(path: string, journal: string, itself = true): boolean {
  const from = itself ? 0 : 1;
  return journalFiles(journal).slice(from).includes(resolve(path)) || journalFiles(realName(journal)).slice(from).includes(realName(path));
}

/** `path` with the links in its folders followed (the name itself is left as it is). */
function realName(path: string): string {
  const full = resolve(path);
  try {
    return join(realpathSync(dirname(full)), basename(full));
  } catch {
    return full;
  }
}

/** The file's stats, or null when there is none (or it cannot be reached). */
export function statIfAny(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function startsWithSqliteMagic(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false; // unreadable: the write itself will say why
  }
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return SQLITE_MAGIC.some((m) => n >= m.length && head.subarray(0, m.length).equals(m));
  } finally {
    closeSync(fd);
  }
}

/**
 * A file is written beside its final name and renamed when complete, so a full disk never
 * leaves half an export under the real name. Special files (/dev/stdout, /dev/full) are written directly.
 */
export function fileSink(path: string, flag = '--out'): Sink {
  let special = false;
  try {
    // A link has been checked by checkOutputFile: it leads to a device, a pipe or a descriptor.
    const link = lstatSync(path);
    special = isSpecial(path, link.isSymbolicLink() ? statIfAny(path) : link);
  } catch {
    special = false;
  }
  const tmp = special ? path : tempNameOf(path);
  // Held before it exists: a signal between its creation and the hold would leave it behind.
  const release = special ? () => {} : holdTempFiles([tmp]);
  let fd: number;
  try {
    fd = openSync(tmp, special ? 'w' : 'wx', 0o600);
  } catch (e) {
    release();
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw noFolder(path, flag);
    if (code === 'EISDIR') throw new InputError(`cannot write ${path}: it is a folder.`, `Give a file name for ${flag}.`);
    // The name, or the temporary name beside it, is longer than the file system allows (255 bytes).
    if (code === 'ENAMETOOLONG') throw new InputError(`cannot write ${path}: the name is too long.`, `Choose a shorter name for ${flag}.`);
    throw deniedOr(e, path);
  }
  let buffer = '';
  let open = true;
  // A file built beside its name is never renamed into place when the disk fills: nothing is
  // written under the name, and a file already there is unchanged ("incomplete" is stdout's case).
  const writing = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (special || (code !== 'ENOSPC' && code !== 'EDQUOT')) throw e;
      throw new JournalError(`the disk is full; nothing was written to ${path}.`, 'Free some space and try again.');
    }
  };
  const flush = () => {
    if (buffer) writing(() => writeSync(fd, buffer));
    buffer = '';
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) flush();
    },
    async writeBytes(bytes) {
      flush();
      for (let at = 0; at < bytes.length; ) at += writing(() => writeSync(fd, bytes, at));
    },
    async close() {
      flush();
      if (!special) writing(() => fsyncSync(fd));
      closeSync(fd);
      open = false;
      if (special) return;
      await heedSignals();
      try {
        renameSync(tmp, path);
      } catch (e) {
        // Another user's file in a folder anyone may write (sticky, as /tmp): only its owner may replace it.
        throw deniedOr(e, path);
      }
      release();
      removeLeftovers(path);
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
      if (!special) removeQuietly(tmp);
      release();
    },
  };
}

/**
 * Whether the folder of a new file is missing; one that may not be read is left to the write, which
 * says so. Asked of the system as given (not resolved): `link/../kept` is where the link leads, up one.
 */
function folderMissing(path: string): boolean {
  try {
    return !statSync(dirname(path)).isDirectory();
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

function noFolder(path: string, flag: string): InputError {
  return new InputError(`cannot write ${path}: the folder ${dirname(path)} does not exist.`, `Create the folder first, or choose another ${flag}.`);
}

/** A file that may not be written or replaced, in words; any other failure as it is. */
function deniedOr(e: unknown, path: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new JournalError(`cannot write ${path}: permission denied.`, 'Choose a folder you can write to, or another name.');
  }
  return e;
}

export function streamSink(stream: Output): Sink {
  let buffer = '';
  let failure: unknown = null;
  const onError = (e?: unknown) => {
    failure = e;
  };
  stream.on('error', onError);
  const send = async (chunk: string | Uint8Array) => {
    if (failure) throw failure;
    if (!stream.write(chunk)) {
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
  const flush = async () => {
    if (failure) throw failure;
    if (!buffer) return;
    const chunk = buffer;
    buffer = '';
    await send(chunk);
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    },
    async writeBytes(bytes) {
      await flush();
      await send(bytes);
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
