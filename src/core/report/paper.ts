// C1: A4 or US Letter. Without --paper or the journal's `paper` setting, the locale's region decides, as LC_PAPER does for the C
// library: the countries that use Letter (glibc's locales) get Letter, every other A4.

import { InputError } from '../errors.js';

export type Paper = 'a4' | 'letter';

export const PAPER_NAMES: Record<Paper, string> = { a4: 'A4', letter: 'US Letter' };

const LETTER = new Set(['US', 'CA', 'MX', 'PR', 'PH', 'CL', 'CO', 'CR', 'GT', 'NI', 'PA', 'SV', 'VE', 'DO', 'BZ']);

/** The `paper` setting, as `pace init --paper` and a backup give it: a4 or letter in any case, or (where `auto` is allowed) null for the locale's. */
export function parsePaper(text: string, name: string, auto: true): Paper | null;
export function parsePaper(text: string, name: string): Paper;
export function parsePaper(text: string, name: string, auto = false): Paper | null {
  const paper = text.trim().toLowerCase();
  if (paper === 'a4' || paper === 'letter') return paper;
  if (auto && paper === 'auto') return null;
  throw new InputError(`${name} must be a4${auto ? ', letter or auto' : ' or letter'}, not "${text}".`);
}

/** The journal's `paper` setting as a size, or undefined when none was chosen (or it is not one). */
export function chosenPaper(setting: string | undefined): Paper | undefined {
  return setting === 'a4' || setting === 'letter' ? setting : undefined;
}

/** `en_US.UTF-8` -> letter, `de_DE.UTF-8` or `C` or nothing -> a4. */
export function paperFor(locale: string | undefined): Paper {
  const region = /^[a-zA-Z]{2,3}[_-]([a-zA-Z]{2})\b/.exec(locale ?? '')?.[1]?.toUpperCase();
  return region !== undefined && LETTER.has(region) ? 'letter' : 'a4';
}
