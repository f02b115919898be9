import Table from 'cli-table3';
import type { Style } from './style.js';

export type Align = 'left' | 'right';

/** A plain table; cli-table3 colours headers and borders itself, so that is switched off with colour. */
export function table(style: Style, head: readonly string[], rows: readonly (readonly (string | number)[])[], align?: readonly Align[]): string {
  const t = new Table({
    head: head.map((h) => style.c.bold(h)),
    style: { head: [], border: [], compact: true },
    ...(align ? { colAligns: [...align] } : {}),
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) t.push(r.map((cell) => String(cell)));
  return t.toString();
}
