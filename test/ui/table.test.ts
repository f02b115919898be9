// Issue 17, item 15: the table pace draws looks as cli-table3 drew it, in one pass over the rows.
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/ui/style.js';
import { fitText } from '../../src/ui/fit.js';
import { displayWidth, table, table as drawnOrPlain, type Align } from '../../src/ui/table.js';

/** The table as cli-table3 drew it before (src/ui/table.ts up to issue 17). */
function cliTable3(head: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const t = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
    colAligns: [...align],
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) t.push([...r]);
  return t.toString();
}

const cell = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, '')),
  fc.constantFrom('', 'walk', '10 min', '3 -> 4', 'chest-pain, dizziness', '太极', 'café', 'e\u0301', '🏊 swim'),
);

describe('the sessions table (issue 17, item 15)', () => {
  it('draws what cli-table3 drew, for any text, alignment and number of rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(
            fc.array(cell, { minLength: n, maxLength: n }),
            fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 8 }),
            fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: n, maxLength: n }),
          ),
        ),
        ([head, rows, align]) => {
          expect(table(makeStyle(false), head, rows, align)).toBe(cliTable3(head, rows, align));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Q8: a cell with line breaks (a wrapped reason in the plan) takes as many lines, as cli-table3 drew it', () => {
    const head = ['activity', 'per session', 'why'];
    const rows = [['walk', '10 min', 'back after 4 weeks without walk: 10 min\n(down from 14.5 min), then building up\nagain'], ['bike', '12 min', 'short']];
    const align: Align[] = ['left', 'right', 'left'];
    expect(table(makeStyle(false), head, rows, align)).toBe(cliTable3(head, rows, align));
  });

  it('measures colour codes as nothing and wide characters as two columns', () => {
    expect(displayWidth(makeStyle(true).c.yellow('flare'))).toBe(5);
    expect(displayWidth('太极 tai chi')).toBe(12);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('measures emoji shown as pictures as two columns, as terminals draw them (a walk named with its emoji)', () => {
    expect(displayWidth('\u6563\u6b69\u{1f6b6}')).toBe(6); // 散歩🚶: person walking, U+1F6B6
    expect(displayWidth('\u2705 \u231a \u26bd')).toBe(8); // ✅ ⌚ ⚽
    expect(displayWidth('\u{1fa70}\u{1f6f4}')).toBe(4); // ballet shoes, kick scooter
    // Text symbols stay one column; a flag's two regional indicators are one each.
    expect(displayWidth('\u2600 \u2764')).toBe(3);
    expect(displayWidth('\u{1f1e9}\u{1f1ea}')).toBe(2);
  });

  it('a table of names with such emoji has every line as wide as the others', () => {
    const lines = table(makeStyle(false), ['activity', 'dose'], [['\u6563\u6b69\u{1f6b6}', '10 min'], ['walk', '10 min']]).split('\n');
    expect(lines[2]).toBe('\u2502 \u6563\u6b69\u{1f6b6}   \u2502 10 min \u2502');
    expect(lines[3]).toBe('\u2502 walk     \u2502 10 min \u2502');
  });

  it('draws 100,000 rows, every one, each as wide as the widest (its speed is a budget of npm run bench)', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [String(i), '2026-11-21', 'walk', '10 min', '3 -> 4', '5', '', '']);
    const lines = table(makeStyle(false), ['id', 'date', 'activity', 'dose', 'pain', 'effort', 'flare', 'symptoms'], rows).split('\n');
    expect(lines).toHaveLength(100_003);
    expect(new Set(lines.map((l) => displayWidth(l))).size).toBe(1);
    expect(lines.at(-2)).toMatch(/^│ 99999 │ 2026-11-21 │ walk +│/);
  });
});

describe('plain output, for a screen reader', () => {
  // As print writes it (a value's held spaces are spaces again).
  const table = (...args: Parameters<typeof drawnOrPlain>) => fitText(drawnOrPlain(...args), undefined);
  const plain = makeStyle(false, 80, true);

  it('each row is one line, each value after its heading, with no box at any width', () => {
    for (const width of [undefined, 40, 200]) {
      expect(table(makeStyle(false, width, true), ['activity', 'plan', 'done'], [['walk', '4 x 10 min', '2 of 4'], ['stretching', '3 x 5 min', '0 of 3']])).toBe(
        'activity: walk; plan: 4 x 10 min; done: 2 of 4\nactivity: stretching; plan: 3 x 5 min; done: 0 of 3',
      );
    }
  });

  it('a line too long for the terminal is broken between words, never inside a short value with a digit', () => {
    const text = fitText(drawnOrPlain(makeStyle(false, 30, true), ['activity', 'per session', 'total so far'], [['sit to stand', '21 reps', '36 reps']]), 30);
    expect(text.split('\n')).toEqual(['activity: sit to stand;', 'per session: 21 reps;', 'total so far: 36 reps']);
  });

  it('an empty value is left out; a value with no heading stands alone; a paragraph broken for a pipe is one line', () => {
    expect(table(plain, ['', 'then', 'now', ''], [['sessions a week', '3.0', '', 'not enough data yet']])).toBe('sessions a week; then: 3.0; not enough data yet');
    expect(table(plain, ['activity', 'why'], [['walk', 'completed 4 of 4\nsessions: +10%']])).toBe('activity: walk; why: completed 4 of 4 sessions: +10%');
  });
});
