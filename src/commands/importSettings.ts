import { shortDate, shortDateYear } from '../core/dates.js';
import { FROM_THE_START, type KeptSetting } from '../core/settingsMerge.js';
import type { IsoDate } from '../core/types.js';

/** One line on stderr for each setting where the backup disagreed and the journal's value was kept. */
export function keptSettingLines(kept: readonly KeptSetting[]): string[] {
  return kept.map((k) => {
    switch (k.key) {
      case 'pem': {
        const mine = k.journalSince ? ` (given ${shortDate(k.journalSince)})` : '';
        const theirs = k.backupSince ? ` (${shortDate(k.backupSince)})` : '';
        return `Kept your answer to the safety question: ${k.journal}${mine}; the backup's answer ${k.backup}${theirs} is not newer. pace init --pem changes it.`;
      }
      case 'target_minutes': {
        // An aim set before aims had dates has no day worth naming.
        const dated = (d: IsoDate | undefined): d is IsoDate => d !== undefined && d !== FROM_THE_START;
        const mine = dated(k.journalSince) ? ` (set ${shortDate(k.journalSince)})` : '';
        const theirs = dated(k.backupSince) ? `, from ${shortDate(k.backupSince)}, which is not newer` : '';
        return `Kept this journal's weekly aim of ${k.journal} minutes${mine}; the backup has ${k.backup}${theirs}. pace init --target-minutes changes it.`;
      }
      case 'default_time':
        return `Kept this journal's default session time ${k.journal}; the backup has ${k.backup}. pace init --time changes it.`;
      case 'paper':
        return `Kept this journal's report paper, ${k.journal}; the backup has ${k.backup}. pace init --paper changes it.`;
      case 'start_date':
        return `Kept this journal's start date, ${shortDateYear(k.journal as IsoDate)}; the backup has ${shortDateYear(k.backup as IsoDate)}. pace init --start changes it.`;
    }
  });
}

/** S2, G1: one line on stderr for each dated setting where the backup's newer value was taken. */
export function takenSettingLines(taken: readonly KeptSetting[]): string[] {
  return taken.map((k) => {
    const since = k.backupSince ? ` (${k.key === 'pem' ? 'given' : 'set'} ${shortDate(k.backupSince)})` : '';
    return k.key === 'pem'
      ? `Took the backup's answer to the safety question: ${k.backup}${since}, newer than this journal's ${k.journal}. pace init --pem changes it.`
      : `Took the backup's weekly aim of ${k.backup} minutes${since}, newer than this journal's ${k.journal}. pace init --target-minutes changes it.`;
  });
}
