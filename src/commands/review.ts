import { weeklyRecord } from '../core/coach/weekly.js';
import { reviewOf, type Review } from '../core/outcomes/review.js';
import { oneDecimal } from '../core/numbers.js';
import { beforeOutcomes, listGoals } from '../store/goals.js';
import { loadHistory } from '../store/history.js';
import { readTransaction } from '../store/open.js';
import { listPegCheckins } from '../store/pegCheckins.js';
import { reviewSummary } from '../ui/reviewWords.js';
import { print, printJson, withJournal, type Context } from './context.js';
import { goalJson } from './outcomesJson.js';

// `pace review`: then and now (R1-R3).

export interface ReviewFlags {
  json?: boolean;
}

export async function review(_args: string[], flags: ReviewFlags, ctx: Context): Promise<number> {
  const today = ctx.today;
  const r = await withJournal(ctx, false, (j) =>
    readTransaction(j.db, () => {
      const h = loadHistory(j.db);
      // The weekly rows of export --weekly (E2): one truth for minutes, adherence and flares; and
      // the cycles they count per activity, which the review counts for the person (B3).
      // clockToday as export passes it; the hold it can open now touches only this week, which no
      // review window reaches (they end on the last Sunday), so it keeps the rows equal, nothing more.
      const { rows, cycles } = weeklyRecord({ ...h, today, clockToday: true });
      // A journal read as it is, from before the outcome tables (read-only folder), has none.
      const goals = beforeOutcomes(() => listGoals(j.db, { all: true }), []);
      return reviewOf({ today, settings: h.settings, rows, cycles, sessions: h.sessions, goals, checkins: beforeOutcomes(() => listPegCheckins(j.db), []) });
    }),
  );
  if (flags.json) printJson(ctx, reviewJson(r));
  else {
    const [{ reviewLines }, { makeStyle }] = await Promise.all([import('../ui/reviewView.js'), import('../ui/style.js')]);
    print(ctx, reviewLines(makeStyle(ctx.color, ctx.stdout.columns, ctx.plain), r));
  }
  return 0;
}

const round = (x: number | null) => (x === null ? null : oneDecimal(x));

export function reviewJson(r: Review) {
  return {
    today: r.today,
    // cli.md gives program_week as a number: before week 1 it stays 1, and before_program says so (P).
    program_week: r.programWeek,
    before_program: r.beforeProgram,
    program_start: r.programStart,
    then: r.then,
    now: r.now,
    // R1: false when every session of then and now is in reps, metres or steps: minutes_per_week
    // stays (cli.md), unjudged ("no-timed-sessions"), and the views leave its row out.
    minutes_shown: r.minutesShown,
    // R1: flares and boom-bust cycles also give what was counted in each window (added to cli.md's
    // fields): then is two weeks, so 1 flare there is 2.0 per four weeks.
    measures: r.measures.map((m) => ({
      name: m.name, then: round(m.then), now: round(m.now), change: round(m.change), verdict: m.verdict, missing: m.missing,
      ...(m.counts && { then_count: m.counts.then, now_count: m.counts.now }),
    })),
    // R1: each activity in reps, metres or steps, a session then (its own first two weeks) and now.
    activities: r.doses.map((m) => ({ activity: m.activity, unit: m.unit, then: m.then, now: m.now, change: m.change, verdict: m.verdict, missing: m.missing, then_from: m.thenSpan.from, then_to: m.thenSpan.to, now_from: m.nowSpan.from, now_to: m.nowSpan.to })),
    goals: r.goals.map((g) => ({ ...goalJson(g), verdict: g.verdict })),
    summary: reviewSummary(r),
  };
}
