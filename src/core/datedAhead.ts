import { shortDate, shortDateYear } from './dates.js';
import type { IsoDate } from './types.js';

/** A session's id and day, enough to name it and the command that moves it. */
export interface DatedSession {
  id: number;
  date: IsoDate;
}

/** How many sessions the line names before it counts the rest. */
const NAMED = 3;

/**
 * One line for sessions dated after today, which neither `log` nor `import` takes: they were
 * logged while the computer's clock was ahead (or a journal came from a time zone ahead). Null
 * when there are none. It names the sessions and the `pace edit` that moves one to its day.
 */
export function datedAheadLine(sessions: readonly DatedSession[], today: IsoDate): string | null {
  // Oldest first, however they came (list gives the newest first).
  const ahead = sessions.filter((s) => s.date > today).sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  if (ahead.length === 0) return null;
  const day = (d: IsoDate) => (d.slice(0, 4) === today.slice(0, 4) ? shortDate(d) : shortDateYear(d));
  const named = ahead.slice(0, NAMED).map((s) => `${s.id} on ${day(s.date)}`);
  const rest = ahead.length > NAMED ? ` and ${ahead.length - NAMED} more` : '';
  const [first] = ahead;
  if (ahead.length === 1 && first) {
    return `1 session is dated after today: ${named[0]}. If the computer's clock was ahead, move it to its day: pace edit ${first.id} --date YYYY-MM-DD`;
  }
  return `${ahead.length} sessions are dated after today: ${named.join(', ')}${rest}. If the computer's clock was ahead, move each to its day: pace edit <id> --date YYYY-MM-DD`;
}
