import { describe, expect, it } from 'vitest';
import { phaseOf, programStanding } from '../../../src/core/coach/phases.js';
import { planAndCheckpoint } from '../../../src/core/coach/plan.js';
import { addDays, mondayOf, toDayNumber } from '../../../src/core/dates.js';
import type { IsoDate, Session, Settings } from '../../../src/core/types.js';
import { d, MON, plan, session, settings, week } from './builders.js';

/** Program week and phase of the week that holds `date`, as the plan of that week gives them. */
function programWeek(s: Settings, sessions: readonly Session[], date: IsoDate) {
  const p = plan(sessions, mondayOf(date), { settings: s });
  return { programWeek: p.programWeek, phase: p.phase };
}

describe('P: program weeks and phases', () => {
  it.each([
    [1, 1], [2, 1], [3, 2], [4, 2], [5, 3], [13, 3], [14, 4], [200, 4],
  ])('program week %s is phase %s', (n, phase) => {
    expect(phaseOf(n)).toBe(phase);
  });

  it('P: program week 1 is the week of the first session, and empty weeks count', () => {
    const sessions = [session(d('2026-01-07'), 10), session(d('2026-03-02'), 10)];
    expect(programWeek(settings(), sessions, d('2026-01-11'))).toEqual({ programWeek: 1, phase: 1 });
    expect(programWeek(settings(), sessions, d('2026-01-12'))).toEqual({ programWeek: 2, phase: 1 });
    expect(programWeek(settings(), sessions, d('2026-02-02'))).toEqual({ programWeek: 5, phase: 3 });
    expect(programWeek(settings(), sessions, week(14))).toEqual({ programWeek: 14, phase: 4 });
  });

  it('P: a start date the person gave makes its week program week 1', () => {
    const sessions = [session(week(3), 10)];
    expect(programWeek(settings({ startDate: d('2026-01-08') }), sessions, week(3)).programWeek).toBe(3);
  });

  it('P: a start date after the first session does not push that session before week 1', () => {
    const sessions = [session(MON, 10)];
    expect(programWeek(settings({ startDate: week(4) }), sessions, week(2)).programWeek).toBe(2);
  });

  it('P: with no start date and no session, the week asked about is week 1', () => {
    expect(programWeek(settings(), [], week(7))).toEqual({ programWeek: 1, phase: 1 });
  });

  it('Q9: sessions on or after the week do not move program week 1', () => {
    expect(programWeek(settings(), [session(week(3), 10)], week(3)).programWeek).toBe(1);
  });

  it('P: a week before program week 1 is before the program, not a second week 1', () => {
    const later = [session(week(3), 10)];
    const at = (sessions: Session[], weekStart: IsoDate, s = settings()) => planAndCheckpoint({ sessions, settings: s, overrides: [], acceptances: [], triageRecords: [], weekStart, today: addDays(weekStart, 7) });
    expect(at(later, week(1)).standing).toEqual({ programStart: week(3), beforeProgram: true });
    // Q9: the plan itself still knows nothing of the later session; only the standing does.
    expect(at(later, week(1)).plan).toEqual(plan([], week(1)));
    expect(at(later, week(3)).standing).toEqual({ programStart: week(3), beforeProgram: false });
    // A start date after the week asked about: the program has not started by then either.
    expect(at([], week(1), settings({ startDate: d('2026-01-22') })).standing).toEqual({ programStart: '2026-01-22', beforeProgram: true });
    // With no start date and no session the program has no first day: nothing is "before" it.
    expect(programStanding(null, toDayNumber(week(1)))).toEqual({ programStart: null, beforeProgram: false });
  });
});
