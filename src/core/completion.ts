// Shell completion, as data: given the shape of the program (its commands, options and arguments,
// read from commander by src/commands/completion.ts) and the words typed so far, what may come
// next. Pure: the values that live in the journal are asked for by name (`source`), not read here.

/** Values that come from outside the program's shape: the journal, the symptom table, the disk. */
export type ValueSource = 'activities' | 'sessions' | 'symptoms' | 'files';

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
 * the value an option takes after it, commands before a command, else the command's next argument.
 */
export function completionFor(shape: ProgramShape, typed: readonly string[]): Completion {
  const prefix = typed.at(-1) ?? '';
  const before = typed.slice(0, -1);
  let command: CommandShape | undefined;
  let positional = 0;
  let operandsOnly = false;
  for (let i = 0; i < before.length; i++) {
    const word = before[i] as string;
    if (!operandsOnly && word === '--') {
      operandsOnly = true;
    } else if (!operandsOnly && word.startsWith('-')) {
      const option = optionNamed(shape, command, word);
      // The value of an option that takes one is the next word, unless written --flag=value.
      if (option?.takesValue && !word.includes('=')) {
        if (i === before.length - 1) return within({ ...valuesOf(option), prefix });
        i++;
      }
    } else if (command === undefined) {
      command = shape.commands.find((c) => c.name === word);
      if (command === undefined) return { words: [], prefix };
    } else {
      positional++;
    }
  }
  if (!operandsOnly && prefix.startsWith('-')) {
    const options = command ? [...command.options, ...shape.options] : shape.options;
    return within({ words: [...options.flatMap((o) => o.flags.filter((f) => f.startsWith('--'))), '--help'], prefix });
  }
  if (command === undefined) return within({ words: shape.commands.map((c) => c.name), prefix });
  const last = command.args.at(-1);
  const arg = command.args[positional] ?? (last?.variadic ? last : undefined);
  return within({ ...(arg ? valuesOf(arg) : { words: [] }), prefix });
}

function optionNamed(shape: ProgramShape, command: CommandShape | undefined, word: string): OptionShape | undefined {
  const flag = word.split('=')[0];
  const options = command ? [...command.options, ...shape.options] : shape.options;
  return options.find((o) => o.flags.includes(flag as string));
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
