import type { Argument, Command, Option } from 'commander';
import { candidates, completionFor, type ArgumentShape, type CommandShape, type OptionShape, type ProgramShape, type Values } from '../core/completion.js';
import { InputError } from '../core/errors.js';
import { SYMPTOMS } from '../core/symptoms.js';
import { peekJournal } from '../store/peek.js';
import { completionScript, FILES, SHELLS, type Shell } from '../ui/completionScripts.js';
import type { Context } from './context.js';

export interface CompletionFlags {
  /** Set by the script on Tab: the arguments are the words typed after `pace`, the last under the cursor. */
  words?: boolean;
  /** The words are as the shell holds them, quotes and backslashes included (bash, zsh). */
  quoted?: boolean;
  /** Print each offer escaped for the command line (bash, which puts it there as it is). */
  escaped?: boolean;
}

/**
 * `pace completion <shell>` prints the shell's script; the script runs `pace completion --words --
 * <words>` on every Tab, which prints what may come next, one per line. `tree` builds the whole
 * commander tree (this run defined only this command), so every command and option there,
 * including ones added later, completes without a list kept here.
 */
export function completion(tree: () => Command) {
  return async (args: string[], flags: CompletionFlags, ctx: Context): Promise<number> => {
    if (flags.words) {
      // The words as the command will get them: unquoted, and before the cursor a ~ expanded (a --db path).
      const words = args.map((w, i) => {
        const plain = flags.quoted ? unquote(w) : w;
        return i < args.length - 1 && w.startsWith('~') ? withHome(plain, ctx.home) : plain;
      });
      const found = suggest(shapeOf(tree()), words, journalOrNone(ctx));
      const typed = args.at(-1) ?? '';
      if (flags.escaped && found[0] !== FILES) found.forEach((w, i) => (found[i] = escapeFor(typed, w)));
      ctx.stdout.write(found.map((w) => `${w}\n`).join(''));
      return 0;
    }
    const shell = args[0];
    if (args.length !== 1 || !SHELLS.includes(shell as Shell)) {
      throw new InputError(`pace completion takes one shell: bash, zsh or fish${args.length ? ` (not "${args.join(' ')}")` : ''}.`, 'For example: source <(pace completion bash)');
    }
    ctx.stdout.write(completionScript(shell as Shell));
    return 0;
  };
}

/**
 * The suggestions for `typed`. The journal is opened (read-only) only when the word is an
 * activity name, a session id or a goal id, and nothing else is read.
 */
export function suggest(shape: ProgramShape, typed: readonly string[], dbPath: string): string[] {
  const c = completionFor(shape, typed.length ? typed : ['']);
  if (c.source === 'files') return [FILES];
  if (c.source === 'symptoms') return candidates(c, SYMPTOMS.map((s) => s.code));
  if (c.source === 'activities' || c.source === 'sessions' || c.source === 'goals') {
    const journal = peekJournal(dbIn(typed) ?? dbPath);
    return candidates(c, c.source === 'activities' ? journal.activities : journal[c.source].map(String));
  }
  return candidates(c, []);
}

/** The journal the command would use, or none when it would be refused (a PACE_DB starting with ~): Tab prints no error. */
function journalOrNone(ctx: Context): string {
  try {
    return ctx.dbPath;
  } catch {
    return '';
  }
}

/** The journal named by a --db typed before the cursor, which the command being typed will use. */
function dbIn(typed: readonly string[]): string | undefined {
  let db: string | undefined;
  typed.slice(0, -1).forEach((w, i, before) => {
    // bash splits --db=<path> at the = (COMP_WORDBREAKS): --db, =, <path>.
    if (w === '--db' && before[i + 1] === '=' && before[i + 2] !== undefined) db = before[i + 2];
    else if (w === '--db' && before[i + 1] !== undefined) db = before[i + 1];
    else if (w.startsWith('--db=')) db = w.slice('--db='.length);
  });
  return db;
}

/** The shape of the commander tree: its options and visible commands, each with its own subcommands. */
export function shapeOf(program: Command): ProgramShape {
  return { options: program.options.filter((o) => !o.hidden).map(optionShape), commands: program.commands.map(commandShape) };
}

function commandShape(c: Command): CommandShape {
  return {
    name: c.name(),
    options: c.options.filter((o) => !o.hidden).map(optionShape),
    args: c.registeredArguments.map(argumentShape),
    ...(c.commands.length ? { commands: c.commands.map(commandShape) } : {}),
  };
}

function optionShape(o: Option): OptionShape {
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1];
  return {
    flags: [o.long, o.short].filter((f): f is string => f !== undefined),
    takesValue: o.required || o.optional,
    ...valuesFor(o.attributeName(), placeholder, o.description, o.argChoices),
  };
}

function argumentShape(a: Argument): ArgumentShape {
  return { variadic: a.variadic, ...valuesFor(a.name(), undefined, a.description, a.argChoices) };
}

/**
 * Where the values of an option or argument come from, read from how it is declared: its
 * choices; its name (an activity, a symptom code, a session); an `id` whose description says
 * whose ("session id", "goal id"); a placeholder that names a file or lists the values
 * (`<yes|no>`); a day offers `today` and `yesterday`. Anything else (a dose, a pain score)
 * gets no suggestion.
 */
function valuesFor(name: string, placeholder: string | undefined, description: string, choices: readonly string[] | undefined): Values {
  if (choices?.length) return { choices };
  if (name === 'activity') return { source: 'activities' };
  if (name === 'symptom') return { source: 'symptoms' };
  const owner = name === 'id' ? /\b(session|goal) id\b/.exec(description)?.[1] : undefined;
  if (name === 'session' || owner === 'session') return { source: 'sessions' };
  if (owner === 'goal') return { source: 'goals' };
  if (/^(file|path)$/.test(placeholder ?? name)) return { source: 'files' };
  // A day that also takes the words (--date, --from, --to, --week, --start): the words, for Tab.
  if ((placeholder === 'YYYY-MM-DD' || placeholder === 'date') && /\btoday or yesterday\b/.test(description)) return { choices: ['today', 'yesterday'] };
  if (placeholder && /^[a-z0-9]+(\|[a-z0-9]+)+$/.test(placeholder)) return { choices: placeholder.split('|') };
  return {};
}

/** A word typed as `~` or `~/...` (unquoted), with the home folder for the ~, as the shell expands it. */
function withHome(word: string, home: string | undefined): string {
  return home && (word === '~' || word.startsWith('~/')) ? `${home}${word.slice(1)}` : word;
}

/**
 * A word as the shell will read it, from the text typed so far: `sit\ to\ s` or `"sit to s` is
 * `sit to s`. A quote left open is the word still being typed; inside single quotes nothing is
 * escaped, inside double quotes a backslash escapes only $, `, " and itself.
 */
export function unquote(typed: string): string {
  let out = '';
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < typed.length; i++) {
    const c = typed[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < typed.length && '$`"\\'.includes(typed[i + 1]!)) out += typed[++i];
      else out += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < typed.length) out += typed[++i];
    else out += c;
  }
  return out;
}

/**
 * `word` as bash should put it in place of `typed`: inside a double quote the person opened, only
 * a backslash, ", $ and ` escaped; inside a single quote, ' closed, escaped and opened again; otherwise every
 * character but letters, digits and a few safe marks escaped with a backslash, as printf %q does.
 */
export function escapeFor(typed: string, word: string): string {
  if (typed.startsWith('"')) return word.replace(/[\\"$`]/g, '\\$&');
  if (typed.startsWith("'")) return word.replaceAll("'", "'\\''");
  return word.replace(/[^\p{L}\p{N}_\-.,:+@%/=]/gu, '\\$&');
}
