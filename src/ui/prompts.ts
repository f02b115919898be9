// The only module that imports inquirer. It is loaded lazily, by commands that really prompt.
import { checkbox, confirm, input, select, Separator } from '@inquirer/prompts';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompts {
  text(message: string, opts?: { default?: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T>(message: string, choices: readonly Choice<T>[], def?: T): Promise<T>;
  /** A checklist; `groups` become separated sections (used for symptoms by class). */
  checklist<T>(message: string, groups: readonly { title: string; choices: readonly Choice<T>[] }[]): Promise<T[]>;
  confirm(message: string, def: boolean): Promise<boolean>;
}

export const prompts: Prompts = {
  text: (message, opts = {}) =>
    input({
      message,
      ...(opts.default !== undefined ? { default: opts.default } : {}),
      ...(opts.validate ? { validate: opts.validate } : {}),
    }),
  select: (message, choices, def) =>
    select({ message, choices: [...choices], ...(def !== undefined ? { default: def } : {}) }),
  checklist: (message, groups) =>
    checkbox({
      message,
      pageSize: 20,
      choices: groups.flatMap((g) => [new Separator(`-- ${g.title} --`), ...g.choices]),
    }),
  confirm: (message, def) => confirm({ message, default: def }),
};
