import { InputError } from './errors.js';
import { printable, writtenAsDose } from './input.js';
import { typedName } from './names.js';
import { isSymptomCode } from './symptoms.js';

// `pace log [activity] [dose]` takes two words. People write the unit apart ("10 min"), a name of
// two words without quotes ("morning walk"), or a value after a flag that takes none ("--flare
// yes"); commander's "too many arguments ... Expected 2 arguments but got 3" named none of them.

const UNIT_WORDS: Record<string, string> = {
  min: 'min', mins: 'min', minute: 'min', minutes: 'min',
  rep: 'reps', reps: 'reps',
  m: 'm', metre: 'm', metres: 'm', meter: 'm', meters: 'm',
  step: 'steps', steps: 'steps',
};

const NUMBER = /^\d+([.,]\d+)?$/;

/** The usage error for `pace log` given more than an activity and a dose, in the person's words. */
export function extraLogWords(words: readonly string[]): InputError {
  const [activity = '', dose = '', third = ''] = words;
  const unit = UNIT_WORDS[third.toLowerCase()];
  if (words.length === 3 && NUMBER.test(dose) && unit !== undefined) {
    return new InputError(`"${printable(`${dose} ${third}`)}": write the unit against the number, as ${dose}${unit}.`, `For example: pace log ${typedName(activity)} ${dose}${unit}`);
  }
  const last = words[words.length - 1]!;
  const name = words.slice(0, -1);
  // The last word is the dose when it is written as one, with its unit or without ("10", "10min").
  if (writtenAsDose(last) && name.every((w) => !NUMBER.test(w) && !w.startsWith('-'))) {
    const joined = name.join(' ');
    return new InputError(`"${printable(joined)}" is a name of ${name.length === 2 ? 'two' : 'several'} words.`, `Put it in quotes: pace log "${printable(joined)}" ${last}`);
  }
  // "--symptom chest-pain dizziness", or a sign with no flag: each sign takes the flag.
  const signs = words.slice(2);
  if (signs.every(isSymptomCode)) {
    return new InputError(
      `"${signs.join(' ')}" ${signs.length === 1 ? 'is a word' : 'are words'} too many: each sign takes its own --symptom.`,
      `Write --symptom before each sign: ${signs.map((c) => `--symptom ${c}`).join(' ')}`,
    );
  }
  const extra = words.slice(2).join(' ');
  return new InputError(
    `"${printable(extra)}" ${words.length === 3 ? 'is a word' : 'are words'} too many: log takes an activity and a dose.`,
    `A flag such as --flare takes no value: write it alone. A name of two words goes in quotes: pace log "morning walk" 10`,
  );
}
