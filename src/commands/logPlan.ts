import { boomAt, countsForWeek, describeBoom, formatAmount, lookbackFrom, quotaComparison, type Boom } from '../core/coach/index.js';
import { mondayOf, shortDate } from '../core/dates.js';
import { flareDayOver, flareOfDay, sessionResponse, type SessionResponse } from '../core/sessionResponse.js';
import type { IsoDate, Session } from '../core/types.js';
import type { Journal } from '../store/open.js';
import { planWithSessions } from './plan.js';

/** How a logged session compares with its week's plan (Q3), and whether it was a boom (B3). */
export interface LogPlanFeedback {
  weekStart: IsoDate;
  quota: number | null;
  sessionsPerWeek: number | null;
  pct: number | null;
  counts: boolean;
  /** The pause open today (T3), or the session's week paused: no quota, no boom, no flare-day dose. */
  paused: boolean;
  boom: Boom | null;
  /** F3: the flare-day dose in force for this activity before this session (status's advice), or null. */
  flareDayDose: number | null;
}

/** Q3 and B3 for a session just logged: its week's plan comes from the checkpoint when it can. */
export function logPlanFeedback(journal: Journal, s: Session, today: IsoDate): LogPlanFeedback | null {
  const weekStart = mondayOf(s.date);
  // B1 compares the day with the days before it: the replay's read reaches back that far.
  const { plan, sessions, pausedOn, holdToday } = planWithSessions(journal, weekStart, today, { sessionsFrom: lookbackFrom(s.date) });
  // T3: a pause open today (read after this log's own triage) holds for a back-dated session too.
  const paused = plan.paused || holdToday?.kind === 'stop';
  const a = plan.activities.find((x) => x.activity === s.activity);
  const quota = a?.quota ?? null;
  const cmp = quotaComparison(s.dose, quota);
  const boom = paused ? null : boomAt({ sessions, activity: s.activity, date: s.date, quota });
  // A paused plan (T3) is said even for an activity it has no row for.
  if (!a && !boom && !paused) return null;
  // Q3/T3: the rule the plan counts by, so log never says a session counts that the plan does not.
  const counts = countsForWeek(s, quota, pausedOn);
  // F3: what status advised just before this session, from the sessions before it (one truth).
  const before = sessions.filter((x) => x.id !== s.id);
  const eased = flareOfDay(before, s.date, plan.activities, paused)?.doses.find((d) => d.activity === s.activity) ?? null;
  return { weekStart, quota, sessionsPerWeek: a?.sessionsPerWeek ?? null, pct: cmp.pct, counts, paused, boom, flareDayDose: eased?.dose ?? null };
}

export function logPlanJson(f: LogPlanFeedback | null, s: Session, today: IsoDate) {
  return (
    f && {
      week_start: f.weekStart,
      quota: f.quota,
      sessions_per_week: f.sessionsPerWeek,
      pct_of_quota: f.pct,
      counts: f.counts,
      paused: f.paused,
      boom: boomJson(f.boom, s, today),
      flare_day_dose: f.flareDayDose,
    }
  );
}

/** B1: a big day as log and edit give it in --json, with the words they print. */
export function boomJson(boom: Boom | null, s: Session, today: IsoDate) {
  return boom && { ratio: boom.ratio, reference: boom.reference, basis: boom.basis, message: describeBoom(boom, s.unit, today) };
}

/** B3: the line that names a big day at the moment it is recorded. */
export function boomLine(boom: Boom, s: Session, today: IsoDate): string {
  return `Careful: ${describeBoom(boom, s.unit, today)}.`;
}

/**
 * F1, F3, F4: how the body took the session, judged against its week's quota and today's pause;
 * a flare whose day is over by today gets no flare-day dose, as status gives none (F3).
 */
export function logResponse(s: Session, f: LogPlanFeedback | null, today: IsoDate, unsettled: boolean): SessionResponse {
  const paused = f?.paused ?? false;
  return sessionResponse(s, paused ? null : (f?.quota ?? null), paused, unsettled, flareDayOver(s.date, today));
}

export function responseJson(r: SessionResponse) {
  if (r.kind === 'flare') {
    const d = r.flareDay;
    return {
      kind: r.kind,
      reasons: r.reasons.map((x) => ({ rule: 'F1', ...x })),
      flare_day: d && { activity: d.activity, dose: d.dose, unit: d.unit, basis: d.basis, of: d.of },
    };
  }
  return r.kind === 'expected' || r.kind === 'unsettled' ? { kind: r.kind, pain_before: r.from, pain_after: r.to } : { kind: r.kind };
}

/** "this week's 12 min", or the week the session belongs to when it was logged for another week. */
export function weekQuota(quota: string, weekStart: IsoDate, today: IsoDate): string {
  return weekStart === mondayOf(today) ? `this week's ${quota}` : `the ${quota} planned for the week of ${shortDate(weekStart)}`;
}

/** `pauseSaid`: the advice above already says the plan is paused (T3), so it is not said twice. */
export function logPlanLines(f: LogPlanFeedback | null, s: Session, today: IsoDate, pauseSaid = false): string[] {
  if (!f) return [];
  const lines: string[] = [];
  if (f.paused && !pauseSaid) lines.push(PAUSED);
  else if (f.quota !== null) {
    const q = formatAmount(f.quota, s.unit);
    const planned = weekQuota(q, f.weekStart, today);
    // Q3 never shows 90% for a dose short of it, so 90% or more that does not count fell on a paused day (T3).
    const pausedThatDay = !f.counts && f.pct !== null && f.pct >= 90;
    // B3: a short session that makes a big day (a boom) is not consoled as a short day.
    // A day in minutes is shorter; one in reps, metres or steps is lighter.
    // F3: the day after a flare, a lighter session is what status advised, not a day that fell short.
    const shortDay = f.boom ? '' : f.flareDayDose !== null ? ' Easing off after a flare is part of the plan; it is still in your journal.' : ` ${s.unit === 'min' ? 'Shorter' : 'Lighter'} days happen; it is still in your journal.`;
    // B3: a session that is the whole big day has its size in the Careful line below; a percentage
    // here too said the same number twice, as praise before the caution.
    const wholeBoom = f.boom !== null && f.boom.dose === s.dose;
    lines.push(
      f.counts
        ? wholeBoom
          ? 'It counts toward your plan as one session.'
          : `That is ${f.pct}% of ${planned}: it counts toward your plan.`
        : pausedThatDay
          ? `That is ${f.pct}% of ${planned}. The plan was paused that day, so it does not count toward the week; it is still in your journal.`
          : `That is ${f.pct}% of ${planned}.${shortDay}`,
    );
  }
  // B3: a boom is named at the moment it is logged.
  if (f.boom) lines.push(boomLine(f.boom, s, today));
  return lines;
}

const PAUSED = 'Your plan is paused until a clinician clears you (pace triage --cleared).';

/**
 * The warnings among logPlanLines (T3's pause, B3's boom), which `--json` also writes to stderr:
 * a script reads only the document, and the person running it should still hear them.
 */
export function logPlanWarnings(f: LogPlanFeedback | null, s: Session, today: IsoDate, pauseSaid: boolean): string[] {
  if (!f) return [];
  return [...(f.paused && !pauseSaid ? [PAUSED] : []), ...(f.boom ? [boomLine(f.boom, s, today)] : [])];
}
