import { DEFAULT_SESSION_TIME, activitySessions, dayCodes, dayLabel, parseDays, parseTime, sessionLabel, shortTime, type Schedule } from '../core/days.js';
import { isoWeekday, nextMonday, shortDate } from '../core/dates.js';
import { InputError } from '../core/errors.js';
import { parseActivityName } from '../core/input.js';
import { typedName, unknownNameHint } from '../core/names.js';
import type { IsoDate } from '../core/types.js';
import { activityNamesInUse, findActivity, listActivities } from '../store/activities.js';
import { forWriting, openJournal, write, type Journal } from '../store/open.js';
import { clearSchedule, defaultTime, listSchedules, scheduledTime, setSchedule } from '../store/schedules.js';
import { refuseIfDamaged } from '../store/soundness.js';
import { calendarNote } from './calendarNote.js';
import { print, printJson, type Context } from './context.js';

// `pace schedule`: the days and time of each activity's sessions (D1). Alone, it lists them.

export interface ScheduleFlags {
  at?: string;
  clear?: boolean;
  json?: boolean;
}

export async function schedule(args: string[], flags: ScheduleFlags, ctx: Context): Promise<number> {
  const [rawActivity, rawDays] = args;
  if (rawActivity === undefined) {
    if (flags.at !== undefined || flags.clear) refuseWithoutActivity(ctx, flags);
    return list(ctx, flags.json === true);
  }
  const name = parseActivityName(rawActivity);
  if (flags.clear && (rawDays !== undefined || flags.at !== undefined)) {
    throw new InputError('--clear takes no days and no --at.', `To clear: pace schedule ${typedName(name)} --clear`);
  }
  if (!flags.clear && rawDays === undefined) {
    throw new InputError(`give the days for ${name}.`, `For example: pace schedule ${typedName(name)} mon,wed,fri --at 08:00 (or weekdays, or daily; --clear to remove)`);
  }
  // Everything is checked before the journal is opened for writing.
  const days = rawDays === undefined ? [] : parseDays(rawDays, 'days');
  const time = flags.at === undefined ? null : parseTime(flags.at, '--at');

  let journal: Journal = openJournal(ctx.dbPath, { write: false });
  try {
    const activity = journal.path === null ? undefined : findActivity(journal.db, name);
    if (!activity) throw new InputError(`there is no activity named ${name}.`, unknownNameHint(name, journal.path === null ? [] : activityNamesInUse(journal.db)));
    journal = forWriting(journal, ctx.dbPath);
    refuseIfDamaged(journal.db);
    const db = journal.db;
    if (flags.clear) {
      const cleared = write(db, () => clearSchedule(db, activity.id));
      if (flags.json) printJson(ctx, { schedule: null, activity: name, cleared });
      else print(ctx, [cleared ? `${name}: no days of its own now; the plan spreads its sessions over the week.` : `${name} had no days of its own.`, ...(await calendarNote(journal, ctx.today))]);
      return 0;
    }
    // New days without --at keep the time the activity has: moving a walk to other days is not
    // asking to walk at another hour.
    const kept = write(db, () => {
      const at = time ?? scheduledTime(db, activity.id) ?? null;
      setSchedule(db, activity.id, days, at);
      return at;
    });
    const saved: Schedule = { activity: name, days, time: kept };
    const fallback = defaultTime(db);
    const added = await addedDays(journal, ctx, saved, fallback);
    if (flags.json) printJson(ctx, { schedule: scheduleJson(saved), default_time: fallback, plan: addedDaysJson(added) });
    else print(ctx, [`${name}: ${describe(saved, fallback)}.`, ...addedDaysLines(name, added), ...(await calendarNote(journal, ctx.today))]);
    return 0;
  } finally {
    journal.close();
  }
}

/**
 * D1: `--at` or `--clear` with no activity. The example names one of the person's activities, and
 * `--at` alone, likely meant for every session, also gives the setting that does that.
 */
function refuseWithoutActivity(ctx: Context, flags: ScheduleFlags): never {
  const at = flags.at === undefined ? undefined : parseTime(flags.at);
  const name = typedName(firstActivityName(ctx) ?? 'walk');
  if (at === undefined) throw new InputError('name the activity to schedule.', `For example: pace schedule ${name} --clear`);
  throw new InputError('name the activity to schedule.', `For example: pace schedule ${name} mon,wed,fri --at ${at}; for every activity without days of its own: pace init --time ${at}`);
}

/** For an example only: a journal that cannot be read (damaged, another user's) gives none, and the usage error stands. */
function firstActivityName(ctx: Context): string | undefined {
  try {
    const journal = openJournal(ctx.dbPath, { write: false });
    try {
      return journal.path === null ? undefined : listActivities(journal.db)[0]?.name;
    } finally {
      journal.close();
    }
  } catch {
    return undefined;
  }
}

function list(ctx: Context, json: boolean): number {
  const journal = openJournal(ctx.dbPath, { write: false });
  try {
    const schedules = journal.path === null ? [] : listSchedules(journal.db);
    const fallback = journal.path === null ? DEFAULT_SESSION_TIME : defaultTime(journal.db);
    if (json) printJson(ctx, { schedules: schedules.map(scheduleJson), default_time: fallback });
    else if (schedules.length === 0) {
      // D1: days are set for an activity already logged, so the example names one of them; with
      // none yet, it says to log first (an example that fails as typed teaches nothing).
      const first = journal.path === null ? undefined : listActivities(journal.db)[0]?.name;
      const example = first === undefined ? 'Log a session first, for example: pace log walk 10; then set its days, for example: pace schedule walk mon,wed,fri --at 08:00' : `Set them with, for example: pace schedule ${typedName(first)} mon,wed,fri --at 08:00`;
      print(ctx, [`No days set yet: the plan spreads sessions over the week at ${shortTime(fallback)}.`, example]);
    } else print(ctx, [...schedules.map((s) => `${s.activity}: ${describe(s, fallback)}`), `Other activities: spread over the week at ${shortTime(fallback)}.`]);
    return 0;
  } finally {
    journal.close();
  }
}

export function scheduleJson(s: Schedule) {
  return { activity: s.activity, days: dayCodes(s.days), time: s.time };
}

/** D2: the coming week's sessions of an activity whose days are fewer than its plan's sessions. */
interface AddedDays {
  weekStart: IsoDate;
  sessionsPerWeek: number;
  sessions: { date: IsoDate; time: string }[];
  added: number[];
}

/**
 * D2: fewer days than the coming week's plan has sessions: the days the plan adds, said now
 * (in the words of the plan's own line, and in --json), rather than found later in pace plan.
 */
async function addedDays(journal: Journal, ctx: Context, saved: Schedule, fallback: string): Promise<AddedDays | null> {
  const { planWithSessions } = await import('./plan.js');
  const week = planWithSessions(journal, nextMonday(ctx.today), ctx.today).plan;
  const planned = week.activities.find((a) => a.activity === saved.activity);
  if (!planned) return null;
  const own = activitySessions(planned, week.weekStart, week.paused, saved, fallback);
  if (own.source !== 'added') return null;
  return { weekStart: week.weekStart, sessionsPerWeek: planned.sessionsPerWeek, sessions: own.sessions, added: own.added };
}

function addedDaysLines(name: string, a: AddedDays | null): string[] {
  if (!a) return [];
  const when = a.sessions.map((x) => sessionLabel(isoWeekday(x.date) - 1, x.time)).join(', ');
  return [`The plan for the week of ${shortDate(a.weekStart)} has ${a.sessionsPerWeek} ${name} sessions: ${when} (your days, with ${a.added.map(dayLabel).join(', ')} added).`];
}

function addedDaysJson(a: AddedDays | null) {
  return a && { week_start: a.weekStart, sessions_per_week: a.sessionsPerWeek, sessions: a.sessions, added_days: dayCodes(a.added) };
}

/** "Mon 8:00, Wed 8:00, Fri 8:00 (when the plan has that many sessions)". */
function describe(s: Schedule, fallback: string): string {
  const time = s.time ?? fallback;
  return s.days.map((d) => sessionLabel(d, time)).join(', ') + (s.time === null ? ' (the default time)' : '');
}
