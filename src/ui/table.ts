import type { Style } from './style.js';

export type Align = 'left' | 'right';

// A boxed table drawn in one pass over its rows, as cli-table3 drew it (test/ui/table.test.ts
// compares the two): cli-table3 takes time that grows with the square of the rows, 12 s for
// `pace list --limit 8000`, and this takes milliseconds for a hundred thousand.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a terminal gives the text: colour codes none, combining marks none, wide characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) {
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
    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd)
  );
}

/**
 * A plain table: a bold header, no lines between rows, borders never coloured. A cell with line
 * breaks takes as many lines as it has (the plan's reasons are wrapped that way), as in cli-table3.
 */
export function table(style: Style, head: readonly string[], rows: readonly (readonly (string | number)[])[], align?: readonly Align[]): string {
  const cells: string[][][] = [head.map((h) => [style.c.bold(h)])];
  for (const r of rows) cells.push(r.map((cell) => String(cell).split('\n')));
  const columns = Math.max(head.length, ...rows.slice(0, 1).map((r) => r.length));
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
