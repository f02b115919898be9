import { Chalk, type ChalkInstance } from 'chalk';

export interface Style {
  color: boolean;
  c: ChalkInstance;
  /** The terminal's width in columns; undefined for a pipe or a file, where nothing is fitted. */
  width?: number | undefined;
  /** Text for a screen reader: tables as one line a row, charts as their numbers (src/ui/plain.ts). */
  plain: boolean;
}

/** One chalk per run, coloured only when main decided colour is on (NO_COLOR, --no-color, TTY). */
export function makeStyle(color: boolean, width?: number, plain = false): Style {
  return { color, c: new Chalk({ level: color ? 1 : 0 }), width, plain };
}
