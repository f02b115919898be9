import type { WeekPlan } from './coach/index.js';
import type { Calendar } from './calendar.js';
import type { IsoDate, Unit } from './types.js';

// D3: a calendar app keeps the events of an export until another import replaces them, and an
// import removes none. When the plan of an exported week changes after the export (a flare logged
// late, a missed session that turns an increase into a hold, a pause, days changed), the person's
// calendar goes on showing the old sessions. What each export put there is kept (src/store/
// calendarExports.ts), and the views compare it with the plan as it stands.

/** What one export put in the calendar for one activity of its week. */
export interface ExportedActivity {
  activity: string;
  unit: Unit;
  /** The quota in each event's title; null for a plan with no quota (none is planned). */
  quota: number | null;
  /** How many events. */
  sessions: number;
  /** Their days and times, `YYYY-MM-DD HH:MM` joined by commas, in order. */
  slots: string;
}

/** An activity's events in the person's calendar, from the latest export of their week. */
export interface CalendarRecord extends ExportedActivity {
  weekStart: IsoDate;
  exportedOn: IsoDate;
}

/** One activity whose events no longer match the plan. */
export interface ActivityDrift {
  activity: string;
  unit: Unit;
  calendar: { quota: number | null; sessions: number };
  plan: { quota: number | null; sessions: number };
  /** Same number of sessions, on other days or at other times. */
  moved: boolean;
}

/** A week whose calendar events no longer match its plan. */
export interface CalendarDrift {
  weekStart: IsoDate;
  /** The day of the latest export of the week. */
  exportedOn: IsoDate;
  /** T3: the plan is paused: every event of the week should go. */
  paused: boolean;
  activities: ActivityDrift[];
}

/** D3: what an export of `calendar` puts in a calendar app, by activity, in the plan's order. */
export function exportedActivities(plan: WeekPlan, calendar: Calendar): ExportedActivity[] {
  const out: ExportedActivity[] = [];
  for (const a of plan.activities) {
    const events = calendar.events.filter((e) => e.activity === a.activity);
    if (events.length === 0) continue;
    out.push({ activity: a.activity, unit: a.unit, quota: a.quota, sessions: events.length, slots: events.map((e) => `${e.date} ${e.time}`).join(',') });
  }
  return out;
}

/**
 * D3: how the latest export of a week (`records`, all of one week) differs from the week's plan
 * now (`plan`, with the calendar it would export: `now`); null when the calendar still matches.
 * An activity planned now with no events in the calendar counts too: the person would miss it.
 * Only sessions from `today` on are compared: in a week under way, one already past (days chosen
 * anew on the Thursday, a Monday walk exported at another hour) has nothing left to change. Of
 * `now` (weekSoFar) only the sessions still owed are compared, not the ones done; an event of the
 * calendar on a day and time the whole plan (`whole`) still has there but no longer owes (the
 * week's walks done early) is left alone: the person knows it is done, and status asks for nothing
 * more.
 */
export function calendarDrift(records: readonly CalendarRecord[], plan: WeekPlan, now: Calendar, today: IsoDate, whole: Calendar = now): CalendarDrift | null {
  const first = records[0];
  if (first === undefined) return null;
  // One export replaces the whole week's record, so its rows share the day.
  const exportedOn = first.exportedOn;
  const ahead = (slots: string | undefined) => (slots ? slots.split(',').filter((slot) => slot.slice(0, 10) >= today) : []);
  if (plan.paused) {
    const left = records.filter((r) => ahead(r.slots).length > 0);
    if (left.length === 0) return null;
    const activities = left.map((r) => ({ activity: r.activity, unit: r.unit, calendar: { quota: r.quota, sessions: r.sessions }, plan: { quota: null, sessions: 0 }, moved: false }));
    return { weekStart: first.weekStart, exportedOn, paused: true, activities };
  }
  const activities: ActivityDrift[] = [];
  const planned = exportedActivities(plan, whole);
  const owed = exportedActivities(plan, { ...now, events: now.events.filter((e) => !e.settled) });
  const settled = exportedActivities(plan, { ...now, events: now.events.filter((e) => e.settled) });
  for (const [was, is] of pairs(records, exportedActivities(plan, now))) {
    const name = (was ?? is)!.activity;
    const of = (list: readonly ExportedActivity[]) => ahead(list.find((p) => p.activity === name)?.slots);
    const inPlan = of(owed);
    // Neither the sessions done (today's, say) nor a planned one no longer owed is a change.
    const done = [...of(settled), ...of(planned)].filter((slot) => !inPlan.includes(slot));
    const inCalendar = ahead(was?.slots).filter((slot) => !done.includes(slot));
    if (inCalendar.length === 0 && inPlan.length === 0) continue;
    const a = compared(was, is, inCalendar, inPlan);
    if (a.calendar.quota !== a.plan.quota || inCalendar.length !== inPlan.length || a.moved) activities.push(a);
  }
  return activities.length === 0 ? null : { weekStart: first.weekStart, exportedOn, paused: false, activities };
}

/**
 * D3, T3: a week exported before a pause that has just ended (`records`, all of one week), in the
 * shape of a drift: status asked for its events to be deleted during the pause, and the record
 * cannot know whether they were, so every activity the export put there or the plan has now is
 * listed, the calendar's (as exported) against the plan's, changed or not.
 */
export function exportAgain(records: readonly CalendarRecord[], plan: WeekPlan, now: Calendar): CalendarDrift | null {
  const first = records[0];
  if (first === undefined) return null;
  const activities = [...pairs(records, exportedActivities(plan, now))].map(([was, is]) => compared(was, is, slotsOf(was), slotsOf(is)));
  return { weekStart: first.weekStart, exportedOn: first.exportedOn, paused: false, activities };
}

/** Each activity of the calendar or the plan, with what each has of it: the calendar's first. */
function* pairs(records: readonly CalendarRecord[], planned: readonly ExportedActivity[]): Generator<[ExportedActivity | undefined, ExportedActivity | undefined]> {
  for (const activity of new Set([...records.map((r) => r.activity), ...planned.map((p) => p.activity)])) {
    yield [records.find((r) => r.activity === activity), planned.find((p) => p.activity === activity)];
  }
}

/**
 * One activity, the calendar's events against the plan's; `moved` compares the slots given. The
 * week's sessions in all are the same when it moved: days chosen anew mid-week can leave two
 * ahead in the calendar and three in the plan, which is a move, not a change of sessions.
 */
function compared(was: ExportedActivity | undefined, is: ExportedActivity | undefined, inCalendar: readonly string[], inPlan: readonly string[]): ActivityDrift {
  const sameCount = inCalendar.length === inPlan.length || (was !== undefined && is !== undefined && was.sessions === is.sessions);
  const moved = was !== undefined && is !== undefined && sameCount && inCalendar.join(',') !== inPlan.join(',');
  return {
    activity: (was ?? is)!.activity,
    unit: (was ?? is)!.unit,
    calendar: { quota: was?.quota ?? null, sessions: was?.sessions ?? 0 },
    plan: { quota: is?.quota ?? null, sessions: is?.sessions ?? 0 },
    moved,
  };
}

const slotsOf = (a: ExportedActivity | undefined) => (a?.slots ? a.slots.split(',') : []);
