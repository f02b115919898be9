import { addDays } from '../dates.js';
import type { IsoDate } from '../types.js';
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
 * T2: for each day, whether a hold or pause was open both as it began and as it ended. Decisions
 * by hand and holds carry days, not times: one made on the day a hold opened came first (`plan`
 * refuses one under a hold), and one on the day of a clearance came after it.
 */
function heldAllDay(days: readonly IsoDate[], records: readonly TriageRecord[]): (day: IsoDate) => boolean {
  if (days.length === 0 || records.length === 0) return () => false;
  const asked = [...new Set(days.flatMap((d) => [addDays(d, -1), d]))].sort();
  const holds = holdsOn(records, asked);
  const open = new Map(asked.map((d, i) => [d, holds[i] !== null]));
  return (day) => open.get(addDays(day, -1)) === true && open.get(day) === true;
}

/**
 * T2/S2: the acceptances given while no hold or pause was open. The plan holds (no increase) until
 * the person has been assessed, so an increase accepted under a hold counts for nothing, even one
 * that arrived from a backup.
 */
export function acceptedOutsideHolds(acceptances: readonly Acceptance[], records: readonly TriageRecord[]): Acceptance[] {
  const held = heldAllDay(acceptances.map((a) => a.acceptedOn), records);
  return acceptances.filter((a) => !held(a.acceptedOn));
}

/**
 * Q7/T2: `plan --set` refuses a raise while a hold or pause is open; one set then that arrived
 * another way (a backup) is marked, with the override it would replace for its week (the one the
 * index keeps without it, itself marked or not), so that the replay lets it only lower the plan as
 * it stood, even in a week the hold no longer covers.
 */
export function markSetUnderHolds(overrides: readonly Override[], records: readonly TriageRecord[]): Override[] {
  const held = heldAllDay(overrides.map((o) => o.setOn), records);
  const marked = [...overrides];
  // In the order the index takes them: a later day stands, and on a tie the one stored last (the sort is stable).
  const order = overrides.map((_, i) => i).sort((a, b) => (overrides[a]!.setOn < overrides[b]!.setOn ? -1 : overrides[a]!.setOn > overrides[b]!.setOn ? 1 : 0));
  const standing = new Map<string, Override>();
  for (const i of order) {
    const o = overrides[i]!;
    if (o.quota === null && o.sessionsPerWeek === null) continue;
    const key = `${weekDayOf(o.weekStart)} ${o.activity}`;
    if (held(o.setOn)) marked[i] = { ...o, setUnderHold: { replaces: standing.get(key) ?? null } };
    standing.set(key, marked[i]!);
  }
  return marked;
}

export function indexAcceptances(acceptances: readonly Acceptance[]): ByWeek<Acceptance> {
  return indexByWeek(
    acceptances,
    (a) => ({ activity: a.activity, week: weekDayOf(a.weekStart) }),
    (a, b) => a.acceptedOn > b.acceptedOn,
  );
}
