import { describe, expect, it } from 'vitest';
import { decideTriage, triagesImported } from '../../src/core/safety.js';
import type { IsoDate } from '../../src/core/types.js';

const TODAY = '2026-11-21' as IsoDate;
const target = (date: string, codes: string[], sessionId = 1) => ({ sessionId, sessionDate: date as IsoDate, codes, flare: false });

describe('T5: one triage decision for every path', () => {
  it('T5: a stop symptom from log, edit, triage or a recent import opens a pause dated today', () => {
    for (const source of ['log', 'edit', 'triage', 'import'] as const) {
      const d = decideTriage(TODAY, source, [target('2026-11-18', ['chest-pain'])], null);
      expect(d.opens).toBe('stop');
      expect(d.records).toEqual([{ date: TODAY, sessionId: 1, class: 'stop', symptoms: ['chest-pain'] }]);
    }
  });

  it('T2/T3: the hold open once this is recorded: a pause beats a hold, whichever came first', () => {
    expect(decideTriage(TODAY, 'log', [target(TODAY, ['chest-pain'])], 'assess')).toMatchObject({ opens: 'stop', holdBefore: 'assess', holdToday: 'stop' });
    expect(decideTriage(TODAY, 'log', [target(TODAY, ['joint-swelling'])], 'stop')).toMatchObject({ opens: 'assess', holdBefore: 'stop', holdToday: 'stop' });
    expect(decideTriage(TODAY, 'log', [target(TODAY, ['joint-swelling'])], null)).toMatchObject({ opens: 'assess', holdBefore: null, holdToday: 'assess' });
  });

  it('T5: an imported session older than the last 7 days is history: no record, no advice', () => {
    expect(triagesImported('2026-11-14' as IsoDate, TODAY)).toBe(true);
    expect(triagesImported('2026-11-13' as IsoDate, TODAY)).toBe(false);
    const d = decideTriage(TODAY, 'import', [target('2026-11-13', ['chest-pain']), target('2026-11-20', ['joint-swelling'], 2)], null);
    expect(d.records).toEqual([{ date: TODAY, sessionId: 2, class: 'assess', symptoms: ['joint-swelling'] }]);
    expect(d.opens).toBe('assess');
    expect(d.sessionIds).toEqual([2]);
  });

  it('T5: several sessions: one record each, one advice for them all, the highest class wins', () => {
    const d = decideTriage(TODAY, 'import', [target('2026-11-19', ['pain-worsening']), target('2026-11-20', ['dizziness', 'muscle-fatigue'], 2)], null);
    expect(d.records.map((r) => r.class)).toEqual(['assess', 'stop']);
    expect(d.result!.class).toBe('stop');
    expect(d.result!.symptoms.map((m) => m.code)).toEqual(['pain-worsening', 'dizziness', 'muscle-fatigue']);
  });

  it('T: no symptoms open nothing, except that pace triage stores even an empty checklist', () => {
    expect(decideTriage(TODAY, 'edit', [target(TODAY, [])], null)).toEqual({ result: null, records: [], opens: null, holdBefore: null, holdToday: null, sessionIds: [] });
    expect(decideTriage(TODAY, 'triage', [{ sessionId: null, sessionDate: null, codes: [], flare: false }], null).records).toEqual([
      { date: TODAY, sessionId: null, class: 'continue', symptoms: [] },
    ]);
  });

  it('F4: continue symptoms on a flare session get the flare words, not the calm T1 ones', () => {
    const d = decideTriage(TODAY, 'edit', [{ ...target(TODAY, ['mild-pain-increase']), flare: true }], null);
    expect(d.result!.steps.map((s) => s.kind)).toEqual(['flare']);
    expect(d.result!.advice).toMatch(/counts as a flare: do less for now, not nothing/);
    expect(d.result!.advice).not.toMatch(/not signs of harm|carry on/i);
  });
});
