import { InputError } from '../core/errors.js';
import { parseDayFlag, printable } from '../core/input.js';
import { countSessions, listSessions } from '../store/sessions.js';
import { sessionsTable } from '../ui/render.js';
import { makeStyle } from '../ui/style.js';
import { print, printJson, withJournal, type Context } from './context.js';
import { sessionJson } from './json.js';
import { datedAheadLines } from './datedAhead.js';

export interface ListFlags {
  from?: string;
  to?: string;
  limit?: string;
  json?: boolean;
}

/** `pace list`: sessions newest first, with the ids that edit and delete take. */
export async function list(_args: string[], flags: ListFlags, ctx: Context): Promise<number> {
  const from = flags.from !== undefined ? parseDayFlag(flags.from, '--from', ctx.today) : undefined;
  const to = flags.to !== undefined ? parseDayFlag(flags.to, '--to', ctx.today) : undefined;
  if (from && to && from > to) throw new InputError(`--from ${from} is after --to ${to}.`);
  let limit: number | undefined = 20;
  if (flags.limit !== undefined) {
    const text = flags.limit.trim();
    // 0 is documented (every session), so the range said is 0 to a billion.
    if (!/^\d+$/.test(text) || Number(text) > 1_000_000_000) {
      throw new InputError(`--limit "${printable(flags.limit)}" is not a whole number from 0 to 1000000000.`, '0 lists every session.');
    }
    limit = Number(text) === 0 ? undefined : Number(text);
  } else if (flags.json || from || to) {
    limit = undefined;
  }
  const { sessions, total } = await withJournal(ctx, false, (j) => {
    const sessions = listSessions(j.db, { from, to, limit, newestFirst: true });
    // A list cut short by --limit (20 by default) says so: an older session is not gone.
    const cut = !flags.json && limit !== undefined && sessions.length === limit;
    return { sessions, total: cut ? countSessions(j.db, { from, to }) : sessions.length };
  });
  if (flags.json) printJson(ctx, sessions.map((s) => sessionJson(s)));
  else {
    const table = sessionsTable(makeStyle(ctx.color, ctx.stdout.columns, ctx.plain), sessions, { from, to });
    const range = `${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}`;
    const again = `pace list${from ? ` --from ${from}` : ''}${to ? ` --to ${to}` : ''} --limit 0`;
    print(ctx, [
      ...(total > sessions.length ? [table, `The ${sessions.length} newest of ${total} sessions${range}; all of them: ${again}`] : [table]),
      // The newest come first, so the rows shown hold every session dated after today that the range does.
      ...datedAheadLines(sessions, ctx),
    ]);
  }
  return 0;
}
