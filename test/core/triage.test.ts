import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYMPTOM_CODES } from '../../src/core/symptoms.js';
import { isExpectedResponse, triage } from '../../src/core/triage.js';

// Table T of pacing-model.md, copied here on purpose: the test is the spec, not the code's own list.
const TABLE_T = {
  'muscle-fatigue': 'continue',
  'mild-pain-increase': 'continue',
  'effort-warmth': 'continue',
  'stiffness-easing': 'continue',
  'pain-worsening': 'assess',
  'pain-over-24h': 'assess',
  'new-radiation': 'assess',
  'joint-swelling': 'assess',
  'chest-pain': 'stop',
  'severe-breathlessness': 'stop',
  dizziness: 'stop',
  'sudden-weakness': 'stop',
  'joint-instability': 'stop',
  'irregular-heartbeat': 'stop',
  confusion: 'stop',
} as const;

type Code = keyof typeof TABLE_T;
type Class = (typeof TABLE_T)[Code];
const CODES = Object.keys(TABLE_T) as Code[];
const RULE: Record<Class, string> = { continue: 'T1', assess: 'T2', stop: 'T3' };
const RANK: Record<Class, number> = { continue: 0, assess: 1, stop: 2 };

const someCodes = fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: CODES.length });

describe('triage: table T, one symptom at a time', () => {
  it('T: pace knows exactly the fifteen codes of table T', () => {
    expect([...SYMPTOM_CODES].sort()).toEqual([...CODES].sort());
  });

  it.each(CODES.map((c) => [c, TABLE_T[c]] as const))('T: %s is %s', (code, cls) => {
    const r = triage([code]);
    expect(r?.class).toBe(cls);
    expect(r?.symptoms).toEqual([expect.objectContaining({ code, class: cls, rule: RULE[cls] })]);
  });

  it('T4: every matched symptom comes with the plain words of what the person felt', () => {
    for (const code of CODES) expect(triage([code])!.symptoms[0]!.label.trim()).not.toBe('');
  });

  it('T: nothing ticked is no triage at all', () => {
    expect(triage([])).toBeNull();
  });
});

describe('triage: combinations', () => {
  it('T: the highest class present wins, whatever the order', () => {
    fc.assert(
      fc.property(someCodes, (codes) => {
        const top = codes.map((c) => TABLE_T[c]).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
        expect(triage(codes)!.class).toBe(top);
        expect(triage([...codes].reverse())!.class).toBe(top);
      }),
    );
  });

  it('T4: every matched symptom is listed once, in the order given, with its own class and rule', () => {
    fc.assert(
      fc.property(someCodes, (codes) => {
        expect(triage(codes)!.symptoms.map((m) => [m.code, m.class, m.rule])).toEqual(codes.map((c) => [c, TABLE_T[c], RULE[TABLE_T[c]]]));
      }),
    );
  });

  it('T: a continue symptom next to a stop symptom does not soften the stop', () => {
    expect(triage(['muscle-fatigue', 'effort-warmth', 'dizziness'])!.class).toBe('stop');
    expect(triage(['stiffness-easing', 'new-radiation'])!.class).toBe('assess');
    expect(triage(['joint-swelling', 'irregular-heartbeat', 'pain-worsening'])!.class).toBe('stop');
  });
});

describe('triage: what the person is told', () => {
  const adviceFor = (cls: Class) => triage([CODES.find((c) => TABLE_T[c] === cls)!])!.advice;

  it('T3: stop advice says to stop, names emergency services, and says how the pause ends', () => {
    const advice = adviceFor('stop');
    expect(advice).toMatch(/\bstop\b/i);
    expect(advice).toMatch(/emergency services/i);
    expect(advice).toMatch(/chest pain/i);
    expect(advice).toMatch(/pace triage --cleared/);
  });

  it('T2: assess advice says to ease off, see a physician, and how the hold ends', () => {
    const advice = adviceFor('assess');
    expect(advice).toMatch(/physician|doctor|clinician/i);
    expect(advice).toMatch(/pace triage --cleared/);
    expect(advice).not.toMatch(/emergency/i);
  });

  it('T1: continue advice is calm: no "stop", no emergency', () => {
    const advice = adviceFor('continue');
    expect(advice).not.toMatch(/stop|emergency/i);
    expect(advice).toMatch(/plan/i);
  });

  it('T: the advice always belongs to the winning class', () => {
    fc.assert(
      fc.property(someCodes, (codes) => {
        const r = triage(codes)!;
        expect(r.advice).toBe(adviceFor(r.class));
      }),
    );
  });
});

describe('F4: hurt is not harm', () => {
  it.each([
    [3, 3, true],
    [3, 5, true],
    [0, 2, true],
    [5, 2, true],
    [3, 6, false],
    [0, 10, false],
    [null, 4, false],
    [4, null, false],
  ] as const)('pain %s -> %s: expected response is %s', (before, after, expected) => {
    expect(isExpectedResponse(before, after)).toBe(expected);
  });
});
