import { highestClass, symptomDef } from './symptoms.js';
import type { TriageClass } from './types.js';

export interface TriageMatch {
  code: string;
  class: TriageClass;
  label: string;
  /** T1, T2 or T3: the rule that gives this class (T4: triage shows its working). */
  rule: 'T1' | 'T2' | 'T3';
}

export interface TriageResult {
  class: TriageClass;
  symptoms: TriageMatch[];
  advice: string;
}

const RULE: Record<TriageClass, TriageMatch['rule']> = { continue: 'T1', assess: 'T2', stop: 'T3' };

// Words are the project's own. Stop advice names emergency services; continue advice stays calm.
export const ADVICE: Record<TriageClass, string> = {
  continue: 'These are normal responses to effort, not signs of harm. Carry on with your plan.',
  assess:
    'Stop or ease off this activity, and talk to a physician before you build up again. Your plan holds at its current level until you record that you have been assessed (pace triage --cleared).',
  stop:
    'Stop the activity and rest. If it does not settle within a few minutes of rest, or if it is chest pain, call emergency services now. Your plan is paused until a clinician has seen you and you record it (pace triage --cleared).',
};

/** T, T4: classifies the codes; the highest class wins and every match is listed. */
export function triage(codes: readonly string[]): TriageResult | null {
  const cls = highestClass(codes);
  if (cls === null) return null;
  const symptoms = codes.flatMap((code) => {
    const def = symptomDef(code);
    return def ? [{ code, class: def.class, label: def.label, rule: RULE[def.class] }] : [];
  });
  return { class: cls, symptoms, advice: ADVICE[cls] };
}

/** F4: a rise of at most 2 points is an expected response to effort, not a sign of damage. */
export function isExpectedResponse(painBefore: number | null, painAfter: number | null): boolean {
  return painBefore !== null && painAfter !== null && painAfter - painBefore <= 2;
}
