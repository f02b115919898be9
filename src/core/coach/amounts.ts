import { oneDecimal, twoDecimals } from '../numbers.js';
import type { Unit } from '../types.js';

// Doses and quotas are compared and rounded in integer hundredths, so that 9.9 against 90% of 11
// (9.900000000000002 in floating point) cannot go the wrong way (engineering.md, Q3).

/** Q2: the resolution of a quota: half minutes, otherwise whole units. */
export function stepOf(unit: Unit): number {
  return unit === 'min' ? 0.5 : 1;
}

export function hundredths(x: number): number {
  return Math.round(x * 100);
}

function step100(unit: Unit): number {
  return hundredths(stepOf(unit));
}

function fromSteps(steps: number, unit: Unit): number {
  return (steps * step100(unit)) / 100;
}

/** Nearest step, halves up (19.25 min becomes 19.5). */
export function roundToStep(x: number, unit: Unit): number {
  return fromSteps(Math.round(hundredths(x) / step100(unit)), unit);
}

/** Nearest step, halves down: used where the smaller amount is the kinder one. */
export function roundToStepHalfDown(x: number, unit: Unit): number {
  return fromSteps(Math.ceil(hundredths(x) / step100(unit) - 0.5), unit);
}

export function ceilToStep(x: number, unit: Unit): number {
  return fromSteps(Math.ceil(hundredths(x) / step100(unit)), unit);
}

export function floorToStep(x: number, unit: Unit): number {
  return fromSteps(Math.floor(hundredths(x) / step100(unit)), unit);
}

/** At least one step: a plan never asks for nothing. */
export function atLeastOneStep(x: number, unit: Unit): number {
  return Math.max(x, stepOf(unit));
}

/** a >= b, exactly, at the precision doses are kept. */
export function atLeast(a: number, b: number): boolean {
  return hundredths(a) >= hundredths(b);
}

/** Median of plain numbers (mean of the middle two when even); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Mean of the values that were recorded, to one decimal (`oneDecimal`: halves away from zero, so
 * a mean fall in pain of 0.25 reads -0.3 as a rise of 0.25 reads 0.3); null when none was.
 */
export function meanOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? null : oneDecimal(sum / n);
}

/** "14.5", "12": numbers as people write them, without floating-point tails. */
export function formatNumber(x: number): string {
  return String(twoDecimals(x));
}

/** "12 min", "1 rep", "800 m", "3000 steps". */
export function formatAmount(x: number, unit: Unit): string {
  const n = formatNumber(x);
  if (unit === 'reps') return `${n} ${x === 1 ? 'rep' : 'reps'}`;
  if (unit === 'steps') return `${n} ${x === 1 ? 'step' : 'steps'}`;
  return `${n} ${unit}`;
}
