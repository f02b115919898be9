import { formatAmount } from '../core/coach/index.js';
import { shortTime } from '../core/days.js';
import { mondayOf } from '../core/dates.js';
import { todaySessions, type TodaySession } from '../core/todaySessions.js';
import type { Journal } from '../store/open.js';
import { defaultTime, listSchedules } from '../store/schedules.js';
import type { IsoDate } from '../core/types.js';
import type { Prompts } from '../ui/prompts.js';
import { planWithSessions } from './plan.js';
import type { ParsedFlags } from './sessionInput.js';

// D1: `pace log` on a terminal with no activity offers today's planned session first, so that
// logging the planned walk is one keypress (Enter), then the usual questions about pain.

/** The first of today's planned sessions not yet done, or null. Read before any question is asked. */
export function todayOffer(journal: Journal, today: IsoDate): TodaySession | null {
  if (journal.path === null) return null;
  // keep: false: nothing is written while a person is being asked.
  const { plan, sessions } = planWithSessions(journal, mondayOf(today), today, { keep: false });
  const planned = todaySessions(plan, sessions, listSchedules(journal.db), defaultTime(journal.db), today);
  return planned.find((t) => !t.done) ?? null;
}

/** Asks whether the session was today's planned one; yes fills in the activity and the dose. */
export async function askToday(ask: Prompts, offer: TodaySession, p: ParsedFlags): Promise<void> {
  const amount = offer.quota === null ? '' : ` ${formatAmount(offer.quota, offer.unit)}`;
  if (!(await ask.confirm(`Log today's planned session, ${offer.activity}${amount} at ${shortTime(offer.time)}?`, true))) return;
  p.activity = offer.activity;
  if (p.dose === undefined && offer.quota !== null) p.dose = { amount: offer.quota, unit: offer.unit };
}
