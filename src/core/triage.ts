import { highestClass, STOP_GROUPS, symptomDef, type StopGroup } from './symptoms.js';
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

/** The hold (T2) or pause (T3) open today, before what is being recorded now. */
export type OpenHold = 'assess' | 'stop' | null;

// T3: what to do next depends on the sign. Words are the project's own.
const STOP_STEPS: Record<StopGroup, string> = {
  // Possible heart attack or stroke: minutes matter, so nothing here asks the person to wait.
  emergency: 'Call emergency services now. Do not wait to see whether it passes.',
  settle: 'Stop and rest. Call emergency services if it has not settled within a few minutes, and at once if you faint or it comes with chest pain.',
  joint: 'Stop using that joint, and have it examined before you put load on it again.',
};

const PAUSED = 'Your plan is paused until a clinician has seen you and you record it (pace triage --cleared).';
const STAYS_PAUSED = 'Your plan stays paused until a clinician has seen you and you record it (pace triage --cleared).';
const STAYS_ON_HOLD = 'Your plan stays on hold until you record that you have been assessed (pace triage --cleared).';
const ASSESS = 'Stop or ease off this activity, and talk to your physiotherapist or doctor before you build up again.';
const NORMAL = 'These are normal responses to effort, not signs of harm.';

// F4 is said only when it is true: continue symptoms on a session that is a flare by F1 (a rise
// of 3 or more, a flare mark) get no reassurance, and the log names the flare instead.
const FLARE = 'On their own these symptoms would not stop you, but this session counts as a flare';

/**
 * T, T4: classifies the codes; the highest class wins and every match is listed. `hold` is the
 * hold or pause open today before these codes: the plan's step says what the plan does now, so
 * nothing says "carry on" or "will not increase" while the plan is paused (T2, T3).
 */
export function triage(codes: readonly string[], context: { flare?: boolean; hold?: OpenHold } = {}): TriageResult | null {
  const cls = highestClass(codes);
  if (cls === null) return null;
  const symptoms = codes.flatMap((code) => {
    const def = symptomDef(code);
    return def ? [{ code, class: def.class, label: def.label, rule: RULE[def.class] }] : [];
  });
  return withSteps(cls, symptoms, adviceSteps(cls, codes, context.flare === true, context.hold ?? null));
}

/** `pace triage` with nothing on the checklist: the plan goes on as it stands today. */
export function nothingNoted(hold: OpenHold): TriageResult {
  const text = hold === 'stop' ? `Nothing on the list. ${STAYS_PAUSED}` : hold === 'assess' ? `Nothing on the list. ${STAYS_ON_HOLD}` : 'Nothing on the list: carry on with your plan.';
  return withSteps('continue', [], [{ kind: 'continue', codes: [], text }]);
}

/** Whether the advice already says the plan is paused (T3), so that nothing after it says it again. */
export function saysPaused(result: TriageResult | null | undefined): boolean {
  return result?.steps.some((s) => s.text.includes(PAUSED) || s.text.includes(STAYS_PAUSED)) ?? false;
}

function withSteps(cls: TriageClass, symptoms: TriageMatch[], steps: AdviceStep[]): TriageResult {
  return { class: cls, symptoms, advice: steps.map((s) => s.text).join(' '), steps };
}

/** T3: every group of stop signs present, most urgent first, then how the plan waits. */
function adviceSteps(cls: TriageClass, codes: readonly string[], flare: boolean, hold: OpenHold): AdviceStep[] {
  if (cls === 'continue') {
    const all = [...codes];
    if (hold === 'stop') return [{ kind: flare ? 'flare' : 'continue', codes: all, text: `${flare ? `${FLARE}.` : NORMAL} ${STAYS_PAUSED}` }];
    if (flare) return [{ kind: 'flare', codes: all, text: `${FLARE}: do less for now, not nothing.${hold === 'assess' ? ` ${STAYS_ON_HOLD}` : ''}` }];
    return [{ kind: 'continue', codes: all, text: `${NORMAL} ${hold === 'assess' ? STAYS_ON_HOLD : 'Carry on with your plan.'}` }];
  }
  if (cls === 'assess') {
    const plan = hold === 'stop' ? STAYS_PAUSED : 'Your plan will not increase until you record that you have been assessed (pace triage --cleared).';
    return [{ kind: 'hold', codes: codes.filter((c) => symptomDef(c)?.class === 'assess'), text: `${ASSESS} ${plan}` }];
  }
  const steps: AdviceStep[] = [];
  for (const g of STOP_GROUPS) {
    // A stop sign with no group gets the most urgent step: never less advice than it needs.
    const mine = codes.filter((c) => symptomDef(c)?.class === 'stop' && (symptomDef(c)?.group ?? 'emergency') === g);
    if (mine.length) steps.push({ kind: g, codes: mine, text: STOP_STEPS[g] });
  }
  steps.push({ kind: 'pause', codes: [], text: hold === 'stop' ? STAYS_PAUSED : PAUSED });
  return steps;
}
