import { displayWidth } from './table.js';

// A terminal breaks a line that is too long wherever the width runs out, in the middle of a word
// ("joint-swe / lling"), and a table's rows fall apart. What pace prints to a terminal is broken
// between words instead, to the width the terminal has (docs/decisions.md, "Fitting the terminal").

// eslint-disable-next-line no-control-regex
const ANSI_OR_CHAR = /\u001b\[[0-9;]*m|[\s\S]/gu;

/**
 * Breaks `text` into lines of at most `width` columns, between words. With `hyphens`, also after a
 * hyphen inside a word (joint-/swelling), as table cells allow. A word longer than the width, and
 * only such a word, is cut where the width runs out: nothing may stick out.
 */
export function wrapWords(text: string, width: number, hyphens = false): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    const pieces = hyphens ? word.split(/(?<=\p{L}-)(?=\p{L})/u) : [word];
    pieces.forEach((piece, k) => {
      const space = k === 0 && line !== '' ? 1 : 0;
      const pw = displayWidth(piece);
      if (lineWidth + space + pw <= w) {
        line += (space ? ' ' : '') + piece;
        lineWidth += space + pw;
        return;
      }
      if (line !== '' && line.trim() !== '') lines.push(line);
      line = '';
      lineWidth = 0;
      for (const part of cut(piece, w)) {
        if (line !== '') lines.push(line);
        line = part;
        lineWidth = displayWidth(part);
      }
    });
  }
  lines.push(line);
  return lines;
}

/** A piece longer than `width` cut into parts that fit, colour codes kept whole. */
function cut(piece: string, width: number): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of piece.match(ANSI_OR_CHAR) ?? []) {
    if (part !== '' && displayWidth(part + ch) > width) {
      parts.push(part);
      part = '';
    }
    part += ch;
  }
  parts.push(part);
  return parts;
}

// A table's lines (drawn to fit already) and the lines of a chart are left as they are.
const DRAWN = /^\s*[┌│└├─]/;

/**
 * Text for a terminal `width` columns wide: each line too long is broken between words, and what
 * follows keeps the line's indent (and a list item's, past its "- " or "1. "). Without a width (a
 * pipe, a file) the text is left as it is.
 */
export function fitText(text: string, width: number | undefined): string {
  if (!width || width < 10) return text;
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width || DRAWN.test(line)) return line;
      const leading = /^ */.exec(line)![0];
      const marker = /^(?:- |\d+\. )/.exec(line.slice(leading.length).replace(/\u001b\[[0-9;]*m/g, ''))?.[0] ?? '';
      const indent = leading.length + marker.length <= width / 2 ? leading.length + marker.length : 0;
      const [head, ...rest] = wrapWords(line.slice(leading.length), width - leading.length);
      const out = [leading + head];
      if (rest.length) out.push(...wrapWords(rest.join(' '), width - indent).map((l) => ' '.repeat(indent) + l));
      return out.join('\n');
    })
    .join('\n');
}
