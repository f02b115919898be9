import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Seen: Sam typed "pace plan --set 'step ups=15'" for his step-ups and was told only "there is no
// activity named step ups. Log it once first, or check the name with pace list."
describe('a name one slip from a known activity is named where the activity is looked up', () => {
  it('plan --set and schedule name the activity meant', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'step-ups', '10reps', '--category', 'strength']).status).toBe(0);
    for (const args of [['plan', '--set', 'step ups=15'], ['schedule', 'step ups', 'mon,wed,fri']]) {
      const r = pace.run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/there is no activity named step ups\.\n {2}Did you mean step-ups\?/);
    }
  });

  it('a name near nothing keeps the general advice', () => {
    const pace = answeredPace();
    pace.run(['log', 'step-ups', '10reps']);
    const r = pace.run(['plan', '--set', 'swim=20']);
    expect(r.stderr).toMatch(/Log it once first, or check the name with pace list\./);
  });
});
