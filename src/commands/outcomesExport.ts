import { pegScore } from '../core/outcomes/peg.js';
import type { IsoDate } from '../core/types.js';
import { beforeOutcomes } from '../store/goals.js';
import type { Db } from '../store/open.js';
import { pegByWeek } from '../store/pegCheckins.js';

/** W2, E2: each week's PEG score by its Monday, for the weekly export, of the check-ins answered by `answeredBy`. */
export function weeklyPegScores(db: Db, answeredBy: IsoDate): Map<IsoDate, number> {
  const scores = new Map<IsoDate, number>();
  for (const [week, c] of beforeOutcomes(() => pegByWeek(db), new Map())) if (c.date <= answeredBy) scores.set(week, pegScore(c));
  return scores;
}
