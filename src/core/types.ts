/** A calendar date as `YYYY-MM-DD`, never a moment in time. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

export const UNITS = ['min', 'reps', 'm', 'steps'] as const;
export type Unit = (typeof UNITS)[number];

export const CATEGORIES = ['aerobic', 'mobility', 'strength', 'mind-body', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const TRIAGE_CLASSES = ['continue', 'assess', 'stop'] as const;
export type TriageClass = (typeof TRIAGE_CLASSES)[number];

export interface Activity {
  name: string;
  unit: Unit;
  category: Category;
}

/** G1, G3: the weekly aim adds the minutes of aerobic activities; metres, steps and reps have none. */
export function countsTowardAim(a: Pick<Activity, 'unit' | 'category'>): boolean {
  return a.unit === 'min' && a.category === 'aerobic';
}

/** What a person records about one bout of an activity. Missing values are null, never zero. */
export interface SessionInput {
  date: IsoDate;
  activity: string;
  dose: number;
  painBefore: number | null;
  painAfter: number | null;
  effort: number | null;
  flare: boolean;
  symptoms: string[];
  note: string | null;
}

export interface Session extends SessionInput {
  id: number;
  unit: Unit;
  category: Category;
}

export interface Settings {
  /** Program week 1 is the week of this date, when set (P). */
  startDate: IsoDate | null;
  /** G1: the weekly aim for aerobic minutes. */
  targetMinutes: number;
  /** S1: the answer to the post-exertional-malaise question; null until asked. */
  pem: boolean | null;
  /**
   * S2: every answer with the day it was given, oldest first, so that past weeks keep the mode
   * that was in force then. Without it, the current answer applies to every week.
   */
  pemAnswers?: readonly { since: IsoDate; pem: boolean }[];
  /**
   * G1/Q6: every weekly aim with the day it was set, oldest first, so that a new aim applies from
   * the next Monday and past weeks keep the ceiling they were planned with. Without it, the
   * current aim applies to every week.
   */
  aims?: readonly { since: IsoDate; minutes: number }[];
}

export const DEFAULT_TARGET_MINUTES = 150;
