import { addDays, mondayOf } from './dates.js';
import { InputError } from './errors.js';
import { printable } from './input.js';
import type { IsoDate } from './types.js';

// D1-D2: the days and times of each activity's sessions. Weekdays are 0 (Monday) to 6 (Sunday).
// Pure: the week is given by its Monday; nothing here reads a clock or a time zone.

export const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** D2: the default time when the person gave none (a setting, `init --time`). */
export const DEFAULT_SESSION_TIME = '09:00';

/** D1: the days and time a person gave one activity. `time` null: the default time. */
export interface Schedule {
  activity: string;
  /** Weekdays, 0 = Monday, ascending, at least one. */
  days: number[];
  time: string | null;
}

export interface PlannedSession {
  date: IsoDate;
  /** HH:MM, local wall-clock time. */
  time: string;
  /** D1-D3, in a week under way (weekSoFar): a session already done, or a past day missed; nothing left to do. */
  settled?: true;
}

/**
 * How the days were chosen: all the person's own (`schedule`), spread evenly with none given
 * (`spread`), or the person's days with more added because the plan has more sessions (`added`).
 */
export type DaysSource = 'schedule' | 'spread' | 'added';

export interface ActivitySessions {
  sessions: PlannedSession[];
  /** Weekdays of the sessions, ascending. */
  days: number[];
  source: DaysSource;
  /** D2: the days chosen beyond the person's own (all of them when the person gave none). */
  added: number[];
}

/** Words for several days at once, usable alone or in a list (`weekdays,sat`). */
const DAY_GROUPS: Readonly<Record<string, readonly number[]>> = { daily: [0, 1, 2, 3, 4, 5, 6], weekdays: [0, 1, 2, 3, 4], weekends: [5, 6] };

/** `mon,wed,fri`, `weekdays`, `weekends`, `daily`, or a list of them (names in any case, three letters or whole). */
export function parseDays(raw: string, flag = 'days'): number[] {
  const out = new Set<number>();
  for (const part of raw.trim().toLowerCase().split(',')) {
    const word = part.trim();
    if (word === '') continue;
    const group = Object.hasOwn(DAY_GROUPS, word) ? DAY_GROUPS[word]! : null;
    const day = Math.max(DAY_CODES.indexOf(word as (typeof DAY_CODES)[number]), DAY_NAMES.indexOf(word));
    if (group === null && day < 0) {
      throw new InputError(`${flag}: "${printable(part.trim())}" is not a day of the week.`, 'Write days as mon,tue,wed,thu,fri,sat,sun, or weekdays, weekends or daily.');
    }
    for (const d of group ?? [day]) out.add(d);
  }
  if (out.size === 0) throw new InputError(`${flag}: no days given.`, 'Give at least one day, for example mon,wed,fri (or pace schedule <activity> --clear).');
  return [...out].sort((a, b) => a - b);
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A time of day, `H:MM` or `HH:MM` on a 24-hour clock, given back as `HH:MM`. */
export function parseTime(raw: string, flag = '--at'): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new InputError(`${flag} "${printable(raw)}" is not a time of day.`, 'Write it on a 24-hour clock, for example 08:00 or 17:30.');
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** `mon,wed,fri`: how days are stored in backups and printed in JSON. */
export function dayCodes(days: readonly number[]): string[] {
  return days.map((d) => DAY_CODES[d]!);
}

/** "8:00": a time as people read it, without the leading zero. */
export function shortTime(time: string): string {
  return time.startsWith('0') ? time.slice(1) : time;
}

/** "Mon 8:00": how a person reads a session. */
export function sessionLabel(weekday: number, time: string): string {
  return `${DAY_LABELS[weekday]} ${shortTime(time)}`;
}

export function dayLabel(weekday: number): string {
  return DAY_LABELS[weekday]!;
}

const WEEK = 0b1111111;
const bit = (day: number) => 1 << day;
const maskOf = (days: Iterable<number>) => [...days].reduce((m, d) => m | bit(d), 0);
const countOf = (mask: number) => {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
};

/** D2: three days in a row, round the week: Sunday, Monday and Tuesday count, as the week repeats. */
function threeInARow(mask: number): boolean {
  const twoWeeks = mask * 0b10000001;
  return (twoWeeks & (twoWeeks >> 1) & (twoWeeks >> 2) & WEEK) !== 0;
}

/**
 * D2: the layouts of `n` days that keep every day in `keep` and take no day outside `pool`; of
 * those, only the ones without three days in a row when there are any (from five a week there
 * are none).
 */
function allowedLayouts(n: number, keep: number, pool: number): number[] {
  const all: number[] = [];
  for (let m = 0; m <= WEEK; m++) if (countOf(m) === n && (m & keep) === keep && (m & ~pool) === 0) all.push(m);
  const apart = all.filter((m) => !threeInARow(m));
  return apart.length > 0 ? apart : all;
}

/** Whether some allowed layout takes exactly the days in `chosen` among the days in `decided`. */
const fits = (layouts: readonly number[], chosen: number, decided: number) => layouts.some((m) => (m & decided) === chosen);

/**
 * D1/D2: `n` sessions spread evenly over the k days of `pool` (ascending, at least n): the j-th on
 * the i-th day for i = floor(j * k / n), or on the next of the days after it when that one would
 * leave no layout without three days in a row (weekdays at 4 a week: Mon, Tue, Thu, Fri, not Mon to
 * Thu). The search stops where the sessions left would no longer fit; the tests check every set of
 * days and count, and none gets that far without a fit.
 */
function spread(n: number, pool: readonly number[]): number[] {
  const layouts = allowedLayouts(n, 0, maskOf(pool));
  const out: number[] = [];
  let chosen = 0;
  for (let j = 0, i = 0; j < n; j++, i++) {
    i = Math.max(i, Math.floor((j * pool.length) / n));
    const last = pool.length - (n - j);
    while (i < last && !fits(layouts, chosen | bit(pool[i]!), maskOf(pool.slice(0, i + 1)))) i++;
    chosen |= bit(pool[i]!);
    out.push(pool[i]!);
  }
  return out;
}

/**
 * D1/D2: the weekdays of `sessionsPerWeek` sessions. The person's days when they are enough (spread
 * over them when there are more days than sessions: daily at 3 a week is Mon, Wed, Fri); with none,
 * spread over the week (3 a week: Mon, Wed, Fri); with too few, the person's days and, one at
 * a time, the day farthest from every day already chosen (round the week; the earlier on a tie)
 * among the days that still leave a way round three days in a row, so that Sat and Sun at 3 a week
 * add Wed, not Mon, and Fri at 4 a week is Mon, Wed, Fri, Sat, not Mon, Tue, Wed, Fri.
 */
export function chooseDays(sessionsPerWeek: number, given: readonly number[]): { days: number[]; source: DaysSource } {
  const n = Math.max(0, Math.min(7, Math.floor(sessionsPerWeek)));
  // 8 counts x 128 sets of days: each answer is worked out once a run, however many weeks ask.
  const mask = maskOf(given);
  const key = n * 128 + mask;
  let found = chosen.get(key);
  if (!found) chosen.set(key, (found = chooseOnce(n, [0, 1, 2, 3, 4, 5, 6].filter((d) => mask & bit(d)))));
  return { days: [...found.days], source: found.source };
}

const chosen = new Map<number, { days: number[]; source: DaysSource }>();

function chooseOnce(n: number, given: readonly number[]): { days: number[]; source: DaysSource } {
  if (n === 0) return { days: [], source: given.length > 0 ? 'schedule' : 'spread' };
  if (given.length === 0) return { days: spread(n, [0, 1, 2, 3, 4, 5, 6]), source: 'spread' };
  if (given.length >= n) return { days: spread(n, given), source: 'schedule' };
  const layouts = allowedLayouts(n, maskOf(given), WEEK);
  const days = new Set(given);
  const apart = (d: number) => Math.min(...[...days].map((c) => Math.min((d - c + 7) % 7, (c - d + 7) % 7)));
  while (days.size < n) {
    const chosen = maskOf(days);
    let best = -1;
    for (let d = 0; d < 7; d++) {
      if (days.has(d) || !fits(layouts, chosen | bit(d), chosen | bit(d))) continue;
      if (best === -1 || apart(d) > apart(best)) best = d;
    }
    days.add(best);
  }
  return { days: [...days].sort((a, b) => a - b), source: 'added' };
}

/** What of a week's plan the days depend on. */
export interface PlannedActivity {
  activity: string;
  sessionsPerWeek: number;
  change: string;
}

/**
 * D1/D2: one activity's sessions in the week that starts on `weekStart` (a Monday). A paused plan
 * (T3) has none; a held one (T2) keeps its days.
 */
export function activitySessions(
  plan: PlannedActivity,
  weekStart: IsoDate,
  paused: boolean,
  schedule: Schedule | undefined,
  defaultTime: string,
): ActivitySessions {
  if (paused || plan.change === 'paused') return { sessions: [], days: [], source: schedule ? 'schedule' : 'spread', added: [] };
  const given = schedule?.days ?? [];
  const { days, source } = chooseDays(plan.sessionsPerWeek, given);
  const time = schedule?.time ?? defaultTime;
  const monday = mondayOf(weekStart);
  return { sessions: days.map((d) => ({ date: addDays(monday, d), time })), days, source, added: days.filter((d) => !given.includes(d)) };
}

/** D1/D2: every activity's sessions in a week's plan, by activity name. */
export function planSessions(
  plan: { weekStart: IsoDate; paused: boolean; activities: readonly PlannedActivity[] },
  schedules: readonly Schedule[],
  defaultTime: string,
): Map<string, ActivitySessions> {
  const byName = new Map(schedules.map((s) => [s.activity, s]));
  return new Map(plan.activities.map((a) => [a.activity, activitySessions(a, plan.weekStart, plan.paused, byName.get(a.activity), defaultTime)]));
}
