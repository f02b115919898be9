import { describe, expect, it } from 'vitest';
import { parseDose } from '../../src/core/input.js';
import { relogCommand } from '../../src/core/relog.js';
import type { IsoDate, Session } from '../../src/core/types.js';

const session = (over: Partial<Session>): Session => ({
  id: 7, date: '2026-11-20' as IsoDate, activity: 'walk', dose: 10, unit: 'min', category: 'aerobic',
  painBefore: null, painAfter: null, effort: null, flare: false, symptoms: [], note: null, ...over,
});

describe('relogCommand: the log command that puts a deleted session back', () => {
  it('gives a decimal dose and each unit against its number, as log reads it', () => {
    for (const [dose, unit] of [[2.5, 'min'], [12, 'reps'], [800, 'm'], [1500, 'steps']] as const) {
      const line = relogCommand(session({ dose, unit }));
      const word = line.split(' ')[3]!;
      expect(parseDose(word)).toEqual({ amount: dose, unit });
    }
  });

  it('a name that begins with a dash goes after --activity, where it is not read as a flag', () => {
    // "pace log -walk 10min" is refused: unknown option '-walk'.
    expect(relogCommand(session({ activity: '-walk' }))).toBe('pace log --activity -walk --dose 10min --date 2026-11-20');
    expect(relogCommand(session({ activity: '- slow walk' }))).toBe('pace log --activity "- slow walk" --dose 10min --date 2026-11-20');
  });

  it('never prints the note', () => {
    expect(relogCommand(session({ note: 'private words' }))).not.toMatch(/private/);
  });
});
