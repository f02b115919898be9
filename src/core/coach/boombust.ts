import { addDays, fromDayNumber, mondayOfDay, toDayNumber } from '../dates.js';
import { twoDecimals } from '../numbers.js';
import type { IsoDate, Session, Unit } from '../types.js';
import { hundredths, median } from './amounts.js';
import { flareDayDose, isFlareSession } from './flares.js';
import { byDate } from './history.js';

/** B1: a day at 1.5 times the reference or more is a boom. */
export const BOOM_RATIO = 1.5;
/** B1: days looked back over when the plan has no quota. */
const LOOKBACK_DAYS = 14;
/** B2: days after a boom in which a flare is a bust; also how many planned days below half are. */
const BUST_DAYS = 2;
/** B2: how far the next planned days are looked for (a plan paused longer has no bust to find). */
const PLANNED_SEARCH_DAYS = 28;
/** B3: the alert window. */
const ALERT_DAYS = 14;

/** B3: the first day of the alert window that ends on `today` (14 days, today included). */
export function alertWindowFrom(today: IsoDate): IsoDate {
  return addDays(today, -(ALERT_DAYS - 1));
}

/** B1: the first of the days a session on `date` is compared with when there is no quota. */
export function lookbackFrom(date: IsoDate): IsoDate {
  return addDays(date, -LOOKBACK_DAYS);
}

export interface Boom {
  date: IsoDate;
  activity: string;
  /** The day's total dose of the activity. */
  dose: number;
  reference: number;
  /** What the reference was: the week's quota, or the median of recent days. */
  basis: 'quota' | 'recent';
  ratio: number;
}

export interface BoomBustCycle {
  boomDate: IsoDate;
  activity: string;
  bust: 'flare' | 'low';
  bustDate: IsoDate;
}

export interface BoomBust {
  booms: Boom[];
  cycles: BoomBustCycle[];
  /** B3: distinct cycles whose boom fell in the last 14 days (today included). */
  cycles14d: number;
  alert: boolean;
}

export interface BoomBustInput {
  sessions: readonly Session[];
  today: IsoDate;
  /** The week's planned quota of an activity, or null when the plan had none. */
  quotaFor: (activity: string, weekStart: IsoDate) => number | null;
  /** Only look for booms on or after this date (status needs two weeks, not a lifetime). */
  from?: IsoDate;
  /**
   * B2: whether the plan had a session of the activity on that day (D1, D2). Left out, every day
   * is a planned day (no plan to go on).
   */
  isPlannedDay?: (activity: string, date: IsoDate) => boolean;
}

function isBoom(dose: number, reference: number): boolean {
  // B1, in hundredths and tenths so that the comparison is exact (15 against 10 is 1.5); exact
  // while BOOM_RATIO has one decimal place.
  return hundredths(dose) * 10 >= hundredths(reference) * (BOOM_RATIO * 10);
}

function ratioOf(dose: number, reference: number): number {
  return twoDecimals(dose / reference);
}

/** B1: the quota when the plan has one, else the median of the days with a session in the last 14. */
function reference(quota: number | null, recentDays: () => readonly number[]): { reference: number; basis: Boom['basis'] } | null {
  if (quota !== null && quota > 0) return { reference: quota, basis: 'quota' };
  const mid = median(recentDays());
  return mid !== null && mid > 0 ? { reference: mid, basis: 'recent' } : null;
}

/** Day totals of each activity, in date order, as [day number, total]. */
function dayTotals(sessions: readonly Session[]): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const s of sessions) {
    const day = toDayNumber(s.date);
    let list = out.get(s.activity);
    if (!list) out.set(s.activity, (list = []));
    const last = list[list.length - 1];
    if (last && last[0] === day) last[1] += s.dose;
    else list.push([day, s.dose]);
  }
  return out;
}

export function boomBust(input: BoomBustInput): BoomBust {
  const todayNum = toDayNumber(input.today);
  const fromNum = input.from === undefined ? -Infinity : toDayNumber(input.from);
  // Days before `from` matter only as the 14 days a reference may look back over.
  const earliest = input.from === undefined ? '' : lookbackFrom(input.from);
  const kept = input.sessions.filter((s) => s.date <= input.today && s.date >= earliest).sort(byDate);
  const flareDays = new Set(kept.filter(isFlareSession).map((s) => toDayNumber(s.date)));
  const booms: Boom[] = [];
  const cycles: BoomBustCycle[] = [];

  const unitOf = new Map(kept.map((s) => [s.activity, s.unit]));
  for (const [activity, days] of dayTotals(kept)) {
    const totalOn = new Map(days);
    let windowStart = 0;
    // Bust days that already ended a cycle of this activity.
    const busts = new Set<number>();
    let week = NaN;
    let quota: number | null = null;
    for (let i = 0; i < days.length; i++) {
      const [day, total] = days[i] as [number, number];
      while ((days[windowStart] as [number, number])[0] < day - LOOKBACK_DAYS) windowStart++;
      if (day < fromNum) continue;
      if (mondayOfDay(day) !== week) {
        week = mondayOfDay(day);
        quota = input.quotaFor(activity, fromDayNumber(week));
      }
      const ref = reference(quota, () => days.slice(windowStart, i).map((d) => d[1]));
      if (ref === null || !isBoom(total, ref.reference)) continue;
      const date = fromDayNumber(day);
      booms.push({ date, activity, dose: twoDecimals(total), reference: ref.reference, basis: ref.basis, ratio: ratioOf(total, ref.reference) });

      const planned = input.isPlannedDay;
      const isPlanned = planned ? (d: number) => planned(activity, fromDayNumber(d)) : () => true;
      const bust = bustAfter(day, lowBelow(ref, unitOf.get(activity) ?? 'min'), (d) => totalOn.get(d) ?? 0, flareDays, todayNum, isPlanned);
      // Two booms that end in the same bust are one episode, not two cycles, even with a boom
      // that ended in another bust between them; a bust is its day, as personCycles counts it.
      if (bust === null || busts.has(bust.day)) continue;
      busts.add(bust.day);
      cycles.push({ boomDate: date, activity, bust: bust.bust, bustDate: fromDayNumber(bust.day) });
    }
  }
  booms.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.activity < b.activity ? -1 : 1));
  cycles.sort((a, b) => (a.boomDate < b.boomDate ? -1 : a.boomDate > b.boomDate ? 1 : a.activity < b.activity ? -1 : 1));

  const cycles14d = personCycles(cycles, alertWindowFrom(input.today), input.today);
  return { booms, cycles, cycles14d, alert: cycles14d >= 2 };
}

/**
 * B3: the cycles of the person, not of each activity: one per distinct bust, dated by the first
 * boom that led to it, counted when that day falls from `from` to `to`. A walk and a ride both over
 * 1.5 x on one day, then one flare, is one cycle. Status (its 14 days), review and the report
 * count with it; export --weekly's rows, per activity, count each activity's own (`cycles`).
 */
export function personCycles(cycles: readonly BoomBustCycle[], from: IsoDate, to: IsoDate): number {
  return personCycleDates(cycles, from, to).length;
}

/** B3: the days of the person's cycles (`personCycles`), each its first boom, oldest first. */
export function personCycleDates(cycles: readonly BoomBustCycle[], from: IsoDate, to: IsoDate): IsoDate[] {
  const firstBoom = new Map<IsoDate, IsoDate>();
  for (const c of cycles) {
    const seen = firstBoom.get(c.bustDate);
    if (seen === undefined || c.boomDate < seen) firstBoom.set(c.bustDate, c.boomDate);
  }
  return [...firstBoom.values()].filter((boom) => boom >= from && boom <= to).sort();
}

/**
 * B2: a day is low below half the reference, here in hundredths doubled so that the comparison is
 * exact. F3's bad-day dose, which the plan offers as "half the quota" rounded down to the unit's
 * step (7 min of 14.5, 6 reps of 13), is not low: doing what the plan offers is never a bust.
 */
function lowBelow(ref: { reference: number; basis: Boom['basis'] }, unit: Unit): number {
  const half = hundredths(ref.reference);
  const offered = ref.basis === 'quota' ? flareDayDose(ref.reference, unit) : null;
  return offered === null ? half : Math.min(half, hundredths(offered) * 2);
}

/**
 * B2: a flare on the boom day or within the next two days (a flare is the person's, whatever the
 * activity); or the next two planned session days (D1, D2) both below half the reference, judged
 * only once both are over. A day the plan leaves free is rest and is skipped; a planned day without
 * the activity counts as 0.
 */
function bustAfter(
  day: number,
  /** `lowBelow`: a day is low under this, in hundredths doubled. */
  low: number,
  totalOn: (day: number) => number,
  flareDays: ReadonlySet<number>,
  today: number,
  isPlanned: (day: number) => boolean,
): { bust: BoomBustCycle['bust']; day: number } | null {
  for (let d = day; d <= day + BUST_DAYS && d <= today; d++) if (flareDays.has(d)) return { bust: 'flare', day: d };
  let found = 0;
  for (let d = day + 1; d <= day + PLANNED_SEARCH_DAYS; d++) {
    if (d >= today) return null;
    if (!isPlanned(d)) continue;
    if (hundredths(totalOn(d)) * 2 >= low) return null;
    if (++found === BUST_DAYS) return { bust: 'low', day: d };
  }
  return null;
}

export interface BoomAtInput {
  /** The journal, including the session just logged. */
  sessions: readonly Session[];
  activity: string;
  date: IsoDate;
  /** This week's quota for the activity, or null when the plan has none. */
  quota: number | null;
}

/** The activity's total dose on `date` and on each of the days with a session in the 14 before it. */
function daysUpTo(sessions: readonly Session[], activity: string, date: IsoDate): { total: number; recent: number[] } {
  const day = toDayNumber(date);
  const totals = new Map<number, number>();
  for (const s of sessions) {
    if (s.activity !== activity) continue;
    const d = toDayNumber(s.date);
    if (d > day || d < day - LOOKBACK_DAYS) continue;
    totals.set(d, (totals.get(d) ?? 0) + s.dose);
  }
  return { total: totals.get(day) ?? 0, recent: [...totals].filter(([d]) => d < day).map(([, t]) => t) };
}

/**
 * B1 without a quota: the median daily dose of the activity over the 14 days before `date` that
 * had a session; null when there were none. Q7 judges a quota set by hand for a week with no
 * quota yet against it, as a session on `date` would be.
 */
export function recentReference(sessions: readonly Session[], activity: string, date: IsoDate): number | null {
  return reference(null, () => daysUpTo(sessions, activity, date).recent)?.reference ?? null;
}

/** B3: names a boom as it is logged: the day's total against today's reference; null when not a boom. */
export function boomAt(input: BoomAtInput): Boom | null {
  const { total, recent } = daysUpTo(input.sessions, input.activity, input.date);
  const ref = reference(input.quota, () => recent);
  if (total === 0 || ref === null || !isBoom(total, ref.reference)) return null;
  return { date: input.date, activity: input.activity, dose: twoDecimals(total), reference: ref.reference, basis: ref.basis, ratio: ratioOf(total, ref.reference) };
}
