import { MAX_OPEN_GOALS } from '../core/outcomes/goals.js';
import { checkRatingOfKeptGoal, type OutcomeExtras } from '../core/outcomesBackup.js';
import { InputError } from '../core/errors.js';
import { stmt, type Db } from './open.js';
import { beforeOutcomes } from './goals.js';

// Goals, their ratings and the weekly check-ins in a JSON backup (M, W), goals named by their uid.

export function readOutcomeExtras(db: Db): OutcomeExtras {
  return beforeOutcomes(() => {
    const ratings = new Map<number, { date: string; rating: number }[]>();
    for (const r of db.prepare('SELECT goal_id, day, rating FROM goal_ratings ORDER BY goal_id, day').all() as { goal_id: number; day: string; rating: number }[]) {
      const list = ratings.get(r.goal_id) ?? [];
      list.push({ date: r.day, rating: r.rating });
      ratings.set(r.goal_id, list);
    }
    const goals = (db.prepare('SELECT id, uid, text, status, created_on, closed_on FROM goals ORDER BY id').all() as (Omit<OutcomeExtras['goals'][number], 'ratings'> & { id: number })[]).map(
      ({ id, ...g }) => ({ ...g, ratings: ratings.get(id) ?? [] }),
    ) as OutcomeExtras['goals'];
    const peg = db.prepare('SELECT week_start, day AS date, pain, enjoyment, general FROM peg_checkins ORDER BY week_start').all() as OutcomeExtras['peg_checkins'];
    return { goals, peg_checkins: peg };
  }, { goals: [], peg_checkins: [] });
}

/**
 * Restores goals (by uid), their ratings and the check-ins; what is already present is left
 * alone, so a second import adds nothing. ON CONFLICT rather than OR IGNORE: OR IGNORE would also
 * skip a row that breaks a CHECK, silently. Call inside the import's write transaction.
 */
export function importOutcomeExtras(db: Db, x: Partial<OutcomeExtras>): number {
  let added = 0;
  for (const g of x.goals ?? []) {
    added += stmt(db, 'INSERT INTO goals (uid, text, status, created_on, closed_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING').run(g.uid, g.text, g.status, g.created_on, g.closed_on).changes;
    const kept = stmt(db, 'SELECT id, text, created_on, closed_on FROM goals WHERE uid = ?').get(g.uid) as { id: number; text: string; created_on: string; closed_on: string | null };
    for (const r of g.ratings) {
      checkRatingOfKeptGoal(kept, r.date);
      added += stmt(db, 'INSERT INTO goal_ratings (goal_id, day, rating) VALUES (?, ?, ?) ON CONFLICT (goal_id, day) DO NOTHING').run(kept.id, r.date, r.rating).changes;
    }
  }
  for (const c of x.peg_checkins ?? []) {
    added += stmt(db, 'INSERT INTO peg_checkins (week_start, day, pain, enjoyment, general) VALUES (@week_start, @date, @pain, @enjoyment, @general) ON CONFLICT (week_start) DO NOTHING').run(c).changes;
  }
  // M1: at most five open goals, whichever way they came.
  const open = (stmt(db, "SELECT count(*) AS n FROM goals WHERE status = 'open'").get() as { n: number }).n;
  if (open > MAX_OPEN_GOALS) {
    throw new InputError(`the backup would leave ${open} open goals; at most ${MAX_OPEN_GOALS} can be open at a time.`, 'Close some goals in the journal (pace goal close), then import again.');
  }
  return added;
}
