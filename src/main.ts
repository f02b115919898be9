import { isAbsolute, join } from 'node:path';
import { parseIsoDate } from './core/dates.js';
import { InputError } from './core/errors.js';
import { isBefore1900, printable } from './core/input.js';
import { lightFormat } from 'date-fns/lightFormat';
import type { IsoDate } from './core/types.js';
import { committedWrites } from './store/commits.js';
import { JournalError, NotFoundError } from './store/errors.js';
import { isStoppedQuestion } from './commands/ask.js';
import type { Context } from './commands/context.js';
import type { Prompts } from './ui/prompts.js';
import { buildProgram, type Globals } from './program.js';
import { fitQuestions, fitText } from './ui/fit.js';
import { FdOutput, isTerminal, widthFrom, type Output } from './ui/output.js';
import { PLAIN_CHECKLIST_MARKS, spokenQuestions } from './ui/plain.js';

export interface Io {
  env: NodeJS.ProcessEnv;
  /** `fd`: the descriptor `import -` reads; without one, nothing is piped in (a test never reads its runner's). */
  stdin: { isTTY?: boolean; fd?: number };
  stdout: Output;
  stderr: Output;
  platform: NodeJS.Platform;
  clock: () => Date;
}

const defaultIo = (): Io => ({
  env: process.env,
  // Asked only when needed, and not through process.stdin: creating that stream costs start-up time.
  stdin: {
    get isTTY() {
      return isTerminal(0);
    },
    fd: 0,
  },
  // Not process.stdout and process.stderr: on a pipe each builds a socket, a cost paid on every run.
  stdout: new FdOutput(1, widthFrom(process.env.COLUMNS)),
  stderr: new FdOutput(2, widthFrom(process.env.COLUMNS)),
  platform: process.platform,
  clock: () => new Date(),
});

/** Exit codes (cli.md): 0 success, 1 journal or system trouble, 2 usage or invalid input, 130 Ctrl-C. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** Parses argv, runs one command and returns its exit code. Only this module reads the environment. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  // Health data: every file pace creates (journal, its -journal file, exports, backups) is the person's alone.
  process.umask(0o077);
  let exitCode: number = EXIT.ok;
  // The process-wide count, as it stood when this run began: main may run more than once in one
  // process (the in-process tests), and only this run's writes count for this run.
  const writesBefore = committedWrites();
  const committed = () => committedWrites() > writesBefore;
  const program = buildProgram({
    makeContext: (globals) => makeContext(globals, io),
    setExitCode: (code) => {
      exitCode = code;
    },
    stdout: (text) => io.stdout.write(text),
    stderr: (text) => io.stderr.write(text),
    stdoutInfo: () => ({ isTTY: Boolean(io.stdout.isTTY), columns: io.stdout.columns }),
    stderrInfo: () => ({ isTTY: Boolean(io.stderr.isTTY), columns: io.stderr.columns }),
  });
  // A closed pipe or a full disk behind stdout surfaces as an 'error' event, not a throw.
  let outputError: unknown = null;
  const onOutputError = (e: unknown) => {
    outputError ??= e;
  };
  io.stdout.on('error', onOutputError);
  try {
    // `pace` alone (or with only global options) asks what pace can do: the help, on stdout, as for --help.
    await program.parseAsync(noCommand(argv) ? [...argv, '--help'] : [...argv], { from: 'user' });
    await flushed(io.stdout);
    if (!outputError) return exitCode;
    return committed() ? savedUnseen(outputError, exitCode, io) : report(outputError, io);
  } catch (e) {
    // After the commit, whatever fails (the output, or a read for it that waited out another
    // process) leaves the write standing: never "nothing was saved". A question ended by Ctrl-C
    // has its own words and exit code.
    if (committed() && !isStoppedQuestion(outputError ?? e)) return savedUnseen(outputError ?? e, EXIT.ok, io);
    return report(outputError ?? e, io);
  }
}

/** Whether argv names no command: nothing, or only the global options (`--db <path>`, `--no-color`, `--no-input`, `--plain`). */
function noCommand(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') {
      // Without its value, commander's own message says what is missing.
      if (++i >= argv.length) return false;
    } else if (!a.startsWith('--db=') && a !== '--no-color' && a !== '--no-input' && a !== '--plain') return false;
  }
  return true;
}

/**
 * The output failed (a full disk, a closed pipe), or a read for it waited out another process,
 * after a write was committed. What was saved stays
 * saved, and the run exits 0 with a note: an exit of 1 would have a script that retries on failure
 * record the session twice (docs/decisions.md).
 */
function savedUnseen(e: unknown, exitCode: number, io: Io): number {
  const code = (e as CodedError).code ?? '';
  const why =
    code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full'
    : code === 'EPIPE' ? 'it was closed early'
    : code.startsWith('SQLITE_BUSY') ? 'the journal is busy in another pace process'
    : ((e as CodedError).message ?? String(e)).replace(/\.$/, '');
  io.stderr.write(`pace: saved, but the output could not be written (${why}).\n`);
  return exitCode;
}

function makeContext(g: Globals, io: Io): Context {
  // Writes committed before this run began are not this run's (main runs more than once in tests).
  const before = committedWrites();
  // An empty --db would make SQLite open a private temporary database: "Saved", and nothing kept.
  if (g.db !== undefined && g.db.trim() === '') throw new InputError('--db is empty.', 'Give the path of a journal file, or leave out --db.');
  const today = todayFrom(io);
  let interactive: boolean | undefined;
  let color: boolean | undefined;
  let plainOut: boolean | undefined;
  const isPlain = () => (plainOut ??= plain(g, io));
  let dbPath: string | undefined;
  let questions: Promise<Prompts> | undefined;
  const journalPath = () => (dbPath ??= g.db ?? (journalFromEnv(io.env.PACE_DB) || defaultDbPath(io)));
  return {
    today,
    now: () => io.clock().toISOString(),
    // Worked out on first use: `pace completion bash` and `--help` never need it, so a PACE_DB
    // refused here (a ~ left unexpanded) does not break the shell's start-up file.
    get dbPath() {
      return journalPath();
    },
    home: io.env.HOME,
    // Worked out on first use: a command that never asks does not pay for the terminal checks.
    // A dumb terminal is asked nothing: a question redraws itself with cursor codes it does not
    // follow, and a checklist needs arrow keys (Emacs's shell keeps them); flags say it all.
    get interactive() {
      return (interactive ??= g.input !== false && io.env.TERM !== 'dumb' && Boolean(io.stdin.isTTY && io.stdout.isTTY));
    },
    get color() {
      return (color ??= !isPlain() && useColor(g, io));
    },
    get plain() {
      return isPlain();
    },
    stdout: io.stdout,
    stderr: io.stderr,
    get stdinIsTerminal() {
      return Boolean(io.stdin.isTTY);
    },
    stdinFd: io.stdin.fd,
    paperLocale: io.env.LC_ALL || io.env.LC_PAPER || io.env.LANG,
    wallClock,
    clockHour: () => {
      const clock = io.clock();
      return lightFormat(clock, 'yyyy-MM-dd') === today ? clock.getHours() : undefined;
    },
    // Made once a run: a command asks for them before each group of questions (log: three times).
    prompts: () =>
      (questions ??= (async () => {
        // Every question leads to a write: a journal that cannot take the answers (read-only,
        // damaged) is said first.
        // (Loaded here, as the questions are: --help and completion never need the store.)
        const cannotSave = (await import('./store/open.js')).cannotSaveError(journalPath());
        if (cannotSave) throw cannotSave;
        const asked = (await import('./ui/prompts.js')).makePrompts(() => committedWrites() > before, isPlain());
        return isPlain() ? fitQuestions(spokenQuestions(asked), () => io.stdout.columns, PLAIN_CHECKLIST_MARKS) : fitQuestions(asked, () => io.stdout.columns);
      })()),
  };
}

/**
 * PACE_DB, refused when it starts with ~: the shell leaves a ~ inside quotes as it is, and the
 * journal would go in a folder named "~" in whatever folder the person stands in. Any other path,
 * relative ones included, is taken as cli.md gives it (docs/decisions.md).
 */
function journalFromEnv(value: string | undefined): string | undefined {
  if (!value?.startsWith('~')) return value;
  throw new InputError(`PACE_DB "${value}" starts with ~, which the shell leaves as it is inside quotes; nothing was read or written.`,
    'Write PACE_DB="$HOME/..." instead, or use --db.');
}

/** The latest day PACE_TODAY may name (docs/decisions.md). */
const LAST_FIXED_TODAY = '2199-12-31';

function todayFrom(io: Io): IsoDate {
  const fixed = io.env.PACE_TODAY;
  if (fixed !== undefined && fixed !== '') {
    const d = parseIsoDate(fixed);
    if (!d && isBefore1900(fixed)) throw new InputError(`PACE_TODAY "${fixed}" is before 1900.`, 'Give a day from 1900 to 2199, or unset it to use the real date.');
    if (!d) throw new InputError(`PACE_TODAY "${fixed}" is not a real date.`, 'Write it as YYYY-MM-DD, or unset it.');
    // Every view replays the weeks from the start up to today, and looks a week past it: a today
    // centuries ahead (a slip of the year) took seconds, and 9999-12-31 ran past the calendar.
    if (d > LAST_FIXED_TODAY) throw new InputError(`PACE_TODAY "${fixed}" is after 2199.`, 'Give a day from 1900 to 2199, or unset it to use the real date.');
    return d;
  }
  // The person's own calendar day, in local time (a subpath import keeps date-fns light).
  return lightFormat(io.clock(), 'yyyy-MM-dd') as IsoDate;
}

/**
 * The time this machine's clocks (its time zone, TZ) show for a wall-clock time on a day. A time
 * the clocks skip is moved on by the time skipped, as ECMAScript and RFC 5545 3.3.5 both do.
 */
function wallClock(date: IsoDate, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const at = new Date(2000, 0, 1, h, min);
  at.setFullYear(y, m - 1, d);
  at.setHours(h, min, 0, 0);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/**
 * Plain output, for a screen reader: --plain, PACE_PLAIN set (not to 0), or a terminal that calls
 * itself dumb (Emacs's shell, where Emacspeak reads it) (docs/decisions.md, "Output for every reader").
 */
function plain(g: Globals, io: Io): boolean {
  const set = io.env.PACE_PLAIN;
  return g.plain === true || (set !== undefined && set !== '' && set !== '0') || io.env.TERM === 'dumb';
}

/** chalk 5 ignores NO_COLOR (engineering.md), so colour is decided here, once. */
function useColor(g: Globals, io: Io): boolean {
  if (g.color === false) return false;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.TERM === 'dumb') return false;
  return Boolean(io.stdout.isTTY);
}

export function defaultDbPath(io: Pick<Io, 'env' | 'platform'>): string {
  if (io.platform === 'darwin') return join(homeFolder(io), 'Library', 'Application Support', 'pace', 'pace.db');
  if (io.platform === 'win32') return join(io.env.APPDATA || join(homeFolder(io), 'AppData', 'Roaming'), 'pace', 'pace.db');
  const xdg = io.env.XDG_DATA_HOME;
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = xdg && xdg.startsWith('/') ? xdg : join(homeFolder(io), '.local', 'share');
  return join(base, 'pace', 'pace.db');
}

/**
 * $HOME, else the system's record of it. An empty or relative HOME is refused: Node's homedir()
 * answers "" for HOME="", and the journal went in .local/share/pace under whatever folder pace
 * ran in, a new empty journal in each (docs/decisions.md).
 */
function homeFolder(io: Pick<Io, 'env'>): string {
  // node:os only when HOME is unset: loading it costs every run a little.
  const home = io.env.HOME || process.getBuiltinModule('node:os').homedir();
  if (isAbsolute(home)) return home;
  const what = home === '' ? 'HOME is empty' : `HOME "${home}" is not an absolute path`;
  throw new InputError(`${what}, so pace cannot tell where your journal is; nothing was read or written.`,
    'Set HOME to your home folder, or point PACE_DB or --db at your journal.');
}

interface CodedError {
  name?: string;
  code?: string;
  exitCode?: number;
  message?: string;
  hint?: string;
  stack?: string;
}

function report(e: unknown, io: Io): number {
  const err = (e ?? {}) as CodedError;
  // A value the person typed may carry a line break or an escape (a path ending in \n): shown as
  // `?`, so the message stays two lines and the terminal does not act on it.
  // A terminal breaks a long line inside words; these are broken between them (as print's are).
  const say = (msg: string, hint?: string) =>
    io.stderr.write(fitText(`pace: ${printable(msg, Infinity)}\n${hint ? `  ${printable(hint, Infinity)}\n` : ''}`, io.stderr.columns));
  if (typeof err.code === 'string' && err.code.startsWith('commander.')) {
    // commander has already printed its message (or the help, or the version); only the exit code
    // is ours. Its stack would name only commander's parsing, even under PACE_DEBUG.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (io.env.PACE_DEBUG === '1' && err.stack) io.stderr.write(`${err.stack}\n`);
  if (isStoppedQuestion(err)) {
    io.stderr.write('\nStopped. Nothing was saved.\n');
    return EXIT.interrupted;
  }
  if (e instanceof InputError || e instanceof NotFoundError) {
    say(err.message ?? 'invalid input.', err.hint);
    return EXIT.usage;
  }
  if (e instanceof JournalError) {
    say(err.message ?? 'the journal could not be used.', err.hint);
    return EXIT.failure;
  }
  const code = err.code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    say('a value is outside what the journal accepts; nothing was saved.', 'Check the numbers and dates you gave.');
    return EXIT.usage;
  }
  const known: Record<string, [string, string?]> = {
    SQLITE_BUSY: ['the journal is busy in another pace process; nothing was saved.', 'Try again in a moment.'],
    SQLITE_READONLY: ['the journal is read-only here; nothing was saved.', 'Check the file permissions, or use --db to pick a writable journal.'],
    SQLITE_CANTOPEN: ['the journal file could not be opened.', 'Check the path and its permissions.'],
    SQLITE_FULL: ['the disk is full; nothing was saved.', 'Free some space and try again.'],
    SQLITE_CORRUPT: ['the journal file is damaged.', 'Run pace check, and restore from a backup if needed.'],
    SQLITE_NOTADB: ['the journal file is not a pace journal.', 'Point --db or PACE_DB at a pace journal.'],
    SQLITE_IOERR: ['the journal could not be read or written (an input/output error).', 'Check the disk, then try again.'],
    ENOSPC: ['the disk is full; the output is incomplete.', 'Free some space and try again.'],
    // A quota used up (a shared or network home folder): full, as far as the person is concerned.
    EDQUOT: ['the disk is full; the output is incomplete.', 'Free some space and try again.'],
    EACCES: [`permission denied: ${err.message ?? ''}`.trim(), 'Check the file permissions.'],
    EROFS: ['the file system is read-only.', 'Write somewhere else.'],
    EPIPE: ['the output was closed early.'],
  };
  const hit = known[code] ?? Object.entries(known).find(([k]) => code.startsWith(k))?.[1];
  if (hit) {
    if (code !== 'EPIPE') say(hit[0], hit[1]);
    return EXIT.failure;
  }
  say(`something went wrong: ${err.message ?? String(e)}`, 'Run again with PACE_DEBUG=1 to see the details.');
  return EXIT.failure;
}

/** Waits until what was written to stdout has left the process, so write errors are seen here. */
function flushed(stream: Output): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      // Written straight to the descriptor, it has all gone out already; a stream gets a turn.
      if (stream instanceof FdOutput) resolve();
      else setImmediate(resolve);
    };
    stream.on('error', done);
    if (stream.write('')) done();
    else stream.on('drain', done);
  });
}
