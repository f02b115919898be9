import { InputError } from '../core/errors.js';
import { SYMPTOMS } from '../core/symptoms.js';
import type { TriageClass } from '../core/types.js';
import type { Prompts } from '../ui/prompts.js';

/** Turns a core parser into an inquirer validator: the same rules for prompts and flags. */
export function validator(parse: (text: string) => unknown) {
  return (text: string): true | string => {
    try {
      parse(text);
      return true;
    } catch (e) {
      // "--activity is empty." at a question reads "the activity is empty.", not "is empty.";
      // a message that quotes the answer after the flag needs no subject.
      if (e instanceof InputError) return e.message.replace(/^--([a-z-]+) (?=(is|must) )|^--[a-z-]+ /, (_m, flag?: string) => (flag ? `the ${flag.replace(/-/g, ' ')} ` : ''));
      throw e;
    }
  };
}

/** Whether `e` is a question stopped by the person (Ctrl-C, end of input), not a failure. */
export function isStoppedQuestion(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

/** Asks for text that may be left blank; returns null when it was. `blank` says what Enter does. */
export async function askOptional<T>(p: Prompts, message: string, parse: (text: string) => T, blank = 'Enter to skip'): Promise<T | null> {
  const text = await p.text(`${message} (${blank})`, { validate: (t) => (t.trim() === '' ? true : validator(parse)(t)) });
  return text.trim() === '' ? null : parse(text);
}

const CLASS_TITLE: Record<TriageClass, string> = {
  continue: 'usual with exercise',
  assess: 'worth getting checked',
  stop: 'warning signs',
};

/** T4: the symptom checklist, grouped by class, in plain words. */
export function askSymptoms(p: Prompts): Promise<string[]> {
  const groups = (['continue', 'assess', 'stop'] as const).map((cls) => ({
    title: CLASS_TITLE[cls],
    choices: SYMPTOMS.filter((s) => s.class === cls).map((s) => ({ name: s.label, value: s.code })),
  }));
  return p.checklist('Did you notice any of these? (space to select, Enter when done)', groups);
}
