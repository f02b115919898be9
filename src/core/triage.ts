import { highestClass, symptomDef } from './symptoms.js';
import type { TriageClass } from './types.js';

export interface TriageMatch {
  code: string;
  class: TriageClass;
  label: string;
  /** T1, T2 or T3: the rule that gives this class (T4: triage shows its working). */
  rule: 'T1' | 'T2' | 'T3';
}

/**
 * One thing to do, and the signs it is for. T3's signs fall into three groups, each with its own
 * next step; `pause` and `hold` say how the plan waits; `flare` replaces T1's calm words when the
 * session is a flare by F1 anyway (F4 is only said when it is true).
 */
export type AdviceKind = 'emergency' | 'settle' | 'joint' | 'pause' | 'hold' | 'continue' | 'flare';

export interface AdviceStep {
  kind: AdviceKind;
  /** The recorded codes this step answers; empty for the plan's steps. */
  codes: string[];
  text: string;
}

export interface TriageResult {
  class: TriageClass;
  symptoms: TriageMatch[];
  /** Every step in order, most urgent first, as one text (cli.md: `advice`). */
  advice: string;
  steps: AdviceStep[];
}

const RULE: Record<TriageClass, TriageMatch['rule']> = { continue: 'T1', assess: 'T2', stop: 'T3' };

// T3: what to do next depends on the sign. Most urgent first. Words are the project's own.
const STOP_GROUPS: readonly { kind: AdviceKind; codes: readonly string[]; text: string }[] = [
  {
    // Possible heart attack or stroke: minutes matter, so nothing here asks the person to wait.
    kind: 'emergency',
    codes: ['chest-pain', 'sudden-weakness', 'confusion'],
    text: 'Call emergency services now. Do not wait to see whether it passes.',
  },
  {
    kind: 'settle',
    codes: ['severe-breathlessness', 'dizziness', 'irregular-heartbeat'],
    text: 'Stop and rest. Call emergency services if it has not settled within a few minutes, and at once if you faint or it comes with chest pain.',
  },
  {
    kind: 'joint',
    codes: ['joint-instability'],
    text: 'Stop using that joint, and have it examined before you put load on it again.',
  },
];

const PLAN_STEP: Record<TriageClass, { kind: AdviceKind; text: string }> = {
  stop: { kind: 'pause', text: 'Your plan is paused until a clinician has seen you and you record it (pace triage --cleared).' },
  assess: {
    kind: 'hold',
    text: 'Stop or ease off this activity, and talk to a physician before you build up again. Your plan will not increase until you record that you have been assessed (pace triage --cleared).',
  },
  continue: { kind: 'continue', text: 'These are normal responses to effort, not signs of harm. Carry on with your plan.' },
};

// F4 is said only when it is true: continue symptoms on a session that is a flare by F1 (a rise
// of 3 or more, a flare mark) get no reassurance, and the log names the flare instead.
const FLARE_STEP = 'On their own these symptoms would not stop you, but this session counts as a flare: do less for now, not nothing.';

/** T, T4: classifies the codes; the highest class wins and every match is listed. */
export function triage(codes: readonly string[], context: { flare?: boolean } = {}): TriageResult | null {
  const cls = highestClass(codes);
  if (cls === null) return null;
  const symptoms = codes.flatMap((code) => {
    const def = symptomDef(code);
    return def ? [{ code, class: def.class, label: def.label, rule: RULE[def.class] }] : [];
  });
  const steps = adviceSteps(cls, codes, context.flare === true);
  return { class: cls, symptoms, advice: steps.map((s) => s.text).join(' '), steps };
}

/** T3: every group of stop signs present, most urgent first, then how the plan waits. */
function adviceSteps(cls: TriageClass, codes: readonly string[], flare: boolean): AdviceStep[] {
  if (cls === 'continue') return [flare ? { kind: 'flare', codes: [...codes], text: FLARE_STEP } : { ...PLAN_STEP.continue, codes: [...codes] }];
  if (cls === 'assess') return [{ ...PLAN_STEP.assess, codes: codes.filter((c) => symptomDef(c)?.class === 'assess') }];
  const steps: AdviceStep[] = [];
  for (const g of STOP_GROUPS) {
    const mine = codes.filter((c) => g.codes.includes(c));
    if (mine.length) steps.push({ kind: g.kind, codes: mine, text: g.text });
  }
  steps.push({ ...PLAN_STEP.stop, codes: [] });
  return steps;
}

/** F4: a rise of at most 2 points is an expected response to effort, not a sign of damage. */
export function isExpectedResponse(painBefore: number | null, painAfter: number | null): boolean {
  return painBefore !== null && painAfter !== null && painAfter - painBefore <= 2;
}
