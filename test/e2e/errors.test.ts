import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, stackLines, tempPace } from '../helpers/pace.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const BAD_INPUT: [string, string[], RegExp][] = [
  ['pain 11', ['log', 'walk', '10', '--pain-after', '11'], /--pain-after/],
  ['dose 0', ['log', 'walk', '0'], /--dose/],
  ['dose -5', ['log', 'walk', '-5'], /--dose/],
  ['dose -5 given with --dose', ['log', 'walk', '--dose', '-5'], /--dose/],
  ['dose "ten"', ['log', 'walk', 'ten'], /--dose/],
  ['a session longer than a day', ['log', 'walk', '1441'], /longer than a day/],
  ['Q6: half a rep', ['log', 'sit-to-stand', '9.5reps'], /9.5 reps: reps are counted in whole numbers/],
  ['30 February', ['log', 'walk', '10', '--date', '2026-02-30'], /--date/],
  ['a future date', ['log', 'walk', '10', '--date', '2026-11-22'], /future/],
  ['an unknown --unit', ['log', 'walk', '10', '--unit', 'furlong'], /min, reps, m, steps/],
  ['an unknown --category', ['log', 'walk', '10', '--category', 'cardio'], /aerobic, mobility, strength, mind-body, other/],
  ['an unknown --symptom code', ['log', 'walk', '10', '--symptom', 'sore-toe'], /chest-pain/],
  ['a missing activity', ['log'], /activity/],
  ['a missing dose', ['log', 'walk'], /dose/],
  ['an unknown option', ['log', 'walk', '10', '--bogus'], /--bogus/],
  ['an unknown command', ['dance'], /dance/],
  // cli.md: one or two lines. Commander printed the whole help on stderr for these.
  ['help for a command that does not exist', ['help', 'dance'], /^error: unknown command 'dance'\n\(pace --help lists the commands\)\n$/],
  ['help for a goal subcommand that does not exist', ['goal', 'help', 'dance'], /^error: unknown command 'goal dance'\n\(the goal commands are add, rate, list and close/],
  ['an unknown goal subcommand, not taken for words to goal list', ['goal', 'ad', 'walk upstairs', '--rating', '3'], /unknown command 'goal ad'\n\(the goal commands are add, rate, list and close/],
  ['a --limit too large to count', ['list', '--limit', '99999999999999999999'], /--limit/],
  ['the activity given twice', ['log', 'walk', '10', '--activity', 'bike'], /given twice/],
  ['the dose given twice', ['log', 'walk', '10', '--dose', '12'], /given twice/],
  ['extra words after the dose', ['log', 'walk', '10', 'fast'], /"fast" is a word too many: log takes an activity and a dose/],
  ['a plan override before anything was logged', ['plan', '--set', 'walk=12'], /nothing to plan yet/],
  ['a plan override in another unit', ['plan', '--set', 'walk=12reps'], /walk|nothing to plan/],
  ['a weekly export as JSON', ['export', '--weekly', '--format', 'json'], /--weekly/],
  ['an export into a folder that does not exist', ['export', '--out', '/nonexistent-pace-folder/x.csv'], /does not exist\.\n {2}Create the folder first, or choose another --out\./],
  ['a calendar into a folder that does not exist', ['plan', '--ics', '/nonexistent-pace-folder/x.ics'], /does not exist\.\n {2}Create the folder first, or choose another --ics\./],
  ['an init start date that is not a date', ['init', '--start', '2026-13-01'], /--start/],
];

/** One or two lines on stderr, starting like a CLI error, with no stack trace. */
function expectPlainError(stderr: string, says: RegExp): void {
  expect(stackLines(stderr)).toEqual([]);
  const text = lines(stderr);
  expect(text.length).toBeGreaterThanOrEqual(1);
  expect(text.length).toBeLessThanOrEqual(2);
  expect(text[0]).toMatch(/^(pace|error):/);
  expect(stderr).toMatch(says);
}

describe('bad input exits 2 with a plain message and writes nothing', () => {
  it.each(BAD_INPUT)('%s, on a first run: no journal is created', (_what, args, says) => {
    const pace = tempPace(tempDir());
    const r = pace.run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expectPlainError(r.stderr, says);
    expect(existsSync(pace.db)).toBe(false);
  });

  const onExisting = [
    'pain 11', 'dose "ten"', 'Q6: half a rep', 'a future date', 'an unknown --symptom code', 'an unknown option', 'the activity given twice',
    'extra words after the dose', 'a plan override in another unit', 'an init start date that is not a date',
  ];
  it.each(BAD_INPUT.filter(([what]) => onExisting.includes(what)))('%s, on an existing journal: the file is unchanged', (_what, args, says) => {
    const pace = tempPace(tempDir());
    expect(pace.run(['log', 'walk', '10', '--date', '2026-11-20']).status).toBe(0);
    const before = fileHash(pace.db);
    const r = pace.run(args);
    expect(r.status).toBe(2);
    expectPlainError(r.stderr, says);
    expect(fileHash(pace.db)).toBe(before);
    expect(pace.sessions()).toHaveLength(1);
  });

  it('Q7: a plan override in another unit than the activity names the unit it is planned in', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['log', 'walk', '10', '--date', '2026-11-20']).status).toBe(0);
    const r = pace.run(['plan', '--set', 'walk=12reps']);
    expect(r.status).toBe(2);
    expectPlainError(r.stderr, /walk is planned in min, not reps/);
  });

  it('Q7: a plan override for an activity never logged names it and says how to start it', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['log', 'walk', '10', '--date', '2026-11-20']).status).toBe(0);
    const before = fileHash(pace.db);
    const r = pace.run(['plan', '--set', 'swim=12']);
    expect(r.status).toBe(2);
    expectPlainError(r.stderr, /--set: there is no activity named swim/);
    expect(r.stderr).toMatch(/Log it once first/);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('a dose that is too small to record is refused by name, not by the database', () => {
    const pace = tempPace(tempDir());
    const r = pace.run(['log', 'walk', '0.04']);
    expect(r.status).toBe(2);
    expectPlainError(r.stderr, /--dose/);
  });

  it('a line break typed into a value commander refuses stays in its one line (shown as ?)', () => {
    const r = tempPace(tempDir()).run(['log', 'walk', '10', '--category', '\n\nx']);
    expect(r.status).toBe(2);
    expectPlainError(r.stderr, /argument '\?\?x' is invalid/);
  });

  it.each(['-1', '1.5', 'all', '1000000001'])('list --limit %s says the range it takes, 0 included', (limit) => {
    const r = tempPace(tempDir()).run(['list', '--limit', limit]);
    expect(r.status).toBe(2);
    expectPlainError(r.stderr, /is not a whole number from 0 to 1000000000\.\n {2}0 lists every session\./);
  });

  it('PACE_DEBUG=1 is the only way to see a stack trace', () => {
    const r = tempPace(tempDir()).run(['log', 'walk', '0'], { PACE_DEBUG: '1' });
    expect(r.status).toBe(2);
    expect(stackLines(r.stderr).length).toBeGreaterThan(0);
  });

  it('PACE_DEBUG=1 adds no stack to what commander ends: the version, the help, a usage error', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['--version'], { PACE_DEBUG: '1' })).toMatchObject({ status: 0, stderr: '' });
    expect(pace.run(['status', '--help'], { PACE_DEBUG: '1' })).toMatchObject({ status: 0, stderr: '' });
    const usage = pace.run(['status', '--nonsense'], { PACE_DEBUG: '1' });
    expect(usage.status).toBe(2);
    expect(stackLines(usage.stderr)).toEqual([]);
    expect(usage.stderr).toMatch(/unknown option '--nonsense'/);
  });
});

describe('help', () => {
  it('pace alone prints the help on stdout and exits 0, as --help does', () => {
    const pace = tempPace(tempDir());
    const alone = pace.run([]);
    expect(alone).toMatchObject({ status: 0, stderr: '' });
    expect(alone.stdout).toBe(pace.run(['--help']).stdout);
    // With only global options, the same.
    for (const args of [['--no-input'], ['--no-color', '--db', 'x.db'], ['--db=x.db']]) expect(pace.run(args), args.join(' ')).toMatchObject({ status: 0, stdout: alone.stdout, stderr: '' });
  });

  it('pace --help exits 0 and prints on stdout', () => {
    const r = tempPace(tempDir()).run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: pace/);
    expect(r.stdout).toMatch(/log/);
    expect(r.stderr).toBe('');
  });

  it('pace --help ends with where a new person starts: log after an activity, then status and plan', () => {
    // Seen: seventeen commands in alphabet-free order, and nothing to say which one comes first.
    const r = tempPace(tempDir()).run(['--help']);
    const tail = r.stdout.slice(r.stdout.lastIndexOf('help [command]'));
    expect(tail).toMatch(/Start here:\n {2}pace log +after a walk or other activity/);
    expect(tail).toMatch(/\n {2}pace status +/);
    expect(tail).toMatch(/\n {2}pace plan +/);
  });

  it('pace log --help lists the session flags', () => {
    const r = tempPace(tempDir()).run(['log', '--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--pain-before', '--dose', '--symptom', '--settled']) expect(r.stdout).toContain(flag);
  });

  it('every --help read through a pipe or a pager fits 80 columns, its examples too', () => {
    const pace = tempPace(tempDir());
    const commands = [[], ['log'], ['list'], ['edit'], ['delete'], ['export'], ['import'], ['init'], ['plan'], ['status'], ['triage'], ['backup'], ['check'], ['goal'], ['goal', 'add'], ['goal', 'rate'], ['goal', 'list'], ['goal', 'close'], ['checkin'], ['review'], ['schedule'], ['report'], ['completion']];
    for (const args of commands) {
      const r = pace.run([...args, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n').filter((l) => l.length > 80), `pace ${args.join(' ')} --help`).toEqual([]);
    }
  });

  it('pace --version exits 0 on stdout', () => {
    const r = tempPace(tempDir()).run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
