import { describeReason, formatAmount, type WeekBefore, type WeekPlan } from './coach/index.js';
import { shortDate } from './dates.js';
import type { ActivitySessions } from './days.js';
import type { IsoDate } from './types.js';

// D3: the week's plan as calendar events, as plain data; src/ui/calendar.ts writes them as
// iCalendar. Times are wall-clock times with no zone (floating), so a walk at 08:00 stays at 08:00
// in the person's calendar whatever the daylight-saving rules do that week.

export interface CalendarEvent {
  /** Stable for the week, the activity and the session's number: a new export replaces, never doubles. */
  uid: string;
  activity: string;
  title: string;
  description: string;
  date: IsoDate;
  time: string;
  minutes: number;
  /** D1-D3: a session already done, or a past day missed (weekSoFar): not one still to do. */
  settled?: true;
}

export interface Calendar {
  weekStart: IsoDate;
  events: CalendarEvent[];
  /** Minutes before each session for its reminder; 0 for none. */
  remind: number;
}

/** Sessions counted in something other than minutes still get a slot of this length. */
const OTHER_UNITS_MINUTES = 15;

/** D3: one event per planned session (a paused plan has none). */
export function calendarOf(plan: WeekPlan, sessions: ReadonlyMap<string, ActivitySessions>, remind: number, before: WeekBefore = 'over'): Calendar {
  const events: CalendarEvent[] = [];
  for (const a of plan.activities) {
    const own = sessions.get(a.activity);
    if (!own) continue;
    const amount = a.quota === null ? null : formatAmount(a.quota, a.unit);
    const lines = [`${capital(describeReason(a.reason, a.unit, plan.mode, before))}.`];
    // T2: with a warning sign not yet assessed, the event asks for care, not for F3's "do less
    // rather than nothing" (as log gives no flare-day dose beside a warning sign).
    if (plan.hold?.kind === 'assess') {
      lines.push(`The plan is on hold since ${shortDate(plan.hold.since)}: no increases until you have been assessed.`);
      lines.push('If the warning sign comes back, stop and contact your physiotherapist or doctor.');
    } else if (a.flareDayDose !== null) lines.push(`On a bad day, do less rather than nothing: ${formatAmount(a.flareDayDose, a.unit)} (half the quota).`);
    lines.push('From pace, your pacing journal. It does not diagnose.');
    own.sessions.forEach((s, i) => {
      events.push({
        uid: `${plan.weekStart}-${encodeURIComponent(a.activity)}-${i + 1}@pace-journal`,
        activity: a.activity,
        title: amount === null ? a.activity : `${a.activity} ${amount}`,
        description: lines.join('\n'),
        date: s.date,
        time: s.time,
        minutes: a.unit === 'min' && a.quota !== null ? Math.max(5, Math.ceil(a.quota)) : OTHER_UNITS_MINUTES,
        ...(s.settled ? { settled: true as const } : {}),
      });
    });
  }
  events.sort((x, y) => (x.date + x.time < y.date + y.time ? -1 : x.date + x.time > y.date + y.time ? 1 : x.uid < y.uid ? -1 : 1));
  return { weekStart: plan.weekStart, events, remind };
}

/** A session at a wall-clock time the person's clocks skip that day, and the time they show instead. */
export interface SkippedTime {
  date: IsoDate;
  time: string;
  shown: string;
  activity: string;
}

/**
 * D3: the sessions at a time that does not exist that day where the person is (the night the
 * clocks go forward). The file keeps the plan's time, as every other; calendar apps move it on by
 * the time skipped (RFC 5545 3.3.5), so the plan and the calendar differ there. `clock` gives the
 * time the person's clocks show for a wall-clock time on a day.
 */
export function skippedTimes(calendar: Calendar, clock: (date: IsoDate, time: string) => string): SkippedTime[] {
  return calendar.events.flatMap((e) => {
    const shown = clock(e.date, e.time);
    return shown === e.time ? [] : [{ date: e.date, time: e.time, shown, activity: e.activity }];
  });
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
