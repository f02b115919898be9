import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flareReasons, isFlareSession } from '../../src/core/coach/flares.js';
import { flareDayOver, flareOfDay, latestFlare, sessionResponse } from '../../src/core/sessionResponse.js';
import { addDays } from '../../src/core/dates.js';
import { SYMPTOM_CODES } from '../../src/core/symptoms.js';
import type { IsoDate, Session } from '../../src/core/types.js';

const TODAY = '2026-11-21' as IsoDate;

function walk(over: Partial<Session> = {}): Session {
  return {
    id: 1, date: TODAY, activity: 'walk', unit: 'min', category: 'aerobic', dose: 12,
    painBefore: 3, painAfter: 4, effort: null, flare: false, symptoms: [], note: null, ...over,
  };
}

describe('F1, F3, F4: how the log reads a session', () => {
  it('F1, F4: pain 1 -> 7 with mild-pain-increase is a flare (a rise of 6), not an expected response', () => {
    const r = sessionResponse(walk({ painBefore: 1, painAfter: 7, symptoms: ['mild-pain-increase'] }), 12, false);
    expect(r).toEqual({ kind: 'flare', reasons: [{ kind: 'pain-rise', from: 1, to: 7 }], flareDay: expect.objectContaining({ dose: 6 }) });
  });

  it('F3: a walk with pain 2 -> 8 gets the flare-day dose: half the quota, to the unit\'s step', () => {
    const r = sessionResponse(walk({ painBefore: 2, painAfter: 8, dose: 13 }), 13, false);
    expect(r.kind === 'flare' && r.flareDay).toEqual({ activity: 'walk', dose: 6.5, unit: 'min', basis: 'quota', of: 13 });
  });

  it('F3: with no plan yet (a first walk), the flare-day dose is half of what was just done', () => {
    const r = sessionResponse(walk({ painBefore: 2, painAfter: 8, dose: 20 }), null, false);
    expect(r.kind === 'flare' && r.flareDay).toEqual({ activity: 'walk', dose: 10, unit: 'min', basis: 'session', of: 20 });
  });

  it('F3: a flare logged after its day and the day after gives no flare-day dose, as status gives none', () => {
    const old = walk({ date: addDays(TODAY, -2), painBefore: 2, painAfter: 8 });
    expect(flareDayOver(old.date, TODAY)).toBe(true);
    expect(flareDayOver(addDays(TODAY, -1), TODAY)).toBe(false);
    expect(sessionResponse(old, 12, false, false, true)).toEqual({ kind: 'flare', reasons: [{ kind: 'pain-rise', from: 2, to: 8 }], flareDay: null, past: true });
    expect(latestFlare([old], TODAY, [{ activity: 'walk', unit: 'min', quota: 12 }], false)).toBeNull();
  });

  it('F3, T3: while the plan is paused there is no flare-day dose to give', () => {
    const r = sessionResponse(walk({ symptoms: ['chest-pain'] }), null, true);
    expect(r).toEqual({ kind: 'flare', reasons: [{ kind: 'symptom', codes: ['chest-pain'] }], flareDay: null });
  });

  it('F1: every reason is named: a mark, a rise of 3 or more, assess and stop symptoms (continue ones are not)', () => {
    const s = walk({ flare: true, painBefore: 2, painAfter: 5, symptoms: ['muscle-fatigue', 'joint-swelling', 'dizziness'] });
    expect(flareReasons(s)).toEqual([{ kind: 'marked' }, { kind: 'pain-rise', from: 2, to: 5 }, { kind: 'symptom', codes: ['joint-swelling', 'dizziness'] }]);
  });

  it('F4: a rise of at most 2 with no flare reason is an expected response; no pain recorded says nothing', () => {
    expect(sessionResponse(walk({ painBefore: 3, painAfter: 5, symptoms: ['muscle-fatigue'] }), 12, false)).toEqual({ kind: 'expected', from: 3, to: 5 });
    expect(sessionResponse(walk({ painBefore: null }), 12, false)).toEqual({ kind: 'none' });
  });

  it('F4, F2: no reassurance when the same log records that the pain of the day before has not settled', () => {
    expect(sessionResponse(walk({ painBefore: 3, painAfter: 5 }), 12, false, true)).toEqual({ kind: 'unsettled', from: 3, to: 5 });
    expect(sessionResponse(walk({ painBefore: null }), 12, false, true)).toEqual({ kind: 'none' });
    expect(sessionResponse(walk({ flare: true }), 12, false, true).kind).toBe('flare');
  });

  it('F1: flareReasons and isFlareSession always agree', () => {
    const scale = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
    fc.assert(
      fc.property(fc.boolean(), scale, scale, fc.subarray([...SYMPTOM_CODES]), (flare, painBefore, painAfter, symptoms) => {
        const s = walk({ flare, painBefore, painAfter, symptoms });
        expect(flareReasons(s).length > 0).toBe(isFlareSession(s));
        expect(sessionResponse(s, 12, false).kind === 'flare').toBe(isFlareSession(s));
      }),
    );
  });
});

describe('F3 in status: the flare-day dose while the latest session is a flare', () => {
  const plans = [
    { activity: 'walk', unit: 'min' as const, quota: 12 },
    { activity: 'squats', unit: 'reps' as const, quota: 9 },
  ];

  it('F3: the latest session a flare: half of each planned quota', () => {
    const sessions = [walk({ id: 1, date: '2026-11-19' as IsoDate }), walk({ id: 2, painBefore: 2, painAfter: 8 })];
    const f = latestFlare(sessions, TODAY, plans, false)!;
    expect(f).toMatchObject({ date: TODAY, activity: 'walk', sessionId: 2 });
    expect(f.doses.map((d) => [d.activity, d.dose])).toEqual([['walk', 6], ['squats', 4]]);
  });

  it('F3: a later session that is not a flare ends it, even on the same day', () => {
    const sessions = [walk({ id: 1, painBefore: 2, painAfter: 8 }), walk({ id: 2 })];
    expect(latestFlare(sessions, TODAY, plans, false)).toBeNull();
  });

  it('F3: flareOfDay keeps the flare day through the lighter sessions logged after it that day', () => {
    const yesterday = addDays(TODAY, -1) as IsoDate;
    const flared = walk({ id: 1, date: yesterday, painBefore: 2, painAfter: 8 });
    const eased = walk({ id: 2, dose: 6 });
    expect(latestFlare([flared, eased], TODAY, plans, false)).toBeNull();
    expect(flareOfDay([flared, eased], TODAY, plans, false)).toMatchObject({ date: yesterday, sessionId: 1 });
    // A flare today, then a lighter session the same day: still the flare day.
    expect(flareOfDay([walk({ id: 1, painBefore: 2, painAfter: 8 }), walk({ id: 2, dose: 6 })], TODAY, plans, false)?.sessionId).toBe(1);
    // A session after the flare on an earlier day ends it, as in latestFlare.
    expect(flareOfDay([walk({ id: 1, date: addDays(TODAY, -2) as IsoDate, painBefore: 2, painAfter: 8 }), walk({ id: 2, date: yesterday })], TODAY, plans, false)).toBeNull();
  });

  it('F3: a flare today or yesterday is the flare day; one two days back is history', () => {
    const on = (date: string) => [walk({ id: 1, date: date as IsoDate, painBefore: 2, painAfter: 8 })];
    expect(latestFlare(on(addDays(TODAY, -1)), TODAY, plans, false)?.doses.map((d) => d.dose)).toEqual([6, 4]);
    expect(latestFlare(on(addDays(TODAY, -2)), TODAY, plans, false)).toBeNull();
  });

  it('F3, T2/T3: a flare with an assess or stop sign is named, but gets no flare-day dose: the advice is to stop and be seen', () => {
    for (const code of ['joint-swelling', 'chest-pain']) {
      const f = latestFlare([walk({ id: 1, symptoms: [code] })], TODAY, plans, false)!;
      expect(f.reasons).toEqual([{ kind: 'symptom', codes: [code] }]);
      expect(f.doses).toEqual([]);
    }
  });

  it('F3: an activity first done this week (no plan) gets half its own dose; a paused plan gets none (T3)', () => {
    const bike = walk({ id: 3, activity: 'bike', dose: 15, flare: true });
    expect(latestFlare([bike], TODAY, plans, false)!.doses.at(-1)).toEqual({ activity: 'bike', dose: 7.5, unit: 'min', basis: 'session', of: 15 });
    expect(latestFlare([bike], TODAY, plans, true)!.doses).toEqual([]);
  });
});
