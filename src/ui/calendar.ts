import { createEvents, type EventAttributes } from 'ics';
import type { Calendar } from '../core/calendar.js';

// D3: a Calendar as iCalendar text (RFC 5545), through the `ics` library, which folds long lines
// and escapes text. Bundled apart as dist/calendar.cjs (scripts/build.mjs), so that only
// `plan --ics` reads and compiles it.

/**
 * The calendar as text. `now` (an ISO timestamp) is every event's DTSTAMP and, in minutes since
 * 1970, its SEQUENCE: a later export of the same session (same UID) is the newer version of it.
 */
export function icsText(calendar: Calendar, now: string): string {
  const stamp = Date.parse(now);
  const events: EventAttributes[] = calendar.events.map((e) => ({
    uid: e.uid,
    title: e.title,
    description: e.description,
    // A string start goes out as it is: a floating local time (no Z, no zone), the same 08:00 in
    // every week whatever daylight saving does.
    start: `${e.date.replaceAll('-', '')}T${e.time.replace(':', '')}00`,
    duration: { minutes: e.minutes },
    timestamp: stamp,
    sequence: Math.floor(stamp / 60_000),
    categories: ['pace'],
    transp: 'OPAQUE',
    // The library escapes a title and a description but not a reminder's text: escaped here (RFC
    // 5545 3.3.11), or "neck, side" would reach the calendar app as two values.
    ...(calendar.remind > 0 ? { alarms: [{ action: 'display', description: escapeText(e.title), trigger: { minutes: calendar.remind, before: true } }] } : {}),
  }));
  const header = { productId: 'pace-journal', method: 'PUBLISH', calName: 'pace' };
  // A paused plan (T3) has no sessions: a calendar with no events.
  const { error, value } = createEvents(events, header);
  if (error || value === null) throw error ?? new Error('the calendar could not be written');
  return value;
}

/** RFC 5545 TEXT: a backslash, a semicolon and a comma escaped (a title has no line breaks). */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`);
}
