import type { TriageClass } from './types.js';

export interface SymptomDef {
  code: string;
  class: TriageClass;
  /** What the person felt, in plain words (pacing-model.md, table T). */
  label: string;
  /** T3: the group of stop signs that shares one next step (stop codes only). */
  group?: StopGroup;
}

/** T3's three groups of stop signs, each with its own next step, most urgent first. */
export const STOP_GROUPS = ['emergency', 'settle', 'joint'] as const;
export type StopGroup = (typeof STOP_GROUPS)[number];

/** F2: the assess symptom the next-day check records when the pain had not settled. */
export const PAIN_OVER_24H = 'pain-over-24h';

// Table T. The order is the order the checklist shows, grouped by class.
export const SYMPTOMS: readonly SymptomDef[] = [
  { code: 'muscle-fatigue', class: 'continue', label: 'tired muscles during the effort' },
  { code: 'mild-pain-increase', class: 'continue', label: 'a mild rise in my usual pain' },
  { code: 'effort-warmth', class: 'continue', label: 'feeling of effort, warmth, breathing harder' },
  { code: 'stiffness-easing', class: 'continue', label: 'stiffness after rest that eases as I move' },
  { code: 'pain-worsening', class: 'assess', label: 'pain that kept getting worse as I went on' },
  { code: 'pain-over-24h', class: 'assess', label: 'pain still raised more than a day after exercise' },
  { code: 'new-radiation', class: 'assess', label: 'new pain spreading into an arm or a leg' },
  { code: 'joint-swelling', class: 'assess', label: 'a joint that is clearly swollen' },
  { code: 'chest-pain', class: 'stop', label: 'chest pain, pressure or tightness', group: 'emergency' },
  { code: 'severe-breathlessness', class: 'stop', label: 'so short of breath I cannot speak in sentences', group: 'settle' },
  { code: 'dizziness', class: 'stop', label: 'dizzy, light-headed or fainting', group: 'settle' },
  { code: 'sudden-weakness', class: 'stop', label: 'sudden weakness or numbness in a limb or the face', group: 'emergency' },
  { code: 'joint-instability', class: 'stop', label: 'joint pain with the joint giving way or feeling unstable', group: 'joint' },
  { code: 'irregular-heartbeat', class: 'stop', label: 'a racing or irregular heartbeat', group: 'settle' },
  { code: 'confusion', class: 'stop', label: 'sudden confusion, or trouble speaking or seeing', group: 'emergency' },
];

const BY_CODE = new Map(SYMPTOMS.map((s) => [s.code, s]));

export const SYMPTOM_CODES: readonly string[] = SYMPTOMS.map((s) => s.code);

export function symptomDef(code: string): SymptomDef | undefined {
  return BY_CODE.get(code);
}

export function isSymptomCode(code: string): boolean {
  return BY_CODE.has(code);
}

const RANK: Record<TriageClass, number> = { continue: 0, assess: 1, stop: 2 };

export function higherClass(a: TriageClass, b: TriageClass): TriageClass {
  return RANK[a] >= RANK[b] ? a : b;
}

/** T: the highest class among the codes wins; null when there are no symptoms. */
export function highestClass(codes: readonly string[]): TriageClass | null {
  let worst: TriageClass | null = null;
  for (const code of codes) {
    const def = BY_CODE.get(code);
    if (!def) continue;
    worst = worst === null ? def.class : higherClass(worst, def.class);
  }
  return worst;
}

/** An assess or stop symptom: a warning sign (T2, T3), unlike the continue class (T1). */
export function isWarningCode(code: string): boolean {
  const cls = BY_CODE.get(code)?.class;
  return cls === 'assess' || cls === 'stop';
}
