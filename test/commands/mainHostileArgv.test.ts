// Random, hostile argv for every command, run through main() in this process (no spawning, so
// hundreds of runs take seconds): whatever the words, pace answers with an exit code of 0, 1 or 2,
// never a stack trace, at most two lines for a usage error, and a usage error writes nothing.
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/main.js';
import { MemoryStream } from '../helpers/context.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

const savedUmask = process.umask();
let home = '';
let outDir = '';
let db = '';
let cwd = '';
const savedCwd = process.cwd();

function io(env: Record<string, string> = {}): Io & { stdout: MemoryStream; stderr: MemoryStream } {
  return {
    env: { HOME: home, PACE_DB: db, PACE_TODAY: '2026-11-21', NO_COLOR: '1', ...env },
    stdin: {},
    stdout: new MemoryStream(),
    stderr: new MemoryStream(),
    platform: 'linux',
    clock: () => new Date('2026-11-21T18:00:00Z'),
  };
}

beforeAll(async () => {
  home = tempDir();
  outDir = tempDir();
  // A report without --out, or a relative path, lands in the current folder: an empty one of our own.
  cwd = tempDir();
  process.chdir(cwd);
  db = join(home, 'pace.db');
  // History for the hostile values to meet: activities with units, a goal, a plan and its checkpoint.
  for (const argv of [
    ['init', '--pem', 'no', '--start', '2026-10-01'],
    ['log', 'walk', '10', '--date', '2026-11-20', '--pain-before', '3', '--pain-after', '4'],
    ['log', 'sit-to-stand', '8reps', '--date', '2026-11-19'],
    ['goal', 'add', 'sit on the floor', '--rating', '3'],
    ['status'],
    ['plan'],
  ]) {
    const run = io();
    expect(await main(argv, run), run.stderr.text).toBe(0);
  }
});
afterAll(() => {
  process.chdir(savedCwd);
  process.umask(savedUmask);
  removeTempDirs();
});

const nasty = fc.constantFrom(
  '', ' ', '  \t', '-0', '-5', '0', '1', '10', '1e309', '-1e309', 'NaN', 'Infinity', '0x10', '1e3', '10min', '99999999999999999999', '1.5',
  '--json', '-', '--', '=', 'walk=5', 'walk=10x3', '٣', '１０', '🙂', '\u202e', '\u200b', 'e\u0301', '\ud800', "'; DROP TABLE sessions; --",
  '2026-02-30', '2026-11-22', '2026-11-20', '0000-01-01', '1899-12-31', '9999-12-31', '10000-01-01', '2026-1-5', 'yes', 'no', 'chest-pain',
  'mon,wed', 'daily', '07:30', '24:00', 'a4', 'html', 'pdf', 'csv', 'json', '\n', '\r\n', '\u0007', '\u001b[31m', 'x'.repeat(5000), 'é'.repeat(300),
);
const value = fc.oneof(
  nasty,
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  // Arguments cannot carry NUL bytes (execve stops at them).
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => s.replace(/\0/g, '')),
);
/** A file name inside the test's own folder, or stdout: random paths must never land in the checkout. */
const outPath = fc.oneof(fc.constant('-'), fc.constant(''), value.map((v) => join(outDir, v.replace(/\//g, '_') || 'x')));

type Spec = { words: string[]; flags: [string, fc.Arbitrary<string> | null][]; args: number; pathArgs?: number };
const SESSION: Spec['flags'] = [
  ['--activity', value], ['--dose', value], ['--unit', value], ['--category', value], ['--pain-before', value], ['--pain-after', value],
  ['--effort', value], ['--date', value], ['--symptom', value], ['--note', value], ['--flare', null], ['--json', null],
];
const SPECS: Spec[] = [
  { words: ['log'], flags: [...SESSION, ['--settled', value]], args: 2 },
  { words: ['edit'], flags: [...SESSION, ['--no-flare', null], ['--no-symptoms', null]], args: 1 },
  { words: ['delete'], flags: [['--yes', null], ['--json', null]], args: 1 },
  { words: ['list'], flags: [['--from', value], ['--to', value], ['--limit', value], ['--json', null]], args: 0 },
  { words: ['export'], flags: [['--out', outPath], ['--from', value], ['--to', value], ['--weekly', null], ['--format', value], ['--include-notes', null]], args: 0 },
  { words: ['import'], flags: [['--json', null]], args: 0, pathArgs: 1 },
  { words: ['init'], flags: [['--start', value], ['--target-minutes', value], ['--pem', value], ['--time', value], ['--paper', value], ['--json', null]], args: 0 },
  { words: ['plan'], flags: [['--week', value], ['--set', value], ['--yes', null], ['--accept-increase', null], ['--ics', outPath], ['--remind', value], ['--json', null]], args: 0 },
  { words: ['status'], flags: [['--json', null]], args: 0 },
  { words: ['triage'], flags: [['--symptom', value], ['--session', value], ['--cleared', null], ['--json', null]], args: 0 },
  { words: ['checkin'], flags: [['--pain', value], ['--enjoyment', value], ['--general', value], ['--settled', value], ['--json', null]], args: 0 },
  { words: ['review'], flags: [['--json', null]], args: 0 },
  { words: ['schedule'], flags: [['--at', value], ['--clear', null], ['--json', null]], args: 2 },
  { words: ['report'], flags: [['--format', value], ['--from', value], ['--to', value], ['--paper', value], ['--include-notes', null]], args: 0 },
  { words: ['backup'], flags: [['--json', null]], args: 0, pathArgs: 1 },
  { words: ['goal', 'add'], flags: [['--rating', value], ['--json', null]], args: 2 },
  { words: ['goal', 'rate'], flags: [['--json', null]], args: 2 },
  { words: ['goal', 'list'], flags: [['--all', null], ['--json', null]], args: 0 },
  { words: ['goal', 'close'], flags: [['--achieved', null], ['--dropped', null], ['--json', null]], args: 1 },
];

/** One command's argv: its words, some of its flags (a flag may come twice), some positional values. */
const argvFor = (spec: Spec): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...spec.flags).chain(([flag, arb]) => (arb ? arb.map((v): string[] => [flag, v]) : fc.constant<string[]>([flag]))), { maxLength: 4 }),
      fc.array(value, { maxLength: spec.args }),
      fc.array(outPath, { minLength: spec.pathArgs ?? 0, maxLength: spec.pathArgs ?? 0 }),
      // A report without --out would write into the current folder: the checkout.
      spec.words[0] === 'report' ? outPath.map((p) => ['--out', p]) : fc.constant([] as string[]),
    )
    .map(([flags, args, paths, out]) => [...spec.words, ...args, ...paths, ...flags.flat(), ...out, '--no-input']);

const today = fc.oneof(
  { weight: 8, arbitrary: fc.constant('2026-11-21') },
  { weight: 1, arbitrary: fc.constantFrom('2026-11-20', '1900-01-01', '9999-12-31', '0000-01-01', '2026-02-30', ' ', 'NaN', '9998-12-31') },
);

const journalState = () => fileHash(db);

describe('main with hostile argv, in process', () => {
  for (const spec of SPECS) {
    it(`pace ${spec.words.join(' ')}: exit 0, 1 or 2; no stack trace; a usage error in two lines at most, with the journal untouched`, async () => {
      await fc.assert(
        fc.asyncProperty(argvFor(spec), today, async (argv, fixedToday) => {
          const before = journalState();
          const run = io({ PACE_TODAY: fixedToday });
          const code = await main(argv, run);
          const err = run.stderr.text;
          const shown = JSON.stringify({ argv, fixedToday, code, err: err.slice(0, 400) });
          expect([0, 1, 2], shown).toContain(code);
          expect(err, shown).not.toMatch(/^\s+at\s/m);
          expect(err, shown).not.toMatch(/something went wrong/);
          expect(readdirSync(cwd), shown).toEqual([]);
          if (code === 2) {
            expect(err.trimEnd().split('\n').length, shown).toBeLessThanOrEqual(2);
            expect(journalState(), shown).toBe(before);
          }
        }),
        { numRuns: spec.words[0] === 'report' ? 40 : 120 },
      );
    });
  }

  it.each([
    [['import', 'a\nb.csv']],
    // (An escape: line breaks in a name are folded to spaces before it is shown.)
    [['schedule', 'wa\u001b[2Jlk', 'mon', '--clear']],
    [['log', '--activity', 'walk', '--dose', '10', '--date', '\u001b[2J2026']],
  ])('a line break or escape typed into %j is shown as ?, so the message stays two lines', async (argv) => {
    const run = io();
    expect(await main([...argv, '--no-input'], run)).toBe(2);
    expect(run.stderr.text).toMatch(/^pace: [^\n\r\u001b]*\n {2}[^\n\r\u001b]*\n$/);
    expect(run.stderr.text).toContain('?');
  });
});
