import { addDays, isoWeekday, parseIsoDate } from './dates.js';
import { InputError } from './errors.js';
import { MAX_GOAL_LENGTH, parseGoalText, type GoalStatus } from './outcomes/goals.js';
import { PEG_ITEMS } from './outcomes/peg.js';
import type { IsoDate } from './types.js';

// The outcomes in a JSON backup (M, W): checked field by field; an error names the first bad
// record and field, as for sessions (core/backup.ts).

export interface BackupGoal {
  uid: string;
  text: string;
  status: GoalStatus;
  created_on: IsoDate;
  closed_on: IsoDate | null;
  ratings: { date: IsoDate; rating: number }[];
}

export interface BackupPegCheckin {
  week_start: IsoDate;
  date: IsoDate;
  pain: number;
  enjoyment: number;
  general: number;
}

export interface OutcomeExtras {
  goals: BackupGoal[];
  peg_checkins: BackupPegCheckin[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATUSES: readonly string[] = ['open', 'achieved', 'dropped'];

/** The backup's goals and check-ins; a backup from before them has none. */
export function parseOutcomeExtras(doc: Obj, today: IsoDate): OutcomeExtras {
  return { goals: list(doc, 'goals').map((raw, i) => parseGoal(raw, `goals[${i}]`, today)), peg_checkins: list(doc, 'peg_checkins').map((raw, i) => parsePeg(raw, `peg_checkins[${i}]`, today)) };
}

function list(doc: Obj, key: string): unknown[] {
  const v = doc[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new InputError(`the backup's "${key}" is not a list.`);
  return v;
}

function parseGoal(raw: unknown, where: string, today: IsoDate): BackupGoal {
  if (!isObj(raw)) throw new InputError(`${where} is not an object.`);
  const uid = raw.uid;
  if (typeof uid !== 'string' || !/^[\w-]{1,64}$/.test(uid)) throw new InputError(`${where}.uid is not a valid id.`);
  let text: string;
  try {
    text = parseGoalText(typeof raw.text === 'string' ? raw.text : '');
  } catch {
    throw new InputError(`${where}.text is not a goal of 1 to ${MAX_GOAL_LENGTH} plain characters.`);
  }
  if (typeof raw.status !== 'string' || !STATUSES.includes(raw.status)) throw new InputError(`${where}.status is not one of ${STATUSES.join(', ')}.`);
  const status = raw.status as GoalStatus;
  const created = date(raw.created_on, `${where}.created_on`, today);
  const closed = raw.closed_on === null || raw.closed_on === undefined ? null : date(raw.closed_on, `${where}.closed_on`, today);
  if ((status === 'open') !== (closed === null)) throw new InputError(`${where}.closed_on must be a date when the goal is closed, and null while it is open.`);
  if (closed !== null && closed < created) throw new InputError(`${where}.closed_on is before its created_on.`);
  if (!Array.isArray(raw.ratings) || raw.ratings.length === 0) throw new InputError(`${where}.ratings is not a list with at least the first rating.`);
  const seen = new Set<string>();
  const ratings = raw.ratings.map((r: unknown, k) => {
    const at = `${where}.ratings[${k}]`;
    if (!isObj(r)) throw new InputError(`${at} is not an object.`);
    const d = date(r.date, `${at}.date`, today);
    if (seen.has(d)) throw new InputError(`${at}.date ${d} has a rating already (one per goal per day).`);
    seen.add(d);
    return { date: d, rating: scale(r.rating, `${at}.rating`) };
  });
  return { uid, text, status, created_on: created, closed_on: closed, ratings };
}

function parsePeg(raw: unknown, where: string, today: IsoDate): BackupPegCheckin {
  if (!isObj(raw)) throw new InputError(`${where} is not an object.`);
  const week = date(raw.week_start, `${where}.week_start`, today);
  if (isoWeekday(week) !== 1) throw new InputError(`${where}.week_start ${week} is not a Monday.`);
  const d = date(raw.date, `${where}.date`, today);
  if (d < week || d > addDays(week, 6)) throw new InputError(`${where}.date ${d} is not in the week of ${week}.`);
  const out = { week_start: week, date: d, pain: 0, enjoyment: 0, general: 0 };
  for (const item of PEG_ITEMS) out[item] = scale(raw[item], `${where}.${item}`);
  return out;
}

function date(v: unknown, where: string, today: IsoDate): IsoDate {
  const d = typeof v === 'string' ? parseIsoDate(v) : null;
  if (d === null || d !== v) throw new InputError(`${where} is not a real date (YYYY-MM-DD).`);
  if (d > today) throw new InputError(`${where} ${d} is in the future.`);
  return d;
}

function scale(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10) throw new InputError(`${where} is not a whole number from 0 to 10.`);
  return v;
}
