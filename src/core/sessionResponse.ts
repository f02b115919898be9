import { flareDayDose, flareReasons, type FlareReason } from './coach/flares.js';
import { addDays } from './dates.js';
import type { IsoDate, Session, SessionInput, Unit } from './types.js';

/** F3: the dose for a bad day, and what it is half of. */
export interface FlareDay {
  activity: string;
  dose: number;
  unit: Unit;
  /** `quota`: half the week's quota; `session`: half the flare session's own dose (no plan yet). */
  basis: 'quota' | 'session';
  of: number;
}

/**
 * What the log says about how the body took a session: a flare by F1 (with its reasons and F3's
 * dose), or F4's expected response, or nothing to say when the pain was not recorded.
 */
export type SessionResponse =
  /** `past`: logged after its flare day was over (F3), so no dose for today and no "tomorrow". */
  | { kind: 'flare'; reasons: FlareReason[]; flareDay: FlareDay | null; past?: true }
  | { kind: 'expected'; from: number; to: number }
  /** Pain recorded, no flare, but the same log says the day before's pain has not settled (F2): no F4 words. */
  | { kind: 'unsettled'; from: number; to: number }
  | { kind: 'none' };

type Scored = Pick<SessionInput, 'activity' | 'dose' | 'flare' | 'painBefore' | 'painAfter' | 'symptoms'> & { unit: Unit };

/**
 * F1, F3, F4 for one session. F4's reassurance is given only when F1 finds no flare; a flare gets
 * the flare-day dose instead: half the quota, or, for an activity with no plan yet, half what was
 * just done. A paused plan (T3) shows no quotas, so it gives no flare-day dose either; `paused` is
 * the pause open today, not the session's week. A session with an assess or stop sign gets no dose:
 * the advice to stop or ease off and be assessed (T2, T3) stands alone. `unsettled`: the same log
 * answered the next-day check "not settled" (F2), a warning sign shown beside this session.
 * `past`: the session's flare day is over (`flareDayOver`), as status counts it: no dose either.
 */
export function sessionResponse(s: Scored, quota: number | null, paused: boolean, unsettled = false, past = false): SessionResponse {
  const reasons = flareReasons(s);
  if (reasons.length) {
    const flareDay = paused || past || hasWarningSign(reasons) ? null : flareDayOf(s, quota);
    return past ? { kind: 'flare', reasons, flareDay, past: true } : { kind: 'flare', reasons, flareDay };
  }
  // F4 beside F2's warning sign in one output would contradict it: the pain is the person's.
  if (s.painBefore !== null && s.painAfter !== null) return { kind: unsettled ? 'unsettled' : 'expected', from: s.painBefore, to: s.painAfter };
  return { kind: 'none' };
}

/** F1's reasons include an assess or stop symptom (T2, T3). */
function hasWarningSign(reasons: readonly FlareReason[]): boolean {
  return reasons.some((r) => r.kind === 'symptom');
}

/** F3: a flare is "today's" while it is recent: its own day and the day after. */
export const FLARE_DAY_DAYS = 1;

/** F3: a session of this day is history by `today`: its flare day and the day after are over. */
export function flareDayOver(date: IsoDate, today: IsoDate): boolean {
  return date < addDays(today, -FLARE_DAY_DAYS);
}

function flareDayOf(s: Scored, quota: number | null): FlareDay | null {
  const of = quota ?? s.dose;
  const dose = flareDayDose(of, s.unit);
  return dose === null ? null : { activity: s.activity, dose, unit: s.unit, basis: quota === null ? 'session' : 'quota', of };
}

/** The person's latest session that is a flare by F1, with the flare-day doses status shows (F3). */
export interface LatestFlare {
  date: IsoDate;
  activity: string;
  sessionId: number;
  reasons: FlareReason[];
  doses: FlareDay[];
}

/**
 * F3 in status: while the latest session (by day, then by entry) is a recent flare (that day or
 * the day after), each planned activity gets half its quota, and the flared activity half its own
 * dose when it has no plan yet. The pain is the person's, not an activity's, so every activity
 * eases off. Paused (T3) or an assess or stop sign (T2): no doses.
 */
export function latestFlare(
  sessions: readonly Session[],
  today: IsoDate,
  plans: readonly { activity: string; unit: Unit; quota: number | null }[],
  paused: boolean,
): LatestFlare | null {
  let latest: Session | null = null;
  for (const s of sessions) {
    if (s.date > today) continue;
    if (latest === null || s.date > latest.date || (s.date === latest.date && s.id > latest.id)) latest = s;
  }
  if (latest === null || flareDayOver(latest.date, today)) return null;
  const reasons = flareReasons(latest);
  if (reasons.length === 0) return null;
  const doses: FlareDay[] = [];
  if (!paused && !hasWarningSign(reasons)) {
    for (const p of plans) {
      const dose = flareDayDose(p.quota, p.unit);
      if (dose !== null && p.quota !== null) doses.push({ activity: p.activity, dose, unit: p.unit, basis: 'quota', of: p.quota });
    }
    if (!doses.some((d) => d.activity === latest.activity)) {
      const own = flareDayOf(latest, null);
      if (own && !plans.some((p) => p.activity === latest.activity)) doses.push(own);
    }
  }
  return { date: latest.date, activity: latest.activity, sessionId: latest.id, reasons, doses };
}

/**
 * F3: the flare whose day, or the day after, `today` is, as status first advised it. A lighter
 * session logged after it that day is the advice followed, not news that ends the flare day:
 * today's sessions that are not flares are left out, so a session owed is not owed twice.
 */
export function flareOfDay(
  sessions: readonly Session[],
  today: IsoDate,
  plans: readonly { activity: string; unit: Unit; quota: number | null }[],
  paused: boolean,
): LatestFlare | null {
  return latestFlare(sessions.filter((x) => x.date !== today || flareReasons(x).length > 0), today, plans, paused);
}

