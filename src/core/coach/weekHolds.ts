import { addDays, countThrough, fromDayNumber } from '../dates.js';
import type { IsoDate } from '../types.js';
import { weekDayOf } from './history.js';
import { holdAt, HoldTracker, holdNow, holdsOn, sortRecords } from './holds.js';
import type { Hold, TriageRecord } from './types.js';

// T2/T3: a hold or a pause starts the day it is recorded. A week's quota is decided with the holds
// as they stood the day before its Monday (Q9), so a hold opened on Friday leaves that week as
// planned. A pause shows no quotas from its day on; once cleared, the rest of the week has its
// planned quota again, and only sessions on days the plan was not paused count toward it.

export interface WeekHolds {
  /** The hold the week's quota was decided with. */
  decision(weekDay: number): Hold | null;
  /** The hold shown with the week: today's for this week and later ones, else the one at its Sunday. */
  view(weekDay: number): Hold | null;
  /** The week shows no quotas: paused today (this week and later), or paused all week long. */
  paused(weekDay: number): boolean;
  /** The plan was paused at the end of that day. */
  pausedOn(date: IsoDate): boolean;
  /** The day a hold open at the week's start was cleared within the week, shown up to the view date. */
  clearedIn(weekDay: number): IsoDate | null;
}

export interface WeekHoldsInput {
  triageRecords: readonly TriageRecord[];
  /** Today: the weeks from today's on show today's hold. */
  today: IsoDate;
  /**
   * `today` is the clock's day, not a day asked about (a report's last day): a record dated after
   * it means the day went back, and counts as now (`holdNow`).
   */
  clockToday?: boolean;
}

/** Days on which the pause state changed, and whether the plan was paused after each. */
function pauseChanges(records: readonly TriageRecord[]): { dates: IsoDate[]; paused: boolean[] } {
  const tracker = new HoldTracker();
  const dates: IsoDate[] = [];
  const paused: boolean[] = [];
  const sorted = sortRecords(records);
  let was = false;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i] as TriageRecord;
    tracker.add(r);
    if (sorted[i + 1]?.date === r.date) continue;
    const now = tracker.current()?.kind === 'stop';
    if (now !== was) {
      dates.push(r.date);
      paused.push(now);
      was = now;
    }
  }
  return { dates, paused };
}

export function weekHolds(input: WeekHoldsInput, firstWeek: number, untilWeek: number): WeekHolds {
  const records = input.triageRecords;
  const mondays: IsoDate[] = [];
  const sundays: IsoDate[] = [];
  if (records.length > 0) {
    for (let w = firstWeek; w <= untilWeek; w += 7) {
      mondays.push(fromDayNumber(w - 1));
      sundays.push(fromDayNumber(w + 6));
    }
  }
  const before = holdsOn(records, mondays);
  const after = holdsOn(records, sundays);
  const at = (list: (Hold | null)[], week: number) => list[(week - firstWeek) / 7] ?? null;
  const live = weekDayOf(input.today);
  const todays = input.clockToday ? holdNow(records, input.today) : holdAt(records, input.today);
  const changes = pauseChanges(records);
  // Each week's clearances, in the order stored: a week looks at its own, not at every clearance
  // of the journal (thousands over decades, asked about for every week and activity).
  const clearances = new Map<number, IsoDate[]>();
  for (const r of records) {
    if (r.kind !== 'cleared') continue;
    const w = weekDayOf(r.date);
    const list = clearances.get(w);
    if (list === undefined) clearances.set(w, [r.date]);
    else list.push(r.date);
  }

  const decision = (week: number): Hold | null => at(before, week);
  const isLive = (week: number) => week >= live;
  const view = (week: number): Hold | null => (isLive(week) ? todays : at(after, week));
  const pausedOn = (date: IsoDate): boolean => {
    const changed = countThrough(changes.dates, (d) => d, date);
    return changed > 0 && (changes.paused[changed - 1] as boolean);
  };
  return {
    decision,
    view,
    paused: (week) => {
      if (isLive(week)) return view(week)?.kind === 'stop';
      // A past week: paused at the end of each of its days, a pause recorded on the Monday included.
      const monday = fromDayNumber(week);
      for (let i = 0; i < 7; i++) if (!pausedOn(addDays(monday, i))) return false;
      return true;
    },
    pausedOn,
    clearedIn: (week) => {
      if (decision(week) === null || view(week) !== null) return null;
      const monday = fromDayNumber(week);
      const last = isLive(week) ? input.today : addDays(monday, 6);
      let found: IsoDate | null = null;
      for (const c of clearances.get(week) ?? []) if (c >= monday && c <= last) found = c;
      return found;
    },
  };
}
