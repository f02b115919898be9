import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, stackLines } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Seen: "pace log walk 10 min", "pace log morning walk 10" and "pace log walk 10 --flare yes" each
// answered "error: too many arguments for 'log'. Expected 2 arguments but got 3.", which names
// neither the word too many nor what to write instead.
describe('log with a word too many says which word and what to type', () => {
  const cases: [string[], RegExp, RegExp][] = [
    [['walk', '10', 'min'], /"10 min": write the unit against the number, as 10min\./, /pace log walk 10min/],
    [['walk', '10', 'minutes'], /"10 minutes": write the unit against the number, as 10min\./, /pace log walk 10min/],
    [['sit-to-stand', '12', 'reps'], /as 12reps\./, /pace log sit-to-stand 12reps/],
    [['morning', 'walk', '10'], /"morning walk" is a name of two words\./, /pace log "morning walk" 10/],
    // The dose with its unit is the dose, not a word too many.
    [['morning', 'walk', '10min'], /^pace: "morning walk" is a name of two words\./, /pace log "morning walk" 10min$/],
    [['brisk', 'morning', 'walk', '2.5km'], /"walk 2\.5km" are words too many/, /--flare/],
    // Two signs after one --symptom: the second is a sign, not a stray word.
    [['walk', '10', '--symptom', 'chest-pain', 'dizziness'], /^pace: "dizziness" is a word too many: each sign takes its own --symptom\.$/, /^ {2}Write --symptom before each sign: --symptom dizziness$/],
    // A sign written without the flag at all.
    [['walk', '10', 'dizziness', 'chest-pain'], /^pace: "dizziness chest-pain" are words too many: each sign takes its own --symptom\.$/, /--symptom dizziness --symptom chest-pain$/],
    [['walk', '10', '--flare', 'yes'], /"yes" is a word too many: log takes an activity and a dose\./, /--flare/],
  ];
  for (const [args, said, fix] of cases) {
    it(`pace log ${args.join(' ')}`, () => {
      const pace = answeredPace();
      const r = pace.run(['log', ...args]);
      expect(r.status).toBe(2);
      const err = r.stderr.trimEnd().split('\n');
      expect(err).toHaveLength(2);
      expect(err[0]).toMatch(said);
      expect(err[1]).toMatch(fix);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(pace.sessions()).toEqual([]);
    });
  }
});
