import { fittedWidth, HELD, wrapWords } from './fit.js';
import type { Style } from './style.js';

export type Align = 'left' | 'right';

// A boxed table drawn in one pass over its rows, as cli-table3 drew it (test/ui/table.test.ts
// compares the two): cli-table3 takes time that grows with the square of the rows, 12 s for
// `pace list --limit 8000`, and this takes milliseconds for a hundred thousand.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The text without its colour codes. */
export function withoutColor(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns a terminal gives the text: colour codes none, combining marks none, wide characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of withoutColor(text)) {
    const c = ch.codePointAt(0)!;
    if (c < 0x300) width += c >= 0x20 && (c < 0x7f || c >= 0xa0) ? 1 : 0;
    else if (isZeroWidth(c)) continue;
    else width += isWide(c) ? 2 : 1;
  }
  return width;
}

function isZeroWidth(c: number): boolean {
  return (
    (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xfe20 && c <= 0xfe2f) || (c >= 0xe0100 && c <= 0xe01ef)
  );
}

/** East Asian wide and fullwidth characters, and the emoji blocks. */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd) || isEmojiPicture(c)
  );
}

let emojiPicture: RegExp | undefined;

/**
 * The other emoji a terminal draws as a picture, two columns wide (Emoji_Presentation, East Asian
 * wide since Unicode 9): a walk named with U+1F6B6 (a person walking), U+2705 (a check mark), U+231A (a watch). A flag's two regional indicators
 * are one column each. The class is built on first need: building it costs every run time.
 */
function isEmojiPicture(c: number): boolean {
  if (c < 0x231a || (c >= 0x1f1e6 && c <= 0x1f1ff)) return false;
  emojiPicture ??= /\p{Emoji_Presentation}/u;
  return emojiPicture.test(String.fromCodePoint(c));
}

/**
 * A plain table: a bold header, no lines between rows, borders never coloured. A cell with line
 * breaks takes as many lines as it has (the plan's reasons are wrapped that way), as in cli-table3.
 * On a terminal (`style.width`) the table fits the width: long text is broken between words inside
 * its cell; short values (a date, "10 min", "3 -> 4") are never broken. When even that cannot fit,
 * each row is shown as a short list of its values under their headings. Plain output (for a
 * screen reader) has no box at any width: each row is one line, as `spokenRows` says it.
 */
export function table(style: Style, head: readonly string[], rows: readonly (readonly (string | number)[])[], align?: readonly Align[]): string {
  const columns = Math.max(head.length, ...rows.slice(0, 1).map((r) => r.length));
  const texts = rows.map((r) => r.map((cell) => String(cell)));
  if (style.plain) return spokenRows(head, texts);
  const limit = fittedWidth(style.width);
  if (limit !== undefined) {
    const fitted = fit(head, texts, columns, limit);
    if (fitted === null) return records(style, head, texts, limit);
    return drawn(
      style,
      fitted.map((w, i) => wrapCell(head[i] ?? '', w)),
      texts.map((r) => r.map((cell, i) => wrapCell(cell, fitted[i]!))),
      columns,
      align,
    );
  }
  return drawn(style, head.map((h) => [h]), texts.map((r) => r.map((cell) => cell.split('\n'))), columns, align);
}

/** A value (it has a digit: a date, "10 min", "3 -> 4") this wide or less is kept whole; words may break anywhere between them. */
const SHORT = 12;

/** A cell wider than this is a paragraph; narrowed, it keeps at least PARAGRAPH_ROOM columns. */
const PARAGRAPH = 40;
const PARAGRAPH_ROOM = 20;

/** The column widths that fit `limit`, the widest columns narrowed first; null when none can. */
function fit(head: readonly string[], rows: readonly (readonly string[])[], columns: number, limit: number): number[] | null {
  const natural = new Array<number>(columns).fill(0);
  const least = new Array<number>(columns).fill(1);
  for (const r of [head, ...rows]) {
    r.forEach((cell, i) => {
      for (const line of cell.split('\n')) natural[i] = Math.max(natural[i]!, displayWidth(line));
      const flat = cell.replace(/\n/g, ' ');
      const whole = displayWidth(flat);
      const needs = whole <= SHORT && /\d/.test(flat) ? whole : Math.max(...flat.split(/ |(?<=\p{L}-)(?=\p{L})/u).map(displayWidth));
      least[i] = Math.max(least[i]!, needs);
    });
  }
  // A paragraph (the plan's reasons) narrowed to its longest word read two words a line, nine
  // lines an activity, at 60 columns: it keeps room for sentences, or the rows go under headings.
  natural.forEach((w, i) => {
    if (w > PARAGRAPH) least[i] = Math.max(least[i]!, PARAGRAPH_ROOM);
  });
  const room = limit - (3 * columns + 1);
  const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
  if (sum(least) > room) return null;
  // A paragraph already broken for a pipe (the plan's reasons) is joined again and broken to fit.
  const widths = natural.map((w, i) => Math.max(w, least[i]!));
  for (let over = sum(widths) - room; over > 0; over--) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > least[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    widths[widest]! -= 1;
  }
  return widths;
}

function wrapCell(cell: string, width: number): string[] {
  const flat = cell.replace(/\n/g, ' ');
  return displayWidth(flat) <= width ? [flat] : wrapWords(flat, width, true);
}

/**
 * Each row as one line, each value after its heading ("activity: walk; plan: 4 x 10 min; done: 2 of
 * 4"), an empty one or "-" left out: a screen reader reads a row at a time, and the next row is one key
 * away. A value with no heading (what a row is about, a verdict) stands alone. Print breaks a
 * line too long for the terminal between words, but never inside a short value with a digit
 * ("21 reps", "3 to 4"), which stays with its heading, as in a drawn table.
 */
function spokenRows(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return rows
    .map((r) =>
      r
        .map((cell, i) => [head[i] ?? '', cell.replace(/\n/g, ' ')] as const)
        .filter(([, cell]) => cell !== '' && cell !== '-')
        .map(([h, cell]) => {
          const said = h === '' ? cell : `${h}: ${cell}`;
          return displayWidth(cell) <= SHORT && /\d/.test(cell) ? said.replaceAll(' ', HELD) : said;
        })
        .join('; '),
    )
    .join('\n');
}

/**
 * Each row as its values under their headings, for a terminal too narrow for the table. A blank
 * line ends the last row, as the border ends a table: the sentence after it is not read as a value.
 */
function records(style: Style, head: readonly string[], rows: readonly (readonly string[])[], limit: number): string {
  const label = Math.max(...head.map(displayWidth));
  const indent = label + 2 <= limit / 2 ? label + 2 : 2;
  const out: string[] = [];
  rows.forEach((r, k) => {
    if (k > 0) out.push('');
    r.forEach((cell, i) => {
      if (cell === '') return;
      const h = head[i] ?? '';
      // A column with no heading (what a row is about, a verdict) stands on its own line.
      if (h === '') {
        out.push(...wrapWords(cell.replace(/\n/g, ' '), i === 0 ? limit : limit - indent).map((l) => (i === 0 ? l : ' '.repeat(indent) + l)));
        return;
      }
      const lines = wrapWords(cell.replace(/\n/g, ' '), limit - indent, true);
      const name = style.c.bold(h) + ' '.repeat(Math.max(1, indent - displayWidth(h)));
      if (displayWidth(h) + 1 > indent) out.push(style.c.bold(h), ...lines.map((l) => ' '.repeat(indent) + l));
      else out.push(name + lines[0], ...lines.slice(1).map((l) => ' '.repeat(indent) + l));
    });
  });
  return `${out.join('\n')}\n`;
}

function drawn(style: Style, head: readonly string[][], rows: readonly (readonly string[][])[], columns: number, align?: readonly Align[]): string {
  const cells: string[][][] = [head.map((h) => h.map((line) => style.c.bold(line))), ...rows.map((r) => [...r])];
  const widths = new Array<number>(columns).fill(0);
  const measured = cells.map((r) =>
    r.map((cell, i) =>
      cell.map((text) => {
        const w = displayWidth(text);
        if (w > widths[i]!) widths[i] = w;
        return w;
      }),
    ),
  );
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const lines = [rule('┌', '┬', '┐')];
  cells.forEach((r, k) => {
    let height = 1;
    for (const cell of r) if (cell.length > height) height = cell.length;
    for (let j = 0; j < height; j++) {
      let line = '│';
      for (let i = 0; i < columns; i++) {
        const text = r[i]?.[j] ?? '';
        const gap = ' '.repeat(widths[i]! - (measured[k]![i]?.[j] ?? 0));
        line += ` ${align?.[i] === 'right' ? gap + text : text + gap} │`;
      }
      lines.push(line);
    }
  });
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}
