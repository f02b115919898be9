import { describe, expect, it } from 'vitest';
import { MON, session, weeks } from './builders.js';

// Made while the file is collected, outside any test.
const shared = weeks(MON, [10, 10]);

describe('the builders number sessions by test, not by the order tests run in', () => {
  it('history made outside the tests counts from 1', () => {
    expect(shared.map((s) => s.id)).toEqual([1, 2]);
  });

  it("a test's own sessions count from 100,001, whichever tests ran before (first of two)", () => {
    expect([session(MON, 10).id, session(MON, 12).id]).toEqual([100_001, 100_002]);
  });

  it("a test's own sessions count from 100,001, whichever tests ran before (second of two)", () => {
    expect(weeks(MON, [10, 10, 10]).map((s) => s.id)).toEqual([100_001, 100_002, 100_003]);
  });
});
