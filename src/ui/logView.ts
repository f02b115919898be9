import { mondayOf, shortDate } from '../core/dates.js';
import { isExpectedResponse, triage, type TriageResult } from '../core/triage.js';
import type { IsoDate, Session } from '../core/types.js';
import { sessionSummary, triageLines } from './render.js';
import { makeStyle } from './style.js';

/** What `pace log` says to a person about the session it saved (the JSON carries the same facts). */
export function logLines(
  color: boolean,
  today: IsoDate,
  s: Session,
  result: TriageResult | null,
  checkin: { date: IsoDate; settled: boolean } | null,
): string[] {
  const style = makeStyle(color);
  const lines = [`${style.c.green('Saved')}: ${sessionSummary(s)} (session ${s.id}).`];
  if (checkin && !checkin.settled) {
    // F2: pain not settled after a day is the assess symptom pain-over-24h on that session (T2).
    // Q5: the week that follows the unsettled session's week steps back; that may be this week already.
    const which = mondayOf(checkin.date) < mondayOf(today) ? "This week's" : "Next week's";
    lines.push(`Noted that the pain from your session on ${shortDate(checkin.date)} has not settled. ${which} plan steps back one level.`);
    lines.push(...triageLines(style, triage(['pain-over-24h'])!));
  }
  if (result && result.class !== 'continue') {
    lines.unshift(...triageLines(style, result), '');
    return lines;
  }
  if (result) lines.push(...triageLines(style, result));
  // F4: hurt is not harm.
  if (isExpectedResponse(s.painBefore, s.painAfter) && !s.flare) {
    lines.push(`Pain ${s.painBefore} -> ${s.painAfter}: a small rise like this is your body responding to effort, not a sign of damage.`);
  }
  return lines;
}
