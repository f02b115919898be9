import { describe, expect, it } from 'vitest';
import { parseDoseAnswer } from '../../src/commands/sessionInput.js';

// The dose question's answer: only an answer that is not a number (with a unit pace knows) is told
// "type a number of ..."; a number refused for its value keeps the words that say why.
describe('parseDoseAnswer', () => {
  it('keeps "could be 1500 or 1.5" for 1,500: "is not an amount" would hide why a number was refused', () => {
    expect(() => parseDoseAnswer('1,500', 'm')).toThrow(/could be 1500 or 1\.5/);
    expect(() => parseDoseAnswer('1.500', 'steps')).toThrow(/could be 1500 or 1\.5/);
  });

  it('keeps "must be more than 0" for 0 and 0 min', () => {
    expect(() => parseDoseAnswer('0', 'min')).toThrow(/must be more than 0/);
    expect(() => parseDoseAnswer('0min', 'min')).toThrow(/must be more than 0/);
  });

  it('says what to type for an answer that is no amount, whatever its first digit (0:30, -5, 1o, Enter)', () => {
    expect(() => parseDoseAnswer('0:30', 'min')).toThrow(/^"0:30" is not an amount: type a number of minutes, for example 10\.$/);
    expect(() => parseDoseAnswer('0x', 'reps')).toThrow(/^"0x" is not an amount: type a number of reps/);
    expect(() => parseDoseAnswer('-5', 'min')).toThrow(/^"-5" is not an amount/);
    expect(() => parseDoseAnswer('1o', 'min')).toThrow(/^"1o" is not an amount/);
    expect(() => parseDoseAnswer('  ', 'm')).toThrow(/^Type how much you did: a number of metres, for example 10\.$/);
  });

  it('takes a number, a decimal comma and a unit', () => {
    expect(parseDoseAnswer('12,5', 'min')).toEqual({ amount: 12.5, unit: null });
    expect(parseDoseAnswer('10reps', 'min')).toEqual({ amount: 10, unit: 'reps' });
  });
});
