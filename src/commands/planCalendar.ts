import type { Calendar, SkippedTime } from '../core/calendar.js';
import type { CalendarRecord } from '../core/calendarDrift.js';
import type { WeekPlan } from '../core/coach/index.js';
import { addDays, isoWeekday, shortDate, shortDateYear } from '../core/dates.js';
import { sessionLabel, shortTime } from '../core/days.js';
import { InputError } from '../core/errors.js';
import { printable } from '../core/input.js';
import type { IsoDate } from '../core/types.js';
import type { Context } from './context.js';
import { checkOutputFile, fileSink, streamSink } from './sink.js';

// D3: `plan --ics <file>` and `--remind <minutes>`. The file goes the way of every export: checked
// before anything is read, written beside its name and renamed, 0600, never through a link.

export interface CalendarRequest {
  path: string;
  remind: number;
}

/** Reminders further ahead than a day would not be reminders of the session. */
const MAX_REMIND = 1440;
const DEFAULT_REMIND = 10;

/** The checked request, or null without --ics. Bad input fails here, before the journal is opened. */
export function calendarRequest(flags: { ics?: string; remind?: string; json?: boolean }, ctx: Context): CalendarRequest | null {
  const remind = flags.remind === undefined ? DEFAULT_REMIND : parseRemind(flags.remind);
  if (flags.ics === undefined) {
    if (flags.remind !== undefined) throw new InputError('--remind goes with --ics.', 'For example: pace plan --ics week.ics --remind 15');
    return null;
  }
  if (flags.ics === '') throw new InputError('--ics needs a file name, or - for standard output.');
  if (flags.ics === '-' && flags.json) throw new InputError('--ics - and --json both want standard output.', 'Write the calendar to a file instead: --ics week.ics');
  if (flags.ics !== '-') checkOutputFile(flags.ics, '--ics', ctx.dbPath);
  return { path: flags.ics, remind };
}

function parseRemind(raw: string): number {
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) > MAX_REMIND) {
    throw new InputError(`--remind "${printable(raw)}" is not a whole number of minutes from 0 to ${MAX_REMIND}.`, 'For example --remind 10, or --remind 0 for no reminder.');
  }
  return Number(text);
}

/** Writes the calendar; returns how many sessions it holds. The `ics` library loads only here. */
export async function writeCalendar(request: CalendarRequest, calendar: Calendar, ctx: Context): Promise<number> {
  const { icsText } = await import('../ui/calendar.js');
  const text = icsText(calendar, ctx.now());
  const sink = request.path === '-' ? streamSink(ctx.stdout) : fileSink(request.path, '--ics');
  try {
    await sink.write(text);
    await sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  }
  return calendar.events.length;
}

/** D3: an export the journal could not keep a record of: status cannot compare the plan with it. */
export const NOT_RECORDED = 'pace could not note this export in the journal, so pace status will not be able to tell you when this calendar falls out of step with your plan.';

export function reminderWords(remind: number): string {
  return remind === 0 ? ', with no reminders' : `, each with a reminder ${remind} ${remind === 1 ? 'minute' : 'minutes'} before`;
}

/**
 * D3/Q7: an import updates the events it holds and removes none, so a session-a-week taken away
 * stays in the calendar from an earlier export (the UID of session 5 is simply absent). Cancelling
 * it in the file is left aside as for a pause (docs/decisions.md): the person is told. `exported`
 * is what the latest export of the week put there (the person was told then of any it left); with
 * no record of an activity (a calendar exported before pace kept one), `earlier` is the most
 * sessions the rules or a change by hand gave it that week.
 */
export function leftoverLines(plan: WeekPlan, earlier: ReadonlyMap<string, number>, exported: readonly CalendarRecord[]): string[] {
  const week = shortDateYear(plan.weekStart);
  // An activity the plan no longer has (its sessions deleted, or moved to another name): the new
  // file has no event of it, and the calendar keeps every one the earlier export put there.
  const gone = exported
    .filter((r) => !plan.activities.some((a) => a.activity === r.activity))
    .map(
      (r) =>
        `${r.activity} has no sessions in the week of ${week}, and your calendar app has ${r.sessions} from your export of ${shortDate(r.exportedOn)}: ` +
        `an import removes none, so delete ${r.sessions === 1 ? 'it' : 'them'} there: ${r.slots.split(',').map(slotWords).join(', ')}.`,
    );
  return [...gone, ...plan.activities.flatMap((a) => {
    const n = a.sessionsPerWeek;
    const has = `${a.activity} has ${n} ${n === 1 ? 'session' : 'sessions'} in the week of ${week}`;
    const inCalendar = exported.find((r) => r.activity === a.activity);
    if (inCalendar !== undefined) {
      const extra = inCalendar.sessions - n;
      if (extra <= 0) return [];
      // The new export takes the place of the first n events (their identifiers number the
      // sessions in order), so the ones left are the last of the earlier export: named, the person
      // does not delete a session that the new file has just moved there.
      const left = inCalendar.slots.split(',').slice(n).map(slotWords).join(', ');
      return [`${has}, and your calendar app has ${inCalendar.sessions} from your export of ${shortDate(inCalendar.exportedOn)}: an import removes none, so delete the extra ${extra === 1 ? 'one' : extra} there: ${left}.`];
    }
    if ((earlier.get(a.activity) ?? 0) > n) return [`${has}, ${earlier.get(a.activity)} before a change by hand: if an earlier export put more in your calendar app, delete those there.`];
    return [];
  })];
}

/**
 * T3, D3: a paused week's calendar has no sessions, and importing it removes none. With the week's
 * export on record the words say when it was; without (none, or one from before the record), they
 * do not claim there was one.
 */
export function pausedExportLine(week: IsoDate, exported: readonly CalendarRecord[]): string {
  const first = exported[0];
  const when = shortDateYear(week);
  if (first === undefined) return `The plan is paused, so this calendar has no sessions. If an earlier export put sessions of the week of ${when} in your calendar app, delete them there: importing this one removes none.`;
  return `The plan is paused, so this calendar has no sessions, and importing it removes none: delete there the sessions your export of ${shortDate(first.exportedOn)} put in your calendar app for the week of ${when}.`;
}

/**
 * D1-D3: in a week under way the calendar holds the week so far (weekSoFar), which can differ from
 * the days the plan shows under "When:" (the whole plan): a walk made up on a Tuesday, Friday no
 * longer owed. Then the person is told what the calendar holds and what is still to do in it (of
 * a week that is over, that it holds what was done); null when it holds the plan's own days.
 */
export function weekSoFarLine(written: Calendar, whole: Calendar, today: IsoDate): string | null {
  const slot = (e: Calendar['events'][number]) => `${e.activity} ${e.date} ${e.time}`;
  const [held, planned] = [written.events.map(slot).sort(), whole.events.map(slot).sort()];
  if (held.length === planned.length && held.every((x, i) => x === planned[i])) return null;
  // A week that is over has nothing still to do: it is not "under way".
  if (addDays(written.weekStart, 7) <= today) return 'That week is over: the calendar holds its sessions on the days they were done, and the days missed as planned.';
  const owed = written.events.filter((e) => !e.settled);
  const named = owed.map((e) => `${e.activity} ${sessionLabel(isoWeekday(e.date) - 1, e.time)}`).join(', ');
  const ahead = owed.length === 0 ? 'nothing from today on' : `from today on only the ${owed.length} still to do (${named})`;
  return `This week is under way: the calendar holds the sessions before today as they stand, and ${ahead}.`;
}

/** A recorded `YYYY-MM-DD HH:MM` as a person reads it: "Fri 30 Jan 9:00". */
const slotWords = (slot: string) => {
  const [date, time] = slot.split(' ') as [IsoDate, string];
  return `${shortDate(date)} ${shortTime(time)}`;
};

/** D3: each session at a time the clocks skip, with the time the person's calendar app will show. */
export function skippedLines(skipped: readonly SkippedTime[]): string[] {
  return skipped.map((s) => `${shortDateYear(s.date)}: the clocks go forward and skip ${shortTime(s.time)}, so calendar apps will show that ${s.activity} at ${shortTime(s.shown)}.`);
}
