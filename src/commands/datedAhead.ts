import { datedAheadLine, type DatedSession } from '../core/datedAhead.js';
import type { Context } from './context.js';

/**
 * The line on sessions dated after today, with a blank line before it, for status and list; only
 * when today is the clock's own day: under a PACE_TODAY set back (back-filling, a demo) every
 * later session is after it, and saying so each time would nag.
 */
export function datedAheadLines(ahead: readonly DatedSession[], ctx: Context): string[] {
  const line = ctx.clockHour?.() === undefined ? null : datedAheadLine(ahead, ctx.today);
  return line === null ? [] : ['', line];
}
