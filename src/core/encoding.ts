import { InputError } from './errors.js';

// What `pace import` accepts as text: UTF-8, with or without a byte-order mark. A file in another
// encoding is refused by name rather than read with replacement characters, which would turn
// "café" into "caf\uFFFD" or a UTF-16 header into something that has "no date column".

/** The most `pace import` reads; far more than any journal's export (about 200 bytes a session). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_LABEL = '64 MiB';

const HINT = 'Save it as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again.';

/**
 * Refuses what is plainly not UTF-8 text from its first bytes alone, so that an endless input of
 * zeros stops at its first chunk: a byte-order mark of UTF-16 or UTF-32, or NUL bytes.
 */
export function checkTextStart(head: Uint8Array, name: string): void {
  if (startsAsSqlite(head)) {
    // A copy made by pace backup is a journal: it is read with --db, and its JSON backup imported.
    const json = `${name.replace(/(.)\.[^./]*$/, '$1')}.json`;
    throw new InputError(`${name} is a SQLite database (perhaps a copy made by pace backup), not an export.`,
      `To bring a backup in: pace --db ${name} export --format json --include-notes --out ${json}, then pace import ${json}`);
  }
  const b = (i: number) => head[i] ?? -1;
  let encoding: string | null = null;
  if (b(0) === 0xff && b(1) === 0xfe) encoding = b(2) === 0 && b(3) === 0 ? 'UTF-32 (little-endian)' : 'UTF-16 (little-endian)';
  else if (b(0) === 0xfe && b(1) === 0xff) encoding = 'UTF-16 (big-endian)';
  else if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) encoding = 'UTF-32 (big-endian)';
  else if (head.includes(0)) {
    // Text in UTF-16 without a mark has a zero in every other byte; anything else with zeros is not text.
    const evenZeros = head.filter((v, i) => i % 2 === 0 && v === 0).length;
    const oddZeros = head.filter((v, i) => i % 2 === 1 && v === 0).length;
    const pairs = Math.floor(head.length / 2);
    if (pairs > 0 && oddZeros > pairs * 0.4 && evenZeros === 0) encoding = 'UTF-16 (little-endian)';
    else if (pairs > 0 && evenZeros > pairs * 0.4 && oddZeros === 0) encoding = 'UTF-16 (big-endian)';
    else throw new InputError(`${name} is not a text file (it holds NUL bytes).`, 'Import a CSV or JSON file written by pace export.');
  }
  if (encoding !== null) throw new InputError(`${name} is in ${encoding}, not UTF-8.`, HINT);
}

const SQLITE_HEADER = 'SQLite format 3\0';

function startsAsSqlite(head: Uint8Array): boolean {
  return head.length >= SQLITE_HEADER.length && [...SQLITE_HEADER].every((c, i) => head[i] === c.charCodeAt(0));
}

/** The text of a whole file, which must be UTF-8; the byte-order mark, if any, is kept. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  checkTextStart(bytes.subarray(0, 4096), name);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Bytes past 0x7f that are not UTF-8 are, in files people make, nearly always one of these.
    throw new InputError(`${name} is not UTF-8 text: it looks like Latin-1 (ISO-8859-1) or Windows-1252.`, HINT);
  }
}

/** Windows-1252's characters for the bytes 0x80-0x9f (where Latin-1 has control codes). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The Windows-1252 byte a character is written as, or -1 for a character it does not have past 0x7f. */
function cp1252Byte(ch: number): number {
  if (ch >= 0xa0 && ch <= 0xff) return ch;
  const i = CP1252_HIGH.indexOf(String.fromCharCode(ch));
  return i < 0 ? -1 : 0x80 + i;
}

/**
 * UTF-8 that a program read as Windows-1252 and saved again as UTF-8 ("caf\u00c3\u00a9" for "caf\u00e9"): what
 * Excel makes of a CSV without a byte-order mark. The file is valid UTF-8, so only the text shows
 * it: a character that is a UTF-8 lead byte in Windows-1252, followed by the continuation bytes it
 * needs. Returns the misread text and what it would be, or null. A misreading turns the whole
 * cell, so the whole cell must read back as UTF-8: one such pair in real text ("Fu\u00df\u201c" in
 * "\u201eFu\u00df\u201c", "\u00c9\u00bb" in "\u00ab\u00c9T\u00c9\u00bb") sits beside letters that do not, and is kept.
 */
export function misreadUtf8(text: string): { bad: string; good: string } | null {
  if (!readsBackAsUtf8(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const lead = cp1252Byte(text.charCodeAt(i));
    const need = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (need === 0) continue;
    const bytes = [lead];
    for (let k = 1; k <= need; k++) {
      const b = cp1252Byte(text.charCodeAt(i + k));
      if (b < 0x80 || b > 0xbf) break;
      bytes.push(b);
    }
    if (bytes.length !== need + 1) continue;
    try {
      const good = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
      return { bad: text.slice(i, i + need + 1), good };
    } catch {
      // An overlong or surrogate form is not what a misreading makes.
    }
  }
  return null;
}

/** Whether the text, written as Windows-1252 bytes, is UTF-8 with something past ASCII. */
function readsBackAsUtf8(text: string): boolean {
  const bytes = new Uint8Array(text.length);
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    const b = ch < 0x80 ? ch : cp1252Byte(ch);
    if (b < 0) return false;
    high ||= b >= 0x80;
    bytes[i] = b;
  }
  if (!high) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
