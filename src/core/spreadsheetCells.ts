import { InputError } from './errors.js';
import { misformedDate } from './dates.js';
import { decimalAmount, printable } from './input.js';

// Cells as a spreadsheet writes them back after a person has opened, corrected and saved a pace
// export. Each is read where it has one meaning, and refused where it has two: pace never guesses.

/**
 * A dose with a decimal comma (`10,5`, as a spreadsheet in most of Europe writes it) is read as
 * 10.5. A mark followed by exactly three digits may be a thousands separator instead (`1,500` in
 * English, `1.500` in German): that is refused, naming both readings, whatever the separator
(`decimalAmount`, the command line's rule; after a 0, as in `0,125`, it is a decimal). pace
 * writes a dose with at most one decimal (`1.5`), so `1.500` is never its own; and a spreadsheet
 * in a decimal-comma locale can save with commas (quoting `"10,5"`), grouping 1500 as `1.500`.
 */
export function doseCell(raw: string): string {
  const m = /^(\s*\d+)([.,])(\d+)(\s*[a-z]*\s*)$/i.exec(raw);
  if (!m) return raw;
  const [, whole, , frac, unit] = m as unknown as [string, string, string, string, string];
  // The command line's rule, so that a file reads an amount as `pace log` does.
  decimalAmount(`${whole.trim()},${frac}`, `dose "${printable(raw)}"`);
  return `${whole}.${frac}${unit}`;
}

const HINT_DATE = 'Write dates as YYYY-MM-DD; in the spreadsheet, format the date column as YYYY-MM-DD before saving.';

/**
 * A date a spreadsheet re-wrote. `2026-03-14 00:00:00` (a time of day added, no time zone) is that
 * day; with a time no clock shows (`25:00`) it is refused as no date. `3/14/2026`, `14/03/2026`,
 * `14.03.2026` and `2026-3-14` are refused as `misformedDate` words it, as the date flags are.
 */
export function dateCell(raw: string): string {
  const timed = /^\s*(\d{4}-\d{2}-\d{2})[ T](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?\s*$/.exec(raw);
  if (timed) return timed[1]!;
  const wrong = misformedDate(raw);
  if (wrong !== null) throw new InputError(`date "${printable(raw)}" ${wrong}`, HINT_DATE);
  return raw;
}

const FLARE_WORDS: Record<string, 'yes' | 'no'> = { true: 'yes', false: 'no', 1: 'yes', 0: 'no', y: 'yes', n: 'no' };

/**
 * The flare cell as a spreadsheet or a person typing in one writes it: TRUE/FALSE (a boolean
 * cell), 1/0, or y/n as `pace log` takes them. Each has one meaning; anything else is left for
 * the yes-or-no check to refuse.
 */
export function flareCell(raw: string): string {
  return FLARE_WORDS[raw.trim().toLowerCase()] ?? raw;
}
