import { describe, expect, it } from 'vitest';
import { oneDecimal, oneDecimalText } from '../../src/core/numbers.js';

describe('one decimal, the one rounding of means and scores people read', () => {
  it('rounds to one decimal place', () => {
    expect(oneDecimal(4.44)).toBe(4.4);
    expect(oneDecimal(4.45)).toBe(4.5);
    expect(oneDecimal(7)).toBe(7);
  });

  it('rounds halves away from zero, so a fall reads as large as a rise of the same size', () => {
    expect(oneDecimal(0.25)).toBe(0.3);
    expect(oneDecimal(-0.25)).toBe(-0.3);
    expect(oneDecimal(-2.45)).toBe(-oneDecimal(2.45));
  });

  it('rounds a half that binary fractions store just under it, as a mean of 20 ratings gives (23 / 20 = 1.15)', () => {
    expect(oneDecimal(23 / 20)).toBe(1.2);
    expect(oneDecimal(1.15)).toBe(1.2);
    expect(oneDecimal(-1.15)).toBe(-1.2);
    expect(oneDecimal(2.35)).toBe(2.4);
    expect(oneDecimal(1.149)).toBe(1.1);
  });

  it('writes the text with one decimal, and never "-0.0"', () => {
    expect(oneDecimalText(4)).toBe('4.0');
    expect(oneDecimalText(-0.04)).toBe('0.0');
    expect(oneDecimalText(-1.25)).toBe('-1.3');
  });
});
