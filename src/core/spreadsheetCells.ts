import { InputError } from './errors.js';
import { misformedDate } from './dates.js';
import { printable } from './input.js';

// Cells as a spreadsheet writes them back after a person has opened, corrected and saved a pace
// export. Each is read where it has one meaning, and refused where it has two: pace never guesses.

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
