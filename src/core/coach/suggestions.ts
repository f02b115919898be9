import type { Category } from '../types.js';
import type { Hold, Phase, StarterIdea, Suggestion } from './types.js';

/** P3: small first doses for a new kind of movement, in line with a very gentle start (G2). */
const STARTERS: Record<'mobility' | 'strength', StarterIdea> = {
  mobility: { category: 'mobility', activity: 'stretching', dose: 5, unit: 'min', sessionsPerWeek: 3 },
  strength: { category: 'strength', activity: 'sit-to-stand', dose: 5, unit: 'reps', sessionsPerWeek: 2 },
};

/** P4: the everyday things training is for; the person picks their own. */
export const FUNCTIONAL_GOALS: readonly string[] = [
  'climbing stairs',
  'carrying a child or the shopping',
  'getting up from the floor',
  'a full squat',
  'touching the toes',
];

/**
 * P3 and P4. `categories` are those of the activities done before the week. No suggestion while a
 * hold is open: adding a new activity is an increase (T2), and a pause asks for no exercise (T3).
 */
export function suggestionFor(phase: Phase, categories: ReadonlySet<Category>, hold: Hold | null): Suggestion | null {
  if (phase === 3 && hold === null && categories.size === 1) {
    const [doneCategory] = categories as Iterable<Category>;
    if (doneCategory === undefined) return null;
    const ideas = (['mobility', 'strength'] as const).filter((c) => c !== doneCategory).map((c) => ({ ...STARTERS[c] }));
    return { rule: 'P3', doneCategory, ideas };
  }
  if (phase === 4 && hold?.kind !== 'stop') return { rule: 'P4', goals: [...FUNCTIONAL_GOALS] };
  return null;
}
