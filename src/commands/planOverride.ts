import { formatAmount, judgeOverride, type Hold, type WeekPlan } from '../core/coach/index.js';
import { shortDate } from '../core/dates.js';
import { InputError } from '../core/errors.js';
import type { Unit } from '../core/types.js';
import { holdSigns, holdState } from '../ui/planView.js';
import type { Context } from './context.js';

// Q7: `pace plan --set` goes through the safety net before anything is written. A refusal is
// bad input (exit 2, nothing written); a boom (B1) asks on a terminal and needs --yes otherwise.

export interface SetRequest {
  raw: string;
  activity: string;
  unit: Unit;
  quota: number;
  sessionsPerWeek: number | null;
}

/** B1: an activity's usual day lately, for a week with no quota yet to judge a boom by (Q7). */
export type Recent = (activity: string) => number | null;

function holdWords(hold: Hold): string {
  return `the plan is ${holdState(hold)} since ${shortDate(hold.since)}${holdSigns(hold)}`;
}

/**
 * Refuses (throws) a request that raises the plan past the safety net (Q7); returns the booms
 * (B1) still to be confirmed. Synchronous, so that a write can run it again inside its transaction.
 */
export function refuseUnsafe(requests: readonly SetRequest[], plan: WeekPlan, holdToday: Hold | null, rules: WeekPlan, recent: Recent): string[] {
  const booms: string[] = [];
  for (const r of requests) {
    const planned = plan.activities.find((a) => a.activity === r.activity) ?? null;
    const v = judgeOverride(planned, holdToday, r, rules.activities.find((a) => a.activity === r.activity) ?? null, recent(r.activity));
    const amt = (x: number) => formatAmount(x, r.unit);
    if (v.kind === 'refused' && v.rule === 'Q9') {
      throw new InputError(
        `--set ${r.raw}: the week of ${shortDate(plan.weekStart)} was planned under the hold of ${shortDate(v.heldSince)} and keeps that quota (T2, Q9).`,
        'Lowering it is allowed; a raise can start from next week, with --week.',
      );
    }
    if (v.kind === 'refused' && v.rule !== 'Q5') {
      const who = v.rule === 'T3' ? 'a clinician has cleared you' : 'you have been assessed';
      throw new InputError(
        `--set ${r.raw}: ${holdWords(v.hold)}, and the plan cannot be raised until ${who} (Q7).`,
        'Once that is done, run: pace triage --cleared. Lowering the plan is always allowed.',
      );
    }
    if (v.kind === 'refused') {
      throw new InputError(
        `--set ${r.raw}: after the flare on ${shortDate(v.flareDate)}, the week of ${shortDate(plan.weekStart)} stays at ${v.limitSessions} x ${amt(v.limit)} at most (Q5, Q7).`,
        'Lowering it is allowed; the plan climbs again after a week without a flare.',
      );
    }
    if (v.kind === 'confirm') booms.push(`${r.activity} ${amt(v.quota)} is ${v.ratio} x ${v.basis === 'quota' ? `the ${amt(v.current)} planned` : `your usual ${amt(v.current)} a day lately`}`);
  }
  return booms;
}

/** T2/T3, S2: no increase is accepted while a hold or pause is open (nothing is written). */
export function refuseAcceptUnderHold(holdToday: Hold | null): void {
  if (holdToday === null) return;
  const who = holdToday.kind === 'stop' ? 'a clinician has cleared you' : 'you have been assessed';
  throw new InputError(`--accept-increase: ${holdWords(holdToday)}, and no increase can be accepted until ${who} (T2, S2).`, 'Once that is done, run: pace triage --cleared.');
}

/**
 * Refuses (throws) a request that raises the plan past the safety net, and asks about a boom.
 * Returns false when the person said no at the prompt: then nothing is to be written.
 */
export async function checkOverrides(requests: readonly SetRequest[], plan: WeekPlan, holdToday: Hold | null, yes: boolean, ctx: Context, rules: WeekPlan, recent: Recent): Promise<boolean> {
  const booms = refuseUnsafe(requests, plan, holdToday, rules, recent);
  if (booms.length === 0 || yes) return true;
  const what = `${booms.join('; ')}: a jump that size is a boom (B1), which often ends in a flare.`;
  if (!ctx.interactive) throw new InputError(`--set: ${what}`, 'If you and your clinician have agreed on it, add --yes.');
  return (await ctx.prompts()).confirm(`${what} Set it anyway?`, false);
}
