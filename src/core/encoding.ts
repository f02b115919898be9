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
