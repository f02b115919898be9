// The only module that imports inquirer, and only when a question is really asked. It is built as a
// file of its own (dist/prompts.cjs) because @inquirer/prompts is an ES module, which CommonJS on
// Node 20 can only reach with import(), and import() cannot run in code from a V8 code cache.

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

const inquirer = () => import('@inquirer/prompts');

export const prompts: Prompts = {
  text: async (message, opts = {}) =>
    (await inquirer()).input({
      message,
      ...(opts.default !== undefined ? { default: opts.default } : {}),
      ...(opts.validate ? { validate: opts.validate } : {}),
    }),
  select: async (message, choices, def) =>
    (await inquirer()).select({ message, choices: [...choices], ...(def !== undefined ? { default: def } : {}) }),
  checklist: async (message, groups) => {
    const { checkbox, Separator } = await inquirer();
    return checkbox({
      message,
      pageSize: 20,
      choices: groups.flatMap((g) => [new Separator(`-- ${g.title} --`), ...g.choices]),
    });
  },
  confirm: async (message, def) => (await inquirer()).confirm({ message, default: def }),
};
