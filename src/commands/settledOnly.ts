import type { NextDayAnswer } from '../core/safety.js';
import type { PendingDay } from '../store/checkins.js';
import { write, type Journal } from '../store/open.js';
import { print, printJson, type Context } from './context.js';
import { claimFirstUse, showNotice } from './firstUse.js';
import { holdJson, triageJson } from './json.js';
import { openHoldOf } from './safety.js';
import type { Hold } from '../core/coach/types.js';
import { adviseOnStderr } from './jsonAdvice.js';
import { calendarNote } from './calendarNote.js';
import { answerNextDay, nextDayJson } from './nextDay.js';

/** `log --json`'s document for an answer alone: every key of a log's, null where there is no session. */
const logDocument = (answer: NextDayAnswer, hold: Hold | null) => ({
  session: null, triage: triageJson(answer.decision?.result ?? null), plan: null, checkin: nextDayJson(answer), response: null, day_answer: null, same_as: [],
  hold: holdJson(hold),
});

/**
 * F2, cli.md: `pace log --settled <yes|no>` with no activity and no dose, for a rest day (and
 * `pace checkin --settled` with none of the weekly answers, with its own `--json` document). It
 * records only the answer (and, for "no", the hold that pain-over-24h opens), no session.
 */
export async function settledOnly(
  journal: Journal,
  day: PendingDay,
  settled: boolean,
  pemUnset: boolean,
  json: boolean,
  ctx: Context,
  document: (answer: NextDayAnswer, hold: Hold | null) => object = logDocument,
): Promise<number> {
  const { answer, first, hold } = write(journal.db, () => ({
    answer: answerNextDay(journal.db, ctx.today, day, settled),
    first: claimFirstUse(journal.db, ctx.today),
    hold: openHoldOf(journal.db, ctx.today),
  }));
  showNotice(ctx, first, pemUnset);
  if (json) {
    await adviseOnStderr(ctx, [answer.decision?.result]);
    printJson(ctx, document(answer, hold));
  } else {
    const [{ nextDayLines }, { makeStyle }] = await Promise.all([import('../ui/logView.js'), import('../ui/style.js')]);
    print(ctx, [...nextDayLines(makeStyle(ctx.color, ctx.stdout.columns, ctx.plain), answer), ...(await calendarNote(journal, ctx.today))]);
  }
  return 0;
}
