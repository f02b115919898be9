import { describe, expect, it } from 'vitest';
import { guessActivity } from '../../src/core/activityDefaults.js';

// A new activity's unit and category when the person gives neither (decisions.md).

describe('guessing a new activity', () => {
  it.each(['sit-to-stand', 'sit-to-stands', 'wall-push-up', 'wall-push-ups', 'push-up', 'push-ups', 'bridge', 'bridges', 'squats', 'heel-raises', 'calf-raises', 'lunges'])(
    'P3, Q6: %s is strength counted in reps, as people write it, singular or plural',
    (name) => {
      // Seen: "wall-push-ups 6reps" became an activity in the category other, silently, so plan and
      // status suggested adding "light strength work" to a person doing push-ups.
      expect(guessActivity(name)).toEqual({ category: 'strength', unit: 'reps' });
    },
  );

  it('a name it does not know stays in minutes and other', () => {
    expect(guessActivity('spaziergang')).toEqual({ category: 'other', unit: 'min' });
  });
});
