import { describe, expect, it } from 'vitest';
import { functionScore, summarizeGoal, type Goal } from '../../src/core/outcomes/goals.js';
import { statusOutcomes } from '../../src/core/outcomes/status.js';
import { goalListLines, statusOutcomeLines } from '../../src/ui/goalView.js';
import type { IsoDate } from '../../src/core/types.js';

const TODAY = '2026-12-07' as IsoDate;
const d = (x: string) => x as IsoDate;

function goal(id: number, ...ratings: [string, number][]): Goal {
  return { id, text: `goal ${id}`, status: 'open', createdOn: d(ratings[0]![0]), closedOn: null, ratings: ratings.map(([date, rating]) => ({ date: d(date), rating })) };
}

// M3, R1: with no open goal rated a second time there is no change to judge. The review says
// "not enough data yet" and the report "(no goal re-rated yet)"; goal list and status said
// "3.0 -> 3.0: about the same so far", a verdict on a single rating.
describe('M3: the function score line claims no change before any open goal is re-rated', () => {
  it('goal list: the score, and that no goal has been re-rated yet', () => {
    const goals = [goal(1, ['2026-12-01', 3])].map((g) => summarizeGoal(g, TODAY));
    const lines = goalListLines(goals, false, functionScore(goals), TODAY);
    expect(lines.at(-1)).toBe('Function score (their mean) 3.0; no goal re-rated yet');
    expect(lines.join('\n')).not.toMatch(/about the same/);
  });

  it('status says the same', () => {
    const o = statusOutcomes([goal(1, ['2026-12-01', 3]), goal(2, ['2026-12-02', 5])], null, TODAY, 3, 2);
    expect(statusOutcomeLines(o, TODAY)).toContain('Function score (their mean) 4.0; no goal re-rated yet');
  });

  it('once one open goal is re-rated, the change is judged as before', () => {
    const goals = [goal(1, ['2026-11-01', 3], ['2026-12-01', 6]), goal(2, ['2026-12-02', 5])].map((g) => summarizeGoal(g, TODAY));
    expect(goalListLines(goals, false, functionScore(goals), TODAY).at(-1)).toBe('Function score (their mean) 4.0 -> 5.5: about the same so far');
  });
});
