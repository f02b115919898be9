import { PAIN_TREND_WEEKS, sessionsThrough, statusAndCheckpoint, statusPlansFrom, statusReadsFrom, type Status } from '../core/coach/index.js';
import { mondayOf } from '../core/dates.js';
import { flareOfDay, latestFlare, type LatestFlare } from '../core/sessionResponse.js';
import { statusTrends, type StatusTrends } from '../core/trends.js';
import { DEFAULT_SESSION_TIME } from '../core/days.js';
import { onFlareDay, todaySessions, type TodaySession } from '../core/todaySessions.js';
import { defaultTime } from '../store/schedules.js';
import { withCoach } from './coach.js';
import { statusOutcomes } from '../core/outcomes/status.js';
import { readStatusOutcomes, statusOutcomesJson } from './statusOutcomes.js';
import { print, printJson, withJournal, type Context } from './context.js';
import { driftJson, holdJson } from './json.js';
import type { CalendarDrift } from '../core/calendarDrift.js';
import type { IsoDate } from '../core/types.js';
import type { Journal } from '../store/open.js';
import { calendarRecordsFrom } from '../store/calendarExports.js';
import { pendingDay } from './nextDay.js';
import { sessionsAfter } from '../store/sessions.js';
import { datedAheadLines } from './datedAhead.js';

export interface StatusFlags {
  json?: boolean;
}

/** `pace status`: where the person stands today. */
export async function status(_args: string[], flags: StatusFlags, ctx: Context): Promise<number> {
  const today = ctx.today;
  const weekStart = mondayOf(today);
  // B3 judges the last 14 days against their own weeks' quotas: the plans of this week and the two before.
  const needs = { week: statusPlansFrom(today), until: weekStart, sessionsFrom: statusReadsFrom(today) };
  const { s: told, trends, flare, easing, planned, read, drifts, nextDay, ahead } = await withJournal(ctx, false, async (j) => ({
    ...withCoach(j, today, needs, ({ history, checkpoint, captureAt }) => {
      const out = statusAndCheckpoint({ ...history, today, clockToday: true, checkpoint, captureAt });
      // F3: while the latest session is a flare, status gives the flare-day doses of this week's plan.
      const plans = out.status.activities.flatMap((a) => (a.plan ? [a.plan] : []));
      const flare = latestFlare(history.sessions, today, plans, out.status.paused);
      // D1: today's planned sessions, done or still to do.
      const week = { weekStart: out.status.weekStart, paused: out.status.paused, activities: plans, pausedOn: out.pausedOn };
      const slots = todaySessions(week, history.sessions, history.schedules, j.path === null ? DEFAULT_SESSION_TIME : defaultTime(j.db), today);
      // F3: a lighter session logged after the flare leaves today's planned one done, as advised.
      const easing = flareOfDay(history.sessions, today, plans, out.status.paused);
      const planned = easing === null ? slots : onFlareDay(slots, easing.doses, history.sessions, today);
      const through = sessionsThrough(today, true);
      const trends = statusTrends(history.sessions, through, PAIN_TREND_WEEKS);
      return { result: { s: out.status, trends, flare, easing, planned }, checkpoint: out.checkpoint };
    }),
    read: readStatusOutcomes(j.db, today),
    drifts: await calendarDriftsOf(j, today),
    // F2: the day the next-day check waits on, for a script deciding whether to give --settled.
    nextDay: flags.json ? pendingDay(j.db, today) : undefined,
    // Logged while the clock was ahead: counted in their week, but a person should be able to see them.
    ahead: sessionsAfter(j.db, today),
  }));
  // B4: the load ratio is of minutes. Where none of the weeks shown is timed (minutesShown), its
  // 0.00 "below your usual load" from walks long given up would stand beside their reps: the text
  // and the JSON both leave it out.
  const s = trends.minutesShown ? told : { ...told, acwr: null };
  // M, W, R: goals, the weekly check-in and whether a review is ready.
  const outcomes = statusOutcomes(read.goals, read.peg, today, s.programWeek, s.phase);
  if (flags.json) {
    const waiting = nextDay ? { date: nextDay.date, session_ids: nextDay.sessions.map((x) => x.id) } : null;
    printJson(ctx, { ...statusJson(s, trends), today_sessions: todaySessionsJson(planned, easing), flare_day: flareDayJson(flare), ...statusOutcomesJson(outcomes), next_day: waiting, calendar_out_of_step: drifts.map(driftJson), dated_after_today: ahead.map((a) => ({ session_id: a.id, date: a.date })) });
  } else {
    // The views (chalk, tables, charts) load only for people, not for --json.
    const [{ statusLines }, { makeStyle }, { statusOutcomeLines }, { driftLines }] = await Promise.all([
      import('../ui/statusView.js'),
      import('../ui/style.js'),
      import('../ui/goalView.js'),
      import('../ui/calendarDriftView.js'),
    ]);
    const more = statusOutcomeLines(outcomes, today);
    // M4: the goals' lines and suggestion take the place of P4's general suggestion to choose one.
    const shown = s.suggestion?.rule === 'P4' ? { ...s, suggestion: null } : s;
    print(ctx, [
      ...statusLines(makeStyle(ctx.color, ctx.stdout.columns, ctx.plain), shown, trends.minutesShown ? trends.minutes : null, flare, planned, trends.doses, easing),
      ...drifts.flatMap((d) => ['', ...driftLines(d, today)]),
      ...(more.length ? ['', ...more] : []),
      ...datedAheadLines(ahead, ctx),
    ]);
  }
  return 0;
}

export function statusJson(s: Status, { minutes, doses, minutesShown }: StatusTrends) {
  return {
    today: s.today,
    // cli.md gives program_week and phase as numbers: before week 1 they stay 1, and
    // before_program says the program has not started yet (P).
    program_week: s.programWeek,
    phase: s.phase,
    before_program: s.beforeProgram,
    program_start: s.programStart,
    mode: s.mode,
    paused: s.paused,
    this_week: {
      week_start: s.weekStart,
      activities: s.activities.map((a) => ({
        activity: a.activity,
        unit: a.unit,
        quota: a.plan?.quota ?? null,
        sessions_per_week: a.plan?.sessionsPerWeek ?? null,
        sessions_done: a.sessionsDone,
        dose_done: a.doseDone,
        change: a.plan?.change ?? null,
      })),
    },
    weekly_minutes: s.weeklyMinutes,
    target_minutes: s.targetMinutes,
    aim_from: s.aimFrom,
    minutes_by_week: minutes.map((m) => ({ week_start: m.weekStart, minutes: m.minutes })),
    // G3, R1: false when no session of those weeks is timed while others are: the text shows no
    // minutes then, only their reps, metres or steps (the fields above stay, as cli.md gives them).
    minutes_shown: minutesShown,
    // Q2, R1: activities in reps, metres or steps, their mean session by week (null: none that week).
    doses_by_week: doses.map((t) => ({ activity: t.activity, unit: t.unit, weeks: t.weeks.map((w) => ({ week_start: w.weekStart, mean_dose: w.meanDose })) })),
    pain_by_week: s.painTrend.map((p) => ({
      week_start: p.weekStart,
      sessions: p.sessions,
      mean_pain_before: p.meanPainBefore,
      mean_pain_after: p.meanPainAfter,
    })),
    boom_bust: {
      cycles_14d: s.boomBust.cycles14d,
      alert: s.boomBust.alert,
      booms: [...new Set(s.boomBust.booms.map((b) => b.date))],
      cycles: s.boomBust.cycles.map((c) => ({ activity: c.activity, boom: c.boomDate, bust: c.bust, bust_date: c.bustDate })),
    },
    acwr: s.acwr?.ratio ?? null,
    acwr_flag: s.acwr?.flag ?? null,
    holds: s.hold ? [holdJson(s.hold)] : [],
  };
}

/**
 * D1, F3: today's planned sessions, each with the flare-day dose the text's "Planned today" line
 * gives it (flareOfDay), or null. `flare_day` stays the latest session's flare: once a lighter
 * session of another activity is logged it is null, while the walk still owed is the lighter one.
 */
function todaySessionsJson(planned: readonly TodaySession[], easing: LatestFlare | null) {
  return planned.map((t) => ({ ...t, flare_day_dose: easing?.doses.find((d) => d.activity === t.activity)?.dose ?? null }));
}

/** F3: the latest session's flare and the doses for a bad day; null when it was not a flare. */
export function flareDayJson(f: LatestFlare | null) {
  return (
    f && {
      date: f.date,
      activity: f.activity,
      session_id: f.sessionId,
      reasons: f.reasons.map((r) => ({ rule: 'F1', ...r })),
      doses: f.doses.map((d) => ({ activity: d.activity, dose: d.dose, unit: d.unit, basis: d.basis, of: d.of })),
    }
  );
}

/**
 * D3: the exported weeks, from this one on, whose plan has changed since. Most journals have no
 * export to compare: the replay of another week, and its module, load only for those that do.
 */
async function calendarDriftsOf(j: Journal, today: IsoDate): Promise<CalendarDrift[]> {
  if (j.path === null) return [];
  const records = calendarRecordsFrom(j.db, mondayOf(today));
  return records.length === 0 ? [] : (await import('./calendarCheck.js')).calendarDrifts(j, records, today);
}
