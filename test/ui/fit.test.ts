// What a person sees in a terminal of their width: nothing broken inside a word, no table wider
// than the screen (docs/decisions.md, "Fitting the terminal").
import { describe, expect, it } from 'vitest';
import { pageFor } from '../../src/ui/prompts.js';
import { fitText, wrapWords } from '../../src/ui/fit.js';
import { makeStyle } from '../../src/ui/style.js';
import { displayWidth, table, withoutColor } from '../../src/ui/table.js';

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));
const words = (text: string) => text.split(/\s+/).filter(Boolean);

const HOLD = 'Plan on hold since Wed 14 Oct (joint-swelling): no increases until you have been assessed.';
const REASON = 'waiting for an assessment since Wed 14 Oct (joint-swelling): staying at 8 min, no increases until you record that you were assessed';

describe('prose on a terminal', () => {
  it('a long line is broken between words at the width, and every word is kept whole', () => {
    for (const width of [40, 60, 80]) {
      const text = fitText(HOLD, width);
      expect(widest(text), `${width}`).toBeLessThanOrEqual(width);
      expect(words(text)).toEqual(words(HOLD));
    }
  });

  it('R1: a count beside a rate, "(1 in 4 weeks)", is never broken apart, at any width', () => {
    const item = '  - flares per 4 weeks 0.0 (0 in 2 weeks) -> 1.0 (1 in 4 weeks); boom-bust cycles per 4 weeks 0.0 (0 in 2 weeks) -> 1.0 (1 in 4 weeks)';
    for (let width = 30; width <= 80; width++) {
      for (const line of fitText(item, width).split('\n')) expect(line, `${width}`).not.toMatch(/\(\d+( in( \d+)?)?$/);
    }
  });

  it('a list item carries on under its own text, past "  1. "', () => {
    const text = fitText('  1. Walk to the corner shop and back without needing to sit down on the bench halfway: 3', 40);
    const [first, ...rest] = text.split('\n');
    expect(first).toMatch(/^ {2}1\. Walk/);
    for (const line of rest) expect(line).toMatch(/^ {5}\S/);
  });

  it('colour codes take no room, and a pipe (no width) gets the text as it is', () => {
    const red = `\u001b[31m${HOLD}\u001b[39m`;
    expect(widest(fitText(red, 40))).toBeLessThanOrEqual(40);
    expect(fitText(HOLD, undefined)).toBe(HOLD);
  });

  it('an indented line in colour carries on under its indent, as it does without colour', () => {
    const line = `            ${'weekly means on the 0-10 scale, oldest first'}`;
    const coloured = makeStyle(true).c.dim(line);
    const text = fitText(coloured, 40);
    expect(text.split('\n').map(withoutColor)).toEqual(fitText(line, 40).split('\n'));
    expect(withoutColor(text).split('\n')[1]).toMatch(/^ {12}\S/);
  });

  it('only a word longer than the whole width is cut', () => {
    expect(wrapWords('see /a/very/long/path/that/never/ends ok', 10).every((l) => displayWidth(l) <= 10)).toBe(true);
  });

  it('a word cut in an indented line keeps its pieces together: no space is put inside it', () => {
    const path = '/home/someone/Documents/pace-report-2026-11-18.pdf';
    for (const line of [`  1. Wrote ${path} for the clinic`, `${' '.repeat(12)}${path} ok`]) {
      const text = fitText(line, 20);
      expect(widest(text), line).toBeLessThanOrEqual(20);
      expect(text.split('\n').map((l) => l.trim()).join(''), line).toContain(path);
      expect(words(text).filter((w) => !path.includes(w)), line).toEqual(words(line).filter((w) => w !== path));
    }
  });

  it('T3: a command to type is never broken across lines when it fits on one ("pace triage" / "--cleared")', () => {
    const pause = 'No quotas until a clinician has seen you. When they have cleared you to resume, run: pace triage --cleared';
    const cases: [string, number, string][] = [
      [pause, 100, 'pace triage --cleared'],
      [pause, 40, 'pace triage --cleared'],
      ['The 8 newest of 20 sessions; all of them: pace list --limit 0', 60, 'pace list --limit 0'],
      ['  Give what to change, for example: pace edit 20 --dose 11 or pace edit 20 --pain-after 4 (pace edit --help lists them all).', 100, 'pace edit --help'],
    ];
    for (const [line, width, command] of cases) {
      const text = fitText(line, width);
      expect(widest(text), `${width}`).toBeLessThanOrEqual(width);
      expect(words(text)).toEqual(words(line));
      expect(text.split('\n').some((l) => l.includes(command)), `${width}: ${text}`).toBe(true);
    }
  });

  it('a command keeps its id and its flags\' values: whole when it fits, each flag with its value when it does not', () => {
    // Seen at 60 columns: "run pace edit" / "11 --dose 12.5 ..." (the id held nothing); at 40,
    // "--pain-after" / "4", the whole command being too long to hold and nothing held instead.
    const refusal = 'If the file is right, run pace edit 11 --dose 12.5 --pain-before 3 --pain-after 4 and import again; if the journal is right, the file is older: leave the row out; if the row is another session, import with --add-changed.';
    const typo = 'wlak is a new activity, with a plan of its own. If you meant walk: pace edit 31 --activity walk';
    const cases: [string, number, string[]][] = [
      [refusal, 60, ['pace edit 11 --dose 12.5 --pain-before 3 --pain-after 4']],
      [refusal, 40, ['pace edit 11', '--dose 12.5', '--pain-before 3', '--pain-after 4']],
      [typo, 60, ['pace edit 31 --activity walk']],
      ['Your answer was not kept either; to record it: pace log --settled no', 40, ['pace log --settled no']],
      // Seen at 80 columns: "To put it back: pace log walk" / "10min --date ...": a dose with its
      // unit started a piece of its own, and a quoted word with a space in it two.
      ['To put it back: pace log walk 10min --date 2026-12-07 --pain-before 3 --pain-after 4 (and its note, with --note)', 80, ['pace log walk 10min --date 2026-12-07 --pain-before 3 --pain-after 4']],
      ['  In a script run each day, put the date in the name: pace backup "pace-$(date +%F).db"', 80, ['pace backup "pace-$(date +%F).db"']],
      ['  Put it in quotes, as the one name it is: pace log "morning walk" 10min', 60, ['pace log "morning walk" 10min']],
      // Seen at 80 columns in the plan: "... pace schedule sit-to-stand" / "mon,wed,fri --at 08:00":
      // the days, a third word after the command's name, started a unit of their own.
      ['Choose your own days and time with, for example: pace schedule sit-to-stand mon,wed,fri --at 08:00', 80, ['pace schedule sit-to-stand mon,wed,fri --at 08:00']],
      ['Choose your own days and time with, for example: pace schedule walk weekdays --at 08:00', 60, ['pace schedule walk weekdays --at 08:00']],
    ];
    for (const [line, width, pieces] of cases) {
      const text = fitText(line, width);
      expect(widest(text), `${width}`).toBeLessThanOrEqual(width);
      expect(words(text)).toEqual(words(line));
      for (const piece of pieces) expect(text.split('\n').some((l) => l.includes(piece)), `${width}: ${piece}\n${text}`).toBe(true);
    }
  });

  it('a command in brackets or at the end of a sentence keeps its name: "(pace" / "checkin)." at 40 columns', () => {
    const cases: [string, string][] = [
      ["Weekly check-in: PEG 4.3 for the week of Mon 16 Nov; this week's is waiting (pace checkin).", 'pace checkin'],
      ['A rating is 14 days old or more: re-rate your goals (pace goal rate).', 'pace goal rate'],
      ['Nothing was changed. To look for damage, run pace check.', 'pace check'],
    ];
    for (const [line, command] of cases) {
      for (let width = 20; width <= 100; width++) {
        const text = fitText(line, width);
        expect(words(text), `${width}`).toEqual(words(line));
        expect(text.split('\n').some((l) => l.includes(command)), `${width}: ${text}`).toBe(true);
      }
    }
  });

  it('a command ends at its closing bracket or stop: the words after it break as any words do', () => {
    // "pace check," holds "check" only: "then" is not a third word of the command's name.
    expect(fitText('run pace check, then ask again', 16).split('\n')).toEqual(['run pace check,', 'then ask again']);
    // Nor is a number after "(pace list --limit 0)." a dose of it, making the command too long to hold.
    expect(fitText('see (pace list --limit 0). 12 more', 26).split('\n')).toEqual(['see (pace list --limit 0).', '12 more']);
  });

  it("a status chart's words go on under the chart, not under its label, as its legend does", () => {
    // Seen at 60 columns: "Minutes     ▃▃▃▄▃▃▄▂  aerobic minutes a week, last 8 weeks:" then
    // "36 39 42 ..." at the left edge, read as a line of its own under the labels.
    const rows = [
      `Minutes     ${'\u2583\u2583\u2583\u2584\u2583\u2583\u2584\u2582'}  aerobic minutes a week, last 8 weeks: 36 39 42 70 48 51 54 19`,
      `Weekly aim  ${'\u2588'.repeat(3)}${'\u2591'.repeat(17)}  19 of 150 aerobic minutes this week`,
      makeStyle(true).c.cyan(`Reps        ${'\u2588'.repeat(7)}   sit-to-stand, reps a session, last 8 weeks: 8 8 8 8 8 8 8 -`),
    ];
    for (const width of [40, 60]) {
      for (const row of rows) {
        const [first, ...rest] = withoutColor(fitText(row, width)).split('\n');
        expect(rest.length, `${width}: ${first}`).toBeGreaterThan(0);
        for (const line of rest) expect(line, `${width}`).toMatch(/^ {12}\S/);
        expect(widest(fitText(row, width))).toBeLessThanOrEqual(width);
      }
    }
  });

  it('a date, a day with its time, and an amount with its unit are never broken apart', () => {
    // Seen at 40 columns: "Check-in saved for the week of Mon 7" / "Dec", "walk 7.5" / "min",
    // "Thu" / "7:30": read line by line, a day without its month and a number without its unit.
    const lines = [
      'Check-in saved for the week of Mon 7 Dec: pain 4, interference with enjoyment of life 4, with general activity 3.',
      'On a bad day, do less rather than nothing: sit-to-stand 4 reps, walk 7.5 min (half the quota).',
      'walk: Mon 7:30, Tue 7:30, Wed 7:30, Thu 7:30, Fri 7:30.',
      'Updated session 37: walk 30 min on Mon 7 Dec 2026, pain 3 -> 4.',
    ];
    const held = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ [A-Z][a-z]{2}(?: \d{4})?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+:\d\d|\d+(?:\.\d+)? (?:min|reps|steps|m)\b/g;
    for (const line of lines) {
      const values = line.match(held)!;
      for (let width = 20; width <= 80; width++) {
        const text = fitText(line, width);
        expect(words(text), `${width}`).toEqual(words(line));
        for (const value of values) expect(text.split('\n').some((l) => l.includes(value)), `${width}: ${value}\n${text}`).toBe(true);
      }
    }
  });

  it('one rep and one step, as formatAmount writes them, stay with their number too', () => {
    // "sit-to-stand 1" / "rep": the singular is an amount as much as "4 reps" is.
    const cases: [string, string][] = [
      ['On a bad day, do less rather than nothing: sit-to-stand 1 rep (half the quota).', '1 rep'],
      ['On a bad day, do less rather than nothing: stairs 1 step (half the quota).', '1 step'],
    ];
    for (const [line, value] of cases) {
      for (let width = 20; width <= 80; width++) {
        const text = fitText(line, width);
        expect(text.split('\n').some((l) => l.includes(value)), `${width}: ${value}\n${text}`).toBe(true);
      }
    }
  });

  it('a line indented past half the width still fits, its words whole', () => {
    const text = fitText(`${' '.repeat(30)}steady pacing today`, 12);
    expect(widest(text)).toBeLessThanOrEqual(12);
    expect(words(text)).toEqual(['steady', 'pacing', 'today']);
  });
});

describe('tables on a terminal', () => {
  const head = ['activity', 'per session', 'sessions', 'change', 'why'];
  const rows = [
    ['gentle stretching with the physio band', '8 min', '2x', 'hold', REASON],
    ['walk', '10 min', '3x', 'drop-back', 'flare on Wed 14 Oct: back to 10 min for one week'],
  ];

  it('Q8: the plan table fits 80 columns; its reasons are broken between words, its amounts never', () => {
    const text = table(makeStyle(false, 80), head, rows, ['left', 'right', 'right', 'left', 'left']);
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text).toMatch(/│ +8 min │/);
    expect(text).toMatch(/│ +10 min │/);
    for (const w of words(REASON.replace(/-/g, '- '))) expect(text.replace(/-/g, '- ')).toContain(w);
  });

  it('too narrow for a table (40 columns), each row is its values under their headings', () => {
    const text = table(makeStyle(false, 40), head, rows);
    expect(widest(text)).toBeLessThanOrEqual(40);
    expect(text).not.toMatch(/[┌│└]/);
    expect(text).toMatch(/^per session +8 min$/m);
    expect(text).toMatch(/^change +drop-back$/m);
  });

  it('under headings, the last row ends with a blank line, as a table with its border: a sentence after it is not read as its last value', () => {
    const text = table(makeStyle(false, 40), head, rows);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(`${text}\nThis week is not over yet.`.split('\n').at(-2)).toBe('');
  });

  it('a reason is never squeezed to a word or two a line: at 60 columns the plan is its values under their headings', () => {
    // Seen at 60 columns: the why column 11 wide, nine lines of two words for each activity.
    const plan = [
      ['stretching', '8 min', '1x', 'hold', 'envelope mode: staying at 8 min; the plan does not increase on its own'],
      ['walk', '10 min', '4x', 'drop-back', 'flare on Mon 14 Dec: staying at your baseline of 10 min for one week'],
    ];
    const text = table(makeStyle(false, 60), head, plan);
    expect(widest(text)).toBeLessThanOrEqual(60);
    expect(text).not.toMatch(/[┌│└]/);
    expect(text).toMatch(/^why +flare on Mon 14 Dec: staying at your baseline$/m);
    // Where a reason keeps room for sentences, the table stays (the decision's "about 70 columns").
    expect(table(makeStyle(false, 72), head, plan)).toMatch(/[┌│└]/);
  });

  it('a terminal that gives no size (0 columns) or next to none gets the table as a pipe does, as prose is', () => {
    for (const width of [0, 1, 9]) expect(table(makeStyle(false, width), head, rows), `${width}`).toBe(table(makeStyle(false), head, rows));
  });

  it('without a width (a pipe, a file) the table is drawn as it always was', () => {
    const text = table(makeStyle(false), head, rows);
    expect(text).toContain('│ gentle stretching with the physio band │');
  });
});

describe("the checklist's page (T4)", () => {
  const choice = (name: string) => ({ name, value: name });
  const groups = [
    { title: 'usual', choices: [choice('a'), choice('b\n   two lines')] },
    { title: 'warning', choices: [choice('c'), choice('d\n   two\n   three')] },
  ];
  // 2 titles + 1 + 2 + 1 + 3 lines.
  it('holds every line when the terminal has the rows, or gives none', () => {
    expect(pageFor('Did you notice any of these?', groups, undefined)).toBe(9);
    expect(pageFor('Did you notice any of these?', groups, 0)).toBe(9);
    expect(pageFor('Did you notice any of these?', groups, 40)).toBe(9);
  });

  it('on a shorter terminal, keeps the question and the key help on the screen, and never shows under 5 lines', () => {
    expect(pageFor('Did you notice\nany of these?', groups, 12)).toBe(8);
    expect(pageFor('Did you notice any of these?', groups, 4)).toBe(5);
  });
});

describe('M2: a rating and its day stay on one line', () => {
  // Seen at 40 columns: "1. climb the stairs to my flat: 3 (7" and "Dec), rated once so far".
  it.each([['3 (7 Dec)'], ['4 (29 Dec 2025)'], ['3 -> 7 (15 Feb)']])('%s is never parted', (rating) => {
    const text = `  1. climb the stairs to my flat: ${rating}, rated once so far`;
    for (const width of [30, 34, 36, 38, 40, 44]) {
      const out = fitText(text, width);
      expect(out.split('\n').some((l) => l.includes(rating)), `${width}: ${out}`).toBe(true);
    }
  });
});
