import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepOf } from '../../../src/core/coach/amounts.js';
import { personCycles } from '../../../src/core/coach/boombust.js';
import { isFlareSession } from '../../../src/core/coach/flares.js';
import { describeReason } from '../../../src/core/coach/reasons.js';
import { weekDayOf } from '../../../src/core/coach/history.js';
import type { Acceptance, ActivityPlan, Hold, Override, TriageRecord, WeekPlan } from '../../../src/core/coach/types.js';
import { isActivityRow, weeklyRecord, weeklyRows } from '../../../src/core/coach/weekly.js';
import { statusOf } from '../../../src/core/coach/status.js';
import { addDays } from '../../../src/core/dates.js';
import type { Session } from '../../../src/core/types.js';
import { history, steadyHistory } from './arbitraries.js';
import { MON, plan, session, settings, week } from './builders.js';

const WEEKS = 14;
const anyHistory = fc.oneof(history(WEEKS), steadyHistory(WEEKS));

function plansByWeek(sessions: readonly Session[], extra: Parameters<typeof plan>[2] = {}): WeekPlan[] {
  return Array.from({ length: WEEKS + 1 }, (_, i) => plan(sessions, week(i + 1), extra));
}

function find(p: WeekPlan, activity: string): ActivityPlan | undefined {
  return p.activities.find((a) => a.activity === activity);
}

function flareIn(sessions: readonly Session[], activity: string, weekStart: string): boolean {
  return sessions.some((s) => s.activity === activity && weekDayOf(s.date) === weekDayOf(weekStart as never) && isFlareSession(s));
}

const acceptances = fc.array(
  fc.record({ n: fc.integer({ min: 3, max: WEEKS }), q: fc.integer({ min: 10, max: 60 }) }).map(
    ({ n, q }): Acceptance => ({ activity: 'walk', weekStart: week(n), quota: q / 2, acceptedOn: addDays(week(n), -2) }),
  ),
  { maxLength: 3 },
);

describe('properties of the plan', () => {
  it('Q5: quotas (and sessions per week) never rise in a week after a flare', () => {
    fc.assert(
      fc.property(anyHistory, fc.boolean(), acceptances, (sessions, pem, acc) => {
        const plans = plansByWeek(sessions, { settings: settings({ pem }), acceptances: acc });
        for (let i = 1; i < plans.length; i++) {
          for (const now of plans[i]!.activities) {
            const before = find(plans[i - 1]!, now.activity);
            if (!before || before.quota === null || now.quota === null) continue;
            if (!flareIn(sessions, now.activity, plans[i - 1]!.weekStart)) continue;
            expect(now.quota).toBeLessThanOrEqual(before.quota);
            expect(now.sessionsPerWeek).toBeLessThanOrEqual(before.sessionsPerWeek);
            expect(now.change === 'drop-back' || now.change === 'baseline').toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('Q9: the plan for a week never depends on sessions on or after its Monday', () => {
    const later = fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 90 }), dose: fc.integer({ min: 1, max: 120 }), flare: fc.boolean(), activity: fc.constantFrom('walk', 'stretching', 'bike') }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(anyHistory, fc.integer({ min: 1, max: WEEKS }), later, fc.boolean(), (sessions, n, extra, pem) => {
        const weekStart = week(n);
        const before = sessions.filter((s) => s.date < weekStart);
        const after = extra.map((e) => session(addDays(weekStart, e.day), e.dose, { activity: e.activity, flare: e.flare, symptoms: e.flare ? ['chest-pain'] : [] }));
        const s = settings({ pem });
        expect(plan([...before, ...after], weekStart, { settings: s })).toEqual(plan(before, weekStart, { settings: s }));
      }),
      { numRuns: 150 },
    );
  });

  it('T2: an assess hold never increases a quota, but drop-backs still happen', () => {
    const hold: Hold = { kind: 'assess', since: MON, symptoms: ['pain-worsening'] };
    fc.assert(
      fc.property(anyHistory, fc.integer({ min: 2, max: WEEKS + 1 }), fc.boolean(), (sessions, n, pem) => {
        const s = settings({ pem });
        const held = plan(sessions, week(n), { settings: s, hold });
        const free = plan(sessions, week(n), { settings: s });
        const last = plan(sessions, week(n - 1), { settings: s });
        for (const a of held.activities) {
          expect(a.change).not.toBe('increase');
          expect(a.change).not.toBe('offer');
          const f = find(free, a.activity)!;
          expect(a.quota ?? 0).toBeLessThanOrEqual(f.quota ?? 0);
          const prev = find(last, a.activity);
          // Q1/Q10: a baseline (a new one after a long break too) repeats what was comfortable.
          if (!prev || prev.change === 'baseline' || (prev.reason.rule === 'Q10' && prev.reason.kind === 'rebaseline')) continue;
          expect(a.quota!).toBeLessThanOrEqual(prev.quota!);
          if (flareIn(sessions, a.activity, last.weekStart)) expect(a.change).toBe('drop-back');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('T2: under a hold no week asks for more than the week before it, in quota or sessions, a baseline included', () => {
    // A hold open from before the first week, never cleared: every week is planned under it.
    const triageRecords: TriageRecord[] = [{ date: addDays(MON, -1), kind: 'triage', class: 'assess', symptoms: ['pain-worsening'] }];
    fc.assert(
      fc.property(anyHistory, fc.integer({ min: 2, max: WEEKS + 1 }), fc.boolean(), (sessions, n, pem) => {
        const s = settings({ pem });
        const held = plan(sessions, week(n), { settings: s, triageRecords });
        const last = plan(sessions, week(n - 1), { settings: s, triageRecords });
        for (const a of held.activities) {
          const prev = find(last, a.activity);
          if (!prev || prev.quota === null) continue;
          expect(a.quota!).toBeLessThanOrEqual(prev.quota);
          expect(a.sessionsPerWeek).toBeLessThanOrEqual(prev.sessionsPerWeek);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('S2: envelope mode never increases without an acceptance', () => {
    fc.assert(
      fc.property(anyHistory, acceptances, (sessions, acc) => {
        const plans = plansByWeek(sessions, { settings: settings({ pem: true }), acceptances: acc });
        for (let i = 1; i < plans.length; i++) {
          for (const now of plans[i]!.activities) {
            const before = find(plans[i - 1]!, now.activity);
            // Q1/Q10: a baseline (a new one after a long break too) repeats what was comfortable.
            const rebaseline = before?.reason.rule === 'Q10' && before.reason.kind === 'rebaseline';
            if (!before || before.change === 'baseline' || rebaseline) continue;
            const accepted = acc.some((a) => a.activity === now.activity && a.weekStart === plans[i]!.weekStart);
            if (!accepted) {
              expect(now.change).not.toBe('increase');
              expect(now.quota!).toBeLessThanOrEqual(before.quota!);
              expect(now.sessionsPerWeek).toBeLessThanOrEqual(before.sessionsPerWeek);
            }
            if (now.change === 'offer') expect(now.offer!).toBeGreaterThan(now.quota!);
            else expect(now.offer).toBeNull();
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('Q2/F3: quotas sit on the unit\'s resolution, and the flare-day dose is half or less', () => {
    fc.assert(
      fc.property(anyHistory, (sessions) => {
        for (const p of plansByWeek(sessions)) {
          for (const a of p.activities) {
            expect(a.quota).not.toBeNull();
            expect(Math.round((a.quota as number) * 100) % Math.round(stepOf(a.unit) * 100)).toBe(0);
            expect(a.flareDayDose!).toBeLessThanOrEqual(Math.max((a.quota as number) / 2, stepOf(a.unit)));
            expect(a.sessionsPerWeek).toBeGreaterThanOrEqual(1);
            expect(a.sessionsPerWeek).toBeLessThanOrEqual(7);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('Q8: an increase names the numbers it moved to, and never a step of nothing', () => {
    // Steady histories moved up, so that baselines and quotas reach the session ceiling (Q6) too.
    const nearCeiling = fc
      .tuple(steadyHistory(WEEKS), fc.integer({ min: 0, max: 40 }), fc.boolean())
      .map(([sessions, more, stretching]) =>
        sessions.map((x) => ({ ...x, dose: x.dose + more / 2, ...(stretching ? { activity: 'stretching', category: 'mobility' as const } : {}) })),
      );
    fc.assert(
      fc.property(fc.oneof(anyHistory, nearCeiling), (sessions) => {
        const plans = plansByWeek(sessions);
        for (let i = 1; i < plans.length; i++) {
          for (const a of plans[i]!.activities) {
            const r = a.reason;
            const words = describeReason(r, a.unit);
            expect(words).not.toMatch(/\+0(\.0)? /);
            if (r.rule === 'Q2' && r.kind === 'after-baseline') {
              expect([a.change, a.quota, r.to > r.baseline]).toEqual(['increase', r.to, true]);
            }
            if (r.rule === 'Q2' && r.kind === 'completed') {
              expect([a.change, a.quota, r.to > r.from]).toEqual(['increase', r.to, true]);
              expect(a.sessionsPerWeek).toBe(find(plans[i - 1]!, a.activity)?.sessionsPerWeek);
            }
            if (r.rule === 'Q6' && r.kind === 'sessions') {
              expect([a.change, a.quota, a.sessionsPerWeek, r.to]).toEqual(['increase', r.quota, r.to, r.from + 1]);
            }
            if (r.rule === 'Q5') expect([a.quota, a.sessionsPerWeek]).toEqual([r.to, r.toSessions]);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('E2/Q9: the weekly export shows the same quota as the plan of each week', () => {
    const records = fc.array(
      fc.record({ day: fc.integer({ min: 0, max: WEEKS * 7 }), kind: fc.constantFrom('triage', 'triage', 'cleared'), cls: fc.constantFrom('continue', 'assess', 'stop') }),
      { maxLength: 4 },
    );
    const overrides = fc.array(
      fc.record({ n: fc.integer({ min: 1, max: WEEKS }), q: fc.option(fc.integer({ min: 4, max: 40 })), spw: fc.option(fc.integer({ min: 1, max: 7 })) }),
      { maxLength: 2 },
    );
    fc.assert(
      fc.property(anyHistory, records, overrides, fc.boolean(), (sessions, recs, ovs, pem) => {
        const triageRecords: TriageRecord[] = recs.map((r) => ({
          date: addDays(MON, r.day),
          kind: r.kind as TriageRecord['kind'],
          class: r.kind === 'cleared' ? null : (r.cls as 'continue' | 'assess' | 'stop'),
          symptoms: [],
        }));
        const ov: Override[] = ovs
          .filter((o) => o.q !== null || o.spw !== null)
          .map((o) => ({ activity: 'walk', weekStart: week(o.n), quota: o.q, sessionsPerWeek: o.spw, setOn: week(o.n) }));
        const s = settings({ pem });
        const rows = weeklyRows({ sessions, settings: s, overrides: ov, acceptances: [], triageRecords, to: week(WEEKS), today: week(WEEKS + 1) });
        for (const row of rows.filter(isActivityRow)) {
          const p = find(plan(sessions, row.week_start, { settings: s, overrides: ov, triageRecords }), row.activity);
          expect(row.quota).toBe(p?.quota ?? null);
          expect(row.sessions_planned).toBe(p?.sessionsPerWeek ?? null);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('E2/Q3: on any day, status and the weekly export show this week alike: quota, sessions planned and done, mode, pause', () => {
    const records = fc.array(
      fc.record({ day: fc.integer({ min: 0, max: WEEKS * 7 }), kind: fc.constantFrom('triage', 'triage', 'cleared'), cls: fc.constantFrom('continue', 'assess', 'stop') }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(anyHistory, records, fc.integer({ min: 0, max: WEEKS * 7 - 1 }), (all, recs, day) => {
        const today = addDays(MON, day);
        // What the journal holds on that day: nothing logged or recorded after it.
        const sessions = all.filter((x) => x.date <= today);
        const triageRecords: TriageRecord[] = recs
          .map((r) => ({ date: addDays(MON, r.day), kind: r.kind as TriageRecord['kind'], class: r.kind === 'cleared' ? null : (r.cls as 'continue' | 'assess' | 'stop'), symptoms: [] }))
          .filter((r) => r.date <= today);
        const h = { sessions, settings: settings(), overrides: [], acceptances: [], triageRecords };
        const status = statusOf({ ...h, today, clockToday: true });
        const rows = weeklyRows({ ...h, today, clockToday: true }).filter(isActivityRow).filter((r) => r.week_start === status.weekStart);
        for (const a of status.activities) {
          const row = rows.find((r) => r.activity === a.activity);
          expect(row, a.activity).toBeDefined();
          expect([row?.quota, row?.sessions_planned, row?.sessions_done, row?.mode]).toEqual([a.plan?.quota ?? null, a.plan?.sessionsPerWeek ?? null, a.sessionsDone, status.mode]);
        }
        expect(rows.map((r) => r.activity).sort()).toEqual(status.activities.map((a) => a.activity).sort());
      }),
      { numRuns: 80 },
    );
  });

  it("B2/B3: in every week the person's cycles are at most the activities' rows added, and equal with one activity", () => {
    fc.assert(
      fc.property(anyHistory, fc.integer({ min: 0, max: WEEKS * 7 - 1 }), (all, day) => {
        const today = addDays(MON, day);
        const h = { settings: settings(), overrides: [], acceptances: [], triageRecords: [], today };
        // For each week: [the person's cycles, the rows' cycles added].
        const byWeek = (sessions: Session[]) => {
          const { rows, cycles } = weeklyRecord({ ...h, sessions: sessions.filter((x) => x.date <= today) });
          const mondays = [...new Set(rows.map((r) => r.week_start))];
          return mondays.map((m) => [personCycles(cycles, m, addDays(m, 6)), rows.filter(isActivityRow).filter((r) => r.week_start === m).reduce((a, r) => a + r.boom_bust_cycles, 0)]);
        };
        const walks = all.filter((x) => x.activity === 'walk');
        // A ride on the days and doses of each walk: its booms end in the walks' busts.
        const rides = walks.map((x) => ({ ...x, id: x.id + 500_000, activity: 'ride' }));
        for (const [person, rows] of byWeek([...all, ...rides])) expect(person).toBeLessThanOrEqual(rows!);
        for (const [person, rows] of byWeek(walks)) expect(person).toBe(rows);
      }),
      { numRuns: 80 },
    );
  });
});
