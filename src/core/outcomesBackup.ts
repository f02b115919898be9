import { backupDate, backupScale, bad, describe, list, onceIn, UID } from './backupRecords.js';
import { InputError } from './errors.js';
import { addDays, isoWeekday } from './dates.js';
import { MAX_GOAL_LENGTH, parseGoalText, type GoalStatus } from './outcomes/goals.js';
import { PEG_ITEMS } from './outcomes/peg.js';
import type { IsoDate } from './types.js';

// The outcomes in a JSON backup (M, W), checked field by field as the other records are
// (backupRecords.ts): the first bad record and field are named ("goals[1].ratings[0].rating: ...").

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

const OUTSIDE_HINT = 'An earlier pace could store such a rating (pace no longer does), and a backup of that journal holds it: remove the rating from the file, or move its date within the goal\'s dates, and import again.';
const STATUSES: readonly string[] = ['open', 'achieved', 'dropped'];

/** The backup's goals and check-ins; a backup from before them has none. */
export function parseOutcomeExtras(doc: Obj, today: IsoDate): OutcomeExtras {
  const uids = new Map<string, number>();
  const weeks = new Map<string, number>();
  return {
    goals: list(doc, 'goals').map((raw, i) => {
      const g = parseGoal(raw, `goals[${i}]`, today);
      onceIn(uids, g.uid, i, () => `goals[${i}].uid: "${g.uid}" is the id of goals[${uids.get(g.uid)}] too.`);
      return g;
    }),
    // W2: one check-in a week.
    peg_checkins: list(doc, 'peg_checkins').map((raw, i) => {
      const c = parsePeg(raw, `peg_checkins[${i}]`, today);
      onceIn(weeks, c.week_start, i, () => `peg_checkins[${i}].week_start: the week of ${c.week_start} has a check-in in peg_checkins[${weeks.get(c.week_start)}] too.`);
      return c;
    }),
  };
}

function parseGoal(raw: Obj, at: string, today: IsoDate): BackupGoal {
  if (typeof raw.uid !== 'string' || !UID.test(raw.uid)) throw bad(`${at}.uid`, `${describe(raw.uid)} is not a goal id.`);
  let text: string;
  try {
    text = parseGoalText(typeof raw.text === 'string' ? raw.text : '');
  } catch {
    throw bad(`${at}.text`, `${describe(raw.text)} is not a goal of 1 to ${MAX_GOAL_LENGTH} plain characters.`);
  }
  if (typeof raw.status !== 'string' || !STATUSES.includes(raw.status)) throw bad(`${at}.status`, `${describe(raw.status)} should be one of ${STATUSES.join(', ')}.`);
  const status = raw.status as GoalStatus;
  const created = backupDate(raw.created_on, `${at}.created_on`, today);
  const closed = raw.closed_on === null || raw.closed_on === undefined ? null : backupDate(raw.closed_on, `${at}.closed_on`, today);
  if ((status === 'open') !== (closed === null)) throw bad(`${at}.closed_on`, `must be a date when the goal is closed, and null while it is open.`);
  if (closed !== null && closed < created) throw bad(`${at}.closed_on`, `${closed} is before its created_on.`);
  if (!Array.isArray(raw.ratings) || raw.ratings.length === 0) throw bad(`${at}.ratings`, 'is not a list with at least the first rating.');
  const seen = new Set<string>();
  const ratings = list(raw, 'ratings').map((r, k) => {
    const where = `${at}.ratings[${k}]`;
    const d = backupDate(r.date, `${where}.date`, today);
    if (seen.has(d)) throw bad(`${where}.date`, `${d} has a rating already (one per goal per day).`);
    // M2: the rating given when the goal was added is its first; M5: a closed goal is rated no
    // more. pace never stores other ratings; one before them would become the goal's first.
    // An earlier pace could store one (a day set back, a merged copy), and exports it: the usual
    // "import a file written by pace export, unchanged" would send the person round in a circle.
    const side = ratingOutside(d, { created_on: created, closed_on: closed });
    if (side !== null) {
      const what = side === 'before' ? `before the goal's created_on, ${created}` : `after the goal's closed_on, ${closed}`;
      throw new InputError(`${where}.date: ${d} is ${what}.`, OUTSIDE_HINT);
    }
    seen.add(d);
    return { date: d, rating: backupScale(r.rating, `${where}.rating`) };
  });
  return { uid: raw.uid, text, status, created_on: created, closed_on: closed, ratings };
}

/** A goal's days: rated from the day it was added (M2) to the day it was closed (M5). */
type GoalDays = { created_on: string; closed_on: string | null };

/** Which side of its goal's days a rating falls, or null within them (M2, M5). */
function ratingOutside(day: string, goal: GoalDays): 'before' | 'after' | null {
  if (day < goal.created_on) return 'before';
  return goal.closed_on !== null && day > goal.closed_on ? 'after' : null;
}

/**
 * M2, M5 for a goal this journal already holds: a copy of the journal where it stayed open may
 * have rated it after this journal closed it (the backup's own dates were checked by parseGoal).
 */
export function checkRatingOfKeptGoal(kept: GoalDays & { text: string }, day: string): void {
  const side = ratingOutside(day, kept);
  if (side === null) return;
  const outside = side === 'before' ? `before this journal added it on ${kept.created_on}` : `after this journal closed it on ${kept.closed_on}`;
  throw new InputError(`the backup rates the goal "${kept.text}" on ${day}, ${outside}; nothing was imported.`, 'Remove that rating from the backup file, or import the backup into a new journal.');
}

function parsePeg(raw: Obj, at: string, today: IsoDate): BackupPegCheckin {
  const week = backupDate(raw.week_start, `${at}.week_start`, today);
  if (isoWeekday(week) !== 1) throw bad(`${at}.week_start`, `${week} is not a Monday.`);
  const d = backupDate(raw.date, `${at}.date`, today);
  if (d < week || d > addDays(week, 6)) throw bad(`${at}.date`, `${d} is not in the week of ${week}.`);
  const out = { week_start: week, date: d, pain: 0, enjoyment: 0, general: 0 };
  for (const item of PEG_ITEMS) out[item] = backupScale(raw[item], `${at}.${item}`);
  return out;
}
