import { InputError } from '../core/errors.js';
import { relogCommand } from '../core/relog.js';
import { forgetReplacedPages, write } from '../store/open.js';
import { deleteSession } from '../store/sessions.js';
import { deleteQuestion, holdStaysLines } from '../ui/holdStays.js';
import { sessionSummary } from '../ui/render.js';
import { print, printJson, withJournal, type Context } from './context.js';
import { holdJson, sessionJson } from './json.js';
import { openHoldOf } from './safety.js';
import { sessionById } from './sessionId.js';
import { calendarNote } from './calendarNote.js';
import { noteWeekOneLater, weekOneBefore } from './weekOne.js';

export interface DeleteFlags {
  yes?: boolean;
  json?: boolean;
}

/** `pace delete <id>`: asks first, unless --yes. */
export async function remove(args: string[], flags: DeleteFlags, ctx: Context): Promise<number> {
  return withJournal(ctx, false, async (j) => {
    const s = sessionById(j.db, args[0]);
    if (!flags.yes) {
      if (!ctx.interactive) throw new InputError(`deleting session ${s.id} needs confirmation.`, 'Add --yes to delete without a question.');
      // T2, T3: the question names the hold or pause that stays whatever the answer.
      const ok = await (await ctx.prompts()).confirm(deleteQuestion(sessionSummary(s), openHoldOf(j.db, ctx.today)), false);
      if (!ok) {
        print(ctx, 'Kept it. Nothing was deleted.');
        return 0;
      }
    }
    forgetReplacedPages(j.db);
    // T2, T3: the triage record keeps the hold or pause open; only `pace triage --cleared` ends it.
    const { hold, weekOne } = write(j.db, () => {
      const weekOne = weekOneBefore(j.db);
      deleteSession(j.db, s.id);
      return { hold: openHoldOf(j.db, ctx.today), weekOne };
    });
    noteWeekOneLater(ctx, weekOne, weekOneBefore(j.db));
    if (flags.json) printJson(ctx, { deleted: sessionJson(s), hold: holdJson(hold) });
    // A wrong id deletes the wrong session: the way back is said while the values are known.
    else print(ctx, [`Deleted session ${s.id}: ${sessionSummary(s)}.`, `To put it back: ${relogCommand(s)}`, ...(hold ? holdStaysLines(hold, 'deleting') : []), ...(await calendarNote(j, ctx.today))]);
    return 0;
  });
}
