import type { Calendar, SkippedTime } from '../core/calendar.js';
import type { WeekPlan } from '../core/coach/index.js';
import { shortDateYear } from '../core/dates.js';
import { shortTime } from '../core/days.js';
import { InputError } from '../core/errors.js';
import { printable } from '../core/input.js';
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

export function reminderWords(remind: number): string {
  return remind === 0 ? ', with no reminders' : `, each with a reminder ${remind} ${remind === 1 ? 'minute' : 'minutes'} before`;
}

/**
 * D3/Q7: an import updates the events it holds and removes none, so a session-a-week taken away
 * by hand stays in the calendar from an earlier export (the UID of session 5 is simply absent).
 * Cancelling it in the file is left aside as for a pause (docs/decisions.md): the person is told.
 */
export function leftoverLines(plan: WeekPlan, earlier: ReadonlyMap<string, number>): string[] {
  return plan.activities
    .filter((a) => (earlier.get(a.activity) ?? 0) > a.sessionsPerWeek)
    .map(
      (a) =>
        `${a.activity} has ${a.sessionsPerWeek} ${a.sessionsPerWeek === 1 ? 'session' : 'sessions'} in the week of ${shortDateYear(plan.weekStart)}, ${earlier.get(a.activity)} before a change by hand: ` +
        'if an earlier export put more in your calendar app, delete those there.',
    );
}

/** D3: each session at a time the clocks skip, with the time the person's calendar app will show. */
export function skippedLines(skipped: readonly SkippedTime[]): string[] {
  return skipped.map((s) => `${shortDateYear(s.date)}: the clocks go forward and skip ${shortTime(s.time)}, so calendar apps will show that ${s.activity} at ${shortTime(s.shown)}.`);
}
