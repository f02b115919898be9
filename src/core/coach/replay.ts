import type { IsoDate, Session } from '../types.js';
import { countsTowardAim } from '../types.js';
import { BaselineWindow, type WindowState } from './baseline.js';
import { isFlareSession } from './flares.js';
import type { ActivityMeta } from './history.js';
import type { ByWeek } from './overrides.js';
import { countsForWeek } from './progression.js';
import type { Level } from './progression.js';
import type { Ladder, Outcome, WeekRules } from './transition.js';
import { emptyWeeks, REBASELINE_WEEKS, restartAfterBreak, restartLevel, returnAfterBreak, type LastDone, type Restart } from './breaks.js';
import { applyOverride, decide } from './transition.js';
import { baselinePlan, capAfterFlare, capUnderHold, fromDecision, overrideInForce, restartPlan } from './weekPlans.js';
import type { Acceptance, ActivityPlan, Hold, Mode, Override } from './types.js';

// Replays one activity week by week, from its first planned week (or from a checkpoint's state,
// `opts.state`) to the last week asked for. Each week's plan uses only the weeks before it (Q9), so
// one pass gives every week's plan at once.

export interface ReplayContext {
  modeFor(weekDay: number): Mode;
  /** Q6: the weekly aim in force in a week (G1). */
  targetFor(weekDay: number): number;
  overrides: ByWeek<Override>;
  acceptances: ByWeek<Acceptance>;
  /** T2/T3: the hold the week's quota is decided with (the day before its Monday). */
  holdFor(weekDay: number): Hold | null;
  /** T3: sessions on a day the plan was paused do not count toward the week. */
  pausedOn(date: IsoDate): boolean;
  programWeekFor(weekDay: number): number;
}

export interface ActivityTimeline extends ActivityMeta {
  /** Day number of the Monday of `plans[0]`; week i is `startWeek + 7 * i`. */
  startWeek: number;
  plans: ActivityPlan[];
  /** The state before the week asked for with `captureAt`, when the replay passed through it. */
  captured: ReplayState | null;
}

/**
 * Everything a replay carries from one week to the next, as plain data. Saved at a week's Monday,
 * it lets a later replay start there instead of at the activity's first week, with the same result.
 */
export interface ReplayState {
  rungs: Level[];
  steadyWeeks: number;
  unfinishedWeeks: number;
  /** Q10: the last week the activity was done. */
  lastDone: LastDone | null;
  /** Q10: starting over after a long break, until the new baseline is known. */
  restart: Restart | null;
  window: WindowState;
  sessionsOverride: number | null;
  /** The previous week's plan. */
  prev: ActivityPlan | null;
}

export interface ReplayOptions {
  /** Start from this state (saved at `startWeek`) rather than from nothing. */
  state?: ReplayState;
  /** Keep a copy of the state before this week (a day number of a Monday). */
  captureAt?: number;
}

export function planAt(t: ActivityTimeline, weekDay: number): ActivityPlan | null {
  if (weekDay < t.startWeek) return null;
  return t.plans[(weekDay - t.startWeek) / 7] ?? null;
}

/** Q3 and F1: how the previous week went against its plan. */
function outcomeOf(sessions: readonly Session[], prev: ActivityPlan | null, pausedOn: (date: IsoDate) => boolean): Outcome {
  const quota = prev?.quota ?? null;
  let done = 0;
  let flareDate: Outcome['flareDate'] = null;
  for (const s of sessions) {
    if (countsForWeek(s, quota, pausedOn)) done += 1;
    // The latest flare of the week is the one the person will remember.
    if (isFlareSession(s) && (flareDate === null || s.date > flareDate)) flareDate = s.date;
  }
  const completed = prev !== null && quota !== null && done >= prev.sessionsPerWeek;
  return { done, planned: prev ? prev.sessionsPerWeek : null, completed, flareDate };
}

/** One activity's replay, stepped a week at a time by `planHistory`, all activities side by side. */
export interface ActivityReplay {
  startWeek: number;
  /** Q6/G1: the weekly minutes of the week last planned, when the activity is aerobic in minutes. */
  aerobicMinutes(): number;
  /** Plans `week`, the week after the last one planned; `otherAerobicMinutes` is the rest of the aim's share. */
  step(week: number, otherAerobicMinutes: number): void;
  timeline(): ActivityTimeline;
}

export function activityReplay(
  source: ActivityMeta,
  byWeek: ReadonlyMap<number, Session[]>,
  firstSessionWeek: number | null,
  startWeek: number,
  ctx: ReplayContext,
  opts: ReplayOptions = {},
): ActivityReplay {
  // Only these three fields: the caller may pass a richer object that must not leak into plans.
  const meta: ActivityMeta = { activity: source.activity, unit: source.unit, category: source.category };
  const plans: ActivityPlan[] = [];
  const from = opts.state;
  const ladder: Ladder = { rungs: from ? from.rungs.map(copyLevel) : [], steadyWeeks: from?.steadyWeeks ?? 0, unfinishedWeeks: from?.unfinishedWeeks ?? 0 };
  let window = from ? BaselineWindow.from(meta.unit, from.window) : new BaselineWindow(meta.unit);
  let lastDone: LastDone | null = from?.lastDone ?? null;
  let restart: Restart | null = from?.restart ?? null;
  let sessionsOverride: number | null = from?.sessionsOverride ?? null;
  let prev: ActivityPlan | null = from?.prev ?? null;
  let captured: ReplayState | null = null;

  const step = (week: number, otherAerobicMinutes: number): void => {
    if (week === opts.captureAt) {
      const state = { unfinishedWeeks: ladder.unfinishedWeeks, lastDone, restart, window: window.state(), sessionsOverride, prev };
      captured = { rungs: ladder.rungs.map(copyLevel), steadyWeeks: ladder.steadyWeeks, ...state };
    }
    const last = byWeek.get(week - 7) ?? [];
    if (last.length > 0) lastDone = { week: week - 7, rung: ladder.rungs.length - 1, quota: prev?.quota ?? null, sessionsPerWeek: prev?.sessionsPerWeek ?? 1 };
    const away = emptyWeeks(lastDone, week);
    const outcome = outcomeOf(last, prev, ctx.pausedOn);
    const hold = ctx.holdFor(week);
    // Field by field, not a spread of `meta`: the spread was the slowest line of a 50-year replay.
    const rules: WeekRules = { unit: meta.unit, category: meta.category, targetMinutes: ctx.targetFor(week), otherAerobicMinutes, mode: ctx.modeFor(week), modeBefore: ctx.modeFor(week - 7), hold, programWeek: ctx.programWeekFor(week) };
    // Q7: under a hold or pause, and in the week after a flare, an override may only lower the plan.
    const guarded = hold !== null || outcome.flareDate !== null;
    let override = ctx.overrides.at(meta.activity, week);
    let plan: ActivityPlan;

    // Q10: "whatever the reason": an activity whose baseline had not settled before the break
    // starts over too, or sessions from months ago would set the amount to come back at.
    const settledOrForming = ladder.rungs.length > 0 || window.quota() !== null;
    if (override === null && lastDone !== null && settledOrForming && away >= REBASELINE_WEEKS) {
      // Q10: a long break: start over with a new baseline, from about half the last quota. In a
      // baseline that had not settled (program week 1 had no plan), the last quota is the
      // comfortable amount it had seen.
      const from = lastDone.quota === null ? { ...lastDone, quota: window.quota() } : lastDone;
      restart = restartAfterBreak(from, meta.unit, prev !== null && prev.quota !== null ? { quota: prev.quota, sessionsPerWeek: prev.sessionsPerWeek } : null);
      ladder.rungs = [];
      ladder.steadyWeeks = 0;
      ladder.unfinishedWeeks = 0;
      window = new BaselineWindow(meta.unit);
      // Sessions a week set by hand in an earlier baseline belong to it, not to the new one.
      sessionsOverride = null;
    }

    if (ladder.rungs.length === 0) {
      // Q1: the window counts weeks from the first session (after a long break, from the first one back).
      const started = restart !== null ? window.weeks > 0 || last.length > 0 : firstSessionWeek !== null && week - 7 >= firstSessionWeek;
      if (started) window.addWeek(last);
      // The level in force: the new baseline once a week of it is done; before that, after a long
      // break, the restart's (Q10), whose sessions a week an override leaves unset keep.
      const level = window.quota() !== null ? window.level(sessionsOverride) : restart !== null ? { ...restartLevel(restart), sessionsPerWeek: sessionsOverride ?? restart.sessionsPerWeek } : null;
      if (override !== null) override = overrideInForce(override, level, guarded);
      if (override !== null && override.quota !== null) {
        // Q7: a quota set by hand ends the baseline; it is the level progression starts from.
        restart = null;
        plan = fromDecision(meta, applyOverride(ladder, override, level ?? window.level(sessionsOverride)));
      } else {
        if (override !== null) sessionsOverride = override.sessionsPerWeek;
        if (window.ready()) {
          ladder.rungs.push(window.level(sessionsOverride));
          restart = null;
          // Q2 grows the first week after the baseline without a completed week behind it, but not
          // after an empty one: one empty week is a plain Q4 hold (Q10), at the new baseline.
          const after = last.length === 0 ? null : { tolerated: window.toleratedCount, weeks: window.weeks };
          plan = fromDecision(meta, decide(ladder, outcome, rules, after, null));
        } else if (restart !== null && window.quota() === null) {
          plan = restartPlan(meta, restart, away, sessionsOverride, override);
        } else {
          plan = baselinePlan(meta, window, sessionsOverride, override);
        }
      }
      // Q10: a week done during the baseline had the baseline in force, the ladder's bottom rung now:
      // a return or a restart after a break starts from it, not from that week's plan, which was
      // none yet in program week 1 and, later, the amount seen so far (5 min after a first week of
      // one flare, where the baseline settled at 11: "11 min (down from 5 min)").
      if (lastDone !== null && lastDone.rung < 0 && ladder.rungs.length > 0) {
        const baseline = ladder.rungs[0]!;
        lastDone = { ...lastDone, rung: 0, quota: baseline.quota, sessionsPerWeek: baseline.sessionsPerWeek };
      }
    } else {
      // An override is a decision made by hand: it takes the place of an accepted offer (S2), and
      // fills in what it leaves unset from the week the rules would have planned.
      let decided = decide(ladder, outcome, rules, null, override === null ? ctx.acceptances.at(meta.activity, week) : null);
      // Q10: two to five empty weeks: a level down for each, from the last week done. With an
      // override too: what it leaves unset comes from the return, not from before the break.
      if (lastDone !== null && lastDone.rung >= 0 && away >= 2) decided = returnAfterBreak(ladder, lastDone, away, meta.activity);
      if (override !== null) override = overrideInForce(override, decided.level, guarded);
      // The rung the rules would have climbed was never planned, so a later flare must not land on it.
      if (override !== null && decided.change === 'increase') ladder.rungs.pop();
      plan = fromDecision(meta, override === null ? decided : applyOverride(ladder, override, decided.level));
    }

    // T2: an override set under a hold says that the plan does not grow from it yet, and the week
    // is marked, so that the check of an override at input reads the same fact (Q7, Q9).
    if (hold !== null && plan.reason.rule === 'Q7') plan = { ...plan, reason: { ...plan.reason, underHold: true } };
    if (hold !== null) plan = { ...capUnderHold(plan, prev, ladder, hold), heldSince: hold.since };
    // Q5/Q7: the week is marked, so that the check of an override at input reads the same fact.
    if (outcome.flareDate !== null) plan = { ...capAfterFlare(plan, prev, ladder, outcome.flareDate), afterFlare: outcome.flareDate };
    // T3: the pause is laid over the week when it is shown (weekHolds.ts); underneath, the level
    // is kept as under an assess hold, and the plan resumes from it.
    plans.push(plan);
    prev = plan;
  };
  const aerobic = countsTowardAim(meta);
  return {
    startWeek,
    aerobicMinutes: () => (aerobic && prev !== null && prev.quota !== null ? prev.quota * prev.sessionsPerWeek : 0),
    step,
    timeline: () => ({ ...meta, startWeek, plans, captured }),
  };
}

const copyLevel = (l: Level): Level => ({ quota: l.quota, sessionsPerWeek: l.sessionsPerWeek });
