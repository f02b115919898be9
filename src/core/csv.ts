import { InputError } from './errors.js';

// RFC 4180 CSV, written for spreadsheets and read back by `pace import` (rules E1, E4).

export type Cell = string | number | null;

/** E4: text a spreadsheet might run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** What Excel, LibreOffice Calc and Google Sheets write in a cell whose formula failed. */
const FORMULA_ERROR = /^(?:#(?:NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!|ERROR!|SPILL!|CALC!)|Err:\d{3})$/i;

/**
 * Whether a cell as read from the file (before its E4 quote is taken off) is a spreadsheet's
 * error value: text typed as "+1 set" or "-- sore" is run as a formula and saved as `#NAME?`.
 */
export const isFormulaError = (cell: string): boolean => FORMULA_ERROR.test(cell.trim());

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/**
 * Whole cells a spreadsheet opening the CSV reads as a number, a date, a time or a truth value,
 * and writes back in its own form: a note "007" came back from LibreOffice as 7, "1/2" as
 * 01/02/26, "12.50" as 12.5, "50%" as 50.00%, "Dec 3" as a date. Currency signs are \u escapes.
 */
const SPREADSHEET_VALUE = [
  /^\(?[$\u20ac\u00a3\u00a5]?\s*[\d.,]*\d[\d.,]*\s*%?\)?$/,
  /^\d+(?:\.\d+)?e[-+]?\d+$/i,
  /^\d{1,4}([/.-])\d{1,2}(?:\1\d{1,4})?\.?$/,
  /^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$/i,
  /^\d+\s+\d+\/\d+$/,
  new RegExp(`^(?:\\d{1,2}\\.?[\\s-]+${MONTH}(?:[\\s-]+\\d{2,4})?|${MONTH}[\\s-]+\\d{1,2}(?:,?[\\s-]+\\d{2,4})?)$`, 'i'),
  /^(?:true|false)$/i,
];
const MAY_BE_VALUE = /\d|^\s*(?:true|false)\s*$/i;

/** Whether a spreadsheet would take the whole of `text` for a value above and write it back changed. */
function readAsValue(text: string): boolean {
  // pace's own dates (the date column, week_start) are ISO text meant to open as dates; a note that
  // is one alone opens as a date too, and LibreOffice writes it back as it was. Every value above
  // holds a digit but TRUE and FALSE: one test passes over the names and codes of every row, which
  // the seven would otherwise try in turn (an export of 100,000 sessions took a fifth longer).
  return MAY_BE_VALUE.test(text) && !ISO_DATE.test(text) && SPREADSHEET_VALUE.some((re) => re.test(text.trim()));
}

/**
 * E4: a text cell that a spreadsheet could run as a formula gets a leading single quote. So does
 * text it would take for a number or a date (above), which it would otherwise write back changed.
 * Text that already starts with a quote gets one too, so that reading strips exactly one
 * quote and every text survives export then import unchanged.
 */
export function protectText(text: string): string {
  return readAsValue(text) || FORMULA_START.test(text) || text.startsWith("'") || isFormulaError(text) ? `'${text}` : text;
}

export function unprotectText(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Numbers are written as numbers; empty means "not recorded" (E1), text is protected (E4). */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells
    .map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : quote(protectText(c))))
    .join(',')}\r\n`;
}

/**
 * The longest record `parseCsv` reads, in characters: a session row with a note of 2,000
 * characters, every one a doubled quote, needs less than half of it. A longer one (a quote
 * never closed, a file that is not CSV) is refused at once rather than held in memory.
 */
export const MAX_RECORD_CHARS = 16_384;

const tooLong = (line: number) =>
  new InputError(`line ${line} is longer than ${MAX_RECORD_CHARS} characters, more than any session row needs.`, 'Check the quotes, and that the file is a CSV written by a spreadsheet or by pace export.');

/** What separates cells: RFC 4180's comma, or what a spreadsheet writes instead. */
export type Separator = ',' | ';' | '\t';

/**
 * The separator, read from the header line. Excel writes the locale's list separator, a semicolon
 * where the decimal mark is a comma (most of Europe), and a tab for "Text (Tab delimited)". A
 * header always has several columns, so a line with no comma holds one of the others.
 */
export function detectSeparator(text: string): Separator {
  const end = text.search(/[\r\n]/);
  const head = end < 0 ? text : text.slice(0, end);
  if (head.includes(',')) return ',';
  if (head.includes(';')) return ';';
  return head.includes('\t') ? '\t' : ',';
}

/**
 * Splits CSV text into records of raw fields (quotes removed, text not yet unprotected).
 * Accepts CRLF or LF line ends and a leading byte-order mark; a blank line is skipped.
 */
export function* parseCsv(text: string, sep: Separator = ','): Generator<{ line: number; fields: string[] }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    const recordStart = i;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new InputError(`line ${startLine}: a quoted field is never closed.`, 'Check the file is a CSV written by a spreadsheet or by pace export.');
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
          if (i - recordStart > MAX_RECORD_CHARS) throw tooLong(startLine);
        }
        if (i < n && text[i] !== sep && text[i] !== '\r' && text[i] !== '\n') {
          throw new InputError(`line ${startLine}: unexpected text after a closing quote.`, 'Quotes inside a field must be doubled ("").');
        }
      } else {
        const start = i;
        while (i < n && text[i] !== sep && text[i] !== '\r' && text[i] !== '\n') i++;
        field = text.slice(start, i);
        if (i - recordStart > MAX_RECORD_CHARS) throw tooLong(startLine);
      }
      fields.push(field);
      if (i < n && text[i] === sep) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line: startLine, fields };
  }
}
