import type { Session, Unit } from '../types.js';
import { atLeastOneStep, floorToStep, median, roundToStepHalfDown } from './amounts.js';
import { isTolerated } from './flares.js';
import { MAX_SESSIONS_PER_WEEK, type Level } from './progression.js';

/** Q1: the baseline needs at least this many tolerated sessions ... */
export const BASELINE_SESSIONS = 3;
/** ... over at least this many weeks from the activity's first session. */
export const BASELINE_WEEKS = 2;

/** What a baseline window has seen, as plain data. */
export interface WindowState {
  weeks: number;
  tolerated: number[];
  smallest: number | null;
}

/**
 * Q1: gathers an activity's first weeks, one week at a time, until the baseline is known. The
 * window only grows (a week at a time) while fewer than three sessions were tolerated.
 */
export class BaselineWindow {
  weeks = 0;
  private readonly tolerated: number[] = [];
  private smallest: number | null = null;

  constructor(private readonly unit: Unit) {}

  /** A window as `state()` left it, for a replay that resumes from a checkpoint. */
  static from(unit: Unit, state: WindowState): BaselineWindow {
    const w = new BaselineWindow(unit);
    w.weeks = state.weeks;
    w.tolerated.push(...state.tolerated);
    w.smallest = state.smallest;
    return w;
  }

  state(): WindowState {
    return { weeks: this.weeks, tolerated: [...this.tolerated], smallest: this.smallest };
  }

  addWeek(sessions: readonly Session[]): void {
    this.weeks += 1;
    for (const s of sessions) {
      if (this.smallest === null || s.dose < this.smallest) this.smallest = s.dose;
      if (isTolerated(s)) this.tolerated.push(s.dose);
    }
  }

  get toleratedCount(): number {
    return this.tolerated.length;
  }

  ready(): boolean {
    return this.weeks >= BASELINE_WEEKS && this.tolerated.length >= BASELINE_SESSIONS;
  }

  /**
   * The comfortable amount to repeat: the median of tolerated doses, halves rounded down (the
   * smaller amount is the comfortable one). With no tolerated session yet, half the smallest dose
   * tried, like a flare day (F3); null before any session at all.
   */
  quota(): number | null {
    const mid = median(this.tolerated);
    if (mid !== null) return atLeastOneStep(roundToStepHalfDown(mid, this.unit), this.unit);
    if (this.smallest === null) return null;
    return atLeastOneStep(floorToStep(this.smallest / 2, this.unit), this.unit);
  }

  /**
   * Q1: the rounded mean number of tolerated sessions per week in the window, at least 1; Q6: at
   * most 7, one a day, so that every planned session has a day (D2) even for walks twice a day.
   */
  sessionsPerWeek(): number {
    if (this.weeks === 0) return 1;
    return Math.min(MAX_SESSIONS_PER_WEEK, Math.max(1, Math.round(this.tolerated.length / this.weeks)));
  }

  level(sessionsPerWeek: number | null): Level {
    return { quota: this.quota() ?? 1, sessionsPerWeek: sessionsPerWeek ?? this.sessionsPerWeek() };
  }
}
