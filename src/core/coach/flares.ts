import { isWarningCode } from '../symptoms.js';
import type { Session, Unit } from '../types.js';
import { atLeastOneStep, floorToStep } from './amounts.js';

type Scored = Pick<Session, 'flare' | 'painBefore' | 'painAfter' | 'symptoms'>;

function painRise(s: Scored): number | null {
  return s.painBefore !== null && s.painAfter !== null ? s.painAfter - s.painBefore : null;
}

function hasWarningSymptom(s: Scored): boolean {
  return s.symptoms.some(isWarningCode);
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
 * F1, F2, R1, C1: how many flares the person had: the days with a session that belongs to one. The
 * pain is the person's, not an activity's: a walk and stretching on a day whose pain had not
 * settled (F2 marks both) are one flare, not two. E2's rows count per activity, as cli.md gives them.
 */
export function flareDays(sessions: readonly (Scored & Pick<Session, 'date'>)[]): number {
  return new Set(sessions.filter(isFlareSession).map((s) => s.date)).size;
}

/** Why F1 calls a session a flare, as data for the words (Q8); empty when it is not one. */
export type FlareReason =
  | { kind: 'marked' }
  | { kind: 'pain-rise'; from: number; to: number }
  | { kind: 'symptom'; codes: string[] };

export function flareReasons(s: Scored): FlareReason[] {
  const reasons: FlareReason[] = [];
  if (s.flare) reasons.push({ kind: 'marked' });
  const rise = painRise(s);
  if (rise !== null && rise >= 3) reasons.push({ kind: 'pain-rise', from: s.painBefore as number, to: s.painAfter as number });
  const codes = s.symptoms.filter(isWarningCode);
  if (codes.length) reasons.push({ kind: 'symptom', codes });
  return reasons;
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
