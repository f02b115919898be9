import { displayWidth, withoutColor } from './table.js';
import type { Choice, Prompts } from './prompts.js';

// A terminal breaks a line that is too long wherever the width runs out, in the middle of a word
// ("joint-swe / lling"), and a table's rows fall apart. What pace prints to a terminal is broken
// between words instead, to the width the terminal has (docs/decisions.md, "Fitting the terminal").

// eslint-disable-next-line no-control-regex
const ANSI_OR_CHAR = /\u001b\[[0-9;]*m|[\s\S]/gu;

/**
 * Breaks `text` into lines of at most `width` columns (`later` for the lines after the first),
 * between words. With `hyphens`, also after a hyphen inside a word (joint-/swelling), as table
 * cells allow. A word longer than the width, and only such a word, is cut where the width runs
 * out: nothing may stick out.
 */
export function wrapWords(text: string, width: number, hyphens = false, later = width): string[] {
  const lines: string[] = [];
  const room = () => Math.max(1, lines.length === 0 ? width : later);
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    const pieces = hyphens ? word.split(/(?<=\p{L}-)(?=\p{L})/u) : [word];
    pieces.forEach((piece, k) => {
      const space = k === 0 && line !== '' ? 1 : 0;
      const pw = displayWidth(piece);
      if (lineWidth + space + pw <= room()) {
        line += (space ? ' ' : '') + piece;
        lineWidth += space + pw;
        return;
      }
      if (line !== '' && line.trim() !== '') lines.push(line);
      // A word longer than a whole line is cut in one pass, each part as wide as its own line.
      let rest = piece;
      for (let part = cut(rest, room()); part.length < rest.length; part = cut(rest, room())) {
        lines.push(part);
        rest = rest.slice(part.length);
      }
      line = rest;
      lineWidth = displayWidth(rest);
    });
  }
  lines.push(line);
  return lines;
}

/** The start of `piece` that fits `width` columns (at least one character), colour codes kept whole. */
function cut(piece: string, width: number): string {
  let part = '';
  for (const ch of piece.match(ANSI_OR_CHAR) ?? []) {
    if (displayWidth(part) > 0 && displayWidth(part + ch) > width) break;
    part += ch;
  }
  return part;
}

/**
 * The narrowest terminal that output is fitted to. Below it, and at 0 (a terminal that gives no
 * size, as some containers and serial consoles do), text and tables are left as for a pipe.
 */
const NARROWEST = 10;

/** The width to fit to: the terminal's, or undefined (as for a pipe) when it is narrower than NARROWEST. */
export function fittedWidth(columns: number | undefined): number | undefined {
  return columns !== undefined && columns >= NARROWEST ? columns : undefined;
}

// A table's lines (drawn to fit already) and the lines of a chart are left as they are.
// Escaped: a character beyond ASCII left in the bundle (esbuild escapes strings, not regular
// expressions) makes Node read all of it as a two-byte string, about 1.5 ms of every run.
const DRAWN = /^\s*[\u250c\u2502\u2514\u251c\u2500]/;

/**
 * Text for a terminal `columns` wide: each line too long is broken between words, and what
 * follows keeps the line's indent (and a list item's, past its "- " or "1. "). Without a width (a
 * pipe, a file) the text is left as it is, but for its HELD spaces, which are spaces again.
 */
export function fitText(text: string, columns: number | undefined): string {
  const width = fittedWidth(columns);
  const fitted = width === undefined ? text : fitLines(text, width);
  return fitted.includes(HELD) ? fitted.split(HELD).join(' ') : fitted;
}

/**
 * A space that a line is never broken at, for a renderer to put between the words of a value
 * ("21 reps" in a row of plain output); fitText makes it a space again.
 */
export const HELD = '\ue001';

/**
 * The spaces around the arrow of each change ("0.0 -> 1.0") as `glue`, so that a line is never
 * broken there: a number left at the end of a line with its arrow starting the next reads as two.
 */
export function holdChanges(text: string, glue = HELD): string {
  // R1: and the count beside a rate, "(1 in 2 weeks)", so that its number stays with its weeks;
  // M2: and a rating with its day, "7 (15 Feb)", "4 (29 Dec 2025)" (latestRatingWords).
  return text
    .replace(/(\S) -> (?=\S)/g, `$1${glue}->${glue}`)
    .replace(/\((\d+) in (\d+) (weeks?)\)/g, `($1${glue}in${glue}$2${glue}$3)`)
    .replace(/(\d+) \((\d{1,2}) ([A-Z][a-z]{2})(?: (\d{4}))?\)/g, (_, n: string, d: string, m: string, y?: string) => `${n}${glue}(${d}${glue}${m}${y ? `${glue}${y}` : ''})`);
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
/** A date ("Mon 7 Dec", "Mon 7 Dec 2026"), a day with its time ("Thu 7:30") and an amount with its unit ("7.5 min", "1 rep"). */
const VALUE = new RegExp(`\\b${DAY} \\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b(?: \\d{4}\\b)?|\\b${DAY} \\d{1,2}:\\d\\d\\b|\\b\\d+(?:\\.\\d+)? (?:min|reps?|steps?|m)\\b`, 'g');

/**
 * The spaces inside a value as `glue`, so that a line is never broken there: a day without its
 * month ("Mon 7" / "Dec") or a number without its unit ("walk 7.5" / "min"), read line by line.
 */
function holdValues(text: string, glue: string): string {
  return text.replace(VALUE, (value) => value.split(' ').join(glue));
}

function fitLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((whole) => {
      if (displayWidth(whole) <= width || DRAWN.test(whole)) return whole;
      // An indented line in colour has its colour codes before its indent: they go after it, so
      // that the lines it is broken into keep the indent as they do without colour.
      const line = whole.replace(COLOURED_INDENT, '$2$1');
      const leading = /^ */.exec(line)![0];
      const bare = withoutColor(line.slice(leading.length));
      // An indented command on a line of its own (help's examples) goes on two further in, so
      // that its second half is not read as the next command.
      const marker = /^(?:- |\d+\. )/.exec(bare)?.[0] ?? CHART_LABEL.exec(bare)?.[1] ?? (leading !== '' && bare.startsWith('pace ') ? '  ' : '');
      // An indent of more than half the width would leave too little room: the line starts at the edge.
      const lead = leading.length <= width / 2 ? leading : '';
      const indent = lead.length + marker.length <= width / 2 ? lead.length + marker.length : 0;
      // One pass, so that a word cut across lines is never joined again with spaces inside it.
      // A change is held together as a command is.
      const held = keepCommands(holdValues(holdChanges(line.slice(leading.length), GLUE), GLUE), Math.min(width - lead.length, width - indent));
      return wrapWords(held, width - lead.length, false, width - indent)
        .map((l, k) => ((k === 0 ? lead : ' '.repeat(indent)) + l).split(GLUE).join(' '))
        .join('\n');
    })
    .join('\n');
}

/**
 * Text broken into lines by `wrap`, another library's line breaking (commander's, for help), with
 * each command to type and each change held together as fitText holds them, when they fit `room`:
 * "see pace" / "triage --help" at 50 columns otherwise.
 */
export function wrapHolding(text: string, room: number, wrap: (held: string) => string): string {
  const held = text
    .split('\n')
    .map((line) => keepCommands(holdChanges(line, GLUE), room))
    .join('\n');
  return wrap(held).split(GLUE).join(' ');
}

/**
 * A status chart's label (its first 12 columns, before the bar or sparkline): the words after the
 * chart go on under the chart, as its legend does, not at the edge under the labels. Escaped, as
 * DRAWN is: blocks and shades.
 */
const CHART_LABEL = /^([A-Za-z ]{12})[\u2581-\u2588\u2591]/;

// eslint-disable-next-line no-control-regex
const COLOURED_INDENT = /^((?:\u001b\[[0-9;]*m)+)( +)/;

/** Joins the words of a command while a line is broken; a space again once it is. */
const GLUE = '\ue000';

/**
 * Words a person is to type kept on one line when they fit `room`: "run: pace triage / --cleared"
 * at 100 columns split the way out of a pause (T3), and "--limit / 0" a hint. "pace" holds its
 * command's name (two words at most: "goal rate"), its id ("pace edit 11") and its flags; a flag
 * in other words holds to the word before it; a flag's value stays with it: one without letters
 * ("0", "08:00", "0-10") always, a word ("--activity walk", "--settled no") in a command. A
 * command too long for a line is broken between its pieces ("pace edit 11", "--dose 12.5",
 * "--pain-after 4"), never inside one that fits.
 */
function keepCommands(text: string, room: number): string {
  // Each unit is the pieces it is made of, each piece its words.
  const units: string[][][] = [];
  // How many more words may name the command ("goal rate") after "pace".
  let nameWordsLeft = 0;
  let afterFlag = false;
  let inCommand = false;
  // Inside a quoted argument of a command ("morning walk"), the quote that ends it.
  let quote: string | null = null;
  const words = text.split(' ');
  words.forEach((word, at) => {
    const bare = withoutColor(word);
    if (quote !== null && units.length > 0) {
      units.at(-1)!.at(-1)!.push(word);
      if (bare.includes(quote)) quote = null;
      return;
    }
    const flag = /^--?[a-z]/.test(bare);
    // "(pace checkin)." and "run pace check, then": a bracket or a stop after a word ends the command there.
    const ends = /[).,;:]$/.test(bare);
    const command = nameWordsLeft > 0 && !flag && /^[a-z-]+[).,;:]*$/.test(bare);
    const noLetters = bare !== '' && !/\p{L}/u.test(bare);
    // A dose with its unit ("10min", "12reps") or a quoted argument is a piece of the command, and
    // so is any word a flag follows ("pace schedule sit-to-stand mon,wed,fri --at 08:00").
    const flagNext = /^--?[a-z]/.test(withoutColor(words[at + 1] ?? ''));
    const argument = inCommand && (/^\d/.test(bare) || /^["']/.test(bare) || (flagNext && !ends));
    const pace = /^\(?pace$/.test(bare);
    // "pace" always starts a unit of its own.
    const unit = pace ? undefined : units.at(-1);
    if (unit && (command || (afterFlag && (noLetters || (inCommand && bare !== ''))))) unit.at(-1)!.push(word);
    else if (unit && (flag || (inCommand && noLetters) || argument)) unit.push([word]);
    else {
      units.push([[word]]);
      inCommand = pace;
    }
    nameWordsLeft = ends ? 0 : pace ? 2 : command ? nameWordsLeft - 1 : 0;
    afterFlag = flag && !ends;
    if (ends && quote === null) inCommand = false;
    // A quote opened and not closed in this word holds the words up to the one that closes it.
    const opened = /^["']/.exec(bare)?.[0];
    if (inCommand && opened !== undefined && !bare.slice(1).includes(opened)) quote = opened;
  });
  const glued = (words: readonly string[]) => (words.length > 1 && displayWidth(words.join(' ')) <= room ? words.join(GLUE) : words.join(' '));
  return units.map((u) => (u.length > 1 && displayWidth(u.flat().join(' ')) <= room ? u.flat().join(GLUE) : u.map(glued).join(' '))).join(' ');
}

/**
 * Columns kept free after a question's last word: inquirer puts "? " before it and its default
 * after it, "(y/N)" or "(walk)", and breaks what does not fit wherever the width runs out.
 */
const QUESTION_ROOM = 10;

/** The width questions and their choices are fitted to; none (left as they are) when it leaves too little room. */
function questionWidth(columns: number | undefined): number | undefined {
  const width = fittedWidth(columns);
  return width === undefined || width <= 2 * QUESTION_ROOM ? undefined : width;
}

/**
 * Choices fitted as questions are: inquirer breaks a long one wherever the width runs out (T4's
 * "a joint giving way or feeling u / nstable" at 52 columns). Each is broken between words and
 * goes on under its own first word, past the `prefix` columns inquirer draws before it ("> " in a
 * list, a pointer and a box in a checklist). A list's answer, shown after the question, stays one
 * line; a checklist's are listed under it, `answerIndent` in.
 */
function fitChoices<T>(choices: readonly Choice<T>[], prefix: number, columns: number | undefined, answerIndent?: number): readonly Choice<T>[] {
  const width = questionWidth(columns);
  if (width === undefined) return choices;
  const fitted = (text: string, indent: number) => (displayWidth(text) <= width - indent ? text : wrapWords(text, width - indent).join(`\n${' '.repeat(indent)}`));
  // A checklist's answers are listed one a line under the question ("  - "), each fitted the same way.
  return choices.map((c) => ({ ...c, name: fitted(c.name, prefix), short: answerIndent === undefined ? (c.short ?? c.name) : fitted(c.short ?? c.name, answerIndent) }));
}

/**
 * The questions, fitted to the terminal as the rest of the output is: inquirer breaks a long
 * question inside its words ("out of proporti / on"), the safety question first of all. A text
 * question leaves room for its default, " (sit-to-stand)", and its refusals, shown under it after
 * "> ", are fitted too. `checklistMarks`: the columns before a checklist's choice, 3 as inquirer
 * draws them ("❯◯ "), more in plain output (">[ ] ").
 */
export function fitQuestions(p: Prompts, columns: () => number | undefined, checklistMarks = 3): Prompts {
  const fit = (message: string, room = QUESTION_ROOM) => {
    const width = questionWidth(columns());
    return width === undefined ? message : fitText(message, Math.max(width - room, QUESTION_ROOM));
  };
  return {
    text: (message, opts = {}) => {
      const { validate } = opts;
      const room = opts.default === undefined ? QUESTION_ROOM : Math.max(QUESTION_ROOM, displayWidth(opts.default) + 3);
      const fitted = validate && ((v: string) => {
        const said = validate(v);
        return said === true ? said : fit(said, 2);
      });
      return p.text(fit(message, room), { ...opts, ...(fitted ? { validate: fitted } : {}) });
    },
    select: (message, choices, def) => p.select(fit(message), fitChoices(choices, 2, columns()), def),
    checklist: (message, groups) => p.checklist(fit(message), groups.map((g) => ({ ...g, choices: fitChoices(g.choices, checklistMarks, columns(), 4) }))),
    confirm: (message, def) => p.confirm(fit(message), def),
  };
}
