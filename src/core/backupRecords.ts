import { DAY_CODES, parseTime } from './days.js';
import { InputError } from './errors.js';
import { checkDose, futureInFile, parseActivityName, parseCategory, parseDate, parsePositiveInt, parseScale, parseUnit, parseYesNo, printable } from './input.js';
import { parsePaper } from './report/paper.js';
import { highestClass, isSymptomCode } from './symptoms.js';
import type { Activity, Category, IsoDate, TriageClass, Unit } from './types.js';

// The parts of a JSON backup other than its sessions, checked field by field as CSV rows are:
// the first bad record and field are named ("overrides[2].quota: ..."), and nothing reaches the
// journal that `pace plan --set`, `pace init` or `pace triage` would have refused.

export interface BackupRecords {
  settings: Record<string, string>;
  activities: { name: string; unit: Unit; category: Category }[];
  overrides: { activity: string; week_start: string; quota: number | null; sessions_per_week: number | null; set_on: string }[];
  acceptances: { activity: string; week_start: string; quota: number; accepted_on: string }[];
  triage_records: { date: string; session_uid: string | null; kind: 'triage' | 'cleared'; class: TriageClass | null; symptoms: string[] }[];
  checkins: { session_uid: string; date: string; settled: boolean }[];
  pem_answers: { date: string; pem: boolean }[];
  /** G1/Q6: the weekly aims with the day each was set; an older backup has none. */
  weekly_aims?: { date: string; target_minutes: number }[];
  /** D1: days as codes (`mon` ... `sun`), and a time or null for the default time. */
  schedules?: { activity: string; days: string[]; time: string | null }[];
}

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const UID = /^[\w-]{1,64}$/;

/** The settings a backup may carry, each checked as the flag that sets it is. */
const SETTINGS: Record<string, (v: string, field: string) => string> = {
  start_date: (v, f) => parseDate(v, f),
  target_minutes: (v, f) => String(parsePositiveInt(v, f, 10080)),
  pem: (v, f) => (parseYesNo(v, f) ? 'yes' : 'no'),
  // The day the first-use notice was shown.
  notice_shown: (v, f) => parseDate(v, f),
  // D2: the time of sessions whose activity has none of its own.
  default_time: (v, f) => parseTime(v, f),
  // C1: the clinic report's paper, when the person chose one.
  paper: (v, f) => parsePaper(v, f),
};

export const bad = (field: string, what: string) => new InputError(`${field}: ${what}`, 'Import a file written by pace export --format json, unchanged.');

/** Runs a parser of `input.ts` for a field, naming the field in its error. */
export function field<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError && !e.message.startsWith(`${name}:`)) {
      throw new InputError(e.message.startsWith(`${name} `) ? `${name}: ${e.message.slice(name.length + 1)}` : `${name}: ${e.message}`, e.hint);
    }
    throw e;
  }
}

export const text = (v: unknown, name: string): string => {
  if (typeof v !== 'string') throw bad(name, `${describe(v)} is not text.`);
  return v;
};

/** A date as `parseDate` reads it; with `today`, a day that has happened (a record of something done). */
export function backupDate(v: unknown, name: string, today?: IsoDate): IsoDate {
  const d = field(name, () => parseDate(text(v, name), name));
  if (today !== undefined && d > today) throw futureInFile(name, d, today);
  return d;
}

/** A 0-10 score stored as a JSON number, read by the parser of the command line's scales. */
export function backupScale(v: unknown, name: string): number {
  const n = typeof v === 'number' && Number.isInteger(v) ? tryScale(String(v), name) : null;
  if (n === null) throw bad(name, `${describe(v)} is not a whole number from 0 to 10.`);
  return n;
}

function tryScale(raw: string, name: string): number | null {
  try {
    return parseScale(raw, name);
  } catch {
    return null;
  }
}
const date = (v: unknown, name: string, today?: IsoDate) => backupDate(v, name, today);
const bool = (v: unknown, name: string): boolean => {
  if (typeof v !== 'boolean') throw bad(name, `${describe(v)} is not true or false.`);
  return v;
};
/** G1: a weekly aim stored as a JSON number, read as `--target-minutes` is. */
const aimMinutes = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw bad(name, `${describe(v)} is not a whole number of minutes.`);
  return field(name, () => parsePositiveInt(String(v), name, 10080));
};
export const list = (doc: Obj, key: string): Obj[] => {
  const v = doc[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw bad(key, 'is not a list.');
  v.forEach((item, i) => {
    if (!isObj(item)) throw bad(`${key}[${i}]`, 'is not an object.');
  });
  return v as Obj[];
};

/**
 * A record a backup may hold only once (a session's or a goal's id, a week's check-in): the first
 * place it was seen is kept in `seen`, and a second one is refused with `message`, so that neither
 * is dropped or merged into the other without a word.
 */
export function onceIn<K>(seen: Map<K, number>, key: K, at: number, message: () => string): void {
  if (seen.has(key)) throw new InputError(message(), 'Import a file written by pace export --format json, unchanged.');
  seen.set(key, at);
}

/** A value as an error shows it: short, on one line, never a whole object. */
export function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'string' ? `"${printable(v)}"` : printable(String(v));
}

/**
 * Checks everything of a backup but its sessions. `activities` are those the sessions use, so
 * that an override may name an activity known only from its sessions.
 */
export function parseBackupRecords(doc: Obj, sessionActivities: ReadonlyMap<string, Activity>, today: IsoDate): BackupRecords {
  const settings: Record<string, string> = {};
  if (doc.settings !== undefined) {
    if (!isObj(doc.settings)) throw bad('settings', 'is not an object.');
    // Object.keys, not a lookup in SETTINGS: JSON.parse makes "__proto__" an ordinary key.
    for (const key of Object.keys(doc.settings)) {
      const name = `settings.${printable(key)}`;
      if (!Object.hasOwn(SETTINGS, key)) throw bad(name, 'is not a setting pace knows.');
      settings[key] = field(name, () => SETTINGS[key]!(text(doc.settings && (doc.settings as Obj)[key], name), name));
    }
  }

  const units = new Map(sessionActivities);
  const activities = list(doc, 'activities').map((a, i) => {
    const at = `activities[${i}]`;
    const name = field(`${at}.name`, () => parseActivityName(text(a.name, `${at}.name`)));
    const unit = field(`${at}.unit`, () => parseUnit(text(a.unit, `${at}.unit`), `${at}.unit`));
    const category = field(`${at}.category`, () => parseCategory(text(a.category, `${at}.category`), `${at}.category`));
    const seen = units.get(name);
    if (seen && seen.unit !== unit) throw bad(`${at}.unit`, `${name} is recorded in ${seen.unit} in this backup's sessions, not ${unit}.`);
    units.set(name, { name, unit, category });
    return { name, unit, category };
  });
  const activity = (v: unknown, at: string): Activity => {
    const name = field(`${at}.activity`, () => parseActivityName(text(v, `${at}.activity`)));
    const a = units.get(name);
    if (!a) throw bad(`${at}.activity`, `no activity named ${name} is in this backup.`);
    return a;
  };
  const quota = (v: unknown, unit: Unit, at: string): number => {
    if (typeof v !== 'number') throw bad(at, `${describe(v)} is not a number.`);
    return field(at, () => checkDose(v, unit, at));
  };

  const overrides = list(doc, 'overrides').map((o, i) => {
    const at = `overrides[${i}]`;
    const a = activity(o.activity, at);
    const spw = o.sessions_per_week;
    if (spw !== null && spw !== undefined && !(typeof spw === 'number' && Number.isInteger(spw) && spw >= 1 && spw <= 7)) {
      throw bad(`${at}.sessions_per_week`, `${describe(spw)} is not a whole number from 1 to 7.`);
    }
    const q = o.quota === null || o.quota === undefined ? null : quota(o.quota, a.unit, `${at}.quota`);
    if (q === null && (spw === null || spw === undefined)) throw bad(at, 'has neither a quota nor sessions per week.');
    return { activity: a.name, week_start: date(o.week_start, `${at}.week_start`), quota: q, sessions_per_week: (spw ?? null) as number | null, set_on: date(o.set_on, `${at}.set_on`, today) };
  });

  const acceptances = list(doc, 'acceptances').map((x, i) => {
    const at = `acceptances[${i}]`;
    const a = activity(x.activity, at);
    return { activity: a.name, week_start: date(x.week_start, `${at}.week_start`), quota: quota(x.quota, a.unit, `${at}.quota`), accepted_on: date(x.accepted_on, `${at}.accepted_on`, today) };
  });

  const uid = (v: unknown, at: string): string => {
    if (typeof v !== 'string' || !UID.test(v)) throw bad(at, `${describe(v)} is not a session id.`);
    return v;
  };
  const triage_records = list(doc, 'triage_records').map((t, i) => {
    const at = `triage_records[${i}]`;
    if (t.kind !== 'triage' && t.kind !== 'cleared') throw bad(`${at}.kind`, `${describe(t.kind)} should be "triage" or "cleared".`);
    const cls = t.class ?? null;
    if (t.kind === 'triage' ? !['continue', 'assess', 'stop'].includes(cls as string) : cls !== null) {
      throw bad(`${at}.class`, `${describe(cls)} does not go with a ${t.kind} record.`);
    }
    if (!Array.isArray(t.symptoms)) throw bad(`${at}.symptoms`, `${describe(t.symptoms)} is not a list of symptom codes.`);
    const symptoms = t.symptoms.map((c, k) => {
      if (typeof c !== 'string' || !isSymptomCode(c)) throw bad(`${at}.symptoms[${k}]`, `${describe(c)} is not a symptom code pace knows.`);
      return c;
    });
    // T: pace records the class its symptoms give (an empty checklist is continue), and a
    // clearance with none: a stop with no sign would pause the plan naming none, chest pain as
    // continue would be a record of it that holds nothing open.
    if (t.kind === 'cleared' && symptoms.length) throw bad(`${at}.symptoms`, 'a clearance lists no symptoms.');
    const fits = highestClass(symptoms) ?? 'continue';
    if (t.kind === 'triage' && cls !== fits) {
      throw bad(`${at}.class`, `${describe(cls)} does not fit its symptoms (${symptoms.join(', ') || 'none'}), which give "${fits}".`);
    }
    const session = t.session_uid === null || t.session_uid === undefined ? null : uid(t.session_uid, `${at}.session_uid`);
    return { date: date(t.date, `${at}.date`, today), session_uid: session, kind: t.kind as 'triage' | 'cleared', class: cls as TriageClass | null, symptoms };
  });

  const checkins = list(doc, 'checkins').map((c, i) => {
    const at = `checkins[${i}]`;
    return { session_uid: uid(c.session_uid, `${at}.session_uid`), date: date(c.date, `${at}.date`, today), settled: bool(c.settled, `${at}.settled`) };
  });
  const pem_answers = list(doc, 'pem_answers').map((a, i) => ({ date: date(a.date, `pem_answers[${i}].date`, today), pem: bool(a.pem, `pem_answers[${i}].pem`) }));
  const weekly_aims = list(doc, 'weekly_aims').map((a, i) => {
    const at = `weekly_aims[${i}]`;
    return { date: date(a.date, `${at}.date`, today), target_minutes: aimMinutes(a.target_minutes, `${at}.target_minutes`) };
  });

  // D1: at most one schedule per activity, with days and a time as `pace schedule` takes them.
  const scheduled = new Set<string>();
  const schedules = list(doc, 'schedules').map((x, i) => {
    const at = `schedules[${i}]`;
    const a = activity(x.activity, at);
    if (scheduled.has(a.name)) throw bad(`${at}.activity`, `${a.name} has a schedule earlier in this backup.`);
    scheduled.add(a.name);
    if (!Array.isArray(x.days)) throw bad(`${at}.days`, `${describe(x.days)} is not a list of days.`);
    if (x.days.length === 0) throw bad(`${at}.days`, 'has no days; a schedule has at least one.');
    const days = x.days.map((d, k) => {
      if (typeof d !== 'string' || !(DAY_CODES as readonly string[]).includes(d)) throw bad(`${at}.days[${k}]`, `${describe(d)} is not a day (${DAY_CODES.join(', ')}).`);
      return d;
    });
    const time = x.time === null || x.time === undefined ? null : field(`${at}.time`, () => parseTime(text(x.time, `${at}.time`), `${at}.time`));
    return { activity: a.name, days, time };
  });

  return { settings, activities, overrides, acceptances, triage_records, checkins, pem_answers, weekly_aims, schedules };
}
