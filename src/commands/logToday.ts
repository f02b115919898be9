import { formatAmount } from '../core/coach/index.js';
import { shortTime } from '../core/days.js';
import { mondayOf } from '../core/dates.js';
import { checkDose } from '../core/input.js';
import { todaySessions, type TodaySession } from '../core/todaySessions.js';
import type { Journal } from '../store/open.js';
import { defaultTime, listSchedules } from '../store/schedules.js';
import type { IsoDate, Unit } from '../core/types.js';
import type { Prompts } from '../ui/prompts.js';
import { planWithSessions } from './plan.js';
import type { ParsedFlags } from './sessionInput.js';

// D1: `pace log` on a terminal with no activity offers today's planned session first, so that
// logging the planned walk is one keypress (Enter), then the usual questions about pain.

/** The first of today's planned sessions not yet done, or null. Read before any question is asked. */
export function todayOffer(journal: Journal, today: IsoDate): TodaySession | null {
  if (journal.path === null) return null;
  // keep: false: nothing is written while a person is being asked.
  const { plan, sessions, pausedOn } = planWithSessions(journal, mondayOf(today), today, { keep: false });
  const planned = todaySessions({ ...plan, pausedOn }, sessions, listSchedules(journal.db), defaultTime(journal.db), today);
  return planned.find((t) => !t.done) ?? null;
}

/**
 * Asks whether the session was today's planned one; yes fills in the activity, and the dose when
 * none was given. A dose given as a flag is the one named in the question, since it is the one
 * recorded; a dose or unit in another unit than the planned activity's is not that session, nor
 * is a dose that activity could not have.
 */
export async function askToday(ask: Prompts, offer: TodaySession, p: ParsedFlags): Promise<void> {
  const unit = p.unit ?? p.dose?.unit ?? offer.unit;
  if (unit !== offer.unit) return;
  // Nor is a dose it could not be (2000 min is longer than a day; it may be steps of another activity).
  if (p.dose !== undefined && !isDose(p.dose.amount, offer.unit)) return;
  const planned = offer.quota === null ? '' : formatAmount(offer.quota, offer.unit);
  const question =
    p.dose === undefined
      ? `Log today's planned session, ${offer.activity}${planned && ` ${planned}`} at ${shortTime(offer.time)}?`
      : `Log ${formatAmount(p.dose.amount, offer.unit)} as today's planned session, ${offer.activity} at ${shortTime(offer.time)}${planned && ` (planned: ${planned})`}?`;
  if (!(await ask.confirm(question, true))) return;
  p.activity = offer.activity;
  if (p.dose === undefined && offer.quota !== null) p.dose = { amount: offer.quota, unit: offer.unit };
}

function isDose(amount: number, unit: Unit): boolean {
  try {
    checkDose(amount, unit);
    return true;
  } catch {
    return false;
  }
}
