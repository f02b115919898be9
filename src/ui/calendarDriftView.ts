import type { CalendarDrift } from '../core/calendarDrift.js';
import { formatAmount } from '../core/coach/index.js';
import { nextMonday, shortDate, shortDateYear } from '../core/dates.js';
import type { IsoDate, Unit } from '../core/types.js';

/**
 * D3: a week whose plan changed after it went into the calendar app: what differs, by activity,
 * and how to bring the calendar in step (a new export, and deleting what an import leaves).
 */
export function driftLines(drift: CalendarDrift, today: IsoDate): string[] {
  const week = shortDateYear(drift.weekStart);
  const since = shortDate(drift.exportedOn);
  // T3: a paused plan has no sessions to export again: the events must go.
  // The record cannot know whether they were deleted already: the words do not say they are there.
  if (drift.paused) return [`The plan is paused, and your export of ${since} put sessions of the week of ${week} in your calendar app: delete them there if you have not, and export the plan again when the pause ends.`];
  const again = exportCommand(drift.weekStart, today);
  const fewer = drift.activities.some((a) => a.plan.sessions < a.calendar.sessions);
  return [
    `The plan for the week of ${week} has changed since you exported it to your calendar app (${since}):`,
    ...drift.activities.map((a) =>
      a.moved ? `  ${a.activity}: ${sessionsWords(a.plan, a.unit)}, now on other days or at other times` : `  ${a.activity}: ${sessionsWords(a.plan, a.unit)} now, ${sessionsWords(a.calendar, a.unit)} in the calendar`,
    ),
    `Export it again and import the file into the calendar app: ${again}${fewer ? '. An import removes no sessions: the export names the extra ones to delete there.' : ''}`,
  ];
}

/** D3: the command that exports `week` again: `--week` when it is not the coming one. */
export const exportCommand = (week: IsoDate, today: IsoDate) => `pace plan --ics <file>${week === nextMonday(today) ? '' : ` --week ${week}`}`;

/**
 * D3, T3: after a pause is cleared, the sessions of the weeks exported before it (`weeks`, oldest
 * first) are planned again; a person who deleted them, as status asked, gets them back only by a new
 * export of each week.
 */
export function exportAgainLine(weeks: readonly IsoDate[], today: IsoDate): string[] {
  if (weeks.length === 0) return [];
  const commands = weeks.map((w) => exportCommand(w, today));
  const ask = commands.length === 1 ? `export the plan again: ${commands[0]}` : `export each week again: ${commands.join(', then ')}`;
  return [`If you deleted pace's sessions from your calendar app during the pause, ${ask}`];
}

const sessionsWords = (x: { quota: number | null; sessions: number }, unit: Unit) =>
  x.sessions === 0 ? 'no sessions' : x.quota === null ? `${x.sessions} ${x.sessions === 1 ? 'session' : 'sessions'}` : `${x.sessions} x ${formatAmount(x.quota, unit)}`;
