import { describe, expect, it } from 'vitest';
import { candidates, completionFor, type ProgramShape } from '../../src/core/completion.js';

const SHAPE: ProgramShape = {
  options: [
    { flags: ['--db'], takesValue: true, source: 'files' },
    { flags: ['--no-color'], takesValue: false },
  ],
  commands: [
    {
      name: 'log',
      options: [
        { flags: ['--symptom'], takesValue: true, source: 'symptoms' },
        { flags: ['--unit'], takesValue: true, choices: ['min', 'reps'] },
        { flags: ['--flare'], takesValue: false },
      ],
      args: [{ variadic: false, source: 'activities' }, { variadic: false }],
    },
    { name: 'list', options: [{ flags: ['--limit'], takesValue: true }], args: [] },
    { name: 'delete', options: [{ flags: ['--yes', '-y'], takesValue: false }], args: [{ variadic: false, source: 'sessions' }] },
    { name: 'import', options: [], args: [{ variadic: true, source: 'files' }] },
    {
      name: 'goal',
      options: [],
      args: [],
      commands: [
        { name: 'add', options: [{ flags: ['--rating'], takesValue: true }], args: [{ variadic: true }] },
        { name: 'rate', options: [], args: [{ variadic: false, source: 'goals' }, { variadic: false }] },
        { name: 'close', options: [{ flags: ['--achieved'], takesValue: false }, { flags: ['--dropped'], takesValue: false }], args: [{ variadic: false, source: 'goals' }] },
      ],
    },
  ],
};

const complete = (...typed: string[]) => completionFor(SHAPE, typed);

describe('what completes the word under the cursor', () => {
  it('a command, by its first letters', () => {
    expect(complete('l')).toEqual({ words: ['log', 'list'], prefix: 'l' });
    expect(complete('')).toMatchObject({ words: ['log', 'list', 'delete', 'import', 'goal'] });
  });

  it("the command's options and the global ones, long spellings only, and --help", () => {
    expect(complete('log', '--')).toMatchObject({ words: ['--symptom', '--unit', '--flare', '--db', '--no-color', '--help'] });
    expect(complete('log', '--s').words).toEqual(['--symptom']);
    expect(complete('delete', '-').words).toEqual(['--yes', '--db', '--no-color', '--help']);
    // Before any command, only the global options.
    expect(complete('--').words).toEqual(['--db', '--no-color', '--help']);
  });

  it('the value an option takes: its choices, or where the values come from', () => {
    expect(complete('log', '--unit', 'r')).toEqual({ words: ['reps'], prefix: 'r' });
    expect(complete('log', 'walk', '--symptom', 'ch')).toEqual({ words: [], source: 'symptoms', prefix: 'ch' });
    expect(complete('--db', '')).toEqual({ words: [], source: 'files', prefix: '' });
    // Tab right after --unit= in bash: the word under the cursor is the = (readline completes what follows it).
    expect(complete('log', '--unit', '=')).toEqual({ words: ['min', 'reps'], prefix: '' });
    expect(complete('log', 'walk', '--symptom', '=')).toEqual({ words: [], source: 'symptoms', prefix: '' });
  });

  it("the command's next argument, counting past options and their values", () => {
    expect(complete('log', '')).toMatchObject({ source: 'activities' });
    expect(complete('--db', 'x.db', '--no-color', 'log', '--unit', 'min', '--flare', 'w')).toMatchObject({ source: 'activities', prefix: 'w' });
    // The dose has no suggestions; nor has a third word.
    expect(complete('log', 'walk', '')).toEqual({ words: [], prefix: '' });
    expect(complete('log', 'walk', '10', '')).toEqual({ words: [], prefix: '' });
    expect(complete('delete', '--yes', '')).toMatchObject({ source: 'sessions' });
    // A variadic argument takes every word after it.
    expect(complete('import', 'a.csv', 'b')).toMatchObject({ source: 'files', prefix: 'b' });
  });

  it('after --, words are arguments even when they start with -', () => {
    expect(complete('log', '--', '-')).toMatchObject({ source: 'activities', prefix: '-' });
  });

  it('nothing after a word that is no command', () => {
    expect(complete('nosuch', '')).toEqual({ words: [], prefix: '' });
  });

  it("a command's subcommands, by their first letters, and nothing after one it does not have", () => {
    expect(complete('goal', '')).toEqual({ words: ['add', 'rate', 'close'], prefix: '' });
    expect(complete('goal', 'r')).toEqual({ words: ['rate'], prefix: 'r' });
    expect(complete('--no-color', 'goal', '--db', 'x.db', 'c')).toEqual({ words: ['close'], prefix: 'c' });
    expect(complete('goal', 'nosuch', '')).toEqual({ words: [], prefix: '' });
    // A subcommand's name is no argument elsewhere: after `goal rate`, the goal's id comes next.
    expect(complete('goal', 'rate', 'rate', '')).toEqual({ words: [], prefix: '' });
  });

  it("a subcommand's options, then those of the commands above it, and its arguments", () => {
    expect(complete('goal', 'close', '1', '--a')).toEqual({ words: ['--achieved'], prefix: '--a' });
    expect(complete('goal', 'close', '-')).toMatchObject({ words: ['--achieved', '--dropped', '--db', '--no-color', '--help'] });
    expect(complete('goal', 'rate', '')).toEqual({ words: [], source: 'goals', prefix: '' });
    expect(complete('goal', 'close', '--achieved', '')).toMatchObject({ source: 'goals' });
    // The rating after the id has no suggestions; the option value of one subcommand is its own.
    expect(complete('goal', 'rate', '2', '')).toEqual({ words: [], prefix: '' });
    expect(complete('goal', 'add', '--rating', '')).toEqual({ words: [], prefix: '' });
    expect(complete('goal', 'add', 'sit', 'on', 'the', '')).toEqual({ words: [], prefix: '' });
  });

  it('the values of a source that start with the word, after the fixed words, each once', () => {
    expect(candidates({ words: [], source: 'activities', prefix: 'w' }, ['walk', 'bike', 'wall push', 'walk'])).toEqual(['walk', 'wall push']);
  });
});
