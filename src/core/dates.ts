import type { IsoDate } from './types.js';

// Calendar dates are handled as whole days since 1970-01-01 (day numbers), worked out by integer
// arithmetic on the proleptic Gregorian calendar, so the machine's timezone can never move a date
// (engineering.md, "Dates and numbers"). No Date is built per call: replaying fifty years of
// history converts tens of thousands of dates, and a Date also makes Node load the time zone.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date, when `text` is a real calendar date in `YYYY-MM-DD` form; otherwise null. */
export function parseIsoDate(text: string): IsoDate | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}` as IsoDate;
  // A day past the month's end (2026-02-30) comes back as another date.
  return fromDayNumber(toDayNumber(date)) === date ? date : null;
}

/**
 * What is wrong with a date written in another form than `YYYY-MM-DD`, as the words that follow
 * it in a refusal; null when `text` is in no such form. Year first is always year, month, day:
 * `2026-3-4` only misses its zeros, and `2026/03/14` its dashes: both are named. `3/14/2026`,
 * `14/03/2026` and `14.03.2026` are refused: which part is the day depends on the locale of the
 * person or program that wrote it, and a wrong guess moves a session, its flare and its triage to
 * another day. The words give the date when only one reading is a real date, and both when both are.
 */
export function misformedDate(text: string): string | null {
  // 2026/03/14 is the short date of Japanese, Chinese or Korean Excel.
  const short = /^\s*(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\s*$/.exec(text);
  const padded = short && parseIsoDate(`${short[1]}-${short[3]!.padStart(2, '0')}-${short[4]!.padStart(2, '0')}`);
  if (padded && padded !== text.trim()) return `is not written YYYY-MM-DD: write ${padded}.`;
  const local = /^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})\s*$/.exec(text);
  if (!local) return null;
  const [, a, , b, year] = local as unknown as [string, string, string, string, string];
  const iso = (month: string, day: string) => parseIsoDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
  const readings = year.length === 4 ? [...new Set([iso(a, b), iso(b, a)].filter((d) => d !== null))] : [];
  if (readings.length === 2) return `could be ${readings.sort().join(' or ')}.`;
  if (readings.length === 1) return `is not written YYYY-MM-DD: write ${readings[0]}.`;
  return 'is not written YYYY-MM-DD.';
}

/** The day number of a `YYYY-MM-DD` date. */
export function toDayNumber(date: IsoDate): number {
  // Digits by hand, with no helper: a tiny function called three times a date is what V8 picks to
  // optimize first, a cost a run of a few milliseconds never earns back.
  const y = date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - 48 * 1111;
  const m = date.charCodeAt(5) * 10 + date.charCodeAt(6) - 48 * 11;
  const d = date.charCodeAt(8) * 10 + date.charCodeAt(9) - 48 * 11;
  // Count from 1 March of year 0, so that the leap day falls at the end of each counted year.
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}` as IsoDate;
}

/** The day number of the Monday of the week holding `day` (day 0 was a Thursday). */
export function mondayOfDay(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}


/** 1 = Monday ... 7 = Sunday (ISO weekday). */
export function isoWeekday(date: IsoDate): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts the week holding `date` (weeks run Monday to Sunday). */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The next Monday strictly after `date`. */
export function nextMonday(date: IsoDate): IsoDate {
  return addDays(mondayOf(date), 7);
}

/**
 * How many of `sorted` (oldest first) are dated `date` or earlier, found by halving: asked for
 * every week or day of decades, a scan of every entry would cost days x entries.
 */
export function countThrough<T>(sorted: readonly T[], dateOf: (item: T) => IsoDate, date: IsoDate): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dateOf(sorted[mid] as T) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 13 Jan": how reasons and alerts name a day. */
export function shortDate(date: IsoDate): string {
  return `${WEEKDAYS[isoWeekday(date) - 1]} ${dayMonth(date)}`;
}

/** "Mon 5 Jan 2026": `shortDate` with the year, for days that may lie in another year. */
export function shortDateYear(date: IsoDate): string {
  return `${shortDate(date)} ${date.slice(0, 4)}`;
}

/** "5 Jan": a chart's axis, and a day within a span of one year (`dateWithin`). */
export function dayMonth(d: IsoDate): string {
  const [, m, day] = d.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[m - 1]}`;
}

/** "Jan 2026": the axis of a long period. */
export function monthYear(d: IsoDate): string {
  return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** "5 Jan 2026": unambiguous in any country, unlike 05/01/2026. */
export function longDate(d: IsoDate): string {
  return `${dayMonth(d)} ${d.slice(0, 4)}`;
}

/** "3 Feb" within a span of one year, "3 Feb 2026" when the span has two: never ambiguous, never wordy. */
export function dateWithin(d: IsoDate, span: { from: IsoDate; to: IsoDate }): string {
  return span.from.slice(0, 4) === span.to.slice(0, 4) ? dayMonth(d) : longDate(d);
}
