import { formatAmount } from '../core/coach/index.js';
import { shortTime } from '../core/days.js';
import { addDays, mondayOf, shortDate } from '../core/dates.js';
import { checkDose } from '../core/input.js';
import { FLARE_DAY_DAYS, flareOfDay, type FlareDay } from '../core/sessionResponse.js';
import { onFlareDay, todaySessions, type TodaySession } from '../core/todaySessions.js';
import type { Journal } from '../store/open.js';
import { defaultTime, listSchedules } from '../store/schedules.js';
import type { IsoDate, Unit } from '../core/types.js';
import type { Prompts } from '../ui/prompts.js';
import { planWithSessions } from './plan.js';
import type { ParsedFlags } from './sessionInput.js';
import type { Context } from './context.js';

// D1: `pace log` on a terminal with no activity offers today's planned session first, so that
// logging the planned walk is one keypress (Enter), then the usual questions about pain.

/** A planned session offered, with the flare-day dose (F3) that replaces its quota today, if any. */
export type TodayOffer = TodaySession & { eased: FlareDay | null };

/** The first of today's planned sessions not yet done, or null. Read before any question is asked. */
export function todayOffer(journal: Journal, today: IsoDate): TodayOffer | null {
  if (journal.path === null) return null;
  const monday = mondayOf(today);
  const flareFrom = addDays(today, -FLARE_DAY_DAYS);
  // keep: false: nothing is written while a person is being asked. The read reaches back to a
  // flare yesterday, in last week when today is a Monday.
  const { plan, sessions, pausedOn } = planWithSessions(journal, monday, today, { keep: false, sessionsFrom: flareFrom < monday ? flareFrom : monday });
  const slots = todaySessions({ ...plan, pausedOn }, sessions, listSchedules(journal.db), defaultTime(journal.db), today);
  // F3: on a flare day the session offered is the flare-day dose that status names (one truth).
  const flare = flareOfDay(sessions, today, plan.activities, plan.paused);
  const offer = (flare ? onFlareDay(slots, flare.doses, sessions, today) : slots).find((t) => !t.done);
  return offer ? { ...offer, eased: flare?.doses.find((d) => d.activity === offer.activity) ?? null } : null;
}

/** Until this hour of the clock's own day, yesterday's planned session still to do is offered first. */
const NIGHT_ENDS_AT = 5;

/**
 * D1 after midnight: yesterday, when this machine's clock says it is before 5:00 on today's day.
 * A walk at 23:00 logged at 00:30 belongs to the evening before, and the calendar's today has
 * another plan (often none). With PACE_TODAY naming another day than the clock's, never.
 */
export function lastNight(ctx: Pick<Context, 'today' | 'clockHour'>): IsoDate | null {
  const hour = ctx.clockHour?.();
  return hour !== undefined && hour < NIGHT_ENDS_AT ? addDays(ctx.today, -1) : null;
}

/**
 * Asks whether the session was today's planned one (or, with `day`, that earlier day's); yes fills in the activity, and the dose when
 * none was given. A dose given as a flag is the one named in the question, since it is the one
 * recorded; a dose or unit in another unit than the planned activity's is not that session, nor
 * is a dose that activity could not have.
 */
export async function askToday(ask: Prompts, offer: TodayOffer, p: ParsedFlags, day?: IsoDate): Promise<void> {
  const unit = p.unit ?? p.dose?.unit ?? offer.unit;
  if (unit !== offer.unit) return;
  // Nor is a dose it could not be (2000 min is longer than a day; it may be steps of another activity).
  if (p.dose !== undefined && !isDose(p.dose.amount, offer.unit)) return;
  const amount = offer.eased?.dose ?? offer.quota;
  const planned = amount === null ? '' : formatAmount(amount, offer.unit);
  const flareDay = offer.eased ? `a flare day, half of ${formatAmount(offer.eased.of, offer.unit)}` : '';
  const whose = day ? 'yesterday' : 'today';
  const when = `at ${shortTime(offer.time)}${day ? ` on ${shortDate(day)}` : ''}`;
  const question =
    p.dose === undefined
      ? `Log ${whose}'s planned session, ${offer.activity}${planned && ` ${planned}`} ${when}${flareDay && ` (${flareDay})`}?`
      : `Log ${formatAmount(p.dose.amount, offer.unit)} as ${whose}'s planned session, ${offer.activity} ${when}${planned && ` (planned: ${planned}${flareDay && `, ${flareDay}`})`}?`;
  if (!(await ask.confirm(question, true))) return;
  p.activity = offer.activity;
  if (day) p.date = day;
  if (p.dose === undefined && amount !== null) p.dose = { amount, unit: offer.unit };
}

function isDose(amount: number, unit: Unit): boolean {
  try {
    checkDose(amount, unit);
    return true;
  } catch {
    return false;
  }
}
