import { describe, expect, it } from 'vitest';
import { buildProgram, commandIn, COMMANDS, type ProgramDeps } from '../../src/program.js';

// main.ts builds only the command a run asks for (commander's full tree costs every run most of a
// millisecond). That must never show: each command's help, options and errors are the same.

const deps = (): ProgramDeps => ({
  makeContext: () => {
    throw new Error('no command runs in these tests');
  },
  setExitCode: () => {},
  stdout: () => {},
  stderr: () => {},
  stdoutInfo: () => ({ isTTY: false, columns: undefined }),
  stderrInfo: () => ({ isTTY: false, columns: undefined }),
});

describe('building one command', () => {
  it('gives every command the same help as the full program does', () => {
    const full = buildProgram(deps());
    expect(full.commands.map((c) => c.name())).toEqual([...COMMANDS]);
    for (const name of COMMANDS) {
      const one = buildProgram(deps(), name);
      expect(one.commands.map((c) => c.name())).toEqual([name]);
      const help = (p: ReturnType<typeof buildProgram>) => p.commands[p.commands.length === 1 ? 0 : COMMANDS.indexOf(name)]!.helpInformation();
      expect(help(one)).toBe(help(full));
    }
  });

  it("edit's --date moves the session, log's defaults to today, and list says when it shows everything", () => {
    const help = (name: string) => buildProgram(deps(), name).commands[0]!.helpInformation();
    expect(help('log')).toMatch(/--date <YYYY-MM-DD>\s+the day of the session \(default: today\)/);
    expect(help('edit')).toMatch(/--date <YYYY-MM-DD>\s+move the session to this day/);
    expect(help('edit')).not.toMatch(/--settled/);
    expect(help('list').replace(/\s+/g, ' ')).toMatch(/default 20, or all with --json, --from or --to; 0 for all/);
  });

  it.each([
    [['status', '--json'], 'status'],
    [['--db', '/tmp/x.db', 'log', 'walk', '10'], 'log'],
    [['--db=/tmp/x.db', '--no-color', '--no-input', 'plan'], 'plan'],
    [['--help'], undefined],
    [['-V'], undefined],
    [['help', 'status'], undefined],
    [['stauts'], undefined],
    [[], undefined],
  ])('%j runs %s', (argv, expected) => {
    expect(commandIn(argv)).toBe(expected);
  });
});
