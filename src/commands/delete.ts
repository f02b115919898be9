import { InputError } from '../core/errors.js';
import { forgetReplacedPages, write } from '../store/open.js';
import { deleteSession } from '../store/sessions.js';
import { sessionSummary } from '../ui/render.js';
import { print, printJson, withJournal, type Context } from './context.js';
import { sessionJson } from './json.js';
import { sessionById } from './sessionId.js';

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
      const ok = await (await ctx.prompts()).confirm(`Delete ${sessionSummary(s)}?`, false);
      if (!ok) {
        print(ctx, 'Kept it. Nothing was deleted.');
        return 0;
      }
    }
    forgetReplacedPages(j.db);
    write(j.db, () => deleteSession(j.db, s.id));
    if (flags.json) printJson(ctx, { deleted: sessionJson(s) });
    else print(ctx, `Deleted session ${s.id}: ${sessionSummary(s)}.`);
    return 0;
  });
}
