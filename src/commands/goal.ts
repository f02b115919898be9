import { shortDateYear } from '../core/dates.js';
import { InputError } from '../core/errors.js';
import { checkRoomForGoal, functionScore, latestRatingWords, ratedAfter, refuseBeforeLastRating, parseGoalId, parseGoalText, parseRating, refuseSameOpenGoal, summarizeGoal, type Goal } from '../core/outcomes/goals.js';
import { beforeOutcomes, closeGoal, countOpenGoals, getGoal, insertGoal, listGoals, rateGoal } from '../store/goals.js';
import type { Db } from '../store/open.js';
import { forWriting, openJournal, write, type Journal } from '../store/open.js';
import { NotFoundError } from '../store/errors.js';
import { readSettings } from '../store/settings.js';
import { note, print, printJson, withJournal, type Context } from './context.js';
import { claimFirstUse, showNotice } from './firstUse.js';
import { goalJson, goalListJson } from './outcomesJson.js';
import { askRating } from './askOutcomes.js';
import { validator } from './ask.js';

/** M1's question for the goal itself, in the person's own words. */
const GOAL_QUESTION = 'What would you like to be able to do again?\n  In your own words (for example: climb the stairs to my flat)';

// `pace goal add | rate | list | close` (M1-M5).

export interface GoalFlags {
  rating?: string;
  all?: boolean;
  achieved?: boolean;
  dropped?: boolean;
  json?: boolean;
}

/** `pace goal add <text...> [--rating n]`: M1, with its first rating (M2). */
export async function goalAdd(args: string[], flags: GoalFlags, ctx: Context): Promise<number> {
  // M1: the words are asked for, as the rating is, when a person runs `pace goal add` alone.
  const given = args.length > 0 || !ctx.interactive ? parseGoalText(args.join(' ')) : undefined;
  const rating = flags.rating !== undefined ? parseRating(flags.rating) : undefined;
  if (rating === undefined && !ctx.interactive) {
    throw new InputError('the rating is missing.', 'Add --rating <0-10>: how able you are to do it now (0 unable, 10 as well as before the pain problem).');
  }
  return changeGoals(ctx, flags.json === true, async (db) => {
    // A sixth goal is refused before its words are typed.
    checkRoomForGoal(countOpenGoals(db));
    const text = given ?? parseGoalText(await (await ctx.prompts()).text(GOAL_QUESTION, { validate: validator(parseGoalText) }));
    refuseSameOpenGoal(listGoals(db), text);
    const r = rating ?? ((await askRating(await ctx.prompts(), text, null)) as number);
    return (w) => {
      checkRoomForGoal(countOpenGoals(w));
      refuseSameOpenGoal(listGoals(w), text);
      return insertGoal(w, text, r, ctx.today);
    };
  }, 'Goal {id} added. Re-rate it with pace goal rate every couple of weeks.');
}

/** `pace goal rate [<id> <rating>]`: M2; with no arguments, each open goal in turn. */
export async function goalRate(args: string[], flags: GoalFlags, ctx: Context): Promise<number> {
  const [idText, ratingText] = args;
  const given = ratingText !== undefined ? parseRating(ratingText, 'the rating') : undefined;
  const id = idText !== undefined ? parseGoalId(idText) : undefined;
  if (id === undefined && !ctx.interactive) throw new InputError('which goal, and what rating?', 'Give both: pace goal rate <id> <0-10> (see the ids with pace goal list).');
  if (id !== undefined && given === undefined && !ctx.interactive) throw new InputError('the rating is missing.', `Give it after the id: pace goal rate ${id} <0-10>.`);

  let journal: Journal = openJournal(ctx.dbPath, { write: false });
  try {
    const open = id === undefined ? listGoals(journal.db) : [openGoal(journal.db, id)];
    if (open.length === 0) throw new InputError('there is no open goal to rate.', 'Set one first: pace goal add "climb the stairs without stopping" --rating 3');
    // M2: walking through the goals, one rated on a later day (the day went back) is left out and
    // named, not a refusal of them all; a goal asked for by id, or none left to ask, is refused.
    const goals = id === undefined ? open.filter((g) => ratedAfter(g, ctx.today) === null) : open;
    if (goals.length === 0 || id !== undefined) refuseBeforeLastRating(open[0]!, ctx.today);
    for (const g of open) {
      const last = ratedAfter(g, ctx.today);
      if (last) note(ctx, `Goal ${g.id} is left out: it was last rated on ${shortDateYear(last)}, after today (${shortDateYear(ctx.today)}).`);
    }
    const ratings: [Goal, number][] = [];
    if (given !== undefined) ratings.push([goals[0]!, given]);
    else {
      const p = await ctx.prompts();
      for (const g of goals) {
        const s = summarizeGoal(g, ctx.today);
        const r = await askRating(p, g.text, s.latestRating === null ? null : latestRatingWords(s, ctx.today), id === undefined);
        if (r !== null) ratings.push([g, r]);
      }
    }
    if (ratings.length === 0) {
      if (flags.json) printJson(ctx, { goals: [] });
      else print(ctx, 'No rating given; nothing was changed.');
      return 0;
    }
    journal = forWriting(journal, ctx.dbPath);
    const j = journal;
    const first = write(j.db, () => {
      for (const [g, r] of ratings) {
        // Checked again inside the write: another pace may have closed it meanwhile.
        refuseBeforeLastRating(openGoal(j.db, g.id), ctx.today);
        rateGoal(j.db, g.id, r, ctx.today);
      }
      return claimFirstUse(j.db, ctx.today);
    });
    showNotice(ctx, first, readSettings(j.db).pem === null);
    const rated = ratings.map(([g]) => summarizeGoal(getGoal(j.db, g.id)!, ctx.today));
    if (flags.json) printJson(ctx, rated.length === 1 ? { goal: goalJson(rated[0]!) } : { goals: rated.map(goalJson) });
    else {
      const { goalLines } = await import('../ui/goalView.js');
      print(ctx, rated.flatMap((s) => goalLines(s, ctx.today)));
    }
    return 0;
  } finally {
    journal.close();
  }
}

/** `pace goal list [--all]`: the goals with their change (M3) and the function score. */
export async function goalList(_args: string[], flags: GoalFlags, ctx: Context): Promise<number> {
  const goals = await withJournal(ctx, false, (j) => beforeOutcomes(() => listGoals(j.db, { all: flags.all === true }), []));
  const out = goalListJson(goals, ctx.today);
  if (flags.json) printJson(ctx, out);
  else {
    const { goalListLines } = await import('../ui/goalView.js');
    const summaries = goals.map((g) => summarizeGoal(g, ctx.today));
    print(ctx, goalListLines(summaries, flags.all === true, functionScore(summaries), ctx.today));
  }
  return 0;
}

/** `pace goal close <id> --achieved | --dropped` (M5). */
export async function goalClose(args: string[], flags: GoalFlags, ctx: Context): Promise<number> {
  const id = parseGoalId(args[0] ?? '');
  if (flags.achieved === flags.dropped) throw new InputError('say how the goal ends: --achieved or --dropped (one of them).');
  const status = flags.achieved ? 'achieved' : 'dropped';
  return changeGoals(ctx, flags.json === true, (db) => {
    refuseBeforeLastRating(openGoal(db, id), ctx.today);
    return (w) => {
      refuseBeforeLastRating(openGoal(w, id), ctx.today);
      closeGoal(w, id, status, ctx.today);
      return id;
    };
  }, status === 'achieved' ? 'Goal {id} closed as achieved.' : 'Goal {id} closed; it no longer counts toward your function score.');
}

/** An open goal by id; unknown or closed is a usage error. */
function openGoal(db: Db, id: number): Goal {
  const g = getGoal(db, id);
  if (!g) throw new NotFoundError(`there is no goal ${id}.`, 'See the ids with pace goal list --all.');
  if (g.status !== 'open') throw new InputError(`goal ${id} is already closed (${g.status}${g.closedOn === null ? '' : ` on ${shortDateYear(g.closedOn)}`}).`, 'Closed goals keep their ratings; add a new goal if it matters again.');
  return g;
}

/**
 * Checks (and may ask) with the journal open for reading, then makes the change in one write and
 * prints the goal. `prepare` returns the write, which checks again (another pace may have changed
 * the goals meanwhile) and returns the goal's id.
 */
async function changeGoals(ctx: Context, json: boolean, prepare: (db: Db) => Promise<(db: Db) => number> | ((db: Db) => number), words: string): Promise<number> {
  let journal: Journal = openJournal(ctx.dbPath, { write: false });
  try {
    const change = await prepare(journal.db);
    journal = forWriting(journal, ctx.dbPath);
    const j = journal;
    const { id, first } = write(j.db, () => ({ id: change(j.db), first: claimFirstUse(j.db, ctx.today) }));
    showNotice(ctx, first, readSettings(j.db).pem === null);
    const s = summarizeGoal(getGoal(j.db, id)!, ctx.today);
    if (json) printJson(ctx, { goal: goalJson(s) });
    else {
      const { goalLines } = await import('../ui/goalView.js');
      print(ctx, [words.replace('{id}', String(id)), ...goalLines(s, ctx.today)]);
    }
    return 0;
  } finally {
    journal.close();
  }
}
