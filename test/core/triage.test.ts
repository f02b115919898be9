import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYMPTOM_CODES } from '../../src/core/symptoms.js';
import { triage } from '../../src/core/triage.js';

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

  it('T3: stop advice names emergency services and says how the pause ends', () => {
    const advice = adviceFor('stop');
    expect(advice).toMatch(/emergency services/i);
    expect(advice).toMatch(/pace triage --cleared/);
  });

  it('T2: assess advice says to ease off, be checked by a physiotherapist or doctor (as the hold line says), and how the hold ends', () => {
    const advice = adviceFor('assess');
    // The hold's way out says "a physiotherapist or doctor"; "a physician" alone ruled out the physio.
    expect(advice).toMatch(/physiotherapist or doctor/);
    expect(advice).not.toMatch(/physician/i);
    expect(advice).toMatch(/pace triage --cleared/);
    expect(advice).not.toMatch(/emergency/i);
  });

  it('T1: continue advice is calm: no "stop", no emergency', () => {
    const advice = adviceFor('continue');
    expect(advice).not.toMatch(/stop|emergency/i);
    expect(advice).toMatch(/plan/i);
  });

  it('T: continue and assess advice belong to their class, whatever the symptoms', () => {
    fc.assert(
      fc.property(someCodes, (codes) => {
        const r = triage(codes)!;
        if (r.class !== 'stop') expect(r.advice).toBe(adviceFor(r.class));
        else expect(r.advice).toMatch(/pace triage --cleared/);
      }),
    );
  });
});

describe('T2: the hold step answers the assess signs only', () => {
  it('T1/T2: a continue symptom beside an assess sign is not one of the signs the hold is for', () => {
    const r = triage(['muscle-fatigue', 'joint-swelling', 'effort-warmth', 'new-radiation'])!;
    expect(r.steps.map((s) => [s.kind, s.codes])).toEqual([['hold', ['joint-swelling', 'new-radiation']]]);
  });
});

describe('T3: what to do next depends on the sign', () => {
  const EMERGENCY = ['chest-pain', 'sudden-weakness', 'confusion'] as const;
  const SETTLE = ['severe-breathlessness', 'dizziness', 'irregular-heartbeat'] as const;

  it.each(EMERGENCY)('T3: %s (possible heart attack or stroke): call emergency services now, no waiting', (code) => {
    const r = triage([code])!;
    expect(r.advice).toMatch(/^Call emergency services now\b/);
    expect(r.advice).toMatch(/do not wait/i);
    expect(r.advice).not.toMatch(/few minutes|settle/i);
  });

  it.each(SETTLE)('T3: %s: stop and rest, call if it does not settle in a few minutes, at once if fainting or chest pain', (code) => {
    const r = triage([code])!;
    expect(r.advice).toMatch(/^Stop and rest\b/);
    expect(r.advice).toMatch(/few minutes/);
    expect(r.advice).toMatch(/faint/);
    expect(r.advice).toMatch(/chest pain/);
  });

  it('T3: joint-instability: stop using that joint and have it examined before loading it again', () => {
    const r = triage(['joint-instability'])!;
    expect(r.advice).toMatch(/^Stop using that joint/);
    expect(r.advice).toMatch(/examined/);
    expect(r.advice).not.toMatch(/emergency/i);
  });

  it('T3: several signs: the most urgent advice first, and every group that applies, then the pause', () => {
    const r = triage(['joint-instability', 'dizziness', 'muscle-fatigue', 'confusion'])!;
    expect(r.steps.map((s) => [s.kind, s.codes])).toEqual([
      ['emergency', ['confusion']],
      ['settle', ['dizziness']],
      ['joint', ['joint-instability']],
      ['pause', []],
    ]);
    expect(r.advice.indexOf('Call emergency services now')).toBe(0);
    expect(r.advice.indexOf('Stop and rest')).toBeLessThan(r.advice.indexOf('Stop using that joint'));
  });

  it('T3: any set of signs with a stop sign: the advice opens with the most urgent group present', () => {
    fc.assert(
      fc.property(someCodes, (codes) => {
        const r = triage(codes)!;
        if (r.class !== 'stop') return;
        const first = codes.some((c) => (EMERGENCY as readonly string[]).includes(c))
          ? 'Call emergency services now'
          : codes.some((c) => (SETTLE as readonly string[]).includes(c))
            ? 'Stop and rest'
            : 'Stop using that joint';
        expect(r.advice.startsWith(first)).toBe(true);
        expect(r.steps.at(-1)!.kind).toBe('pause');
      }),
    );
  });
});

describe('F4: no reassurance for a flare (T1 words on a session F1 calls a flare)', () => {
  it('F4: continue symptoms on a flare session get no "not signs of harm", no "carry on"', () => {
    const r = triage(['mild-pain-increase'], { flare: true })!;
    expect(r.class).toBe('continue');
    expect(r.advice).not.toMatch(/harm|damage|expected|carry on/i);
    expect(r.advice).toMatch(/flare/);
  });
});
