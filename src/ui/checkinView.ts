import { shortDate } from '../core/dates.js';
import { oneDecimalText } from '../core/numbers.js';
import { pegScore, type PegCheckin } from '../core/outcomes/peg.js';

/** W1: the saved check-in and its PEG score with one decimal. */
export function checkinLines(c: PegCheckin, replaced: boolean): string[] {
  return [
    `${replaced ? 'This week\'s check-in was updated' : 'Check-in saved'} for the week of ${shortDate(c.weekStart)}: pain ${c.pain}, interference with enjoyment of life ${c.enjoyment}, with general activity ${c.general}.`,
    `PEG score ${oneDecimalText(pegScore(c))} of 10 (lower is better). pace review compares it with your first check-in.`,
  ];
}
