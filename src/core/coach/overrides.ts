import { addDays } from '../dates.js';
import { weekDayOf } from './history.js';
import { holdsOn } from './holds.js';
import type { Acceptance, Override, TriageRecord } from './types.js';

// Q7 and S2: decisions made by hand, looked up by activity and week. Each takes effect at the
// Monday of the week it names (a date inside a week means that week).

export interface ByWeek<T> {
  at(activity: string, weekDay: number): T | null;
  /** The earliest week with an entry for the activity, or null. */
  firstWeek(activity: string): number | null;
  activities(): string[];
}

function indexByWeek<T>(items: readonly T[], key: (t: T) => { activity: string; week: number }, newer: (a: T, b: T) => boolean): ByWeek<T> {
  const map = new Map<string, Map<number, T>>();
  for (const item of items) {
    const { activity, week } = key(item);
    let weeks = map.get(activity);
    if (!weeks) map.set(activity, (weeks = new Map()));
    const seen = weeks.get(week);
    // Two decisions for the same week: the later one stands (on a tie, the one stored last).
    if (seen === undefined || !newer(seen, item)) weeks.set(week, item);
  }
  return {
    at: (activity, weekDay) => map.get(activity)?.get(weekDay) ?? null,
    firstWeek: (activity) => {
      const weeks = map.get(activity);
      return weeks && weeks.size > 0 ? Math.min(...weeks.keys()) : null;
    },
    activities: () => [...map.keys()],
  };
}

export function indexOverrides(overrides: readonly Override[]): ByWeek<Override> {
  return indexByWeek(
    overrides.filter((o) => o.quota !== null || o.sessionsPerWeek !== null),
    (o) => ({ activity: o.activity, week: weekDayOf(o.weekStart) }),
    (a, b) => a.setOn > b.setOn,
  );
}

/**
 * T2/S2: the acceptances given while no hold or pause was open. The plan holds (no increase) until
 * the person has been assessed, so an increase accepted under a hold counts for nothing, even one
 * that arrived from a backup. Acceptances and holds carry days, not times: one is dropped when a
 * hold was open both as its day began and as it ended. An acceptance on the day a hold opened came
 * first (`plan` refuses one under a hold), and one on the day of a clearance came after it.
 */
export function acceptedOutsideHolds(acceptances: readonly Acceptance[], records: readonly TriageRecord[]): Acceptance[] {
  if (acceptances.length === 0 || records.length === 0) return [...acceptances];
  const days = [...new Set(acceptances.flatMap((a) => [addDays(a.acceptedOn, -1), a.acceptedOn]))].sort();
  const holds = holdsOn(records, days);
  const open = new Map(days.map((d, i) => [d, holds[i] !== null]));
  return acceptances.filter((a) => !(open.get(addDays(a.acceptedOn, -1)) && open.get(a.acceptedOn)));
}

export function indexAcceptances(acceptances: readonly Acceptance[]): ByWeek<Acceptance> {
  return indexByWeek(
    acceptances,
    (a) => ({ activity: a.activity, week: weekDayOf(a.weekStart) }),
    (a, b) => a.acceptedOn > b.acceptedOn,
  );
}
