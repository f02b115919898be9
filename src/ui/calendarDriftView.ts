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
  if (drift.paused) return [`Your calendar app still has pace's sessions for the week of ${week} (exported ${since}), and the plan is paused: delete them there, and export the plan again when the pause ends.`];
  const again = `pace plan --ics <file>${drift.weekStart === nextMonday(today) ? '' : ` --week ${drift.weekStart}`}`;
  const fewer = drift.activities.some((a) => a.plan.sessions < a.calendar.sessions);
  return [
    `The plan for the week of ${week} has changed since you exported it to your calendar app (${since}):`,
    ...drift.activities.map((a) =>
      a.moved ? `  ${a.activity}: ${sessionsWords(a.plan, a.unit)}, now on other days or at other times` : `  ${a.activity}: ${sessionsWords(a.plan, a.unit)} now, ${sessionsWords(a.calendar, a.unit)} in the calendar`,
    ),
    `Export it again and import the file into the calendar app: ${again}${fewer ? '. An import removes no sessions: delete the extra ones there.' : ''}`,
  ];
}

const sessionsWords = (x: { quota: number | null; sessions: number }, unit: Unit) =>
  x.sessions === 0 ? 'no sessions' : x.quota === null ? `${x.sessions} ${x.sessions === 1 ? 'session' : 'sessions'}` : `${x.sessions} x ${formatAmount(x.quota, unit)}`;
