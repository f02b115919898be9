import type { IsoDate } from './types.js';

// Which settings an import may change. A person's settings are choices made in this journal, so a
// backup never silently changes one: it fills in what the journal lacks, and where both have a
// value the journal's is kept and the import says so. The safety answer (S1) and the weekly aim
// (G1) are dated, so there the newer one wins, whichever side holds it: a backup made before the
// person said "yes" cannot switch them back to "no", and a backup answered later than the journal
// brings its answer. The other side's older entries join the history, so its weeks keep theirs.

export interface PemAnswer {
  date: IsoDate;
  pem: boolean;
}

/** G1/Q6: a weekly aim and the day it was set. */
export interface AimEntry {
  date: IsoDate;
  minutes: number;
}

export interface SettingsSide {
  settings: Readonly<Record<string, string>>;
  /** S2: the dated answers to the safety question, oldest first. */
  pemAnswers: readonly PemAnswer[];
  /** Q6: the dated weekly aims, oldest first; an older backup has none. */
  aims?: readonly AimEntry[];
}

/** A setting where the backup disagreed with the journal and the journal's value was kept. */
export interface KeptSetting {
  key: 'start_date' | 'target_minutes' | 'default_time' | 'paper' | 'pem';
  journal: string;
  backup: string;
  /** For the dated settings (`pem`, `target_minutes`): the days each side's value was given. */
  journalSince?: IsoDate;
  backupSince?: IsoDate;
}

export interface SettingsMerge {
  /** Settings to write (key to value). */
  set: Record<string, string>;
  /** The backup's dated answers to add to the journal's history. */
  answers: PemAnswer[];
  /** The backup's dated aims to add to the journal's history. */
  aims: AimEntry[];
  kept: KeptSetting[];
  /** Dated settings where the backup's newer value replaced the journal's (said on stderr too). */
  taken: KeptSetting[];
}

/** The day an aim set before aims had dates is taken from: in force from the start (migration 8). */
export const FROM_THE_START = '1900-01-01' as IsoDate;

interface Dated {
  date: IsoDate;
  value: string;
}

/** The latest entry; of two on one day, the one recorded last. */
function latest(entries: readonly Dated[]): Dated | undefined {
  let last: Dated | undefined;
  for (const a of entries) if (last === undefined || a.date >= last.date) last = a;
  return last;
}

/** One dated setting: which of the backup's entries to add, the value to set, or what was kept. */
function mergeDated(key: 'pem' | 'target_minutes', journal: SettingsSide, mineDated: readonly Dated[], backup: SettingsSide, theirsDated: readonly Dated[], merge: SettingsMerge): Dated[] {
  // A day the journal already has keeps its entry, so history and the current value agree.
  const known = new Set(mineDated.map((a) => a.date));
  const added = theirsDated.filter((a) => !known.has(a.date));
  const mine = journal.settings[key];
  const mineLatest = latest(mineDated);
  const theirsLatest = latest(added);
  const theirs = backup.settings[key] ?? theirsLatest?.value;
  if (mine === undefined) {
    if (theirs !== undefined) merge.set[key] = theirs;
  } else if (theirsLatest !== undefined && (mineLatest === undefined || theirsLatest.date > mineLatest.date)) {
    if (theirsLatest.value !== mine) {
      merge.set[key] = theirsLatest.value;
      merge.taken.push({ key, journal: mine, backup: theirsLatest.value, ...(mineLatest && { journalSince: mineLatest.date }), backupSince: theirsLatest.date });
    }
  } else if (theirs !== undefined && theirs !== mine) {
    const since = latest(theirsDated)?.date;
    merge.kept.push({ key, journal: mine, backup: theirs, ...(mineLatest && { journalSince: mineLatest.date }), ...(since && { backupSince: since }) });
  }
  return added;
}

const yesNo = (pem: boolean) => (pem ? 'yes' : 'no');

export function mergeSettings(journal: SettingsSide, backup: SettingsSide): SettingsMerge {
  const merge: SettingsMerge = { set: {}, answers: [], aims: [], kept: [], taken: [] };
  for (const key of ['start_date', 'default_time', 'paper', 'notice_shown'] as const) {
    const mine = journal.settings[key];
    const theirs = backup.settings[key];
    if (theirs === undefined || theirs === mine) continue;
    if (mine === undefined) merge.set[key] = theirs;
    // When the first-use notice was shown is this journal's own fact, not a choice to report.
    else if (key !== 'notice_shown') merge.kept.push({ key, journal: mine, backup: theirs });
  }

  const answers = (side: SettingsSide) => side.pemAnswers.map((a) => ({ date: a.date, value: yesNo(a.pem) }));
  merge.answers = mergeDated('pem', journal, answers(journal), backup, answers(backup), merge).map((a) => ({ date: a.date, pem: a.value === 'yes' }));

  const aims = (side: SettingsSide) => (side.aims ?? []).map((a) => ({ date: a.date, value: String(a.minutes) }));
  let theirAims = aims(backup);
  // An older backup has the aim alone: into a journal without one it comes in force from the
  // start, as an aim set before aims had dates (migration 8); otherwise the journal's is kept.
  const single = backup.settings.target_minutes;
  if (theirAims.length === 0 && single !== undefined && journal.settings.target_minutes === undefined) theirAims = [{ date: FROM_THE_START, value: single }];
  merge.aims = mergeDated('target_minutes', journal, aims(journal), backup, theirAims, merge).map((a) => ({ date: a.date, minutes: Number(a.value) }));
  return merge;
}
