import { createEvents, type EventAttributes } from 'ics';
import type { Calendar } from '../core/calendar.js';

// D3: a Calendar as iCalendar text (RFC 5545), through the `ics` library, which escapes text
// (not a reminder's, escaped here) and folds long lines (by characters; folded again here by octets). Bundled apart as dist/calendar.cjs (scripts/build.mjs), so that only
// `plan --ics` reads and compiles it.

/**
 * The calendar as text. `now` (an ISO timestamp) is every event's DTSTAMP and, in seconds since
 * 2020, its SEQUENCE: a later export of the same session (same UID), even within the same minute,
 * is the newer version of it. (Earlier exports counted minutes since 1970, always fewer.)
 */
/** SEQUENCE counts seconds from here: until 2088 it stays within a signed 32-bit integer. */
const SEQUENCE_FROM = Date.UTC(2020, 0, 1);

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
    sequence: Math.floor((stamp - SEQUENCE_FROM) / 1000),
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
  return foldOctets(value);
}

/**
 * RFC 5545 3.1: lines of at most 75 octets. The library folds at 75 characters, which a name
 * such as "vélo" or "太极" makes longer in UTF-8: its lines are unfolded and folded again by
 * octets, never inside a character.
 */
function foldOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let part = '';
      let octets = 0;
      for (const c of line) {
        const size = Buffer.byteLength(c);
        // A continuation line starts with one space, which counts toward its 75.
        if (octets + size > (parts.length === 0 ? 75 : 74)) {
          parts.push(part);
          part = '';
          octets = 0;
        }
        part += c;
        octets += size;
      }
      parts.push(part);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** RFC 5545 TEXT: a backslash, a semicolon and a comma escaped (a title has no line breaks). */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`);
}
