import type { IsoDate } from './types.js';

// Which settings an import may change. A person's settings are choices made in this journal, so a
// backup never silently changes one: it fills in what the journal lacks, and where both have a
// value the journal's is kept and the import says so. The safety answer (S1) is dated, so there
// the newer answer wins, whichever side holds it: a backup made before the person said "yes"
// cannot switch them back to "no", and a backup answered later than the journal brings its answer.

export interface PemAnswer {
  date: IsoDate;
  pem: boolean;
}

export interface SettingsSide {
  settings: Readonly<Record<string, string>>;
  /** S2: the dated answers to the safety question, oldest first. */
  pemAnswers: readonly PemAnswer[];
}

/** A setting where the backup disagreed with the journal and the journal's value was kept. */
export interface KeptSetting {
  key: 'start_date' | 'target_minutes' | 'default_time' | 'paper' | 'pem';
  journal: string;
  backup: string;
  /** For `pem`: the days each side's answer was given. */
  journalSince?: IsoDate;
  backupSince?: IsoDate;
}

export interface SettingsMerge {
  /** Settings to write (key to value). */
  set: Record<string, string>;
  /** The backup's dated answers to add to the journal's history. */
  answers: PemAnswer[];
  kept: KeptSetting[];
}

/** The latest answer; of two on one day, the one recorded last. */
function latest(answers: readonly PemAnswer[]): PemAnswer | undefined {
  let last: PemAnswer | undefined;
  for (const a of answers) if (last === undefined || a.date >= last.date) last = a;
  return last;
}

export function mergeSettings(journal: SettingsSide, backup: SettingsSide): SettingsMerge {
  const set: Record<string, string> = {};
  const kept: KeptSetting[] = [];
  for (const key of ['start_date', 'target_minutes', 'default_time', 'paper', 'notice_shown'] as const) {
    const mine = journal.settings[key];
    const theirs = backup.settings[key];
    if (theirs === undefined || theirs === mine) continue;
    if (mine === undefined) set[key] = theirs;
    // When the first-use notice was shown is this journal's own fact, not a choice to report.
    else if (key !== 'notice_shown') kept.push({ key, journal: mine, backup: theirs });
  }

  // A day the journal already answered keeps its answer, so history and the current answer agree.
  const answered = new Set(journal.pemAnswers.map((a) => a.date));
  const answers = backup.pemAnswers.filter((a) => !answered.has(a.date));
  const mine = journal.settings.pem;
  const mineLatest = latest(journal.pemAnswers);
  const theirsLatest = latest(answers);
  const theirs = backup.settings.pem ?? (theirsLatest && (theirsLatest.pem ? 'yes' : 'no'));
  if (mine === undefined) {
    if (theirs !== undefined) set.pem = theirs;
  } else if (theirsLatest !== undefined && (mineLatest === undefined || theirsLatest.date > mineLatest.date)) {
    const value = theirsLatest.pem ? 'yes' : 'no';
    if (value !== mine) set.pem = value;
  } else if (theirs !== undefined && theirs !== mine) {
    const since = latest(backup.pemAnswers)?.date;
    kept.push({ key: 'pem', journal: mine, backup: theirs, ...(mineLatest && { journalSince: mineLatest.date }), ...(since && { backupSince: since }) });
  }
  return { set, answers, kept };
}
