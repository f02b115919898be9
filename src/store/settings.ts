import { DEFAULT_TARGET_MINUTES, type IsoDate, type Settings } from '../core/types.js';
import { stmt, type Db } from './open.js';

type Key = 'start_date' | 'target_minutes' | 'pem' | 'notice_shown' | 'default_time' | 'paper';

export function getSetting(db: Db, key: Key): string | undefined {
  return (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSetting(db: Db, key: Key, value: string): void {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readSettings(db: Db): Settings {
  const pem = getSetting(db, 'pem');
  const target = Number(getSetting(db, 'target_minutes'));
  const answers = stmt(db, 'SELECT day, pem FROM pem_answers ORDER BY day, id').all() as { day: IsoDate; pem: number }[];
  const aims = stmt(db, 'SELECT day, minutes FROM weekly_aims ORDER BY day, id').all() as { day: IsoDate; minutes: number }[];
  return {
    startDate: (getSetting(db, 'start_date') ?? null) as IsoDate | null,
    targetMinutes: Number.isFinite(target) && target > 0 ? target : DEFAULT_TARGET_MINUTES,
    pem: pem === undefined ? null : pem === 'yes',
    pemAnswers: answers.map((a) => ({ since: a.day, pem: a.pem === 1 })),
    aims: aims.map((a) => ({ since: a.day, minutes: a.minutes })),
  };
}

// A new answer or aim is the one that stands, so it is dated no earlier than the latest already
// recorded: with the day gone back (a clock set back, a flight west), dated by the calendar it would
// sit before that one, and every week, once it came, would follow the older choice.

/** S1: records the answer to the safety question, and the day it was given. */
export function setPem(db: Db, pem: boolean, day: IsoDate): void {
  setSetting(db, 'pem', pem ? 'yes' : 'no');
  db.prepare('INSERT INTO pem_answers (day, pem) SELECT max(?, coalesce(max(day), ?)), ? FROM pem_answers').run(day, day, pem ? 1 : 0);
}

/** G1/Q6: records a new weekly aim, and the day it was set; it shapes the plan from the next Monday. */
export function setAim(db: Db, minutes: number, day: IsoDate): void {
  setSetting(db, 'target_minutes', String(minutes));
  db.prepare('INSERT INTO weekly_aims (day, minutes) SELECT max(?, coalesce(max(day), ?)), ? FROM weekly_aims').run(day, day, minutes);
}

export function allSettings(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
