import { Chalk, type ChalkInstance } from 'chalk';

export interface Style {
  color: boolean;
  c: ChalkInstance;
}

/** One chalk per run, coloured only when main decided colour is on (NO_COLOR, --no-color, TTY). */
export function makeStyle(color: boolean): Style {
  return { color, c: new Chalk({ level: color ? 1 : 0 }) };
}
