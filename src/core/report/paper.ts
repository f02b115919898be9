// C1: A4 or US Letter. Without --paper, the locale's region decides, as LC_PAPER does for the C
// library: the countries that use Letter (glibc's locales) get Letter, every other A4.

export type Paper = 'a4' | 'letter';

const LETTER = new Set(['US', 'CA', 'MX', 'PR', 'PH', 'CL', 'CO', 'CR', 'GT', 'NI', 'PA', 'SV', 'VE', 'DO', 'BZ']);

/** `en_US.UTF-8` -> letter, `de_DE.UTF-8` or `C` or nothing -> a4. */
export function paperFor(locale: string | undefined): Paper {
  const region = /^[a-zA-Z]{2,3}[_-]([a-zA-Z]{2})\b/.exec(locale ?? '')?.[1]?.toUpperCase();
  return region !== undefined && LETTER.has(region) ? 'letter' : 'a4';
}
