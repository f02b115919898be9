import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import {
  EFFORT_HINT, MAX_DOSE, MAX_MINUTES, checkDose, futureInFile, parseDate, parseDayFlag, parseActivityName, parseCategory, parseDose, parseNote, parseScale, parseSessionDate, parseSymptoms, parseUnit, plainTextProblem, storedDoseProblem, noteTextRefused, checkNoteText,
} from '../../src/core/input.js';
import { SYMPTOM_CODES } from '../../src/core/symptoms.js';
import { UNITS, type IsoDate } from '../../src/core/types.js';

const TODAY = '2026-11-21' as IsoDate;

/** The InputError a parser throws; fails the test when it accepts the value instead. */
function refusal(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('the value was accepted');
}

describe('pain and effort (0-10 scale)', () => {
  it.each(['0', '5', '10', ' 7 '])('accepts %j', (text) => {
    expect(parseScale(text, '--pain-before')).toBe(Number(text));
  });

  it.each(['11', '-1', '3.5', 'five', '', '100'])('refuses %j and names the flag', (text) => {
    expect(refusal(() => parseScale(text, '--pain-before')).message).toContain('--pain-before');
  });

  it("a refusal gives its own scale's anchors: pain's for pain, effort's for effort (flag, column or field)", () => {
    expect(refusal(() => parseScale('11', '--pain-after')).hint).toMatch(/worst you can imagine/);
    for (const flag of ['--effort', 'effort', 'sessions[2].effort']) expect(refusal(() => parseScale('11', flag)).hint).toBe(EFFORT_HINT);
  });
});

describe('dates', () => {
  it('a date before 1900 is refused as such, not as "not a real date"', () => {
    expect(refusal(() => parseDate('1899-12-31', '--date')).message).toBe('--date "1899-12-31" is before 1900.');
    expect(refusal(() => parseDate('2026-02-30', '--date')).message).toBe('--date "2026-02-30" is not a real date.');
    expect(parseDate('1900-01-01', '--date')).toBe('1900-01-01');
  });

  it.each([
    ['11/20/2026', '--date "11/20/2026" is not written YYYY-MM-DD: write 2026-11-20.'],
    ['20/11/2026', '--date "20/11/2026" is not written YYYY-MM-DD: write 2026-11-20.'],
    ['20.11.2026', '--date "20.11.2026" is not written YYYY-MM-DD: write 2026-11-20.'],
    ['2026-11-2', '--date "2026-11-2" is not written YYYY-MM-DD: write 2026-11-02.'],
    // Either part could be the month: both readings, no guess.
    ['3/4/2026', '--date "3/4/2026" could be 2026-03-04 or 2026-04-03.'],
    ['3/4/26', '--date "3/4/26" is not written YYYY-MM-DD.'],
  ])('a date in a local form, %j, is refused as the CSV import refuses it, naming the ISO date when only one is meant', (text, message) => {
    const e = refusal(() => parseDate(text, '--date'));
    expect(e.message).toBe(message);
    expect(e.hint).toMatch(/YYYY-MM-DD/);
    expect(refusal(() => parseSessionDate(text, TODAY)).message).toBe(message);
  });
});

describe('dose', () => {
  it.each([
    ['10', 10, null],
    ['2.5', 2.5, null],
    ['10min', 10, 'min'],
    ['12reps', 12, 'reps'],
    ['800m', 800, 'm'],
    ['5000steps', 5000, 'steps'],
    ['10 MIN', 10, 'min'],
  ])('reads %j as %d %s', (text, amount, unit) => {
    expect(parseDose(text)).toEqual({ amount, unit });
  });

  it.each(['0', '-5', 'ten', '', '0min', '1e3'])('refuses %j as not a positive number', (text) => {
    expect(refusal(() => parseDose(text)).message).toContain('--dose');
  });

  it.each([
    ['12,5', 12.5, null],
    ['12,5min', 12.5, 'min'],
    [' 0,5 ', 0.5, null],
    ['0,125', 0.125, null],
    ['0.125min', 0.125, 'min'],
  ])('reads a decimal comma, as most of Europe writes it: %j is %d %s', (text, amount, unit) => {
    expect(parseDose(text)).toEqual({ amount, unit });
  });

  it.each(['1,500', '1.500', '2,000steps'])('refuses %j, a mark before three digits that may group thousands, naming both readings', (text) => {
    const e = refusal(() => parseDose(text));
    expect(e.message).toMatch(/^--dose "[^"]+" could be \d+ or [\d.]+\.$/);
    expect(e.hint).toMatch(/1500 or 1\.5/);
  });

  it('refuses an unknown unit suffix and lists the units it knows', () => {
    const e = refusal(() => parseDose('10furlongs'));
    expect(e.hint).toContain('min, reps, m, steps');
  });

  it('an unknown unit is named with the dose it came in (30mins, not a dose of "mins")', () => {
    expect(refusal(() => parseDose('30mins')).message).toBe('--dose "30mins": "mins" is not a unit pace knows.');
  });

  it('accepts a session of exactly a day (1440 minutes)', () => {
    expect(checkDose(MAX_MINUTES, 'min')).toBe(1440);
  });

  it('refuses a session longer than a day', () => {
    const e = refusal(() => checkDose(1441, 'min'));
    expect(e.message).toContain('longer than a day');
    expect(e.hint).toContain('1440');
  });

  it('lets other units go past 1440 (1441 steps is not a duration)', () => {
    expect(checkDose(1441, 'steps')).toBe(1441);
    expect(checkDose(1441, 'm')).toBe(1441);
  });

  it('refuses a dose in reps, metres or steps that no session could hold (a slip of an extra zero)', () => {
    const reps = refusal(() => checkDose(2000, 'reps'));
    expect(reps.message).toBe('--dose 2000 reps is too many for one session.');
    expect(reps.hint).toBe('A session can be at most 1000 reps: check the number for an extra digit.');
    expect(refusal(() => checkDose(100_001, 'steps', 'dose')).message).toBe('dose 100001 steps is too many for one session.');
    const metres = refusal(() => checkDose(250_000, 'm', '--set'));
    expect(metres.message).toBe('--set 250000 m is too far for one session.');
    expect(metres.hint).toBe('A session can be at most 100000 m (100 km): check the number for an extra digit.');
  });

  it('export names a stored dose exactly when import would refuse it (storedDoseProblem against checkDose)', () => {
    const accepted = (amount: number, u: (typeof UNITS)[number]) => {
      try {
        checkDose(amount, u);
        return true;
      } catch {
        return false;
      }
    };
    // Any positive dose a journal can hold (its CHECK asks only dose > 0): whole, one decimal, or not.
    const dose = fc.oneof(fc.integer({ min: 1, max: 200_000 }), fc.double({ min: Number.MIN_VALUE, max: 200_000, noNaN: true }), fc.integer({ min: 1, max: 20_000 }).map((n) => n / 10));
    fc.assert(fc.property(fc.constantFrom(...UNITS), dose, (u, amount) => (storedDoseProblem(amount, u) === null) === accepted(amount, u)));
    expect([storedDoseProblem(2000, 'reps'), storedDoseProblem(9.5, 'reps'), storedDoseProblem(0.01, 'min'), storedDoseProblem(Infinity, 'm'), storedDoseProblem(9.5, 'min')]).toEqual([
      'more than one session can be', 'not a whole number', 'less than pace can record', 'more than one session can be', null,
    ]);
  });

  it('export names a stored note exactly when import would refuse it (noteTextRefused against checkNoteText)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', '\t', '\n', '\r', '\u0007', '\u202e', '\u200b', '\u00e9'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
    fc.assert(
      fc.property(text, (note) => {
        let refused = false;
        try {
          checkNoteText(note, 'note');
        } catch {
          refused = true;
        }
        return noteTextRefused(note) === refused;
      }),
    );
  });

  it('a bound is the most a session can be: that much is kept', () => {
    expect(checkDose(1000, 'reps')).toBe(1000);
    expect(checkDose(100_000, 'm')).toBe(100_000);
    expect(checkDose(100_000, 'steps')).toBe(100_000);
    expect(MAX_DOSE.min).toBe(MAX_MINUTES);
  });

  it('every unit has a bound: a dose up to it is kept as it is, one past it is refused naming it', () => {
    const unit = fc.constantFrom(...UNITS);
    fc.assert(
      fc.property(unit, fc.integer({ min: 1, max: 100_000 }), (u, n) => {
        const amount = Math.min(n, MAX_DOSE[u]);
        expect(checkDose(amount, u)).toBe(amount);
      }),
    );
    fc.assert(
      fc.property(unit, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (u, n, tenth) => {
        const amount = MAX_DOSE[u] + (tenth && u !== 'reps' && u !== 'steps' ? 0.1 : n);
        const e = refusal(() => checkDose(amount, u));
        expect(e.message).toMatch(new RegExp(`^--dose ${amount} ${u} is `));
        expect(e.hint).toContain(`at most ${MAX_DOSE[u]} `);
      }),
    );
  });

  it('Q6: reps and steps are whole numbers: 9.5 reps is refused', () => {
    const e = refusal(() => checkDose(9.5, 'reps'));
    expect(e.message).toBe('--dose 9.5 reps: reps are counted in whole numbers.');
    expect(e.hint).toBe('For example 9 or 10 reps.');
    expect(() => checkDose(2000.5, 'steps', '--set')).toThrow(/--set 2000.5 steps/);
    expect(checkDose(12, 'reps')).toBe(12);
    expect(checkDose(9.5, 'min')).toBe(9.5);
  });

  it('keeps one decimal place', () => {
    expect(checkDose(10.04, 'min')).toBe(10);
    expect(checkDose(2.25, 'min')).toBeCloseTo(2.3);
  });

  it('never turns a positive dose into 0 (0.04 min is refused, or kept above 0)', () => {
    let stored: number | null = null;
    try {
      stored = checkDose(parseDose('0.04').amount, 'min');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return;
    }
    expect(stored).toBeGreaterThan(0);
  });
});

describe('session date', () => {
  it('accepts today and earlier days', () => {
    expect(parseSessionDate('2026-11-21', TODAY)).toBe('2026-11-21');
    expect(parseSessionDate('2028-02-29', '2028-03-01' as IsoDate)).toBe('2028-02-29');
  });

  it.each([['today', '2026-11-21'], ['yesterday', '2026-11-20'], ['Yesterday', '2026-11-20'], [' TODAY ', '2026-11-21']])(
    'takes %j as the day it names, counted from today',
    (text, date) => {
      expect(parseSessionDate(text, TODAY)).toBe(date);
    },
  );

  it('yesterday crosses a month and a leap day', () => {
    expect(parseSessionDate('yesterday', '2028-03-01' as IsoDate)).toBe('2028-02-29');
    expect(parseSessionDate('yesterday', '2027-01-01' as IsoDate)).toBe('2026-12-31');
  });

  it('the other day flags (--from, --to, --week, --start) take the words too, and a day ahead; imported files keep exact dates', () => {
    expect(parseDayFlag('Yesterday', '--from', TODAY)).toBe('2026-11-20');
    expect(parseDayFlag('today', '--week', TODAY)).toBe(TODAY);
    expect(parseDayFlag('2026-12-25', '--week', TODAY)).toBe('2026-12-25');
    expect(refusal(() => parseDayFlag('tomorrow', '--to', TODAY)).message).toBe('--to "tomorrow" is not a real date.');
    expect(refusal(() => parseDayFlag('tomorrow', '--to', TODAY)).hint).toContain('today or yesterday');
    expect(refusal(() => parseDate('yesterday', 'date')).message).toBe('date "yesterday" is not a real date.');
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '21/11/2026', 'tomorrow', 'yesterday2', ''])(
    'refuses %j as not a real date',
    (text) => {
      const e = refusal(() => parseSessionDate(text, TODAY));
      expect(e.message).toContain('--date');
      expect(e.hint).toContain('YYYY-MM-DD');
    },
  );

  it('a refusal names the words it takes too', () => {
    expect(refusal(() => parseSessionDate('tomorrow', TODAY)).hint).toBe('Write it as YYYY-MM-DD (for example 2026-03-14), today or yesterday.');
  });

  it('refuses a date in the future', () => {
    expect(refusal(() => parseSessionDate('2026-11-22', TODAY)).message).toBe('--date 2026-11-22 is in the future (today is Sat 21 Nov 2026).');
  });
});

describe('E1: a record in an imported file dated after today', () => {
  it('a day or two ahead, as another time zone can be: today here, and that it imports from its day', () => {
    for (const date of ['2026-11-22', '2026-11-23'] as IsoDate[]) {
      const e = futureInFile('row 2, column date', date, TODAY);
      expect(e.message).toBe(`row 2, column date: ${date} is in the future.`);
      expect(e.hint).toMatch(/^Today here is Sat 21 Nov 2026\. A file made where the date is already later \(another time zone\) imports from that day on/);
    }
  });

  it('further ahead no time zone explains it: no promise that it imports from that day, the dates to check', () => {
    // A session typed as 2062 for 2026 would otherwise be "imported from that day on".
    const e = futureInFile('row 2, column date', '2062-11-21' as IsoDate, TODAY);
    expect(e.message).toBe('row 2, column date: 2062-11-21 is in the future.');
    expect(e.hint).toBe("Today here is Sat 21 Nov 2026: check that date in the file, and the computer's date.");
  });
});

describe('names and codes', () => {
  it('trims activity names and ignores case', () => {
    expect(parseActivityName('  Brisk   Walk ')).toBe('brisk walk');
  });

  it('keeps activity names in NFC: a combining accent and a precomposed one are one name', () => {
    const composed = 'v\u00e9lo';
    expect(parseActivityName('ve\u0301lo')).toBe(composed);
    expect(parseActivityName('VE\u0301LO')).toBe(composed);
  });

  it.each(['', '   ', 'x'.repeat(41), '=HYPERLINK("x")', 'walk\u0007'])('refuses the activity name %j', (name) => {
    expect(refusal(() => parseActivityName(name)).message).toContain('--activity');
  });

  it.each(['walk\u007f', 'walk\u0085', 'walk\u009f'])('refuses control characters past ASCII too (Unicode Cc), as in %j', (name) => {
    expect(refusal(() => parseActivityName(name)).message).toContain('--activity');
  });

  it('keeps a no-break space, which is not a control character (whitespace folds to a space)', () => {
    expect(parseActivityName('café\u00a0walk')).toBe('café walk');
  });

  it('refuses an unknown unit and lists the valid ones', () => {
    const e = refusal(() => parseUnit('furlong'));
    expect(e.message).toContain('--unit');
    expect(e.hint).toBe('Use one of: min, reps, m, steps.');
  });

  it('refuses an unknown category and lists the valid ones', () => {
    const e = refusal(() => parseCategory('cardio'));
    expect(e.message).toContain('--category');
    expect(e.hint).toBe('Use one of: aerobic, mobility, strength, mind-body, other.');
  });

  it('refuses an unknown symptom code and lists every code of table T', () => {
    const e = refusal(() => parseSymptoms(['chest-pain', 'sore-toe']));
    expect(e.message).toContain('sore-toe');
    for (const code of SYMPTOM_CODES) expect(e.hint).toContain(code);
    expect(SYMPTOM_CODES).toHaveLength(15);
  });

  it('reads repeated and ;-joined symptom codes, once each, in order', () => {
    expect(parseSymptoms(['Chest-Pain;dizziness', 'chest-pain', ';'], 'symptoms', true)).toEqual(['chest-pain', 'dizziness']);
  });

  it.each(['', ' ', ';', ' , '])('refuses the empty flag --symptom %j: it is not "nothing on the list"', (raw) => {
    const e = refusal(() => parseSymptoms(['chest-pain', raw]));
    expect(e.message).toBe('--symptom is empty.');
    expect(e.hint).toContain('leave out --symptom');
  });

  it('reads an empty CSV cell as no symptoms', () => {
    expect(parseSymptoms([''], 'symptoms', true)).toEqual([]);
  });

  it.each(['walk\u202egnp', 'wa\u200blk', 'walk\u2066x', '\u00adwalk', 'walk\u{e0041}', 'walk\u3164', 'walk\ud800'])(
    'refuses the invisible or text-direction characters in %j, and never prints them back',
    (name) => {
      const e = refusal(() => parseActivityName(name));
      expect(e.message).toContain('invisible or text-direction characters');
      expect(e.message).not.toMatch(/\p{Cf}/u);
    },
  );

  it('refuses every format character (Unicode Cf) this Node knows', () => {
    const accepted: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      const ch = String.fromCodePoint(c);
      if (!/\p{Cf}/u.test(ch)) continue;
      try {
        parseActivityName(`wa${ch}lk`);
        accepted.push(c.toString(16));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
    }
    expect(accepted).toEqual([]);
  });

  it('keeps letters of other scripts and emoji', () => {
    expect(parseActivityName('Tai Chi 太极')).toBe('tai chi 太极');
    expect(parseActivityName('swim 🏊')).toBe('swim 🏊');
  });
});

describe('private note', () => {
  it('is trimmed, keeps its lines with \\n endings, and a blank note is no note', () => {
    expect(parseNote('  knee ok\r\nback stiff \r')).toBe('knee ok\nback stiff');
    expect(parseNote('   ')).toBeNull();
  });

  it('refuses a note longer than 2000 characters', () => {
    expect(parseNote('x'.repeat(2000))).toHaveLength(2000);
    expect(refusal(() => parseNote('x'.repeat(2001))).message).toContain('--note');
  });

  // Issue 17 item 13: a note is shown by list and written by export, so it is plain text too.
  it.each(['knee \u202eok', 'wa\u200blk', 'back \u001b[2J stiff', 'bom\ufeff'])('refuses %j, naming --note, without printing it back', (raw) => {
    const e = refusal(() => parseNote(raw));
    expect(e.message).toMatch(/^--note contains (invisible or text-direction|control) characters/);
    expect(e.message).not.toMatch(/[\u0000-\u001f\p{Cf}]/u);
  });

  it('keeps tabs and line breaks in a note, which a name or goal folds into spaces', () => {
    expect(parseNote('knee\tok\nback stiff')).toBe('knee\tok\nback stiff');
  });
});

describe('plain text (one check for names, goals and notes)', () => {
  it('names what is wrong: invisible and text-direction characters before control ones', () => {
    expect(plainTextProblem('walk')).toBeNull();
    expect(plainTextProblem('swim 🏊 太极')).toBeNull();
    expect(plainTextProblem('a\u202eb')).toBe('invisible');
    expect(plainTextProblem('a\u0007b')).toBe('control');
    expect(plainTextProblem('a\u200b\tb', '\t')).toBe('invisible');
    expect(plainTextProblem('a\tb\nc')).toBe('control');
    expect(plainTextProblem('a\tb\nc', '\t\n')).toBeNull();
  });
});
