import { shortDate } from '../core/dates.js';
import type { KeptSetting } from '../core/settingsMerge.js';

/** One line on stderr for each setting where the backup disagreed and the journal's value was kept. */
export function keptSettingLines(kept: readonly KeptSetting[]): string[] {
  return kept.map((k) => {
    switch (k.key) {
      case 'pem': {
        const mine = k.journalSince ? ` (given ${shortDate(k.journalSince)})` : '';
        const theirs = k.backupSince ? ` (${shortDate(k.backupSince)})` : '';
        return `Kept your answer to the safety question: ${k.journal}${mine}; the backup's answer ${k.backup}${theirs} is not newer. pace init --pem changes it.`;
      }
      case 'target_minutes':
        return `Kept this journal's weekly aim of ${k.journal} minutes; the backup has ${k.backup}. pace init --target-minutes changes it.`;
      case 'default_time':
        return `Kept this journal's default session time ${k.journal}; the backup has ${k.backup}. pace init --time changes it.`;
      case 'paper':
        return `Kept this journal's report paper, ${k.journal}; the backup has ${k.backup}. pace init --paper changes it.`;
      case 'start_date':
        return `Kept this journal's start date ${k.journal}; the backup has ${k.backup}. pace init --start changes it.`;
    }
  });
}
