import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { flare, importRows, times, weeksOf, walks } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';
import { displayWidth } from '../../src/ui/table.js';

// Three people using pace (docs/decisions.md, "Output for every reader"): one with a screen
// reader, one without colour, one on a narrow terminal or a large font. Each test spawns the CLI
// on eleven weeks of walks and sit-to-stands, with a flare and a boom-bust cycle in week 7.

afterAll(removeTempDirs);

const START = '2026-09-07'; // Monday of program week 1
const TODAY = '2026-11-21'; // Saturday of week 11
const SIT = { activity: 'sit to stand', unit: 'reps', category: 'strength' } as const;
const BOX = /[\u2500-\u257f]/;
const BLOCKS = /[\u2580-\u259f]/;

let pace: TempPace;

beforeAll(() => {
  pace = answeredPace();
  const doses = [10, 10, 11, 12, 13, 13, 12, 13, 14, 15, 16];
  const week = (w: number) => (w === 6 ? [doses[w]!, flare(30, { painBefore: 4, painAfter: 8 }), 0.5, 0.5] : times(4, doses[w]!));
  importRows(pace, [...walks(START, ...doses.map((_, w) => week(w))), ...weeksOf(SIT, START, ...doses.map((_, w) => times(2, 8 + w)))], TODAY);
  for (const goal of [['climb the stairs to my flat', '3'], ['sit on the floor and get up', '2']]) {
    expect(pace.run(['goal', 'add', goal[0]!, '--rating', goal[1]!], { PACE_TODAY: START }).status).toBe(0);
  }
  for (const day of ['2026-09-13', '2026-11-15']) expect(pace.run(['checkin', '--pain', '6', '--enjoyment', '5', '--general', '5'], { PACE_TODAY: day }).status).toBe(0);
});

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = pace.run(args, { PACE_TODAY: TODAY, ...env });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('a narrow window or a large font: COLUMNS for a pipe or a file', () => {
  it.each([['status'], ['plan'], ['review'], ['list']])('COLUMNS=40 pace %s | less fits 40 columns, its tables as rows under headings', (command) => {
    const out = run([command], { COLUMNS: '40' });
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out).not.toMatch(/┌|│/);
  });

  it.each([['status', /^Planned today|^new:|^Your latest/m], ['plan', /^This week is not over yet/m], ['review', /^then: /m]])(
    'COLUMNS=40 pace %s: a blank line ends the rows under headings, as the border ends the table, before the next sentence',
    (command, next) => {
      const lines = run([command], { COLUMNS: '40' }).split('\n');
      const at = lines.findIndex((l) => next.test(l));
      expect(at, 'the sentence after the table').toBeGreaterThan(0);
      expect(lines[at - 1]).toBe('');
      expect(lines[at - 2]).not.toBe('');
    },
  );

  it('without COLUMNS, a pipe gets the output as before: the table drawn whole', () => {
    expect(run(['plan'])).toMatch(/^┌/m);
  });

  it('a COLUMNS that is no width (empty, 0, text) is ignored', () => {
    for (const COLUMNS of ['', '0', 'wide', '-40']) expect(run(['plan'], { COLUMNS })).toMatch(/^┌/m);
  });
});

describe('a change from one number to the next stays on one line', () => {
  // "boom-bust cycles per 4 weeks 0.0" / "-> 1.0": a reader, or a screen reader going line by
  // line, met the number alone with no arrow, then an arrow with no number before it.
  it.each([[undefined], ['40'], ['60']])('review, COLUMNS %s', (COLUMNS) => {
    const out = run(['review'], COLUMNS === undefined ? {} : { COLUMNS });
    expect(out).toMatch(/weeks 0\.0\s+\(0 in 2 weeks\) -> \d\.\d\s+\(\d in \d weeks?\)/);
    for (const line of out.split('\n')) {
      expect(line).not.toMatch(/^\s*->/);
      expect(line).not.toMatch(/->\s*$/);
      // R1: nor is a count parted from its weeks: "(1 in" / "2 weeks)".
      expect(line).not.toMatch(/\(\d+( in( \d+)?)?$/);
    }
  });
});

describe('a screen reader: plain output (--plain, PACE_PLAIN=1, TERM=dumb)', () => {
  // A screen reader reads "┌──────┬" as a string of "box drawings light horizontal", a
  // sparkline as "lower three eighths block" eight times, and skips "->" at its usual
  // punctuation level, so "pain 4 -> 5" is heard as "pain 4 5".
  const ways: [string, string[], NodeJS.ProcessEnv][] = [
    ['--plain', ['--plain'], {}],
    ['PACE_PLAIN=1', [], { PACE_PLAIN: '1' }],
    ['TERM=dumb', [], { TERM: 'dumb' }],
  ];

  describe.each(ways)('%s', (_, flags, env) => {
    it.each([['status'], ['plan'], ['review'], ['list'], ['goal', 'list'], ['triage', '--symptom', 'muscle-fatigue', '--session', '1']])('pace %s has no lines, blocks, arrows or colour', (...command) => {
      const out = run([...flags, ...command], { FORCE_COLOR: '1', ...env });
      expect(out).not.toMatch(BOX);
      expect(out).not.toMatch(BLOCKS);
      expect(out).not.toMatch(/->/);
      expect(out).not.toMatch(/\u001b\[/);
    });
  });

  it('status says in words every number its charts show', () => {
    const out = run(['status', '--plain']);
    expect(out).toMatch(/^Weekly aim: 64 of 150 aerobic minutes this week\.$/m);
    expect(out).toMatch(/^Aerobic minutes a week, the last 8 weeks, oldest first: 48, 52, \d+, \d+, \d+, 56, 60, 64\.$/m);
    expect(out).toMatch(/^sit to stand, reps a session, the last 8 weeks, oldest first: 11, 12, 13, 14, 15, 16, 17, 18\.$/m);
    expect(out).toMatch(/^Pain before sessions, weekly means on the 0 to 10 scale, oldest first: (\d\.\d, ){7}\d\.\d\.$/m);
    expect(out).toMatch(/^Pain after sessions, weekly means on the 0 to 10 scale, oldest first: (\d\.\d, ){7}\d\.\d\.$/m);
  });

  it('a table is one line a row, each value after its heading', () => {
    const status = run(['status', '--plain']);
    expect(status).toMatch(/^activity: walk; plan: 4 times 17\.5 min; done: 4 of 4; total so far: 64 min$/m);
    const review = run(['review', '--plain']);
    expect(review).toMatch(/^flares per 4 weeks; then: 0\.0; now: \d\.\d; worse$/m);
    const list = run(['list', '--plain', '--limit', '1']);
    expect(list).toMatch(/^id: \d+; date: 2026-11-21; activity: walk; dose: 16 min; pain: 3 to 4$/m);
  });

  it('a change is said with "to": pain 3 to 4, 0.0 to 2.0', () => {
    expect(run(['review', '--plain'])).toMatch(/flares per 4 weeks 0\.0 \(0 in 2 weeks\) to \d\.\d \(\d in \d weeks?\)/);
    const logged = answeredPace().run(['--plain', 'log', 'walk', '5', '--pain-before', '3', '--pain-after', '4'], { PACE_TODAY: TODAY });
    expect(logged.stdout).toMatch(/^Saved: walk 5 min on Sat 21 Nov 2026, pain 3 to 4 \(session 1\)\.$/m);
    expect(logged.stdout).toMatch(/^Pain 3 to 4: a small rise/m);
  });

  it('fits COLUMNS as any output does, breaking a row between words', () => {
    const out = run(['plan', '--plain'], { COLUMNS: '40' });
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out).toMatch(/^activity: walk; per session: 19\.5 min;$/m);
  });

  it('--json is the same document with --plain', () => {
    expect(run(['status', '--json', '--plain'])).toBe(run(['status', '--json']));
  });
});

describe('T3: a stop is unmistakable without colour, in plain output and on a narrow window', () => {
  it.each([
    ['NO_COLOR, 80 columns', [], { NO_COLOR: '1', COLUMNS: '80' }],
    ['NO_COLOR, 40 columns', [], { NO_COLOR: '1', COLUMNS: '40' }],
    ['plain, 40 columns', ['--plain'], { COLUMNS: '40' }],
    ['TERM=dumb, no width', [], { TERM: 'dumb' }],
  ] as [string, string[], NodeJS.ProcessEnv][])('%s', (_, flags, env) => {
    const pace = answeredPace();
    const r = pace.run([...flags, 'log', 'walk', '10', '--pain-before', '3', '--pain-after', '4', '--symptom', 'chest-pain'], { PACE_TODAY: TODAY, ...env });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^STOP NOW\. Call emergency services now\./);
    expect(r.stdout).toMatch(/\(pace triage --cleared\)/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const status = pace.run([...flags, 'status'], { PACE_TODAY: TODAY, ...env }).stdout;
    expect(status.split('\n')[0]).toMatch(/^PLAN PAUSED since Sat 21 Nov/);
    expect(status).toMatch(/pace triage --cleared/);
  });
});
