import { mondayOf } from '../dates.js';
import { parseScale } from '../input.js';
import type { IsoDate } from '../types.js';

// W: the weekly PEG-3 check-in (Krebs et al. 2009, public domain).

export interface PegAnswers {
  /** Average pain in the past 7 days: 0 no pain, 10 as bad as you can imagine. */
  pain: number;
  /** How much pain interfered with enjoyment of life: 0 not at all, 10 completely. */
  enjoyment: number;
  /** How much pain interfered with general activity: 0 not at all, 10 completely. */
  general: number;
}

/** W2: a check-in belongs to the Monday-Sunday week in which it was answered. */
export interface PegCheckin extends PegAnswers {
  weekStart: IsoDate;
  date: IsoDate;
}

export const PEG_ITEMS = ['pain', 'enjoyment', 'general'] as const;

/** W1: the three questions with their anchors, for prompts and help alike. */
export const PEG_QUESTIONS: Record<(typeof PEG_ITEMS)[number], { question: string; low: string; high: string }> = {
  pain: { question: 'In the past 7 days, what was your pain on average?', low: 'no pain', high: 'pain as bad as you can imagine' },
  enjoyment: { question: 'In the past 7 days, how much did pain interfere with your enjoyment of life?', low: 'did not interfere', high: 'completely interfered' },
  general: { question: 'In the past 7 days, how much did pain interfere with your general activity?', low: 'did not interfere', high: 'completely interfered' },
};

/** W1: one answer, 0-10; a wrong one is refused with that question's own anchors. */
export function parsePegAnswer(raw: string, item: (typeof PEG_ITEMS)[number], flag: string): number {
  const q = PEG_QUESTIONS[item];
  return parseScale(raw, flag, `0 = ${q.low}, 10 = ${q.high}.`);
}

/** W1: the PEG score is the mean of the three answers, kept exact (shown with one decimal). */
export function pegScore(a: PegAnswers): number {
  return (a.pain + a.enjoyment + a.general) / 3;
}

/** W2: the check-in answered on `date`, filed under its week. */
export function pegCheckin(answers: PegAnswers, date: IsoDate): PegCheckin {
  return { ...answers, weekStart: mondayOf(date), date };
}

/** W2: this week has no check-in yet. */
export function checkinDue(latest: Pick<PegCheckin, 'weekStart'> | null, today: IsoDate): boolean {
  return latest === null || latest.weekStart < mondayOf(today);
}

