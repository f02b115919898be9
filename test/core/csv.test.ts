import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv, protectText, unprotectText, type Cell } from '../../src/core/csv.js';
import { InputError } from '../../src/core/errors.js';

const records = (text: string) => [...parseCsv(text)].map((r) => r.fields);

describe('RFC 4180 writing', () => {
  it('ends every record with CRLF', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain'])).toBe('"a,b","say ""hi""","two\nlines","cr\rhere",plain\r\n');
  });

  it('writes a missing value as an empty cell, never 0 (E1)', () => {
    expect(csvLine(['walk', null, 0, null])).toBe('walk,,0,\r\n');
  });
});

describe('E4: formula protection', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=1,2', `"'=1,2"`],
  ])('text %j is written as %j', (text, cell) => {
    expect(csvLine([text])).toBe(`${cell}\r\n`);
  });

  it('leaves ordinary text alone', () => {
    expect(csvLine(['walk', 'a=b', 'x-1'])).toBe('walk,a=b,x-1\r\n');
  });

  it('writes numbers as numbers, without a quote, even when negative (pain_change -3)', () => {
    expect(csvLine([-3, 0, 12.5, -0.5])).toBe('-3,0,12.5,-0.5\r\n');
  });

  it("gives text that already starts with ' one more, so reading strips exactly one", () => {
    expect(protectText("'quoted")).toBe("''quoted");
    expect(unprotectText(protectText("'quoted"))).toBe("'quoted");
  });
});

describe('text a spreadsheet would read as a value', () => {
  // Seen in LibreOffice Calc (en-US, default CSV options): a note "007" came back 7, "1/2" as
  // 01/02/26, "12.50" as 12.5, "1e3" as 1.00E+03, "50%" as 50.00%, "Dec 3" as 12/03/26, "$5" as $5.00.
  it.each(['007', '1/2', '8/10', '12.50', '1,500', '1e3', '50%', '$5', '\u20ac5', 'Dec 3', '3 dec 2026', '2026-3-1', '14.03.2026', '10:30', '1 1/2', 'true', 'FALSE', '(5)', '#N/A', 'Err:502'])(
    'text %j gets a quote, so that it comes back as text', (text) => {
      expect(protectText(text)).toBe(`'${text}`);
      expect(unprotectText(protectText(text))).toBe(text);
    });

  it.each(['walk', '5k run', '3 sets, knee ok', '8/10 knee', 'May', '2026-11-01', 'decided to rest', 'yes', 'pain-worsening;muscle-fatigue'])('leaves %j alone', (text) => {
    expect(protectText(text)).toBe(text);
  });
});

describe('RFC 4180 reading', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes', () => {
    expect(records('a,"b,c","say ""hi""","x\r\ny"\r\nnext,row\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\r\ny'],
      ['next', 'row'],
    ]);
  });

  it('accepts LF line ends, a byte-order mark and a missing final line end', () => {
    expect(records('\uFEFFa,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps empty cells', () => {
    expect(records(',,x,\r\n')).toEqual([['', '', 'x', '']]);
  });

  it('refuses a quoted field that is never closed, naming the line', () => {
    expect(() => records('a,b\r\nc,"open\r\n')).toThrow(InputError);
    expect(() => records('a,b\r\nc,"open\r\n')).toThrow(/line 2/);
  });

  it('refuses text after a closing quote', () => {
    expect(() => records('"a"b,c\r\n')).toThrow(InputError);
  });
});

/** Text that spreadsheets or CSV treat specially, at the start of arbitrary text. */
const awkward = fc
  .tuple(fc.constantFrom('', '=', '+', '-', '@', "'", '"', ',', '\n', '\r', '\r\n', '\t', "''", '""', ' '), fc.string({ unit: 'binary' }))
  .map(([head, tail]) => head + tail);
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), awkward);

describe('E4 round trip', () => {
  it('any text survives csvLine -> parseCsv -> unprotectText unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, anyText, anyText), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => csvLine(r)).join('');
        const back = records(text).map((fields) => fields.map(unprotectText));
        expect(back).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('numbers and empty cells come back as their text, unquoted', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constant(null)), { minLength: 2, maxLength: 6 }), (cells: Cell[]) => {
        const [fields] = records(csvLine(cells));
        expect(fields).toEqual(cells.map((c) => (c === null ? '' : String(c))));
      }),
    );
  });

  it('no written text cell ever starts with a formula character (E4)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const [fields] = records(csvLine([text, 'x']));
        expect(fields![0]).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500 },
    );
  });
});
