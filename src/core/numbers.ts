// The one rounding of the means and scores people read (PEG, function score, pain means, review
// measures). Halves round away from zero, so a fall of 0.25 reads as large as a rise of 0.25
// (Math.round alone turns -0.25 into -0.2 and 0.25 into 0.3).

export function oneDecimal(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10;
  return r === 0 ? 0 : r; // no -0
}

/** The number as text with one decimal: "4.0", "-1.3", never "-0.0". */
export function oneDecimalText(x: number): string {
  return oneDecimal(x).toFixed(1);
}

/**
 * Two decimals, to keep floating-point tails out of doses, ratios and the amounts a chart draws.
 * Plain Math.round, unlike oneDecimal: a half rounds up, below zero too (no one reads these as a
 * rise against a fall).
 */
export function twoDecimals(x: number): number {
  return Math.round(x * 100) / 100;
}
