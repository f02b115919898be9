import { symptomDef } from '../symptoms.js';
import type { Session, Unit } from '../types.js';
import { atLeastOneStep, floorToStep } from './amounts.js';

type Scored = Pick<Session, 'flare' | 'painBefore' | 'painAfter' | 'symptoms'>;

function painRise(s: Scored): number | null {
  return s.painBefore !== null && s.painAfter !== null ? s.painAfter - s.painBefore : null;
}

function hasWarningSymptom(s: Scored): boolean {
  return s.symptoms.some((code) => {
    const cls = symptomDef(code)?.class;
    return cls === 'assess' || cls === 'stop';
  });
}

/**
 * F1: marked as a flare, pain up by 3 or more, or an assess/stop symptom. A failed next-day check
 * (F2) is stored as the `pain-over-24h` symptom on the session, so it is covered by the last test.
 */
export function isFlareSession(s: Scored): boolean {
  const rise = painRise(s);
  return s.flare || (rise !== null && rise >= 3) || hasWarningSymptom(s);
}

/**
 * Q1: not a flare, pain up by at most 2, no assess/stop symptom. A missing pain score is no
 * evidence against the session, so it does not stop it from counting as tolerated.
 */
export function isTolerated(s: Scored): boolean {
  const rise = painRise(s);
  return !s.flare && (rise === null || rise <= 2) && !hasWarningSymptom(s);
}

/** F3: half the quota for a bad day, rounded down to the unit's step: reduce, do not stop. */
export function flareDayDose(quota: number | null, unit: Unit): number | null {
  if (quota === null) return null;
  return atLeastOneStep(floorToStep(quota / 2, unit), unit);
}
