import type { Hold } from '../core/coach/types.js';
import { shortDate } from '../core/dates.js';
import { HOLD_WAY_OUT, holdSigns, holdState } from './planView.js';

/**
 * T2, T3: only `pace triage --cleared` ends a hold or a pause. A delete or an edit of a session
 * with a warning sign says so, calmly, with the sign and the way out, so that taking the sign
 * out of the journal is never read as having ended it.
 */
export function holdStaysLines(hold: Hold, deed: 'deleting' | 'changing'): string[] {
  const pause = hold.kind === 'stop';
  return [
    `Your plan stays ${holdState(hold)}, as it has been since ${shortDate(hold.since)}${holdSigns(hold)}: ${deed} a session does not end a ${pause ? 'pause' : 'hold'}.`,
    holdWayOut(hold),
  ];
}

/** T2, T3: the one way out of a hold or a pause, in its words. */
export function holdWayOut(hold: Hold): string {
  return hold.kind === 'stop' ? 'Once a clinician has cleared you to resume, run: pace triage --cleared' : HOLD_WAY_OUT;
}

/** The question before a delete, naming the pause or hold that stays. */
export function deleteQuestion(summary: string, hold: Hold | null): string {
  if (!hold) return `Delete ${summary}?`;
  return `Delete ${summary}? Your plan stays ${holdState(hold)}${holdSigns(hold)} either way, until pace triage --cleared.`;
}
