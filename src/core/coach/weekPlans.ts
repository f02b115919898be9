import { BASELINE_SESSIONS, BASELINE_WEEKS, type BaselineWindow } from './baseline.js';
import { restartLevel, type Restart } from './breaks.js';
import { flareDayDose } from './flares.js';
import type { ActivityMeta } from './history.js';
import { compareLevels, type Level } from './progression.js';
import type { Decision, Ladder } from './transition.js';
import type { IsoDate } from '../types.js';
import type { ActivityPlan, Hold, Override, Reason } from './types.js';

// One week's plan of one activity, as the replay (replay.ts) builds it from a decision, a baseline
// window or a long break, and as the views lay a pause over it.

/**
 * Q7: an override cut to `level` field by field; null when it asks for nothing lower, so that the
 * rules' own plan (and reason) stands. With no level to compare with, it stands as set.
 */
function lowerOnly(o: Override, level: Level | null): Override | null {
  if (level === null) return o;
  const quota = o.quota !== null && o.quota < level.quota ? o.quota : null;
  const sessionsPerWeek = o.sessionsPerWeek !== null && o.sessionsPerWeek < level.sessionsPerWeek ? o.sessionsPerWeek : null;
  return quota === null && sessionsPerWeek === null ? null : { ...o, quota, sessionsPerWeek };
}

/**
 * Q7/T2: an override set while a hold was open: it keeps only what it lowers below the week as it
 * stood then, that is the override it replaced (as that one is in force) or the rules' `level`,
 * and what it leaves comes from the replaced one. In a week the hold covers (`guarded`), the
 * replaced one is itself cut to `level`, as any override is there.
 */
function lowerUnderHold(o: Override, level: Level | null, guarded: boolean): Override | null {
  const before = o.setUnderHold?.replaces ?? null;
  const replaced = before === null ? null : overrideInForce(before, level, guarded);
  const ceiling = replaced === null || level === null ? level : { quota: replaced.quota ?? level.quota, sessionsPerWeek: replaced.sessionsPerWeek ?? level.sessionsPerWeek };
  const lowered = lowerOnly(o, ceiling);
  if (lowered === null || replaced === null) return lowered ?? replaced;
  return { ...lowered, quota: lowered.quota ?? replaced.quota, sessionsPerWeek: lowered.sessionsPerWeek ?? replaced.sessionsPerWeek };
}

/**
 * Q7: what of an override the replay keeps: under a hold or pause, or after a flare (`guarded`),
 * only what it lowers; one set while a hold was open, only what it lowers below what it replaced.
 */
export function overrideInForce(o: Override, level: Level | null, guarded: boolean): Override | null {
  if (o.setUnderHold) return lowerUnderHold(o, level, guarded);
  return guarded ? lowerOnly(o, level) : o;
}

export function fromDecision(meta: ActivityMeta, d: Decision): ActivityPlan {
  return {
    activity: meta.activity,
    unit: meta.unit,
    category: meta.category,
    quota: d.level.quota,
    sessionsPerWeek: d.level.sessionsPerWeek,
    change: d.change,
    reason: d.reason,
    flareDayDose: flareDayDose(d.level.quota, meta.unit),
    offer: d.offer,
  };
}

/** Q5, T2: `plan` held to no more than `prev`, quota and sessions alike; null when it already is. */
function cappedBy(plan: ActivityPlan, prev: ActivityPlan | null): Level | null {
  if (plan.quota === null || prev === null || prev.quota === null) return null;
  const level = { quota: Math.min(plan.quota, prev.quota), sessionsPerWeek: Math.min(plan.sessionsPerWeek, prev.sessionsPerWeek) };
  return level.quota === plan.quota && level.sessionsPerWeek === plan.sessionsPerWeek ? null : level;
}

/**
 * Q5: the week after a flare never asks for more than the week before. A ladder step down already
 * ensures it; this also covers a baseline that settles, in a flare week, above what was planned.
 */
export function capAfterFlare(plan: ActivityPlan, prev: ActivityPlan | null, ladder: Ladder, flareDate: IsoDate): ActivityPlan {
  const capped = cappedBy(plan, prev);
  if (capped === null) return plan;
  const { quota, sessionsPerWeek } = capped;
  if (ladder.rungs.length > 0) ladder.rungs[ladder.rungs.length - 1] = { quota, sessionsPerWeek };
  const r = plan.reason;
  // Q8: a baseline held below the median so far says why, not that the lower amount is the middle.
  const reason = r.rule === 'Q5' ? { ...r, to: quota, toSessions: sessionsPerWeek } : r.rule === 'Q1' ? { ...r, quota, ...(quota < (r.quota ?? 0) ? { flareDate } : {}) } : r;
  return { ...plan, quota, sessionsPerWeek, reason, flareDayDose: flareDayDose(quota, plan.unit) };
}

/**
 * T2/T3: a week planned under a hold or pause never asks for more than the week before it. Q2 and
 * S2 already wait; this covers a baseline that settles, or moves, while the hold is open (5 min
 * planned, then 20 min walks done against the advice: the plan stays at 5). The level it stands at
 * becomes the ladder's top, so that growth resumes from it once the person is assessed.
 */
export function capUnderHold(plan: ActivityPlan, prev: ActivityPlan | null, ladder: Ladder, hold: Hold): ActivityPlan {
  const level = cappedBy(plan, prev);
  if (level === null) return plan;
  const { quota, sessionsPerWeek } = level;
  if (ladder.rungs.length > 0) {
    while (ladder.rungs.length > 0 && compareLevels(ladder.rungs[ladder.rungs.length - 1]!, level) >= 0) ladder.rungs.pop();
    ladder.rungs.push(level);
  }
  // Q7: a setting by hand that the cap leaves as set is still shown as one (only what it left unset came down).
  const r = plan.reason;
  const asSet = r.rule === 'Q7' && (r.quota === null || r.quota === quota) && (r.sessionsPerWeek === null || r.sessionsPerWeek === sessionsPerWeek);
  const reason: Reason = asSet ? r : { rule: 'T2', quota, since: hold.since, symptoms: [...hold.symptoms] };
  return { ...plan, quota, sessionsPerWeek, change: asSet ? plan.change : 'hold', reason, flareDayDose: flareDayDose(quota, plan.unit), offer: null };
}

/**
 * Q10: back after a long break, before any session: about half the last quota. Q7: sessions a
 * week set by hand since the restart (`sessionsOverride`, this week's `override`) are kept, as in
 * a baseline.
 */
export function restartPlan(meta: ActivityMeta, r: Restart, away: number, sessionsOverride: number | null, override: Override | null): ActivityPlan {
  const level = restartLevel(r);
  return {
    activity: meta.activity,
    unit: meta.unit,
    category: meta.category,
    quota: level.quota,
    sessionsPerWeek: sessionsOverride ?? level.sessionsPerWeek,
    change: override !== null ? 'override' : 'return',
    reason: override !== null
      ? { rule: 'Q7', quota: null, sessionsPerWeek: override.sessionsPerWeek, setOn: override.setOn }
      : { rule: 'Q10', kind: 'rebaseline', activity: meta.activity, weeks: away, last: r.last, quota: r.quota, held: r.held },
    flareDayDose: flareDayDose(level.quota, meta.unit),
    offer: null,
  };
}

/** Q1: while the baseline forms, repeat the comfortable amount seen so far. */
export function baselinePlan(meta: ActivityMeta, window: BaselineWindow, sessionsOverride: number | null, override: Override | null): ActivityPlan {
  const quota = window.quota();
  const sessionsPerWeek = sessionsOverride ?? window.sessionsPerWeek();
  return {
    activity: meta.activity,
    unit: meta.unit,
    category: meta.category,
    quota,
    sessionsPerWeek,
    change: override !== null ? 'override' : 'baseline',
    reason:
      override !== null
        ? { rule: 'Q7', quota: null, sessionsPerWeek: override.sessionsPerWeek, setOn: override.setOn }
        : {
            rule: 'Q1',
            quota,
            tolerated: window.toleratedCount,
            weeks: window.weeks,
            sessionsNeeded: Math.max(0, BASELINE_SESSIONS - window.toleratedCount),
            weeksNeeded: Math.max(0, BASELINE_WEEKS - window.weeks),
          },
    flareDayDose: flareDayDose(quota, meta.unit),
    offer: null,
  };
}

/**
 * T3: nothing is planned until a clinician clears the person. The level underneath was decided as
 * under an assess hold (no increase, drops back after a flare), so resuming picks up from there.
 */
export function pausedPlan(plan: ActivityPlan, hold: Hold): ActivityPlan {
  return {
    activity: plan.activity,
    unit: plan.unit,
    category: plan.category,
    quota: null,
    sessionsPerWeek: 0,
    change: 'paused',
    reason: { rule: 'T3', since: hold.since, symptoms: [...hold.symptoms], resumeQuota: plan.quota, resumeSessions: plan.sessionsPerWeek },
    flareDayDose: null,
    offer: null,
    // Q5/Q7: paused or not, the week follows a flare, and an override is judged by that too.
    ...(plan.afterFlare !== undefined ? { afterFlare: plan.afterFlare } : {}),
  };
}

/**
 * T2/S2: an increase on offer is withdrawn while a hold is open: the week keeps its quota, and the
 * offer comes back once the person has been assessed and the weeks count again.
 */
export function offerWithdrawn(plan: ActivityPlan, hold: Hold): ActivityPlan {
  return { ...plan, change: 'hold', reason: { rule: 'T2', quota: plan.quota ?? 0, since: hold.since, symptoms: [...hold.symptoms] }, offer: null };
}
