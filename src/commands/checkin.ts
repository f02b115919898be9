import { InputError } from '../core/errors.js';
import { parseYesNo } from '../core/input.js';
import { parsePegAnswer, pegCheckin, type PegAnswers, type PegCheckin } from '../core/outcomes/peg.js';
import { forWriting, openJournal, readTransaction, write, type Journal } from '../store/open.js';
import { markPegOffered, pegByWeek, savePegCheckin } from '../store/pegCheckins.js';
import { readSettings } from '../store/settings.js';
import { askPeg } from './askOutcomes.js';
import { print, printJson, type Context } from './context.js';
import { claimFirstUse, showNotice } from './firstUse.js';
import { adviseOnStderr } from './jsonAdvice.js';
import { calendarNote } from './calendarNote.js';
import { answerNextDay, nextDayJson, nextDayQuestion, pendingDay, refuseSettledWithoutPending } from './nextDay.js';
import { pegCheckinJson } from './outcomesJson.js';
import { settledOnly } from './settledOnly.js';

// `pace checkin`: the weekly PEG-3 (W1, W2), and the next-day check (F2) when one is waiting.

export interface CheckinFlags {
  pain?: string;
  enjoyment?: string;
  general?: string;
  /** F2: whether the pain of a session yesterday or the day before has settled. */
  settled?: string;
  json?: boolean;
}

const FLAGS = { pain: '--pain', enjoyment: '--enjoyment', general: '--general' } as const;

export async function checkin(_args: string[], flags: CheckinFlags, ctx: Context): Promise<number> {
  const given: Partial<PegAnswers> = {};
  for (const item of ['pain', 'enjoyment', 'general'] as const) {
    const raw = flags[item];
    // W1: --enjoyment and --general are about interference, not pain: each error gives its own anchors.
    if (raw !== undefined) given[item] = parsePegAnswer(raw, item, FLAGS[item]);
  }
  const missing = (['pain', 'enjoyment', 'general'] as const).filter((i) => given[i] === undefined);
  let settled = flags.settled !== undefined ? parseYesNo(flags.settled, '--settled') : undefined;
  // F2, as log's: --settled with no answer of the weekly three is the next-day answer alone (a
  // rest day, or a week already checked in), at a terminal too.
  const settledAlone = settled !== undefined && missing.length === 3;
  if (missing.length > 0 && !settledAlone && !ctx.interactive) {
    throw new InputError(
      `the check-in needs all three answers; missing: ${missing.map((m) => FLAGS[m]).join(', ')}.`,
      'Each is 0-10 about the past 7 days: pace checkin --pain 4 --enjoyment 3 --general 5',
    );
  }
  let journal: Journal = openJournal(ctx.dbPath, { write: false });
  try {
    // F2: "when a person logs or checks in the day after a session": read before any question.
    const db = journal.db;
    const pending = readTransaction(db, () => pendingDay(db, ctx.today));
    refuseSettledWithoutPending(db, ctx.today, settled, pending);
    if (settledAlone && pending) {
      journal = forWriting(journal, ctx.dbPath);
      const pemUnset = readSettings(journal.db).pem === null;
      return await settledOnly(journal, pending, settled!, pemUnset, flags.json === true, ctx, (answer) => ({ checkin: null, replaced: false, next_day: nextDayJson(answer) }));
    }
    if (pending && settled === undefined && ctx.interactive) settled = await (await ctx.prompts()).confirm(nextDayQuestion(pending), true);
    let answers: PegAnswers;
    try {
      answers = missing.length > 0 ? await askPeg(await ctx.prompts(), given) : (given as PegAnswers);
    } catch (e) {
      // F2: "not settled" given before the stop is not kept: said, with the way to give it.
      if ((await import('./stopUnsaved.js')).stoppedAfterUnsettled(ctx, pending, settled, e, false)) return 130;
      throw e;
    }
    journal = forWriting(journal, ctx.dbPath);
    const j = journal;
    const { saved, replaced, first, nextDay } = write(j.db, () => ({
      ...savePeg(j, answers, ctx),
      nextDay: pending && settled !== undefined ? answerNextDay(j.db, ctx.today, pending, settled) : null,
    }));
    showNotice(ctx, first, readSettings(journal.db).pem === null);
    if (flags.json) {
      await adviseOnStderr(ctx, [nextDay?.decision?.result]);
      printJson(ctx, { checkin: pegCheckinJson(saved), replaced, next_day: nextDayJson(nextDay) });
    } else {
      const [{ checkinLines }, { nextDayLines }, { makeStyle }] = await Promise.all([import('../ui/checkinView.js'), import('../ui/logView.js'), import('../ui/style.js')]);
      print(ctx, [...(nextDay ? nextDayLines(makeStyle(ctx.color, ctx.stdout.columns, ctx.plain), nextDay) : []), ...checkinLines(saved, replaced), ...(await calendarNote(j, ctx.today))]);
    }
    return 0;
  } finally {
    journal.close();
  }
}

/** W2: saves this week's check-in (replacing an earlier one of the same week). */
export function savePeg(journal: Journal, answers: PegAnswers, ctx: Context): { saved: PegCheckin; replaced: boolean; first: boolean } {
  const saved = pegCheckin(answers, ctx.today);
  const j = journal;
  return write(j.db, () => {
    const replaced = pegByWeek(j.db, saved.weekStart, saved.weekStart).size > 0;
    savePegCheckin(j.db, saved);
    markPegOffered(j.db, saved.weekStart);
    return { saved, replaced, first: claimFirstUse(j.db, ctx.today) };
  });
}
