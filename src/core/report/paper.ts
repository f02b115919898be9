// C1: A4 or US Letter. `report --paper` first, then the journal's `paper` setting (`init --paper`);
// with neither, or with `auto`, the locale's region decides, as LC_PAPER does for the C library:
// the countries that use Letter (glibc's locales) get Letter, every other A4.

import { InputError } from '../errors.js';
import { printable } from '../input.js';

export type Paper = 'a4' | 'letter';

export const PAPER_NAMES: Record<Paper, string> = { a4: 'A4', letter: 'US Letter' };

const LETTER = new Set(['US', 'CA', 'MX', 'PR', 'PH', 'CL', 'CO', 'CR', 'GT', 'NI', 'PA', 'SV', 'VE', 'DO', 'BZ']);

/** What a person may choose: a size, or `auto` for the locale's. */
export type PaperChoice = Paper | 'auto';

/** `--paper` of `init` and `report`, and a backup's `paper` setting: a4, letter or auto, in any case. */
export function parsePaper(text: string, name: string): PaperChoice {
  const paper = text.trim().toLowerCase();
  if (paper === 'a4' || paper === 'letter' || paper === 'auto') return paper;
  throw new InputError(`${name} "${printable(text)}" is not a paper size pace knows.`, 'Give a4, letter, or auto for the one your locale uses.');
}

/** A choice (or a stored setting) as a size, or undefined when the locale decides (auto, none, or not a size). */
function sizeOf(choice: string | undefined): Paper | undefined {
  return choice === 'a4' || choice === 'letter' ? choice : undefined;
}

/**
 * The paper a report gets: `asked` (report --paper) when given, else the journal's `setting`;
 * a size is taken as it is, and `auto` or nothing leaves it to the locale. `init` shows the same.
 */
export function reportPaper(asked: PaperChoice | undefined, setting: string | undefined, locale: string | undefined): { paper: Paper; fromLocale: boolean } {
  const size = sizeOf(asked ?? setting);
  return size ? { paper: size, fromLocale: false } : { paper: paperFor(locale), fromLocale: true };
}

/** `en_US.UTF-8` -> letter, `de_DE.UTF-8` or `C` or nothing -> a4. */
export function paperFor(locale: string | undefined): Paper {
  const region = /^[a-zA-Z]{2,3}[_-]([a-zA-Z]{2})\b/.exec(locale ?? '')?.[1]?.toUpperCase();
  return region !== undefined && LETTER.has(region) ? 'letter' : 'a4';
}
