import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { csvLine, parseCsv } from '../../src/core/csv.js';
import { MAX_DOSE, parseActivityName, plainTextProblem } from '../../src/core/input.js';
import { SESSION_COLUMNS, markFromVerdict, parseSessionRecord, readSessionCsv, sessionCells, sessionColumnIndex } from '../../src/core/sessionCsv.js';
import { SYMPTOM_CODES } from '../../src/core/symptoms.js';
import { CATEGORIES, UNITS, type IsoDate, type Session } from '../../src/core/types.js';
import { InputError } from '../../src/core/errors.js';

const TODAY = '2026-11-21' as IsoDate;

function session(over: Partial<Session> = {}): Session {
  return {
    id: 1, date: '2026-11-20' as IsoDate, activity: 'walk', unit: 'min', category: 'aerobic', dose: 10,
    painBefore: 5, painAfter: 2, effort: null, flare: false, symptoms: [], note: null, ...over,
  };
}

/** Writes sessions the way `pace export` does and reads them back the way `pace import` does. */
function roundTrip(sessions: readonly Session[], includeNote: boolean) {
  const header = includeNote ? [...SESSION_COLUMNS, 'note'] : [...SESSION_COLUMNS];
  const text = csvLine(header) + sessions.map((s) => csvLine(sessionCells(s, null, includeNote))).join('');
  const [head, ...rows] = [...parseCsv(text)];
  const index = sessionColumnIndex(head!.fields);
  return rows.map((r, i) => parseSessionRecord(r.fields, index, i + 2, TODAY));
}

describe('E1: one row per session', () => {
  it('has the columns of cli.md, in order', () => {
    expect(SESSION_COLUMNS.join(',')).toBe(
      'date,activity,category,dose,unit,quota,pct_of_quota,pain_before,pain_after,pain_change,effort,flare,symptoms,triage',
    );
  });

  it('writes pain_change -3 as a plain number and missing values as empty cells', () => {
    const line = csvLine(sessionCells(session(), null, false));
    expect(line).toBe('2026-11-20,walk,aerobic,10,min,,,5,2,-3,,no,,\r\n');
  });

  it('gives the quota and percent of quota when the plan has one', () => {
    expect(sessionCells(session({ dose: 9 }), 12, false).slice(5, 7)).toEqual([12, 75]);
  });

  it('joins symptom codes with ; and names the highest triage class (T)', () => {
    const cells = sessionCells(session({ symptoms: ['muscle-fatigue', 'chest-pain'], flare: true }), null, false);
    expect(cells.slice(11)).toEqual(['yes', 'muscle-fatigue;chest-pain', 'stop']);
  });

  it('E3: leaves the private note out unless asked', () => {
    const s = session({ note: 'knee felt odd' });
    expect(sessionCells(s, null, false)).not.toContain('knee felt odd');
    expect(sessionCells(s, null, true).at(-1)).toBe('knee felt odd');
  });
});

describe('reading a session row back', () => {
  it('names the row and the column of a bad value', () => {
    const index = sessionColumnIndex([...SESSION_COLUMNS]);
    const fields = ['2026-11-20', 'walk', 'aerobic', '10', 'min', '', '', '5', '11', '', '', 'no', '', ''];
    expect(() => parseSessionRecord(fields, index, 7, TODAY)).toThrow(/row 7, column pain_after/);
  });

  it('refuses a note with a text-direction override, naming the row and column (issue 17 item 13)', () => {
    const index = sessionColumnIndex(['date', 'activity', 'dose', 'note']);
    expect(() => parseSessionRecord(['2026-11-20', 'walk', '10', 'fine \u202eenif'], index, 4, TODAY)).toThrow(/^row 4, column note: contains invisible or text-direction characters/);
  });

  it('refuses a header without a date, activity or dose column', () => {
    expect(() => sessionColumnIndex(['activity', 'dose'])).toThrow(InputError);
  });

  it('E2: names a weekly export for what it is, and the file import reads instead', () => {
    const weekly = ['week_start', 'program_week', 'phase', 'mode', 'activity', 'unit', 'quota', 'sessions_planned', 'sessions_done', 'total_dose'];
    const failure = (() => { try { sessionColumnIndex(weekly); } catch (e) { return e as InputError; } return null; })();
    expect(failure?.message).toBe('this is a weekly export (pace export --weekly): its rows are sums of weeks, not sessions, and cannot be imported.');
    expect(failure?.hint).toMatch(/pace export --out sessions\.csv/);
  });

  it('refuses a column named twice, rather than let the second win', () => {
    expect(() => sessionColumnIndex(['date', 'activity', 'dose', 'Dose '])).toThrow('the header has the column "dose" twice (columns 3 and 4).');
  });

  const row = (dose: string, unit = 'min') => {
    const index = sessionColumnIndex(['date', 'activity', 'dose', 'unit']);
    return () => parseSessionRecord(['2026-11-20', 'walk', dose, unit], index, 2, TODAY);
  };

  it.each(['0x10', '1e2', '1E1', 'Infinity', '+5', ' 0b11', '1_0', '٣'])('refuses the dose %j, as pace log --dose does', (dose) => {
    expect(row(dose)).toThrow(/^row 2, column dose: ".*" is not a positive number\.$/);
  });

  it('reads a dose with its unit written on it, when the unit column agrees', () => {
    expect(row('10min')().dose).toBe(10);
    expect(row('12reps', 'min')).toThrow('row 2, column dose: "12reps" is in reps, but the unit column says min.');
  });

  it('an empty unit cell is a new activity\'s dose suffix (12reps), as pace log takes it, and a known one\'s own unit', () => {
    // "12reps" with the unit left empty was refused: "is in reps, but the unit column says min", of a column left empty.
    const index = sessionColumnIndex(['date', 'activity', 'dose', 'unit']);
    const read = (activity: string, dose: string) => () => parseSessionRecord(['2026-11-20', activity, dose, ''], index, 2, TODAY, (a) => (a === 'walk' ? { name: 'walk', unit: 'min', category: 'aerobic' } : undefined));
    expect(read('squats', '12reps')()).toMatchObject({ unit: 'reps', dose: 12 });
    expect(read('walk', '800m')).toThrow('row 2, column dose: "800m" is in m, but walk is recorded in min.');
  });
});

const dates = fc.integer({ min: -20_000, max: 0 }).map((n) => addDays(TODAY, n));
const names = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.constantFrom('walk', '-stretch', '+bike', '@home yoga', "'quoted", 'a, "b"'))
  .filter((name) => {
    try {
      return parseActivityName(name) === name;
    } catch {
      return false;
    }
  });
const scale = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
// Any note a person can give: plain text with tabs and line breaks (issue 17 item 13).
const plain = (text: string) => [...text].filter((c) => plainTextProblem(c, '\t\n\r') === null).join('');
const note = fc.option(
  fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map(plain).filter((n) => n !== ''),
    fc.tuple(fc.constantFrom('=', '+', '-', '@', "'", '"', '\t', '\r', '\n', ','), fc.string({ unit: 'grapheme' })).map(([a, b]) => a + plain(b)),
  ),
  { nil: null },
);
const sessions: fc.Arbitrary<Session> = fc.record({
  id: fc.constant(1),
  date: dates,
  activity: names,
  unit: fc.constantFrom(...UNITS),
  category: fc.constantFrom(...CATEGORIES),
  dose: fc.integer({ min: 1, max: 14_400 }).map((n) => n / 10),
  painBefore: scale,
  painAfter: scale,
  effort: scale,
  flare: fc.boolean(),
  symptoms: fc.subarray([...SYMPTOM_CODES]),
  note,
})
  .map((s) => (s.unit === 'reps' || s.unit === 'steps' ? { ...s, dose: Math.ceil(s.dose) } : s)) // Q6: counted units are whole
  .map((s) => ({ ...s, dose: Math.min(s.dose, MAX_DOSE[s.unit]) })); // no more than one session can be

describe('E1, E3, E4: export then import', () => {
  // E1: the flare column is F1's verdict, so a hand mark that the pain or a symptom also explains
  // comes back as that explanation alone (markFromVerdict); every other field comes back as it was.
  it('E1: any session, with any note and symptoms, comes back unchanged but for an explained mark (notes included)', () => {
    fc.assert(
      fc.property(fc.array(sessions, { minLength: 1, maxLength: 4 }), (list) => {
        const back = roundTrip(list, true);
        expect(back).toEqual(list.map(({ id: _id, ...rest }) => markFromVerdict(rest)));
      }),
      { numRuns: 300 },
    );
  });

  it('without notes, everything but the note comes back', () => {
    fc.assert(
      fc.property(sessions, (s) => {
        const [back] = roundTrip([s], false);
        const { id: _id, ...rest } = s;
        expect(back).toEqual(markFromVerdict({ ...rest, note: null }));
      }),
    );
  });
});

describe('a session CSV that has been through a spreadsheet', () => {
  const HEAD = `${SESSION_COLUMNS.join(',')},note`;
  const read = (text: string) => readSessionCsv(text, TODAY).rows;
  const walk = '2026-11-10,walk,aerobic,10,min,,,3,4,1,5,no,,,x';

  it('skips rows of only commas, which Excel writes for emptied rows, and keeps spreadsheet row numbers', () => {
    const text = `${HEAD}\r\n${walk}\r\n,,,,,,,,,,,,,,\r\n,,,,,,,,,,,,,,\r\n2026-11-11,walk,aerobic,10,min,,,3,11,,,no,,,x\r\n`;
    expect(() => read(text)).toThrow(/^row 5, column pain_after/);
    expect(read(`${HEAD}\r\n${walk}\r\n,,,,,,,,,,,,,,\r\n,,,\r\n`)).toHaveLength(1);
  });

  it('reads a header a person retyped as words (Pain Before, pain-before) as the column it names, not as one to pass over', () => {
    const head = 'Date,Activity,Dose,Pain Before,pain-after, Effort ,Note';
    const [s] = read(`${head}\r\n2026-11-10,walk,10,3,4,5,x\r\n`);
    expect(s).toMatchObject({ dose: 10, painBefore: 3, painAfter: 4, effort: 5, note: 'x' });
    expect(() => read(`date,activity,dose,pain_before,Pain Before\r\n2026-11-10,walk,10,3,3\r\n`)).toThrow(/column "pain_before" twice/);
  });

  it('names the columns it does not read whose cells hold something (a comment column added in the spreadsheet)', () => {
    const csv = (head: string, row: string) => readSessionCsv(`${head}\r\n${row}\r\n`, TODAY);
    expect(csv(`${HEAD},Comment,mood,`, `${walk},asked the physio,,`).unread).toEqual([{ name: 'Comment', column: 16 }]);
    // A comment typed beside the table, in a column left without a header, is named by its place.
    expect(csv(`${HEAD},`, `${walk},asked the physio`).unread).toEqual([{ name: null, column: 16 }]);
    // pace's own derived columns are recomputed, not lost: they are never named.
    expect(csv(HEAD, walk.replace(',,,3', ',12,83,3')).unread).toEqual([]);
  });

  it('refuses a spreadsheet error value (#NAME?, Err:508) in a column it reads, naming the row and column, rather than take it for a note or an activity', () => {
    // Text typed in the spreadsheet as "+1 set" or "-- sore" is run as a formula, and saved as its error.
    expect(() => read(`${HEAD}\r\n${walk.replace(/,x$/, ',#NAME?')}\r\n`)).toThrow(/^row 2, column note: "#NAME\?" is an error the spreadsheet wrote for a formula it could not work out, not what was typed\.$/);
    expect(() => read(`${HEAD}\r\n${walk.replace(',walk,', ',Err:508,')}\r\n`)).toThrow(/^row 2, column activity: "Err:508" is an error/);
    // In a column import recomputes (pct_of_quota), it is passed over with the rest of that column.
    expect(read(`${HEAD}\r\n${walk.replace(',,,3', ',0,#DIV/0!,3')}\r\n`)).toHaveLength(1);
  });

  it("reads Excel's semicolon separator (European locales), with a decimal comma in the dose", () => {
    const semi = (line: string) => line.replaceAll(',', ';');
    const [s] = read(`\uFEFF${semi(HEAD)}\r\n2026-11-10;walk;aerobic;10,5;min;;;3;4;1;5;no;"dizziness;chest-pain";stop;a, b\r\n`);
    expect(s).toMatchObject({ date: '2026-11-10', dose: 10.5, painBefore: 3, symptoms: ['dizziness', 'chest-pain'], note: 'a, b' });
    expect(read(`${HEAD.replaceAll(',', '\t')}\n${walk.replaceAll(',', '\t')}\n`)[0]).toMatchObject({ dose: 10, note: 'x' });
  });

  it('reads a decimal comma in a dose, and refuses one that could be a thousands separator, naming the row', () => {
    const dose = (d: string, sep = ',') => () => read(`${HEAD.replaceAll(',', sep)}\r\n${['2026-11-10', 'walk', 'aerobic', d, 'm', '', '', '', '', '', '', 'no', '', '', ''].join(sep)}\r\n`)[0]!.dose;
    expect(dose('"10,5"')()).toBe(10.5);
    expect(dose('1.5')()).toBe(1.5);
    expect(dose('"1,500"')).toThrow(/^row 2, column dose: "1,500" could be 1500 or 1\.5\.$/);
    expect(dose('1.500', ';')).toThrow(/^row 2, column dose: "1\.500" could be 1500 or 1\.5\.$/);
    expect(dose('1,500', ';')).toThrow(/could be 1500 or 1\.5/);
    expect(dose('1,5', ';')()).toBe(1.5);
    // After a 0 three digits are decimals: nobody groups thousands as 0,125.
    // (Kept, as every dose, to one decimal.)
    expect(dose('0,125', ';')()).toBe(0.1);
  });

  it('refuses 1.500 in a comma-separated file too: pace writes one decimal (1.5), and a spreadsheet that quotes "10,5" may group 1500 as 1.500', () => {
    const row = (d: string) => `${HEAD}\r\n2026-11-10,walk,aerobic,${d},m,,,,,,,no,,,\r\n`;
    expect(() => read(row('1.500'))).toThrow(/^row 2, column dose: "1\.500" could be 1500 or 1\.5\.$/);
    expect(read(row('1.5'))[0]!.dose).toBe(1.5);
    expect(read(row('1500'))[0]!.dose).toBe(1500);
  });

  it('refuses an unquoted decimal comma in the dose of a row with a cell more than the header, rather than read 10,5 as 10 and move 5 into the next column', () => {
    const read2 = (head: string, row: string) => () => read(`${head}\r\n${row}\r\n`)[0];
    // A reduced header: the 5 would land in the note, or in pain_before, with the row's own last cell taken for padding.
    expect(read2('date,activity,dose,note', '2026-11-10,walk,10,5,')).toThrow(/^row 2: "10,5" could be the dose 10\.5 written with a decimal comma, or a dose of 10 then 5 \(the row has more cells than the header\)\.$/);
    expect(read2('date,activity,dose,pain_before', '2026-11-10,walk,10,5,')).toThrow(/could be the dose 10\.5/);
    // The same rows without the stray cell, and padding after a whole dose, still read.
    expect(read2('date,activity,dose,note', '2026-11-10,walk,10,5')()).toMatchObject({ dose: 10, note: '5' });
    expect(read2('date,activity,dose,note', '2026-11-10,walk,10,x,')()).toMatchObject({ dose: 10, note: 'x' });
    expect(read2('date,activity,dose,note', '2026-11-10,walk,"10,5",,')()).toMatchObject({ dose: 10.5, note: null });
    // A semicolon file cannot split a decimal comma.
    expect(read2('date;activity;dose;note', '2026-11-10;walk;10,5;;')()).toMatchObject({ dose: 10.5 });
  });

  const dated = (d: string) => () => read(`${HEAD}\r\n${d},walk,aerobic,10,min,,,,,,,no,,,\r\n`)[0]!.date;

  it.each(['2026-03-14 00:00:00', '2026-03-14T00:00:00', '2026-03-14 0:00', '"2026-03-14 00:00:00.000"'])('reads %s, a date a spreadsheet gave a time of day, as that day', (d) => {
    expect(dated(d)()).toBe('2026-03-14');
  });

  it.each(['2026-03-14 25:00', '2026-03-14 12:61', '2026-03-14 23:59:60'])('refuses %s, a time of day no clock shows, rather than read it as the 14th', (d) => {
    expect(dated(d)).toThrow(/^row 2, column date: /);
  });

  it.each([
    ['3/4/2026', /^row 2, column date: "3\/4\/2026" could be 2026-03-04 or 2026-04-03\.$/],
    ['03.04.2026', /^row 2, column date: "03\.04\.2026" could be 2026-03-04 or 2026-04-03\.$/],
    ['3/14/2026', /^row 2, column date: "3\/14\/2026" is not written YYYY-MM-DD: write 2026-03-14\.$/],
    ['14/03/2026', /^row 2, column date: "14\/03\/2026" is not written YYYY-MM-DD: write 2026-03-14\.$/],
    ['14.03.2026', /is not written YYYY-MM-DD: write 2026-03-14\.$/],
    ['3/14/26', /^row 2, column date: "3\/14\/26" is not written YYYY-MM-DD\.$/],
    ['2026-3-4', /^row 2, column date: "2026-3-4" is not written YYYY-MM-DD: write 2026-03-04\.$/],
    // Year first with slashes or dots (the short date of Japanese, Chinese or Korean Excel) has one reading: it was "not a real date".
    ['2026/03/14', /^row 2, column date: "2026\/03\/14" is not written YYYY-MM-DD: write 2026-03-14\.$/],
    ['2026.3.4', /^row 2, column date: "2026\.3\.4" is not written YYYY-MM-DD: write 2026-03-04\.$/],
    ['2026/02/30', /^row 2, column date: "2026\/02\/30" is not a real date\./],
    ['2026-2-30', /^row 2, column date: "2026-2-30" is not a real date\./],
    ['2026-03-14T00:00:00Z', /^row 2, column date: "2026-03-14T00:00:00Z" is not a real date\./],
    // `log --date` takes today and yesterday; a file has no today of its own, so it keeps exact dates.
    ['yesterday', /^row 2, column date: "yesterday" is not a real date\./],
  ])('never guesses the day of %s: refused, naming the row and the form pace wants', (d, message) => {
    expect(dated(d)).toThrow(message);
    try {
      dated(d)();
    } catch (e) {
      expect((e as InputError).hint ?? '').toMatch(/YYYY-MM-DD/);
    }
  });

  it.each([
    ['caf\u00c3\u00a9', 'note', '\u00c3\u00a9', '\u00e9'],
    ['knee \u00e2\u20ac\u201c better', 'note', '\u00e2\u20ac\u201c', '\u2013'],
  ])('refuses %j, UTF-8 a spreadsheet read as Windows-1252 and saved again (mojibake), naming the row', (text, column, bad, good) => {
    expect(() => read(`${HEAD}\r\n${walk}\r\n2026-11-11,walk,aerobic,10,min,,,,,,,no,,,${text}\r\n`)).toThrow(
      `row 3, column ${column}: "${bad}" looks like UTF-8 read as Windows-1252 (it would be "${good}").`,
    );
  });

  it('keeps text in any language that was not misread', () => {
    for (const note of ['caf\u00e9 \u00bb\u00ab', '\u00c0 la plage', 'M\u00fcller \u00c3', '\u6b69\u304f', '\u00a9 \u00c2']) {
      expect(read(`${HEAD}\r\n2026-11-11,walk,aerobic,10,min,,,,,,,no,,,${note}\r\n`)[0]!.note).toBe(note);
    }
  });

  it('keeps a note whose letters only happen to pair like mojibake (\u201eFu\u00df\u201c, \u00ab\u00c9T\u00c9\u00bb), as pace exported it', () => {
    for (const note of ['\u201eFu\u00df\u201c tut weh', '\u00ab\u00c9T\u00c9\u00bb', 'Fu\u00df\u201c, caf\u00e9']) {
      const exported = `${HEAD}\r\n${csvLine(sessionCells(session({ note }), null, true))}`;
      expect(read(exported)[0]!.note).toBe(note);
    }
  });

  it.each([['TRUE', true], ['FALSE', false], ['1', true], ['0', false], ['Y', true], ['n', false]])('reads a flare written %s, as a spreadsheet may, as yes or no', (cell, flare) => {
    expect(read(`${HEAD}\r\n2026-11-11,walk,aerobic,10,min,,,,,,,${cell},,,\r\n`)[0]!.flare).toBe(flare);
  });

  it('refuses a flare written in words of another language (WAHR), naming the row and the words pace reads', () => {
    expect(() => read(`${HEAD}\r\n2026-11-11,walk,aerobic,10,min,,,,,,,WAHR,,,\r\n`)).toThrow(/^row 2, column flare: "wahr" should be yes or no\.$/);
  });
});
