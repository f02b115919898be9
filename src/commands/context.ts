import type { IsoDate } from '../core/types.js';
import { openJournal, type Journal } from '../store/open.js';
import { fitText } from '../ui/fit.js';
import { spoken } from '../ui/plain.js';
import type { Output } from '../ui/output.js';
import type { Prompts } from '../ui/prompts.js';

/** Everything a command may touch, passed in so that tests can hand over their own (style.md). */
export interface Context {
  today: IsoDate;
  /** A timestamp for the record of when something was written. */
  now: () => string;
  dbPath: string;
  /** The home folder ($HOME), for a path typed as ~/... on a line being completed. */
  home?: string;
  /** True when prompts may be shown: stdin and stdout are terminals and --no-input is absent. */
  interactive: boolean;
  color: boolean;
  /** Text for a screen reader (--plain, PACE_PLAIN, TERM=dumb): no drawn tables or charts, words for signs. */
  plain: boolean;
  stdout: Output;
  stderr: Output;
  /** Whether standard input is a terminal: `import -` reads what is piped in, and waits on no one. */
  stdinIsTerminal?: boolean;
  /** What `import -` reads: the process's standard input (0) when run as pace; absent, nothing is piped in. */
  stdinFd?: number;
  /** The locale that names the paper size (LC_ALL, else LC_PAPER, else LANG), for `report`. */
  paperLocale?: string;
  /**
   * The time the person's clocks show for a wall-clock time on a day, in their time zone: later
   * than it when the clocks skip it (the night they go forward). Absent: every time is shown as it is.
   */
  wallClock?: (date: IsoDate, time: string) => string;
  /**
   * The hour (0-23) this machine's clocks show now, when today is the clock's own day; undefined
   * when PACE_TODAY names another. Absent: the hour is not known, and nothing depends on it.
   */
  clockHour?: () => number | undefined;
  /** Loads inquirer only when a command really asks something. */
  prompts: () => Promise<Prompts>;
}

/** Writes lines for people to stdout; on a terminal, each line too long is broken between words. */
export function print(ctx: Context, lines: string | readonly string[]): void {
  const text = fitText(forReader(ctx, typeof lines === 'string' ? lines : lines.join('\n')), ctx.stdout.columns);
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Plain output says its signs in words (src/ui/plain.ts). */
const forReader = (ctx: Context, text: string) => (ctx.plain ? spoken(text) : text);

export function printJson(ctx: Context, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes a line for people to stderr, broken between words on a terminal as print's are. */
export function note(ctx: Context, text: string): void {
  const fitted = fitText(forReader(ctx, text), ctx.stderr.columns);
  ctx.stderr.write(fitted.endsWith('\n') ? fitted : `${fitted}\n`);
}

/**
 * Runs `fn` with the journal open and closes it after. A read of a journal that does not exist
 * yet sees an empty one and creates nothing.
 */
export async function withJournal<T>(ctx: Context, write: boolean, fn: (j: Journal) => T | Promise<T>): Promise<T> {
  const journal = openJournal(ctx.dbPath, { write });
  try {
    return await fn(journal);
  } finally {
    journal.close();
  }
}
