// The only module that imports inquirer, and only when a question is really asked. It is built as a
// file of its own (dist/prompts.cjs) because @inquirer/prompts is an ES module, which CommonJS on
// Node 20 can only reach with import(), and import() cannot run in code from a V8 code cache.
import { fitText } from './fit.js';
import { PLAIN } from './plain.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  /** What the answer line shows once chosen, when it is not `name` (a name broken over lines). */
  short?: string;
}

export interface Prompts {
  text(message: string, opts?: { default?: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T>(message: string, choices: readonly Choice<T>[], def?: T): Promise<T>;
  /** A checklist; `groups` become separated sections (used for symptoms by class). */
  checklist<T>(message: string, groups: readonly { title: string; choices: readonly Choice<T>[] }[]): Promise<T[]>;
  confirm(message: string, def: boolean): Promise<boolean>;
}

const inquirer = () => import('@inquirer/prompts');

/**
 * The questions, for one run. `saved` says whether a write asked for by the person has already
 * committed in this run (log's check-in offer comes after the session is saved): a hang-up then
 * says the session is saved, and exits 130 as at any question (issue 17). `plain`: plain
 * output's marks and words (PLAIN), the key help fitted to the terminal as the choices are.
 */
export function makePrompts(saved: () => boolean, plain = false, keys: () => NodeJS.EventEmitter = () => process.stdin): Prompts {
  const asking = <T>(ask: (context: Asked) => Promise<T>) => whileAsking(ask, saved, keys());
  const prefix = plain ? { prefix: PLAIN.prefix } : {};
  return {
    text: (message, opts = {}) =>
      asking(async (context) =>
        (await inquirer()).input(
          {
            message,
            theme: prefix,
            ...(opts.default !== undefined ? { default: opts.default } : {}),
            ...(opts.validate ? { validate: opts.validate } : {}),
          },
          context,
        ),
      ),
    select: (message, choices, def) =>
      asking(async (context) =>
        (await inquirer()).select(
          {
            message,
            choices: [...choices],
            ...(def !== undefined ? { default: def } : {}),
            theme: plain ? { ...prefix, icon: PLAIN.list.icon, style: { keysHelpTip: () => fitText(PLAIN.list.keys, process.stdout.columns) } } : {},
          },
          context,
        ),
      ),
    checklist: (message, groups) =>
      asking(async (context) => {
        const { checkbox, Separator } = await inquirer();
        return checkbox({
          message,
          // T4: every sign in sight at once when the terminal has the rows (a name broken over
          // lines takes more than one), so none waits unseen below the last one shown; and the list
          // stops at its ends rather than going round, so Up from the first sign never lands on a
          // warning sign at the bottom.
          pageSize: pageFor(message, groups, process.stdout.rows),
          loop: false,
          // T4: no one-key "all" or "invert": a stray a or i would tick every warning sign.
          shortcuts: { all: null, invert: null },
          choices: groups.flatMap((g) => [new Separator(`-- ${g.title} --`), ...g.choices]),
          // The answer, once given: the signs ticked, one a line as pace lists them, not run
          // together after the question, where the terminal would break them inside words.
          theme: {
            ...prefix,
            ...(plain ? { icon: PLAIN.checklist.icon } : {}),
            style: {
              renderSelectedChoices: (chosen: readonly { short: string }[]) => (chosen.length === 0 ? 'none' : chosen.map((c) => `\n  - ${c.short}`).join('')),
              ...(plain ? { keysHelpTip: () => fitText(PLAIN.checklist.keys, process.stdout.columns) } : {}),
            },
          },
        }, context);
      }),
    confirm: (message, def) => asking(async (context) => (await inquirer()).confirm({ message, default: def, theme: prefix }, context)),
  };
}

/**
 * The lines a checklist needs, each group's title included, within the terminal's `rows` when it
 * gives them (0, as a terminal that gives no size says, gives none).
 */
export function pageFor(message: string, groups: readonly { choices: readonly Choice<unknown>[] }[], rows: number | undefined): number {
  const lines = groups.reduce((n, g) => n + 1 + g.choices.reduce((m, c) => m + c.name.split('\n').length, 0), 0);
  if (rows === undefined || rows <= 0) return lines;
  // The question's lines and the key help under the list stay on the screen too.
  return Math.max(5, Math.min(lines, rows - message.split('\n').length - 2));
}

/**
 * A terminal that hangs up while a question waits (a closed window, a dropped ssh link) ends the
 * run as Ctrl-C does: one line, and exit 130 (issue 17). Left alone,
 * readline fails to switch the terminal back with "setRawMode EIO", an 'error' event nobody can
 * listen to (inquirer owns the interface), and Node then aborts with a native trace while
 * restoring the terminal it no longer has. Most questions come before any write; the check-in
 * offered after log comes after the session is saved, and then the line says it is saved.
 */
async function whileAsking<T>(ask: (context: Asked) => Promise<T>, saved: () => boolean, keys: NodeJS.EventEmitter): Promise<T> {
  const hangup = () => hungUp(saved());
  const onError = (e: unknown) => {
    if (!isHangup(e)) {
      process.off('uncaughtException', onError);
      // Not ours: fail as Node would have.
      setImmediate(() => {
        throw e;
      });
      return;
    }
    hangup();
  };
  // Escape stops a question as Ctrl-C does (inquirer ignores the key): the question is rejected
  // with inquirer's AbortPromptError, a stopped question like its ExitPromptError. An arrow or
  // Alt and a letter, which start with the same byte, come as keys of their own.
  const stop = new AbortController();
  const onKey = (_: unknown, key?: { name?: string }) => {
    if (key?.name === 'escape') stop.abort();
  };
  process.on('uncaughtException', onError);
  process.on('SIGHUP', hangup);
  keys.on('keypress', onKey);
  try {
    return await ask({ signal: stop.signal });
  } finally {
    process.off('uncaughtException', onError);
    process.off('SIGHUP', hangup);
    keys.off('keypress', onKey);
  }
}

/** What each question is given besides its own options: the signal that Escape stops it with. */
interface Asked {
  signal: AbortSignal;
}

function isHangup(e: unknown): boolean {
  const { code, syscall } = (e ?? {}) as { code?: string; syscall?: string };
  return code === 'EIO' || code === 'ENXIO' || (syscall === 'setRawMode' && code !== undefined);
}

function hungUp(saved: boolean): never {
  const fs = process.getBuiltinModule('node:fs');
  try {
    fs.writeSync(2, saved ? '\nStopped: the terminal closed. Your session is saved.\n' : '\nStopped: the terminal closed. Nothing was saved.\n');
  } catch {
    // stderr was the terminal that is gone
  }
  // Node restores the terminal's settings at exit, and aborts when that fails; it skips a
  // descriptor that no longer names the same file, so 0, 1 and 2 now name /dev/null.
  for (const fd of [0, 1, 2]) {
    try {
      fs.closeSync(fd);
      fs.openSync('/dev/null', fd === 0 ? 'r' : 'w');
    } catch {
      // already closed, or /dev/null missing: exit all the same
    }
  }
  process.exit(130);
}
