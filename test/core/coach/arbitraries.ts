import fc from 'fast-check';
import { addDays } from '../../../src/core/dates.js';
import type { Session } from '../../../src/core/types.js';
import { MON, session } from './builders.js';

// Random but plausible histories for property tests: a few months of one or two activities, with
// now and then a flare, a painful session or an assess symptom.

export interface RandomSession {
  day: number;
  dose: number;
  flare: boolean;
  painBefore: number | null;
  rise: number;
  symptom: string | null;
  activity: 'walk' | 'stretching';
}

export const randomSession = (days: number): fc.Arbitrary<RandomSession> =>
  fc.record({
    day: fc.integer({ min: 0, max: days - 1 }),
    dose: fc.integer({ min: 10, max: 70 }).map((x) => x / 2),
    flare: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    painBefore: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 8 }),
    rise: fc.integer({ min: -2, max: 4 }),
    symptom: fc.option(fc.constantFrom('muscle-fatigue', 'pain-worsening', 'pain-over-24h'), { freq: 6 }),
    activity: fc.constantFrom<'walk' | 'stretching'>('walk', 'walk', 'walk', 'stretching'),
  });

export function toSessions(specs: readonly RandomSession[]): Session[] {
  return specs.map((s) =>
    session(addDays(MON, s.day), s.dose, {
      activity: s.activity,
      category: s.activity === 'walk' ? 'aerobic' : 'mobility',
      flare: s.flare,
      painBefore: s.painBefore,
      painAfter: s.painBefore === null ? null : Math.max(0, Math.min(10, s.painBefore + s.rise)),
      symptoms: s.symptom === null ? [] : [s.symptom],
    }),
  );
}

/** A history of up to `weeks` weeks, from MON. */
export const history = (weeks: number, maxSessions = 70): fc.Arbitrary<Session[]> =>
  fc.array(randomSession(weeks * 7), { maxLength: maxSessions }).map(toSessions);

/** Mostly steady histories: sessions that follow a typical dose, so plans move up as well as down. */
export const steadyHistory = (weeks: number): fc.Arbitrary<Session[]> =>
  fc
    .tuple(
      fc.integer({ min: 2, max: 5 }),
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: weeks, maxLength: weeks }),
      fc.array(fc.integer({ min: 0, max: 15 }), { minLength: weeks * 7, maxLength: weeks * 7 }),
    )
    .map(([perWeek, growth, noise]) => {
      const out: Session[] = [];
      let dose = 10;
      for (let w = 0; w < weeks; w++) {
        dose += (growth[w] ?? 0) / 4;
        for (let i = 0; i < perWeek; i++) {
          const day = w * 7 + Math.floor((i * 7) / perWeek);
          const n = noise[day] ?? 0;
          out.push(
            session(addDays(MON, day), Math.round(dose * 2) / 2, {
              flare: n === 15,
              symptoms: n === 14 ? ['pain-worsening'] : [],
              painBefore: 3,
              painAfter: n === 13 ? 7 : 4,
            }),
          );
        }
      }
      return out;
    });
