// Plain output, for a screen reader (docs/decisions.md, "Output for every reader"). At their usual
// punctuation level, screen readers skip "-" and ">", so "pain 4 -> 5" is heard as "pain 4 5",
// and "pain 3 -> -" (no pain recorded after) as "pain 3".
import { HELD } from './fit.js';
import type { Choice, Prompts } from './prompts.js';

/** A change between two values, "A -> B", with the spaces around its arrow (held ones too, in a row of plain output). */
const CHANGE = new RegExp(`([^\\s${HELD}]+)([ ${HELD}])->\\2(?=\\S)([^\\s${HELD}]+)`, 'g');

/** "-" for a value not recorded, alone or before closing punctuation ("-)."). */
const NOT_RECORDED = /^([(]?)-(?=[).,;:?]*$)/;

/**
 * A multiple, "3 x 18.5 min", "2.43 x your planned session", or "3x" alone (sessions a week): a
 * screen reader reads the letter ("3 ex 18.5"). A flag's value ("walk=12x4") is no multiple.
 */
const TIMES = new RegExp(`(?<![^\\s${HELD}])(\\d+(?:\\.\\d+)?)([ ${HELD}])x\\2(?=\\S)`, 'g');
const TIMES_ALONE = new RegExp(`(?<![^\\s${HELD}])(\\d+)x(?=$|[\\s${HELD};,.)])`, 'g');

/** The text with each change said in words ("pain 4 to 5", "0.0 to 2.0", "pain 3 to none"), and each multiple ("3 times 18.5 min"). */
export function spoken(text: string): string {
  const value = (v: string) => v.replace(NOT_RECORDED, '$1none');
  return text
    .replace(CHANGE, (_, from: string, space: string, to: string) => `${value(from)}${space}to${space}${value(to)}`)
    .replace(TIMES, '$1$2times$2')
    .replace(TIMES_ALONE, '$1 times');
}

/**
 * Plain output's questions: a screen reader reads inquirer's marks as "heavy check mark", "white
 * circle", "fisheye", "heavy right-pointing angle quotation mark", and its key help as arrows and
 * a return sign. These are marks it reads, or skips without loss, and key help in words.
 */
export const PLAIN = {
  prefix: { idle: '?', done: '-' },
  checklist: { icon: { checked: '[x]', unchecked: '[ ]', cursor: '>' }, keys: 'Up and Down to move, Space to tick or untick, Enter when done' },
  list: { icon: { cursor: '>' }, keys: 'Up and Down to move, Enter to choose' },
};

/** The columns inquirer draws before a choice of the checklist: the cursor, the box and a space (">[ ] "). */
export const PLAIN_CHECKLIST_MARKS = PLAIN.checklist.icon.cursor.length + PLAIN.checklist.icon.unchecked.length + 1;

/** The questions, with their changes said in words as the output's are (a deletion asks "pain 3 to 4?"). */
export function spokenQuestions(p: Prompts): Prompts {
  const choices = <T>(cs: readonly Choice<T>[]) => cs.map((c) => ({ ...c, name: spoken(c.name), ...(c.short !== undefined ? { short: spoken(c.short) } : {}) }));
  return {
    text: (message, opts = {}) => {
      const { validate } = opts;
      return p.text(spoken(message), { ...opts, ...(validate ? { validate: (v: string) => { const said = validate(v); return said === true ? said : spoken(said); } } : {}) });
    },
    select: (message, cs, def) => p.select(spoken(message), choices(cs), def),
    checklist: (message, groups) => p.checklist(spoken(message), groups.map((g) => ({ ...g, choices: choices(g.choices) }))),
    confirm: (message, def) => p.confirm(spoken(message), def),
  };
}
