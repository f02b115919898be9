import { mondayOfDay, toDayNumber } from '../dates.js';
import type { Activity, Category, IsoDate, Session, Unit } from '../types.js';

// Sessions are grouped by activity and week once, so that replaying years of history is one
// linear pass per activity rather than a scan of every session for every week.

export interface ActivityMeta {
  activity: string;
  unit: Unit;
  category: Category;
}

export interface ActivitySessions extends ActivityMeta {
  /** Day number of the Monday of the activity's first session. */
  firstWeek: number;
  /** Sessions by the day number of their week's Monday, each list in date order. */
  byWeek: Map<number, Session[]>;
}

/** The day number of the Monday of `date`'s week. */
export function weekDayOf(date: IsoDate): number {
  return mondayOfDay(toDayNumber(date));
}

export function byDate(a: Session, b: Session): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/** Groups sessions by activity and week (the caller leaves out what Q9 excludes). */
export function indexSessions(sessions: readonly Session[], activities: readonly Activity[] = []): Map<string, ActivitySessions> {
  const known = new Map(activities.map((a) => [a.name, a]));
  const kept = [...sessions].sort(byDate);
  const index = new Map<string, ActivitySessions>();
  for (const s of kept) {
    const week = weekDayOf(s.date);
    let entry = index.get(s.activity);
    if (!entry) {
      const meta = known.get(s.activity);
      entry = {
        activity: s.activity,
        unit: meta?.unit ?? s.unit,
        category: meta?.category ?? s.category,
        firstWeek: week,
        byWeek: new Map(),
      };
      index.set(s.activity, entry);
    }
    const list = entry.byWeek.get(week);
    if (list) list.push(s);
    else entry.byWeek.set(week, [s]);
  }
  return index;
}

/** Unit and category of an activity that has no session yet (an override for something new). */
export function metaFor(name: string, activities: readonly Activity[] = []): ActivityMeta {
  const a = activities.find((x) => x.name === name);
  return { activity: name, unit: a?.unit ?? 'min', category: a?.category ?? 'other' };
}
