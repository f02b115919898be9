import { typedName } from './names.js';
import type { Session } from './types.js';

/**
 * The `pace log` command that records `s` again, for a session deleted by mistake (a wrong id).
 * The note is private and is not written on the screen; the line says it was left out.
 */
export function relogCommand(s: Session): string {
  // A name that begins with a dash ("-walk", made with `pace log -- -walk 10`) would be read as a
  // flag in the first word's place: given to --activity, it is the option's value.
  const what = s.activity.startsWith('-') ? `--activity ${typedName(s.activity)} --dose ${s.dose}${s.unit}` : `${typedName(s.activity)} ${s.dose}${s.unit}`;
  const words = [`pace log ${what}`, `--date ${s.date}`];
  if (s.painBefore !== null) words.push(`--pain-before ${s.painBefore}`);
  if (s.painAfter !== null) words.push(`--pain-after ${s.painAfter}`);
  if (s.effort !== null) words.push(`--effort ${s.effort}`);
  for (const code of s.symptoms) words.push(`--symptom ${code}`);
  if (s.flare) words.push('--flare');
  return `${words.join(' ')}${s.note ? ' (and its note, with --note)' : ''}`;
}
