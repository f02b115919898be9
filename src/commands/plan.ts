import { describeReason, describeSuggestion, holdNow, lookbackFrom, planAndCheckpoint, recentReference, weekBeforeOf, type Hold, type WeekBefore, type ProgramStanding, type WeekPlan } from '../core/coach/index.js';
import { addDays, mondayOf, nextMonday, shortDateYear } from '../core/dates.js';
import { InputError } from '../core/errors.js';
import { checkDose, parseDayFlag } from '../core/input.js';
import { parseOverride, refuseWeekOver } from '../core/overrideInput.js';
import type { IsoDate, Session } from '../core/types.js';
import { activityNamesInUse, findActivity } from '../store/activities.js';
import { unknownNameHint } from '../core/names.js';
import { listSessions } from '../store/sessions.js';
import { openJournal, write, type Journal } from '../store/open.js';
import { dropRefusedOverrides, insertAcceptance, insertOverride, listOverrides } from '../store/plans.js';
import { refuseIfDamaged } from '../store/soundness.js';
import { withCoach } from './coach.js';
import { checkOverrides, refuseAcceptUnderHold, refuseUnsafe } from './planOverride.js';
import { calendarOf, skippedTimes } from '../core/calendar.js';
import { DEFAULT_SESSION_TIME, planSessions, type ActivitySessions } from '../core/days.js';
import { defaultTime, listSchedules } from '../store/schedules.js';
import { calendarRequest, leftoverLines, NOT_RECORDED, pausedExportLine, reminderWords, skippedLines, weekSoFarLine, writeCalendar } from './planCalendar.js';
import { calendarDrift, exportedActivities, type CalendarDrift } from '../core/calendarDrift.js';
import { calendarRecordsFrom, recordCalendarExport } from '../store/calendarExports.js';
import { weekSoFar } from '../core/weekSoFar.js';
import { note, print, printJson, type Context } from './context.js';
import { driftJson } from './json.js';
import { planGoalSuggestion } from './statusOutcomes.js';

export interface PlanFlags {
  week?: string;
  set?: string[];
  acceptIncrease?: boolean;
  /** Q7: confirms an override that would be a boom (B1). */
  yes?: boolean;
  json?: boolean;
  /** D3: write the week's sessions as an iCalendar file (`-`: stdout). */
  ics?: string;
  /** D3: minutes before each session for its reminder (default 10; 0 for none). */
  remind?: string;
}

/** A week's plan (Q9), and where the week stands against the program's start (P). */
export type ShownWeek = WeekPlan & ProgramStanding;

/** `pace plan`: the coming week's quotas, each with its reason (Q8), derived from history (Q9). */
export async function plan(_args: string[], flags: PlanFlags, ctx: Context): Promise<number> {
  const weekStart = flags.week !== undefined ? mondayOf(parseDayFlag(flags.week, '--week', ctx.today)) : nextMonday(ctx.today);
  const sets = (flags.set ?? []).map((raw) => ({ raw, ...parseOverride(raw) }));
  const writes = sets.length > 0 || flags.acceptIncrease === true;
  if (writes) refuseWeekOver(weekStart, ctx.today, sets.length > 0 ? '--set' : '--accept-increase');
  const calendar = calendarRequest(flags, ctx);

  const journal: Journal = openJournal(ctx.dbPath, { write: false });
  try {
    let computed: ReturnType<typeof computePlan>;
    if (!writes) computed = computePlan(journal, weekStart, ctx.today);
    else {
      if (journal.path === null) throw new InputError('there is nothing to plan yet.', 'Log a session first, for example: pace log walk 10');
      const earlier = listOverrides(journal.db);
      const requests = sets.map((s) => {
        const a = findActivity(journal.db, s.activity);
        if (!a) throw new InputError(`--set: there is no activity named ${s.activity}.`, unknownNameHint(s.activity, activityNamesInUse(journal.db)));
        if (s.unit && s.unit !== a.unit) throw new InputError(`--set: ${a.name} is planned in ${a.unit}, not ${s.unit}.`);
        // Q7: it replaces a setting made earlier for the same week; what it leaves out (the
        // sessions a week, say) stays as that one set it, not as the rules would have it.
        // The one the replay has in force: the latest set, on a tie the one stored last.
        const replaced = earlier.filter((o) => o.activity === a.name && mondayOf(o.weekStart) === weekStart).reduce<(typeof earlier)[number] | undefined>((seen, o) => (seen !== undefined && seen.setOn > o.setOn ? seen : o), undefined);
        return { ...s, activity: a.name, unit: a.unit, quota: checkDose(s.quota, a.unit, '--set'), sessionsPerWeek: s.sessionsPerWeek ?? replaced?.sessionsPerWeek ?? null };
      });
      // A request that may still be refused leaves the journal exactly as it was, checkpoint included.
      // It is a write: a damaged journal is refused as every write refuses it, before the plan the
      // request is judged against is read (Q7).
      refuseIfDamaged(journal.db);
      const before = planWithSessions(journal, weekStart, ctx.today, { keep: false });
      // Q7: a request is judged against the week as it stands (a hold refuses any raise, B1 asks
      // about a jump from the quota in force), and after a flare against the drop-back level the
      // rules give, without an earlier setting for the week that it replaces (lowered to 10, the
      // week may go back up to 12).
      const judged = (): ShownWeek => planWithSessions(journal, weekStart, ctx.today, { keep: false, replacing: requests.map((r) => r.activity) }).plan;
      // B1: with no quota yet for the week, a boom is judged against the usual day lately.
      const lately = listSessions(journal.db, { from: lookbackFrom(addDays(ctx.today, 1)), to: ctx.today });
      const recent = (activity: string) => recentReference(lately, activity, addDays(ctx.today, 1));
      if (!(await checkOverrides(requests, before.plan, before.holdToday, flags.yes === true, ctx, requests.length > 0 ? judged() : before.plan, recent))) {
        // cli.md: --json prints JSON on stdout, here the plan as it stands; the words go to stderr.
        if (flags.json) {
          note(ctx, 'Kept the plan as it was. Nothing was changed.');
          printJson(ctx, planJson(before.plan, new Map(), weekBeforeOf(ctx.today, before.plan.weekStart)));
        } else print(ctx, 'Kept the plan as it was. Nothing was changed.');
        return 0;
      }
      if (flags.acceptIncrease) refuseAcceptUnderHold(before.holdToday);
      const offers = flags.acceptIncrease ? before.plan.activities.filter((a) => a.change === 'offer' && a.offer !== null) : [];
      if (flags.acceptIncrease && offers.length === 0) {
        throw new InputError('there is no increase on offer for that week.', 'In envelope mode an increase is offered after two completed weeks at the same quota (S2).');
      }
      write(journal.db, () => {
        // Q7: a hold, pause or flare recorded since the check (while the question waited, or by
        // another pace) is seen here, in the transaction that writes.
        const now = planWithSessions(journal, weekStart, ctx.today, { keep: false });
        if (requests.length > 0) refuseUnsafe(requests, now.plan, now.holdToday, judged(), recent);
        if (flags.acceptIncrease) refuseAcceptUnderHold(now.holdToday);
        for (const r of requests) {
          dropRefusedOverrides(journal.db, r.activity, weekStart);
          insertOverride(journal.db, { activity: r.activity, weekStart, quota: r.quota, sessionsPerWeek: r.sessionsPerWeek, setOn: ctx.today });
        }
        if (flags.acceptIncrease) {
          for (const o of offers) insertAcceptance(journal.db, { activity: o.activity, weekStart, quota: o.offer!, acceptedOn: ctx.today });
        }
      });
      computed = computePlan(journal, weekStart, ctx.today);
    }
    const result: ShownWeek = computed.plan;
    // Q9: before its Monday, a week's plan reads the week in progress as it stands so far.
    const weekBefore = weekBeforeOf(ctx.today, result.weekStart);
    // D1/D2: the sessions' days and times, from the same plan.
    const sessions = journal.path === null ? planSessions(result, [], DEFAULT_SESSION_TIME) : planSessions(result, listSchedules(journal.db), defaultTime(journal.db));
    // D3: what the latest export of this week put in the calendar app, if any (a week that is over
    // has nothing left to bring in step).
    const records = journal.path === null || result.weekStart < mondayOf(ctx.today) ? [] : calendarRecordsFrom(journal.db, result.weekStart).filter((r) => r.weekStart === result.weekStart);
    // D1-D3: the calendar holds the week as it stands today, as status does: in a week under way,
    // only the sessions still owed from today on.
    const soFar = weekSoFar({ ...result, pausedOn: computed.pausedOn }, sessions, computed.sessions, ctx.today);
    let drift: CalendarDrift | null = null;
    if (calendar !== null) {
      const events = calendarOf(result, soFar, calendar.remind, weekBefore);
      const written = await writeCalendar(calendar, events, ctx);
      // T3: a paused week's calendar has no sessions and removes none: what the earlier export put
      // there stays on record until the person is asked, once the pause ends, for a new export.
      // The record is best-effort (a read-only, busy, full or damaged journal does without it), but
      // without it status cannot notice this calendar falling behind the plan: the person is told.
      if (journal.path !== null && !result.paused) {
        const kept = !journal.snapshot && recordCalendarExport(journal.db, result.weekStart, mondayOf(ctx.today), exportedActivities(result, events), ctx.today);
        if (!kept) note(ctx, NOT_RECORDED);
      }
      // T3: importing a calendar with no events removes none: the person must not be reminded to
      // exercise by a session exported before the pause.
      if (result.paused) note(ctx, pausedExportLine(result.weekStart, records));
      else if (journal.path !== null) for (const line of leftoverLines(result, earlierCounts(journal, result, ctx.today), records)) note(ctx, line);
      if (ctx.wallClock) for (const line of skippedLines(skippedTimes(events, ctx.wallClock))) note(ctx, line);
      if (calendar.path === '-') return 0;
      if (!flags.json) {
        // An empty calendar (a paused plan) has no reminders to speak of.
        if (written === 0) note(ctx, `Wrote a calendar with no sessions for the week of ${shortDateYear(result.weekStart)} to ${calendar.path}.`);
        else note(ctx, `Wrote ${written} ${written === 1 ? 'session' : 'sessions'} of the week of ${shortDateYear(result.weekStart)} to ${calendar.path}${reminderWords(calendar.remind)}.`);
        const soFarSaid = written === 0 ? null : weekSoFarLine(events, calendarOf(result, sessions, 0, weekBefore), ctx.today);
        if (soFarSaid !== null) note(ctx, soFarSaid);
      }
    } else if (records.length > 0) {
      // D3: shown the week exported earlier, the person learns that the calendar differs from it.
      drift = calendarDrift(records, result, calendarOf(result, soFar, 0, weekBefore), ctx.today, calendarOf(result, sessions, 0, weekBefore));
    }
    // M4: the goals' suggestion takes the place of P4's general one.
    const goals = planGoalSuggestion(journal.path === null ? null : journal.db, ctx.today, result);
    const shown = { ...result, suggestion: goals.suggestion };
    if (flags.json) printJson(ctx, { ...planJson(shown, sessions, weekBefore), goal_suggestion: goals.goalSuggestion, calendar_out_of_step: drift && driftJson(drift) });
    else {
      // The views (chalk, tables) load only for people, not for --json.
      const [{ planLines }, { makeStyle }, { suggestionLines }, { driftLines }] = await Promise.all([
        import('../ui/planView.js'),
        import('../ui/style.js'),
        import('../ui/goalView.js'),
        import('../ui/calendarDriftView.js'),
      ]);
      print(ctx, [
        ...planLines(makeStyle(ctx.color, ctx.stdout.columns, ctx.plain), shown, sessions, ctx.today),
        ...(goals.goalSuggestion ? ['', ...suggestionLines(goals.goalSuggestion)] : []),
        ...(drift ? ['', ...driftLines(drift, ctx.today)] : []),
      ]);
    }
    return 0;
  } finally {
    journal.close();
  }
}

/**
 * D3/Q7: the most sessions each activity has had in the week by the rules or by a change by hand
 * (only activities set by hand that week; the rules' own plan of a week does not change once the
 * week has begun, Q9).
 */
function earlierCounts(journal: Journal, result: WeekPlan, today: IsoDate): Map<string, number> {
  const set = listOverrides(journal.db).filter((o) => mondayOf(o.weekStart) === result.weekStart);
  const out = new Map<string, number>();
  if (set.length === 0) return out;
  const byRules = planWithSessions(journal, result.weekStart, today, { keep: false, replacing: [...new Set(set.map((o) => o.activity))] }).plan;
  for (const o of set) {
    const rules = byRules.activities.find((a) => a.activity === o.activity)?.sessionsPerWeek ?? 0;
    out.set(o.activity, Math.max(out.get(o.activity) ?? 0, rules, o.sessionsPerWeek ?? 0));
  }
  return out;
}

/**
 * The plan for the week of `weekStart` (Q9), replayed from the journal's checkpoint when it can be,
 * with the sessions of the week done so far (the calendar's week as it stands, D1-D3).
 */
function computePlan(journal: Journal, weekStart: IsoDate, today: IsoDate) {
  return planWithSessions(journal, weekStart, today, { sessionsFrom: mondayOf(weekStart) });
}

/**
 * A week's plan, and the sessions its replay read: every session from `sessionsFrom` on, when that
 * is given (`log` judges a boom, B1, from the same read).
 */
export function planWithSessions(
  journal: Journal,
  weekStart: IsoDate,
  today: IsoDate,
  opts: { keep?: boolean; sessionsFrom?: IsoDate; replacing?: readonly string[] } = {},
): { plan: ShownWeek; sessions: Session[]; holdToday: Hold | null; pausedOn: (date: IsoDate) => boolean } {
  const monday = mondayOf(weekStart);
  const needs = { week: monday, until: monday, keep: opts.keep ?? true, ...(opts.sessionsFrom !== undefined ? { sessionsFrom: opts.sessionsFrom } : {}) };
  return withCoach(journal, today, needs, ({ history: read, checkpoint, captureAt }) => {
    // Q7: without the quotas set by hand for this week of the activities a new one will replace.
    const history = opts.replacing ? { ...read, overrides: read.overrides.filter((o) => mondayOf(o.weekStart) !== monday || !opts.replacing!.includes(o.activity)) } : read;
    // T2/T3: a hold opened today applies at once to this week and the weeks ahead; weeks already
    // over keep the holds as they stood then (the core replays those from the records).
    // T2/T3: quotas are decided with the holds as they stood before each Monday; the weeks from
    // this one on show the hold open today (a pause hides the quotas from its day on).
    const holdToday = holdNow(history.triageRecords, today);
    const out = planAndCheckpoint({ ...history, today, clockToday: true, weekStart: monday, checkpoint, captureAt });
    return { result: { plan: { ...out.plan, ...out.standing }, sessions: history.sessions, holdToday, pausedOn: out.pausedOn }, checkpoint: out.checkpoint };
  });
}

/** cli.md's plan JSON, plus the flare-day dose, the offer, the hold and the phase's suggestion. */
export function planJson(p: ShownWeek, sessions: ReadonlyMap<string, ActivitySessions> = new Map(), weekBefore: WeekBefore = 'over') {
  return {
    week_start: p.weekStart,
    // cli.md gives program_week and phase as numbers: before week 1 they stay 1, and
    // before_program says the week comes before the program (P).
    program_week: p.programWeek,
    phase: p.phase,
    before_program: p.beforeProgram,
    program_start: p.programStart,
    mode: p.mode,
    paused: p.paused,
    hold: p.hold && { kind: p.hold.kind, since: p.hold.since, symptoms: p.hold.symptoms },
    // Q9: false while the week before is still going on: the plan may change as sessions are logged.
    week_before_over: weekBefore === 'over',
    activities: p.activities.map((a) => ({
      activity: a.activity,
      unit: a.unit,
      category: a.category,
      quota: a.quota,
      sessions_per_week: a.sessionsPerWeek,
      change: a.change,
      reason: describeReason(a.reason, a.unit, p.mode, weekBefore),
      rule: a.reason.rule,
      flare_day_dose: a.flareDayDose,
      offer: a.offer,
      // D1/D2: where each session falls, and whether the days were the person's or chosen.
      sessions: sessions.get(a.activity)?.sessions ?? [],
      days_from: sessions.get(a.activity)?.source ?? null,
    })),
    suggestion: p.suggestion && describeSuggestion(p.suggestion),
  };
}
