import { describe, expect, it } from 'vitest';
import { answerOfDay, answerOnArrival, laterAnswerFor, type DayAnswer } from '../../src/core/nextDay.js';
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

describe('F2, F1: an answer for a day given later (edit --settled)', () => {
  const no = (d: string) => on(d, false);
  const yes = (d: string) => on(d, true);

  it('F2: a day is already answered only when every session holds that answer', () => {
    expect(laterAnswerFor([1, 2], new Map([[1, no('2026-11-21')], [2, no('2026-11-22')]]), false)).toEqual({ kind: 'already', answer: no('2026-11-21') });
    // Session 1 moved onto the day with its own answer: session 2 is unanswered, so the answer is recorded.
    expect(laterAnswerFor([1, 2], new Map([[1, no('2026-11-21')]]), false)).toEqual({ kind: 'answer' });
    expect(laterAnswerFor([1, 2], new Map([[1, yes('2026-11-21')]]), true)).toEqual({ kind: 'answer' });
    expect(laterAnswerFor([1], new Map(), true)).toEqual({ kind: 'answer' });
    // A "settled" is corrected by a "not settled".
    expect(laterAnswerFor([1], new Map([[1, yes('2026-11-21')]]), false)).toEqual({ kind: 'answer' });
  });

  it('F1: "settled" is refused while any session holds "not settled", naming those sessions', () => {
    expect(laterAnswerFor([1, 2, 3], new Map([[2, no('2026-11-21')], [3, yes('2026-11-20')]]), true)).toEqual({ kind: 'refused', notSettled: [{ sessionId: 2, answer: no('2026-11-21') }] });
    expect(laterAnswerFor([1], new Map([[1, no('2026-11-21')]]), true)).toMatchObject({ kind: 'refused' });
  });
});
