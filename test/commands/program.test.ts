import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram, type ProgramDeps } from '../../src/program.js';

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

describe('command help', () => {
  it("edit's --date moves the session, log's defaults to today, and list says when it shows everything", () => {
    const help = (name: string) => buildProgram(deps()).commands.find((c) => c.name() === name)!.helpInformation();
    expect(help('log')).toMatch(/--date <YYYY-MM-DD>\s+the day of the session, or today or yesterday\s+\(default:\s+today\)/);
    expect(help('edit')).toMatch(/--date <YYYY-MM-DD>\s+move the session to this day/);
    // cli.md: edit takes log's flags; its --settled is about the edited session's day, not yesterday.
    expect(help('edit').replace(/\s+/g, ' ')).toMatch(/--settled <yes\|no> whether the pain from the session's day had settled by the next day/);
    expect(help('list').replace(/\s+/g, ' ')).toMatch(/default 20, or all with --json, --from or --to; 0 for all/);
  });

  it("report's --out names every file it refuses, as export's does (a backup is another SQLite file)", () => {
    const help = (name: string) => buildProgram(deps()).commands.find((c) => c.name() === name)!.helpInformation().replace(/\s+/g, ' ');
    expect(help('export')).toMatch(/never the journal, another SQLite file or a link/);
    expect(help('report')).toMatch(/never the journal, another SQLite file or a link/);
  });
});

describe('help at any width', () => {
  // Seen at 40 columns: "pause stays until pace triage" / "--cleared" in edit's help, and at 50
  // "(repeatable; see pace" / "triage --help)": commander wraps option words with no regard for a
  // command to type, which fitText keeps on one line everywhere else.
  const at = (columns: number) => buildProgram({ ...deps(), stdoutInfo: () => ({ isTTY: true, columns }) });
  const help = (columns: number, ...path: string[]) => path.reduce((c: Command, name) => c.commands.find((s) => s.name() === name)!, at(columns)).helpInformation();
  it.each([
    [['edit'], 'pace triage --cleared'],
    [['log'], 'pace triage --help'],
    [['goal', 'rate'], 'pace goal list'],
    [['delete'], 'pace log'],
  ])('%j: "%s" stays on one line at 40, 60, 80 and 100 columns; at no width does "pace" end a line, apart from its command', (path, command) => {
    for (let columns = 40; columns <= 100; columns++) {
      const lines = help(columns, ...path).split('\n');
      expect(lines.join(' ').replace(/\s+/g, ' '), `${columns}`).toContain(command);
      if (columns % 20 === 0) expect(lines.some((l) => l.includes(command)), `${columns}:\n${lines.join('\n')}`).toBe(true);
      for (const line of lines) expect(line, `${columns}`).not.toMatch(/\bpace$/);
    }
  });
});

describe('examples at any width', () => {
  // Seen at 40 columns: "  pace log                      answer a" / "  few questions" and
  // "  pace log walk 10 --pain-before 3" / "  --pain-after 4": the second half of an example
  // stood where the next example starts, and read as one.
  it.each([['log'], ['export'], ['schedule'], ['report'], ['goal']])('pace %s --help at 40 columns: an example broken over lines goes on further in', async (name) => {
    let out = '';
    const program = buildProgram({ ...deps(), stdout: (t) => (out += t), stdoutInfo: () => ({ isTTY: true, columns: 40 }) });
    await expect(program.parseAsync([name, '--help'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.helpDisplayed' });
    const examples = out.slice(out.indexOf('Examples:')).split('\n').slice(1).filter((l) => l !== '');
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.some((l) => !l.startsWith('  pace')), 'some example is broken at 40 columns').toBe(true);
    for (const line of examples) expect(line, out).toMatch(/^ {2}pace |^ {4,}\S/);
  });
});

describe('an unknown command', () => {
  it('(seen) with no close match, points to pace --help, not to "the command" that does not exist', async () => {
    // Seen: "error: unknown command 'dance'" then "(run the command with --help to see its options)":
    // pace dance --help fails the same way.
    let err = '';
    const program = buildProgram({ ...deps(), stderr: (t) => (err += t) });
    await expect(program.parseAsync(['dance'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.unknownCommand' });
    expect(err).toBe("error: unknown command 'dance'\n(pace --help lists the commands)\n");
  });

  it.each([[['help', 'help']], [['goal', 'help', 'help']]])('%j is help for a command that exists (listed as help [command]): the help on stdout, not "unknown command"', async (argv) => {
    // Seen: pace help help said "error: unknown command 'help'" and exited 2.
    let out = '';
    let err = '';
    const program = buildProgram({ ...deps(), stdout: (t) => (out += t), stderr: (t) => (err += t) });
    await expect(program.parseAsync(argv, { from: 'user' })).rejects.toMatchObject({ code: 'commander.help', exitCode: 0 });
    expect(err).toBe('');
    expect(out).toMatch(/^Usage: pace /);
  });

  it('an unknown option still points to the command\'s own --help', async () => {
    let err = '';
    const program = buildProgram({ ...deps(), stderr: (t) => (err += t) });
    await expect(program.parseAsync(['list', '--bogus'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.unknownOption' });
    expect(err).toBe("error: unknown option '--bogus'\n(run the command with --help to see its options)\n");
  });
});

describe('an unknown goal command', () => {
  it.each([["it's\nx"], ["a'\u001b[2Jb"]])('%j is named in two lines, its line break or escape shown as ?', async (word) => {
    let err = '';
    const program = buildProgram({ ...deps(), stderr: (t) => (err += t) });
    await expect(program.parseAsync(['goal', word], { from: 'user' })).rejects.toMatchObject({ code: 'commander.unknownCommand' });
    expect(err).toMatch(/^error: unknown command 'goal [^\n\r\u001b]*'\n\(the goal commands are add, rate, list and close; see pace goal --help\)\n$/);
  });
});
