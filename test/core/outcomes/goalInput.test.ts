import { describe, expect, it } from 'vitest';
import { checkRoomForGoal, goalSuggestion, refuseSameOpenGoal, parseGoalId, parseGoalText, parseRating, summarizeGoal } from '../../../src/core/outcomes/goals.js';
import { checkinDue, parsePegAnswer } from '../../../src/core/outcomes/peg.js';
import type { IsoDate } from '../../../src/core/types.js';

describe('M1, M2: what a person types for a goal', () => {
  it.each(['0', '10', ' 7 ', '03'])('a rating of %j is taken', (raw) => {
    expect(parseRating(raw)).toBe(Number(raw));
  });

  it.each(['11', '3.5', '-1', 'seven', '1e1', '100'])('a rating of %j is refused, naming the flag', (raw) => {
    expect(() => parseRating(raw)).toThrow(/--rating .* is not a whole number from 0 to 10/);
  });

  it.each(['', '  '])('an empty rating (%j) is refused as empty, saying what to type', (raw) => {
    expect(() => parseRating(raw)).toThrow(/^--rating is empty: type a whole number from 0 to 10\.$/);
  });

  it('M1, M3: the same words as an open goal are refused (any case and spacing), naming its id; a closed one is not', () => {
    const goals = [
      { id: 1, text: 'climb the stairs', status: 'open' as const },
      { id: 2, text: 'carry the shopping', status: 'achieved' as const },
    ];
    expect(() => refuseSameOpenGoal(goals, 'Climb  the Stairs')).toThrow(/goal 1 is already open: "climb the stairs"/);
    expect(() => refuseSameOpenGoal(goals, 'carry the shopping')).not.toThrow();
    expect(() => refuseSameOpenGoal(goals, 'climb the stairs to my flat')).not.toThrow();
  });

  it('a goal is one line in the person\'s words; empty, too long or with control characters is refused', () => {
    expect(parseGoalText('  climb the stairs\n to my   flat ')).toBe('climb the stairs to my flat');
    expect(() => parseGoalText('   ')).toThrow(/the goal is empty/);
    expect(() => parseGoalText('x'.repeat(121))).toThrow(/longer than 120/);
    expect(() => parseGoalText('stairs \u001b[2J')).toThrow(/control characters/);
  });

  it.each(['climb \u202estairs', 'clim\u200bb the stairs', '\ufeffclimb'])('a goal with invisible or text-direction characters (%j) is refused (issue 17 item 13)', (raw) => {
    expect(() => parseGoalText(raw)).toThrow(/the goal contains invisible or text-direction characters/);
  });

  it('a goal id is a positive whole number', () => {
    expect(parseGoalId('12')).toBe(12);
    for (const raw of ['0', '-1', '1.5', 'x', '']) expect(() => parseGoalId(raw)).toThrow(/is not a goal id/);
  });

  it('M1: a fifth open goal is fine, a sixth is refused with a word about closing one', () => {
    expect(() => checkRoomForGoal(4)).not.toThrow();
    expect(() => checkRoomForGoal(5)).toThrow(/already have 5 open goals/);
  });
});

describe('W1: a check-in answer typed as a flag', () => {
  it('is a whole number from 0 to 10', () => {
    expect(parsePegAnswer(' 7 ', 'enjoyment', '--enjoyment')).toBe(7);
  });

  it.each([
    ['pain', '--pain', '0 = no pain, 10 = pain as bad as you can imagine.'],
    ['enjoyment', '--enjoyment', '0 = did not interfere, 10 = completely interfered.'],
    ['general', '--general', '0 = did not interfere, 10 = completely interfered.'],
  ] as const)('W1: a wrong %s answer is refused with its own anchors', (item, flag, hint) => {
    // Seen: --enjoyment 12 answered with the pain anchors ("0 means none, 10 the worst you can imagine").
    expect(() => parsePegAnswer('12', item, flag)).toThrow(expect.objectContaining({ message: `${flag} "12" is not a whole number from 0 to 10.`, hint }));
  });
});

describe('M4 and W2 for status', () => {
  const open = summarizeGoal({ id: 1, text: 'squat', status: 'open', createdOn: '2026-01-05' as IsoDate, closedOn: null, ratings: [{ date: '2026-01-05' as IsoDate, rating: 3 }] }, '2026-04-06' as IsoDate);

  it('M4: no suggestion in phases 1-2; from phase 3 without goals, set one; in phase 4, review them when one is due', () => {
    expect(goalSuggestion(2, [])).toBeNull();
    expect(goalSuggestion(3, [])).toMatchObject({ rule: 'M4', kind: 'set' });
    expect(goalSuggestion(3, [open])).toBeNull();
    expect(open.ratingDue).toBe(true);
    expect(goalSuggestion(4, [open])).toEqual({ rule: 'M4', kind: 'review' });
    expect(goalSuggestion(4, [{ ...open, ratingDue: false }])).toBeNull();
  });

  it('W2: a check-in is due while this Monday-Sunday week has none', () => {
    expect(checkinDue(null, '2026-11-21' as IsoDate)).toBe(true);
    expect(checkinDue({ weekStart: '2026-11-16' as IsoDate }, '2026-11-22' as IsoDate)).toBe(false);
    expect(checkinDue({ weekStart: '2026-11-16' as IsoDate }, '2026-11-23' as IsoDate)).toBe(true);
  });
});
