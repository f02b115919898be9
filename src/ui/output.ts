import { fstatSync, statSync, writeSync } from 'node:fs';

// node:tty loads node:net and node:stream behind it, a few milliseconds that a run printing JSON
// to a pipe never needs; it is loaded the first time someone asks whether a descriptor is a terminal.
let tty: typeof import('node:tty') | undefined;

/** Whether `fd` is a terminal. */
export function isTerminal(fd: number): boolean {
  // A pipe, a socket or a file is no terminal, and fstat says so without loading node:tty. So is
  // /dev/null, a character device that scripts and cron jobs hand pace for input.
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice() || st.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev) return false;
  } catch {
    return false;
  }
  tty ??= process.getBuiltinModule('node:tty');
  return tty.isatty(fd);
}

/** What pace writes its output to: process.stdout in spirit, or a test's memory stream. */
export interface Output {
  /** Bytes only where a command writes a binary file to stdout (`report --out -`). */
  write(text: string | Uint8Array): boolean;
  on(event: 'error' | 'drain', listener: (e?: unknown) => void): unknown;
  off(event: 'error' | 'drain', listener: (e?: unknown) => void): unknown;
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number | undefined;
}

/**
 * COLUMNS as a width, when it is one (a whole number above 0): `COLUMNS=40 pace status | less`
 * fits a pipe or a file to a narrow window, as a terminal is fitted (docs/decisions.md).
 */
export function widthFrom(columns: string | undefined): number | undefined {
  return columns !== undefined && /^\d{1,5}$/.test(columns) && Number(columns) > 0 ? Number(columns) : undefined;
}

type Listener = (e?: unknown) => void;

/**
 * Standard output (or error) written straight to its file descriptor. On a pipe, Node's
 * process.stdout builds a socket, which costs every run several milliseconds for a few lines of
 * output. Writes here are synchronous, as process.stdout's are to files and terminals. A failure
 * (a closed pipe, a full disk) comes as an 'error' event, as it would from the stream.
 */
export class FdOutput implements Output {
  private readonly listeners = new Set<Listener>();
  private failure: unknown = null;
  private tty: boolean | undefined;

  /** `width`: the width to fit to where the descriptor is no terminal, or one that gives no size (COLUMNS). */
  constructor(
    private readonly fd: number,
    private readonly width?: number,
  ) {}

  get isTTY(): boolean {
    return (this.tty ??= isTerminal(this.fd));
  }

  /** A terminal's width comes from Node's own stream, which is cheap to build for a terminal. */
  get columns(): number | undefined {
    const own = this.isTTY ? (this.fd === 2 ? process.stderr : process.stdout).columns : undefined;
    return own || this.width;
  }

  write(text: string): boolean {
    if (this.failure === null) {
      try {
        writeAll(this.fd, Buffer.from(text));
        return true;
      } catch (e) {
        this.failure = e;
      }
    }
    // Like a stream that has failed: every later write reports the error again, and never drains.
    const e = this.failure;
    process.nextTick(() => {
      for (const l of [...this.listeners]) l(e);
    });
    return false;
  }

  on(event: 'error' | 'drain', listener: Listener): this {
    if (event === 'error') this.listeners.add(listener);
    return this;
  }

  off(event: 'error' | 'drain', listener: Listener): this {
    if (event === 'error') this.listeners.delete(listener);
    return this;
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      // A pipe another program left non-blocking is full: wait a moment for the reader.
      if ((e as { code?: string }).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}
