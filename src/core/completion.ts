// Shell completion, as data: given the shape of the program (its commands, options and arguments,
// read from commander by src/commands/completion.ts) and the words typed so far, what may come
// next. Pure: the values that live in the journal are asked for by name (`source`), not read here.

/** Values that come from outside the program's shape: the journal, the symptom table, the disk. */
export type ValueSource = 'activities' | 'sessions' | 'goals' | 'symptoms' | 'files';

/** What a value may be: a fixed list, a source, or anything (no suggestion). */
export interface Values {
  choices?: readonly string[];
  source?: ValueSource;
}

export interface OptionShape extends Values {
  /** Every spelling, long and short: ['--yes', '-y']. */
  flags: readonly string[];
  takesValue: boolean;
}

export interface ArgumentShape extends Values {
  variadic: boolean;
}

export interface CommandShape {
  name: string;
  options: readonly OptionShape[];
  args: readonly ArgumentShape[];
  /** Its subcommands (`goal` has add, rate, list and close), which may have their own. */
  commands?: readonly CommandShape[];
}

export interface ProgramShape {
  /** Options before the command (--db, --no-color ...). */
  options: readonly OptionShape[];
  commands: readonly CommandShape[];
}

/** What the word under the cursor may become: these words, and the values of a source if any. */
export interface Completion {
  words: string[];
  source?: ValueSource;
  /** The word under the cursor, which every suggestion must start with. */
  prefix: string;
}

/**
 * What may complete the last of `typed`, the words after the program's name (the last one is the
 * word under the cursor, '' at a fresh word). Options are offered when that word starts with '-',
 * the value an option takes after it, subcommands where the command typed has them (at any depth),
 * else the command's next argument.
 */
export function completionFor(shape: ProgramShape, typed: readonly string[]): Completion {
  const prefix = typed.at(-1) ?? '';
  const before = typed.slice(0, -1);
  // The commands typed so far, the program itself first: pace, goal, rate.
  const path: CommandShape[] = [{ name: '', options: shape.options, args: [], commands: shape.commands }];
  // An option of the command typed or of any above it (commander reads them all), innermost first.
  const options = () => [...path].reverse().flatMap((c) => c.options);
  let positional = 0;
  let operandsOnly = false;
  for (let i = 0; i < before.length; i++) {
    const word = before[i] as string;
    const command = path.at(-1) as CommandShape;
    if (!operandsOnly && word === '--') {
      operandsOnly = true;
    } else if (!operandsOnly && word.startsWith('-')) {
      const option = options().find((o) => o.flags.includes(word.split('=')[0] as string));
      // The value of an option that takes one is the next word, unless written --flag=value.
      if (option?.takesValue && !word.includes('=')) {
        // Tab right after `--unit=`: bash hands over the = itself as the word under the cursor,
        // while readline completes the (empty) text after it.
        if (i === before.length - 1) return within({ ...valuesOf(option), prefix: prefix === '=' ? '' : prefix });
        // bash hands --flag=value over as three words (it splits at the =): --flag, =, value.
        if (before[i + 1] === '=') {
          if (i + 1 === before.length - 1) return within({ ...valuesOf(option), prefix });
          i++;
        }
        i++;
      }
    } else if (positional === 0 && command.commands?.some((c) => c.name === word)) {
      path.push(command.commands.find((c) => c.name === word) as CommandShape);
    } else if (command.commands?.length && command.args.length === 0) {
      // A word that is none of the commands here, where only a command may come.
      return { words: [], prefix };
    } else {
      positional++;
    }
  }
  if (!operandsOnly && prefix.startsWith('-')) {
    return within({ words: [...options().flatMap((o) => o.flags.filter((f) => f.startsWith('--'))), '--help'], prefix });
  }
  const command = path.at(-1) as CommandShape;
  const commands = positional === 0 ? (command.commands ?? []).map((c) => c.name) : [];
  const last = command.args.at(-1);
  const arg = command.args[positional] ?? (last?.variadic ? last : undefined);
  const values = arg ? valuesOf(arg) : { words: [] };
  return within({ ...values, words: [...commands, ...values.words], prefix });
}

function valuesOf(v: Values): Omit<Completion, 'prefix'> {
  return { words: [...(v.choices ?? [])], ...(v.source ? { source: v.source } : {}) };
}

/** Only the words that start with what is typed, each once, in the order given. */
function within(c: Completion): Completion {
  return { ...c, words: [...new Set(c.words)].filter((w) => w.startsWith(c.prefix)) };
}

/** The values of `source`, from what the caller read, that start with the prefix; the words first. */
export function candidates(c: Completion, values: readonly string[]): string[] {
  return [...new Set([...c.words, ...values.filter((v) => v.startsWith(c.prefix))])];
}
