import { write } from '../store/open.js';
import { findActivity } from '../store/activities.js';
import { getSession, updateSession } from '../store/sessions.js';
import { sessionSummary } from '../ui/render.js';
import { print, printJson, withJournal, type Context } from './context.js';
import { sessionJson } from './json.js';
import { sessionById } from './sessionId.js';
import { buildSession, parseSessionFlags, settleActivity, type SessionFlags } from './sessionInput.js';
import { InputError } from '../core/errors.js';

/** `pace edit <id>`: changes only the fields whose flags were given. */
export async function edit(args: string[], flags: SessionFlags, ctx: Context): Promise<number> {
  const p = parseSessionFlags(flags, ctx.today);
  const changed = Object.keys(p).length > 0;
  if (!changed) throw new InputError('nothing to change.', 'Give the flags to change, for example: pace edit 12 --pain-after 4');
  return withJournal(ctx, false, (j) => {
    const old = sessionById(j.db, args[0]);
    const name = p.activity ?? old.activity;
    const activity = settleActivity(name, findActivity(j.db, name), {
      ...p,
      // A new dose without a unit keeps the unit the activity has.
      ...(p.dose ? {} : { dose: { amount: old.dose, unit: null } }),
    });
    const next = buildSession(
      {
        date: p.date ?? old.date,
        painBefore: p.painBefore ?? old.painBefore ?? undefined,
        painAfter: p.painAfter ?? old.painAfter ?? undefined,
        effort: p.effort ?? old.effort ?? undefined,
        flare: p.flare ?? old.flare,
        symptoms: p.symptoms ?? old.symptoms,
        note: p.note !== undefined ? p.note : old.note,
        activity: name,
        dose: p.dose ?? { amount: old.dose, unit: null },
      },
      activity,
      ctx.today,
    );
    const saved = write(j.db, () => {
      updateSession(j.db, old.id, next);
      return getSession(j.db, old.id)!;
    });
    if (flags.json) printJson(ctx, { session: sessionJson(saved) });
    else print(ctx, `Updated session ${saved.id}: ${sessionSummary(saved)}.`);
    return 0;
  });
}
