import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredPace, runPace, type TempPace } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

// Promises the help and the README make that no other test held: PACE_PLAIN is a switch (0 or
// empty leaves it off), and the help names the ways to plain output and says which flags take
// "today" and "yesterday", and what `export --json`, `--from` and `--to` are for.

afterAll(removeTempDirs);

const TODAY = '2026-11-21';
const BOX = /[\u2500-\u257f]/;

/** `pace <args> --help`, its words on one line, as the reader takes them whatever the wrap. */
function help(...args: string[]): string {
  const r = runPace([...args, '--help'], { home: tempDir() });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/\s+/g, ' ');
}

describe('PACE_PLAIN: set, and not 0, turns plain output on', () => {
  let pace: TempPace;
  beforeAll(() => {
    pace = answeredPace();
    expect(pace.run(['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4'], { PACE_TODAY: TODAY }).status).toBe(0);
  });
  const list = (env: NodeJS.ProcessEnv) => {
    const r = pace.run(['list'], { PACE_TODAY: TODAY, ...env });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it.each([['0'], ['']])('PACE_PLAIN=%j leaves the table drawn', (PACE_PLAIN) => {
    expect(list({ PACE_PLAIN })).toMatch(BOX);
  });

  it.each([['1'], ['yes']])('PACE_PLAIN=%j gives a line a row', (PACE_PLAIN) => {
    const out = list({ PACE_PLAIN });
    expect(out).not.toMatch(BOX);
    expect(out).toMatch(/^id: 1; date: 2026-11-21; activity: walk; dose: 10 min; pain: 3 to 4/m);
  });
});

describe('--help says what the README says', () => {
  it('pace --help names the three ways to plain output, and NO_COLOR', () => {
    const text = help();
    expect(text).toContain('--plain text for a screen reader');
    expect(text).toContain('(also PACE_PLAIN=1, or TERM=dumb)');
    expect(text).toContain('--no-color output without colour (NO_COLOR is honoured too)');
  });

  it.each([
    ['list', '--from'],
    ['list', '--to'],
    ['export', '--from'],
    ['export', '--to'],
    ['report', '--from'],
    ['report', '--to'],
    ['log', '--date'],
    ['edit', '--date'],
    ['init', '--start'],
  ])('pace %s --help: %s takes today or yesterday', (command, flag) => {
    expect(help(command)).toMatch(new RegExp(`${flag} <YYYY-MM-DD> [^-]*today or yesterday`));
  });

  it('pace plan --help: --week takes today or yesterday', () => {
    expect(help('plan')).toMatch(/--week <date> [^-]*YYYY-MM-DD, or today or yesterday/);
  });

  it('pace export --help: --json is --format json, and --from and --to are for the CSV', () => {
    const text = help('export');
    expect(text).toContain('--json the same as --format json: a backup of the whole journal');
    expect(text).toContain('--from <YYYY-MM-DD> CSV rows from this day');
    expect(text).toContain('(a JSON backup is always whole)');
    expect(text).toContain('--to <YYYY-MM-DD> CSV rows up to this day');
  });

  it('pace export --help: --weekly with --to reads the journal as it stood that day, as report --to does', () => {
    expect(help('export')).toMatch(/--to <YYYY-MM-DD> CSV rows up to this day[^-]*\(with --weekly: the journal as it stood at the end of that day\)/);
  });

  it('pace delete --help: says it prints the pace log command that puts the session back', () => {
    expect(help('delete')).toContain('delete a session, printing the pace log command that puts it back');
  });

  it.each([['log'], ['checkin'], ['edit']])('pace %s --help offers --settled, the next-day check', (command) => {
    expect(help(command)).toMatch(/--settled <yes\|no> whether the pain [^(]*\(next-day check/);
  });
});
