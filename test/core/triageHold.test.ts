import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideTriage } from '../../src/core/safety.js';
import { STOP_GROUPS, SYMPTOMS, SYMPTOM_CODES } from '../../src/core/symptoms.js';
import { nothingNoted, triage } from '../../src/core/triage.js';
import type { IsoDate } from '../../src/core/types.js';

const TODAY = '2026-11-21' as IsoDate;
const CARRY_ON = /carry on with your plan|will not increase/i;

describe('T2, T3: the advice says what the plan does today, with the hold already open', () => {
  it('T3 (seen): continue symptoms during an open pause do not say "carry on": the plan stays paused', () => {
    const d = decideTriage(TODAY, 'log', [{ sessionId: 1, sessionDate: TODAY, codes: ['muscle-fatigue'], flare: false }], 'stop');
    expect(d.result!.advice).not.toMatch(CARRY_ON);
    expect(d.result!.advice).toMatch(/stays paused until/);
    expect(d.holdToday).toBe('stop');
  });

  it('T2: continue symptoms during an open hold say the plan stays on hold', () => {
    const r = triage(['effort-warmth'], { hold: 'assess' })!;
    expect(r.advice).not.toMatch(CARRY_ON);
    expect(r.advice).toMatch(/stays on hold until/);
  });

  it('T3, F3: a flare during a pause is not told to "do less, not nothing"', () => {
    const r = triage(['mild-pain-increase'], { flare: true, hold: 'stop' })!;
    expect(r.advice).not.toMatch(/not nothing/);
    expect(r.advice).toMatch(/stays paused/);
  });

  it('T3 (seen): an assess sign during an open pause is not told the plan "will not increase"', () => {
    const r = triage(['pain-over-24h'], { hold: 'stop' })!;
    expect(r.advice).not.toMatch(CARRY_ON);
    expect(r.advice).toMatch(/stays paused until a clinician/);
  });

  it('T2, T3: an empty checklist says "carry on" only when no hold is open', () => {
    expect(nothingNoted(null).advice).toMatch(/carry on with your plan/);
    expect(nothingNoted('stop').advice).toMatch(/stays paused/);
    expect(nothingNoted('assess').advice).toMatch(/stays on hold/);
    expect(nothingNoted('stop').advice).not.toMatch(CARRY_ON);
  });

  it('T2, T3: with no hold open the words are as before', () => {
    expect(triage(['muscle-fatigue'], { hold: null })!.advice).toMatch(/Carry on with your plan/);
    expect(triage(['joint-swelling'])!.advice).toMatch(/will not increase/);
  });

  it('T3: whatever is recorded during a pause, no advice says "carry on" or "will not increase"', () => {
    fc.assert(
      fc.property(fc.subarray([...SYMPTOM_CODES], { minLength: 1 }), fc.boolean(), (codes, flare) => {
        const r = triage(codes, { flare, hold: 'stop' })!;
        expect(r.advice).not.toMatch(CARRY_ON);
        expect(r.advice).not.toMatch(/not nothing/);
      }),
    );
  });
});

describe('T3: every stop sign has its own next step', () => {
  it('T3: each stop code in the SYMPTOMS table names one of the advice groups, and gets that step', () => {
    for (const def of SYMPTOMS.filter((s) => s.class === 'stop')) {
      expect(STOP_GROUPS).toContain(def.group);
      expect(triage([def.code])!.steps[0]!.kind).toBe(def.group);
    }
  });
});
