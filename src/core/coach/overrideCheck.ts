import type { IsoDate } from '../types.js';
import { hundredths } from './amounts.js';
import { BOOM_RATIO } from './boombust.js';
import type { ActivityPlan, Hold } from './types.js';

// Q7: an override is a decision by hand, but it does not get around the safety net. Lowering is
// always allowed; raising is refused while a hold (T2) or pause (T3) is open, and above the
// drop-back level in the week after a flare (Q5); a jump to a boom (B1) needs a yes.

export interface OverrideRequest {
  quota: number | null;
  sessionsPerWeek: number | null;
}

export type OverrideVerdict =
  | { kind: 'ok' }
  | { kind: 'refused'; rule: 'T2' | 'T3'; hold: Hold }
  | { kind: 'refused'; rule: 'Q5'; limit: number; limitSessions: number; flareDate: IsoDate }
  /** T2, Q9: planned under a hold that has been cleared since: the week keeps its quota. */
  | { kind: 'refused'; rule: 'Q9'; heldSince: IsoDate }
  /** `basis`: what `current` is, the week's quota or, with none, the usual day lately (B1). */
  | { kind: 'confirm'; rule: 'B1'; quota: number; current: number; ratio: number; basis: 'quota' | 'recent' };

/** The level the week stands at: under a pause, the one it resumes at. */
function levelOf(plan: ActivityPlan | null): { quota: number | null; sessionsPerWeek: number | null } {
  if (plan === null) return { quota: null, sessionsPerWeek: null };
  if (plan.reason.rule === 'T3') return { quota: plan.reason.resumeQuota, sessionsPerWeek: plan.reason.resumeSessions };
  return { quota: plan.quota, sessionsPerWeek: plan.sessionsPerWeek };
}

/**
 * Whether the request asks for more than the week's plan. With nothing planned yet, any quota
 * set by hand is more: there is no level it could be lower than.
 */
export function raisesPlan(plan: ActivityPlan | null, request: OverrideRequest): boolean {
  const cur = levelOf(plan);
  if (request.quota !== null && (cur.quota === null || hundredths(request.quota) > hundredths(cur.quota))) return true;
  return request.sessionsPerWeek !== null && (cur.sessionsPerWeek === null || request.sessionsPerWeek > cur.sessionsPerWeek);
}

/**
 * Q7: what to do with an override of `plan` (the week as it stands, a quota set earlier by hand
 * included), with `hold` the hold open today. `rules` is the week as the rules give it, without
 * an earlier setting for that week that the request replaces: after a flare, the drop-back level
 * it may not exceed comes from there, so a week lowered by hand may go back up to it.
 */
export function judgeOverride(
  plan: ActivityPlan | null,
  hold: Hold | null,
  request: OverrideRequest,
  rules: ActivityPlan | null = plan,
  recent: number | null = null,
): OverrideVerdict {
  if (!raisesPlan(plan, request)) return { kind: 'ok' };
  if (hold !== null) return { kind: 'refused', rule: hold.kind === 'stop' ? 'T3' : 'T2', hold };
  // T2, Q9: a week planned under a hold keeps the quota it was planned with, cleared mid-week or
  // not; the replay lets an override only lower it.
  if (rules?.heldSince !== undefined && raisesPlan(rules, request)) return { kind: 'refused', rule: 'Q9', heldSince: rules.heldSince };
  // Q5: in the week after a flare (in a baseline week too) the replay keeps only what lowers the
  // rules' plan, so anything above it is refused here rather than stored and never shown.
  if (rules?.afterFlare !== undefined && raisesPlan(rules, request)) {
    const limit = levelOf(rules);
    if (limit.quota !== null) return { kind: 'refused', rule: 'Q5', limit: limit.quota, limitSessions: limit.sessionsPerWeek ?? rules.sessionsPerWeek, flareDate: rules.afterFlare };
  }
  // B1 from the lower of the quota in force and the rules' one: a setting raised by hand does
  // not become the base from which the next, bigger one is judged.
  const inForce = [levelOf(plan).quota, levelOf(rules).quota].filter((q): q is number => q !== null);
  // B1: with no quota in force (program week 1, a new activity), the reference is `recent`, the
  // median of the activity's days with a session in the last 14 (`recentReference`).
  const basis = inForce.length > 0 ? 'quota' : 'recent';
  const current = inForce.length > 0 ? Math.min(...inForce) : recent;
  // B1: a day at 1.5 x the reference is a boom; setting the quota there makes every day one.
  if (request.quota !== null && current !== null && current > 0 && hundredths(request.quota) * 10 >= hundredths(current) * (BOOM_RATIO * 10)) {
    return { kind: 'confirm', rule: 'B1', quota: request.quota, current, ratio: Math.round((request.quota / current) * 10) / 10, basis };
  }
  return { kind: 'ok' };
}
