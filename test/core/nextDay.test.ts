import { describe, expect, it } from 'vitest';
import { answerOfDay, answerOnArrival, type DayAnswer } from '../../src/core/nextDay.js';
import type { IsoDate } from '../../src/core/types.js';

const on = (d: string, settled: boolean): DayAnswer => ({ settled, answeredOn: d as IsoDate });

describe('F2: the answer a day has', () => {
  it('F2: none when no session of the day was answered', () => expect(answerOfDay([])).toBeNull());
  it('F2: "settled" when every answer says so, the first of them', () => expect(answerOfDay([on('2026-11-22', true), on('2026-11-21', true)])).toEqual(on('2026-11-21', true)));
  it('F2: "not settled" when any answer says so: the pain is the person\'s', () => expect(answerOfDay([on('2026-11-21', true), on('2026-11-22', false)])).toEqual(on('2026-11-22', false)));
});

describe('F2: what a session arriving on a day takes', () => {
  const notSettled = on('2026-11-21', false);
  const settled = on('2026-11-21', true);
  it('F2: nothing from a day with no answer', () => expect(answerOnArrival(null, null, [])).toBeNull());
  it('F2: a new session takes the day\'s answer, either way', () => {
    expect(answerOnArrival(notSettled, null, [])).toEqual(notSettled);
    expect(answerOnArrival(settled, null, ['muscle-fatigue'])).toEqual(settled);
  });
  it('F2: a session answered "settled" elsewhere takes "not settled" from its new day', () => expect(answerOnArrival(notSettled, true, [])).toEqual(notSettled));
  it('F1, F2: a session already "not settled" keeps it on a settled day (no flare is taken back)', () => {
    expect(answerOnArrival(settled, false, ['pain-over-24h'])).toBeNull();
    expect(answerOnArrival(settled, null, ['pain-over-24h'])).toBeNull();
  });
  it('F2: nothing changes for a session that already has the day\'s answer', () => {
    expect(answerOnArrival(settled, true, [])).toBeNull();
    expect(answerOnArrival(notSettled, false, ['pain-over-24h'])).toBeNull();
  });
  it('F2: an imported session with pain-over-24h and no answer row gets the day\'s "not settled" row', () => expect(answerOnArrival(notSettled, null, ['pain-over-24h'])).toEqual(notSettled));
});
