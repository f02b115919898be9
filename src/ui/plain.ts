// Plain output, for a screen reader (docs/decisions.md, "Output for every reader"). At their usual
// punctuation level, screen readers skip "-" and ">", so "pain 4 -> 5" is heard as "pain 4 5".
import { HELD } from './fit.js';

/** An arrow between two values, with the spaces around it (held ones too, in a row of plain output). */
const ARROW = new RegExp(`(?<=[^\\s${HELD}])([ ${HELD}])->\\1(?=\\S)`, 'g');

/** The text with each change said in words: "pain 4 to 5", "0.0 to 2.0". */
export function spoken(text: string): string {
  return text.replace(ARROW, '$1to$1');
}
