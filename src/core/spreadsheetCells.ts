import type { Separator } from './csv.js';
import { InputError } from './errors.js';
import { printable } from './input.js';

// Cells as a spreadsheet writes them back after a person has opened, corrected and saved a pace
// export. Each is read where it has one meaning, and refused where it has two: pace never guesses.

/**
 * A dose with a decimal comma (`10,5`, as a spreadsheet in most of Europe writes it) is read as
 * 10.5. A mark followed by exactly three digits may be a thousands separator instead (`1,500` in
 * English, `1.500` in German): that is refused, naming both readings. In a comma-separated file a
 * point is pace's own decimal mark, so `1.500` there is 1.5.
 */
export function doseCell(raw: string, sep: Separator): string {
  const m = /^(\s*\d+)([.,])(\d+)(\s*[a-z]*\s*)$/i.exec(raw);
  if (!m) return raw;
  const [, whole, mark, frac, unit] = m as unknown as [string, string, string, string, string];
  const thousands = frac.length === 3 && (mark === ',' || sep !== ',');
  if (thousands) {
    throw new InputError(`dose "${printable(raw)}" could be ${whole.trim()}${frac} or ${whole.trim()}.${frac.replace(/0+$/, '') || '0'}.`, 'Write the dose with a decimal point and no thousands separator, for example 1500 or 1.5.');
  }
  return `${whole}.${frac}${unit}`;
}
