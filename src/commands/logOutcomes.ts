import { mondayOf } from '../core/dates.js';
import { summarizeGoal } from '../core/outcomes/goals.js';
import { beforeOutcomes, listGoals } from '../store/goals.js';
import { readTransaction, write, type Journal } from '../store/open.js';
import { markPegOffered, pegOfferDue } from '../store/pegCheckins.js';
import { isStoppedQuestion } from './ask.js';
import { askPeg } from './askOutcomes.js';
import { savePeg } from './checkin.js';
import { note, print, type Context } from './context.js';

/**
 * After an interactive log, once the session is saved: W2, the weekly check-in offered once a
 * week while this week has none (Enter skips it); M2, goals due for a re-rating, named. Ctrl-C
 * here exits 130, as at any question (cli.md), and the line under it says the session is saved
 * and the check-in is not (issue 17). `offerCheckin` false (this log asked the safety question)
 * leaves the check-in due for the next log. Returns the exit code.
 */
export async function offerOutcomes(ctx: Context, journal: Journal, offerCheckin: boolean): Promise<number> {
  const db = journal.db;
  const week = mondayOf(ctx.today);
  const { offer, due } = readTransaction(db, () =>
    beforeOutcomes(
      () => ({ offer: pegOfferDue(db, ctx.today), due: listGoals(db).map((g) => summarizeGoal(g, ctx.today)).filter((g) => g.ratingDue) }),
      { offer: false, due: [] },
    ),
  );
  if (offer && offerCheckin) {
    try {
      const p = await ctx.prompts();
      print(ctx, '');
      const yes = await p.confirm("This week's check-in: three quick questions about the past 7 days. Answer them now?", false);
      if (!yes) {
        write(db, () => markPegOffered(db, week));
        print(ctx, 'Skipped; pace checkin asks them whenever you like.');
      } else {
        const { checkinLines } = await import('../ui/checkinView.js');
        const { saved, replaced } = savePeg(journal, await askPeg(p, {}), ctx);
        print(ctx, checkinLines(saved, replaced));
      }
    } catch (e) {
      if (!isStoppedQuestion(e)) throw e;
      note(ctx, '\nStopped. Your session is saved; the check-in was left for later (pace checkin).');
      return 130;
    }
  }
  if (due.length) {
    const names = due.map((g) => `"${g.goal.text}"`).join(', ');
    print(ctx, `Time to re-rate ${due.length === 1 ? 'your goal' : 'your goals'} ${names}: pace goal rate`);
  }
  return 0;
}
