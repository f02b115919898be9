import type { IsoDate, Unit } from '../types.js';
import type { Ceiling, Growth, Level } from './progression.js';
import { ceilingOf, compareLevels, grow, offerFor } from './progression.js';
import type { Acceptance, Change, Hold, Mode, Override, Reason } from './types.js';

// How one week's level follows from the week before. The levels reached so far are kept as a
// ladder: an increase climbs one rung, a flare steps down one (Q5), so repeated flares walk back
// toward the baseline rather than bouncing between two numbers.

export interface Ladder {
  /** Bottom rung is the baseline (or the lowest level set by hand); top rung is the current level. */
  rungs: Level[];
  /** S2: consecutive completed weeks at the current level without a flare. */
  steadyWeeks: number;
  /** Q4: consecutive unfinished weeks without a flare at the current level. */
  unfinishedWeeks: number;
}

/** What happened in the previous week, measured against that week's plan. */
export interface Outcome {
  done: number;
  planned: number | null;
  completed: boolean;
  flareDate: IsoDate | null;
}

export interface WeekRules extends Growth {
  mode: Mode;
  /** S2: the mode of the week before; weeks lived in graded mode do not count toward an offer. */
  modeBefore: Mode;
  hold: Hold | null;
  programWeek: number;
}

/** Q4: unfinished weeks in a row at one quota before it steps down. */
export const STEP_DOWN_WEEKS = 3;

export interface Decision {
  level: Level;
  change: Exclude<Change, 'paused' | 'baseline'>;
  reason: Reason;
  offer: number | null;
}

export interface AfterBaseline {
  tolerated: number;
  weeks: number;
}

export function topOf(ladder: Ladder): Level {
  const top = ladder.rungs[ladder.rungs.length - 1];
  if (!top) throw new Error('a ladder always has a rung once the baseline is known');
  return top;
}

/** Q7 (and S2 acceptance): a level set by hand replaces every rung at or above it. */
export function setLevel(ladder: Ladder, level: Level): void {
  while (ladder.rungs.length > 0 && compareLevels(topOf(ladder), level) >= 0) ladder.rungs.pop();
  ladder.rungs.push(level);
  ladder.steadyWeeks = 0;
  ladder.unfinishedWeeks = 0;
}

/**
 * Q7: an override in force from this week; progression continues from it. A field left unset keeps
 * what the plan decided for the week. Sessions per week set by hand apply to every rung, so that a
 * later drop-back (Q5) never asks for more sessions than the person chose.
 */
export function applyOverride(ladder: Ladder, o: Override, decided: Level): Decision {
  const level = { quota: o.quota ?? decided.quota, sessionsPerWeek: o.sessionsPerWeek ?? decided.sessionsPerWeek };
  if (o.sessionsPerWeek !== null) {
    const rungs: Level[] = [];
    for (const r of ladder.rungs) {
      const rung = { quota: r.quota, sessionsPerWeek: o.sessionsPerWeek };
      const below = rungs[rungs.length - 1];
      if (!below || compareLevels(below, rung) < 0) rungs.push(rung);
    }
    ladder.rungs = rungs;
  }
  setLevel(ladder, level);
  return { level, change: 'override', reason: { rule: 'Q7', quota: o.quota, sessionsPerWeek: o.sessionsPerWeek, setOn: o.setOn }, offer: null };
}

function held(level: Level, reason: Reason): Decision {
  return { level, change: 'hold', reason, offer: null };
}

/** P1 and T2: what stops an increase (or an offer) this week, as a reason; null when nothing does. */
function blocker(level: Level, r: WeekRules): Reason | null {
  if (r.programWeek <= 2) return { rule: 'P1', quota: level.quota };
  if (r.hold) return { rule: 'T2', quota: level.quota, since: r.hold.since, symptoms: [...r.hold.symptoms] };
  return null;
}

/**
 * The plan for a week after the baseline, from the previous week's outcome. Order matters: a flare
 * drops back even under a hold (T2), and beats an accepted increase (S2); a ceiling (Q6) beats growth.
 */
export function decide(
  ladder: Ladder,
  out: Outcome,
  r: WeekRules,
  afterBaseline: AfterBaseline | null,
  acceptance: Acceptance | null,
): Decision {
  const cur = topOf(ladder);
  // Q4: only an unfinished week without a flare carries the count on.
  const unfinished = ladder.unfinishedWeeks;
  ladder.unfinishedWeeks = 0;
  if (out.flareDate !== null) {
    // Q5: back to the level before the last increase (the baseline at the bottom), for one week.
    if (ladder.rungs.length > 1) ladder.rungs.pop();
    ladder.steadyWeeks = 0;
    const to = topOf(ladder);
    return {
      level: to,
      change: 'drop-back',
      reason: {
        rule: 'Q5',
        from: cur.quota,
        to: to.quota,
        fromSessions: cur.sessionsPerWeek,
        toSessions: to.sessionsPerWeek,
        flareDate: out.flareDate,
        atBaseline: ladder.rungs.length === 1,
      },
      offer: null,
    };
  }
  // Q2: the first week after the baseline grows without a completed week behind it.
  const completed = afterBaseline !== null || out.completed;
  // S2: baseline weeks, and weeks before envelope mode was chosen, do not count toward the two.
  const counts = completed && afterBaseline === null && r.modeBefore === r.mode;
  ladder.steadyWeeks = counts ? ladder.steadyWeeks + 1 : 0;
  const blocked = blocker(cur, r);

  if (r.mode === 'envelope' && acceptance !== null && blocked === null && acceptance.quota > cur.quota) {
    const level = { quota: acceptance.quota, sessionsPerWeek: cur.sessionsPerWeek };
    setLevel(ladder, level);
    return {
      level,
      change: 'increase',
      reason: { rule: 'S2', kind: 'accepted', from: cur.quota, to: level.quota, acceptedOn: acceptance.acceptedOn },
      offer: null,
    };
  }

  const ceiling = ceilingOf(cur, r);
  if (!completed) {
    // Q4: pain alone never moves the plan; an unfinished week simply repeats, and after three in
    // a row the quota is too much for now: one level down, never below the baseline. Counted
    // before the ceilings (Q6): a level that is too much steps down at the aim or a ceiling too.
    ladder.unfinishedWeeks = unfinished + 1;
    if (ladder.unfinishedWeeks >= STEP_DOWN_WEEKS && ladder.rungs.length > 1) {
      ladder.rungs.pop();
      ladder.unfinishedWeeks = 0;
      const to = topOf(ladder);
      const reason: Reason = { rule: 'Q4', kind: 'step-down', from: cur.quota, to: to.quota, weeks: STEP_DOWN_WEEKS, fromSessions: cur.sessionsPerWeek, toSessions: to.sessionsPerWeek };
      return { level: to, change: 'step-down', reason, offer: null };
    }
    // T2: under a hold the week stays for that reason, which promises no growth after a full week.
    if (blocked?.rule === 'T2') return held(cur, blocked);
    if (ceiling !== null) return maintain(cur, ceiling);
    return held(cur, { rule: 'Q4', quota: cur.quota, done: out.done, planned: out.planned ?? cur.sessionsPerWeek });
  }
  if (ceiling !== null) return maintain(cur, ceiling);

  if (r.mode === 'envelope') return envelopeWeek(ladder, cur, r.unit, blocked);
  if (blocked !== null) return held(cur, blocked);

  const up = grow(cur, r.unit);
  ladder.rungs.push(up);
  // Q8: a step that added a session says so, after the baseline too (one already at the ceiling).
  const sessionsReason: Reason = { rule: 'Q6', kind: 'sessions', quota: up.quota, from: cur.sessionsPerWeek, to: up.sessionsPerWeek, done: out.done, planned: out.planned ?? cur.sessionsPerWeek };
  const reason: Reason =
    up.sessionsPerWeek !== cur.sessionsPerWeek
      ? afterBaseline !== null
        ? { ...sessionsReason, afterBaseline: { tolerated: afterBaseline.tolerated, weeks: afterBaseline.weeks } }
        : sessionsReason
      : afterBaseline !== null
        ? { rule: 'Q2', kind: 'after-baseline', baseline: cur.quota, to: up.quota, tolerated: afterBaseline.tolerated, weeks: afterBaseline.weeks }
        : { rule: 'Q2', kind: 'completed', from: cur.quota, to: up.quota, done: out.done, planned: out.planned ?? cur.sessionsPerWeek };
  return { level: up, change: 'increase', reason, offer: null };
}

/** Q6: at the weekly aim or a ceiling the plan maintains, and says which. */
function maintain(cur: Level, ceiling: Ceiling): Decision {
  const reason: Reason =
    ceiling.kind === 'target'
      ? { rule: 'Q6', kind: 'target', quota: cur.quota, sessions: cur.sessionsPerWeek, weeklyMinutes: ceiling.weeklyMinutes, target: ceiling.target, others: ceiling.others }
      : { rule: 'Q6', kind: ceiling.kind, quota: cur.quota, sessions: cur.sessionsPerWeek };
  return { level: cur, change: 'maintain', reason, offer: null };
}

/** S2: never grows by itself; after two steady weeks it offers the next quota. */
function envelopeWeek(ladder: Ladder, cur: Level, unit: Unit, blocked: Reason | null): Decision {
  const offer = offerFor(cur, unit);
  if (ladder.steadyWeeks >= 2 && offer !== null) {
    if (blocked !== null) return held(cur, blocked);
    return { level: cur, change: 'offer', reason: { rule: 'S2', kind: 'offer', quota: cur.quota, offer, weeks: ladder.steadyWeeks }, offer };
  }
  return held(cur, { rule: 'S2', kind: 'hold', quota: cur.quota, weeks: ladder.steadyWeeks });
}
