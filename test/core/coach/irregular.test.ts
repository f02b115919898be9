import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepOf } from '../../../src/core/coach/amounts.js';
import { isFlareSession } from '../../../src/core/coach/flares.js';
import { holdAt } from '../../../src/core/coach/holds.js';
import { countsToward } from '../../../src/core/coach/progression.js';
import { planHistory } from '../../../src/core/coach/plan.js';
import { describeReason } from '../../../src/core/coach/reasons.js';
import type { ActivityPlan, TriageRecord } from '../../../src/core/coach/types.js';
import { addDays } from '../../../src/core/dates.js';
import type { Category, Session, Unit } from '../../../src/core/types.js';
import { MON, session, settings, week } from './builders.js';

// Irregular histories: several activities in different units, each done in runs of weeks with
// gaps of every length between them (one empty week, two to five, six or more), breaks that start
// in the baseline weeks or in week 1 itself, partial weeks, and now and then a flare.

interface Kind {
  activity: string;
  unit: Unit;
  category: Category;
  /** A comfortable first dose and how much it grows a week. */
  base: number;
  grow: number;
}

const KINDS: Kind[] = [
  { activity: 'walk', unit: 'min', category: 'aerobic', base: 10, grow: 1 },
  { activity: 'stretching', unit: 'min', category: 'mobility', base: 6, grow: 0.5 },
  { activity: 'sit-to-stand', unit: 'reps', category: 'strength', base: 6, grow: 1 },
  { activity: 'stairs', unit: 'steps', category: 'aerobic', base: 800, grow: 80 },
];

const segment = fc.record({
  gap: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 6, max: 9 })),
  weeks: fc.array(
    fc.record({ count: fc.integer({ min: 1, max: 5 }), noise: fc.integer({ min: -2, max: 2 }), flare: fc.integer({ min: 0, max: 11 }).map((x) => x === 0) }),
    { minLength: 1, maxLength: 5 },
  ),
});

const activityHistory = fc.record({ kind: fc.constantFrom(...KINDS), start: fc.integer({ min: 0, max: 3 }), segments: fc.array(segment, { minLength: 1, maxLength: 5 }) });

export const irregular = fc.array(activityHistory, { minLength: 1, maxLength: 3 }).map((acts) => {
  const sessions: Session[] = [];
  const seen = new Set<string>();
  for (const a of acts) {
    if (seen.has(a.kind.activity)) continue;
    seen.add(a.kind.activity);
    let w = a.start;
    let done = 0;
    for (const seg of a.segments) {
      w += seg.gap;
      for (const wk of seg.weeks) {
        const step = stepOf(a.kind.unit);
        const dose = Math.max(step, Math.round((a.kind.base + a.kind.grow * (done + wk.noise)) / step) * step);
        for (let i = 0; i < wk.count; i++) {
          const day = w * 7 + Math.floor((i * 7) / wk.count);
          sessions.push(
            session(addDays(MON, day), dose, { activity: a.kind.activity, unit: a.kind.unit, category: a.kind.category, flare: wk.flare && i === wk.count - 1 }),
          );
        }
        done += 1;
        w += 1;
      }
    }
  }
  return sessions;
});

const LAST = 40;

function replay(sessions: readonly Session[], pem = false, triageRecords: TriageRecord[] = []) {
  const h = planHistory({ sessions, settings: settings({ pem }), overrides: [], acceptances: [], triageRecords, until: week(LAST), today: week(LAST + 1) });
  const names = [...new Set(sessions.map((s) => s.activity))];
  return names.map((name) => ({
    name,
    plans: Array.from({ length: LAST }, (_, i) => h.activityPlan(name, week(i + 1))),
    weeks: Array.from({ length: LAST }, (_, i) => sessions.filter((s) => s.activity === name && s.date >= week(i + 1) && s.date < week(i + 2))),
  }));
}

/** A plan's level, underneath a pause (T3) too; null without one, and for a baseline (it repeats what was comfortable). */
function levelOf(p: ActivityPlan | null | undefined): [number, number] | null {
  if (!p) return null;
  if (p.change === 'baseline' || (p.reason.rule === 'Q10' && p.reason.kind === 'rebaseline')) return null;
  if (p.reason.rule === 'T3') return p.reason.resumeQuota === null ? null : [p.reason.resumeQuota, p.reason.resumeSessions];
  return p.quota === null ? null : [p.quota, p.sessionsPerWeek];
}

/** The week (0-based) of the last session before week `i`, or -1. */
function lastDoneBefore(weeks: readonly Session[][], i: number): number {
  for (let j = i - 1; j >= 0; j--) if ((weeks[j] ?? []).length > 0) return j;
  return -1;
}

describe('irregular histories: properties', () => {
  it('Q10/Q8: a return names the numbers it plans, never rises above the last week done, and says "down from" only a larger number', () => {
    fc.assert(
      fc.property(irregular, fc.boolean(), (sessions, pem) => {
        for (const a of replay(sessions, pem)) {
          a.plans.forEach((p, i) => {
            if (!p || p.reason.rule !== 'Q10') return;
            const r = p.reason;
            const last = lastDoneBefore(a.weeks, i);
            expect(last).toBeGreaterThanOrEqual(0);
            expect(r.weeks).toBe(i - last - 1);
            const lastPlan = a.plans[last] as ActivityPlan | null;
            // A week done in the baseline (or a restart) counts at the baseline, whatever it showed.
            const atLevel = lastPlan !== null && lastPlan.quota !== null && lastPlan.change !== 'baseline' && !(lastPlan.reason.rule === 'Q10' && lastPlan.reason.kind === 'rebaseline');
            if (r.kind === 'step') {
              expect([p.quota, p.sessionsPerWeek]).toEqual([r.to, r.toSessions]);
              expect(r.weeks).toBeGreaterThanOrEqual(2);
              expect(r.weeks).toBeLessThan(6);
              expect(r.to).toBeLessThanOrEqual(r.from);
              expect(r.toSessions).toBeLessThanOrEqual(r.fromSessions);
              if (atLevel) expect(r.from).toBe(lastPlan.quota);
            } else {
              expect(p.quota).toBe(r.quota);
              expect(r.weeks).toBeGreaterThanOrEqual(6);
              expect(r.quota).toBeLessThanOrEqual(Math.max(r.last / 2, stepOf(p.unit)));
              if (!r.held) expect(r.quota).toBeGreaterThan(r.last / 2 - stepOf(p.unit));
              if (atLevel) expect(r.last).toBe(lastPlan.quota);
            }
            const words = describeReason(r, p.unit, pem ? 'envelope' : 'graded');
            const down = /down from ([\d.]+)( [a-z]+)?/.exec(words);
            if (down) {
              const n = Number(down[1]);
              if (down[2]) expect(n).toBeGreaterThan(p.quota!);
              else expect(n).toBeGreaterThan(p.sessionsPerWeek);
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('Q4/Q10: after an empty week, the plan never asks for more than the week before', () => {
    fc.assert(
      fc.property(irregular, fc.boolean(), (sessions, pem) => {
        for (const a of replay(sessions, pem)) {
          for (let i = 1; i < LAST; i++) {
            const p = a.plans[i];
            const before = a.plans[i - 1];
            if (!p || !before || p.quota === null || before.quota === null) continue;
            if ((a.weeks[i - 1] ?? []).length > 0) continue;
            if (before.change === 'baseline') continue;
            expect(p.quota, `week ${i + 1} of ${a.name}`).toBeLessThanOrEqual(before.quota);
            expect(p.sessionsPerWeek).toBeLessThanOrEqual(before.sessionsPerWeek);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('S2: in envelope mode, a plan never rises on its own after a break', () => {
    fc.assert(
      fc.property(irregular, (sessions) => {
        for (const a of replay(sessions, true)) {
          for (let i = 1; i < LAST; i++) {
            const p = a.plans[i];
            const before = a.plans[i - 1];
            if (!p || !before || p.quota === null || before.quota === null) continue;
            if (before.change === 'baseline' || (before.reason.rule === 'Q10' && before.reason.kind === 'rebaseline')) continue;
            expect(p.change).not.toBe('increase');
            expect(p.quota, `week ${i + 1} of ${a.name}`).toBeLessThanOrEqual(before.quota);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('Q5/Q10: the week after a flare never asks for more than the week of the flare', () => {
    fc.assert(
      fc.property(irregular, (sessions) => {
        for (const a of replay(sessions)) {
          for (let i = 1; i < LAST; i++) {
            const p = a.plans[i];
            const before = a.plans[i - 1];
            if (!p || !before || p.quota === null || before.quota === null) continue;
            if (!(a.weeks[i - 1] ?? []).some(isFlareSession)) continue;
            expect(p.quota).toBeLessThanOrEqual(before.quota);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('Q4: a week not completed never makes the next one grow, however irregular the weeks', () => {
    fc.assert(
      fc.property(irregular, fc.boolean(), (sessions, pem) => {
        for (const a of replay(sessions, pem)) {
          for (let i = 1; i < LAST; i++) {
            const before = a.plans[i - 1];
            const was = levelOf(before);
            const p = a.plans[i];
            if (!p || !before || was === null || p.quota === null) continue;
            const counted = (a.weeks[i - 1] ?? []).filter((s) => countsToward(s.dose, was[0])).length;
            if (counted >= was[1]) continue;
            expect(p.change, `week ${i + 1} of ${a.name}`).not.toBe('increase');
            expect(p.quota).toBeLessThanOrEqual(was[0]);
            expect(p.sessionsPerWeek).toBeLessThanOrEqual(was[1]);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('T2/T3/Q10: while a hold or pause is open, nothing grows, before, across or after a break', () => {
    const records = fc.array(
      fc.record({ day: fc.integer({ min: 0, max: LAST * 7 }), length: fc.integer({ min: 1, max: 70 }), cls: fc.constantFrom<'assess' | 'stop'>('assess', 'stop') }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(irregular, fc.boolean(), records, (sessions, pem, recs) => {
        const triageRecords: TriageRecord[] = recs.flatMap((r) => [
          { date: addDays(MON, r.day), kind: 'triage' as const, class: r.cls, symptoms: [r.cls === 'stop' ? 'dizziness' : 'pain-worsening'] },
          { date: addDays(MON, r.day + r.length), kind: 'cleared' as const, class: null, symptoms: [] },
        ]);
        const free = replay(sessions, pem);
        for (const [k, a] of replay(sessions, pem, triageRecords).entries()) {
          for (let i = 1; i < LAST; i++) {
            if (holdAt(triageRecords, addDays(week(i + 1), -1)) === null) continue;
            // A baseline forms the same under a hold; a pause hides whether the week was one.
            if (levelOf(free[k]!.plans[i - 1]) === null || levelOf(free[k]!.plans[i]) === null) continue;
            const was = levelOf(a.plans[i - 1]);
            const now = levelOf(a.plans[i]);
            if (was === null || now === null) continue;
            expect(a.plans[i]!.change, `week ${i + 1} of ${a.name}`).not.toBe('increase');
            expect(now[0]).toBeLessThanOrEqual(was[0]);
            expect(now[1]).toBeLessThanOrEqual(was[1]);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
