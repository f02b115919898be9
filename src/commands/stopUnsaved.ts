import { shortDate } from '../core/dates.js';
import { triage } from '../core/triage.js';
import type { IsoDate } from '../core/types.js';
import { triageLines } from '../ui/render.js';
import { makeStyle } from '../ui/style.js';
import { isStoppedQuestion } from './ask.js';
import { note, type Context } from './context.js';

/**
 * T3: a conversation stopped (Ctrl-C, end of input) after a warning sign was ticked saves
 * nothing, as any stopped question does, but the stop advice must not go with it: a person who
 * ticked chest pain and then gave up on the effort question saw only "Nothing was saved". Says
 * the advice for the signs (not that a pause opened: none did) and how to record them. Returns
 * true when it spoke, and the caller exits 130.
 */
export function stoppedAfterStopSign(ctx: Context, codes: readonly string[] | undefined, e: unknown): boolean {
  if (!isStoppedQuestion(e)) return false;
  const result = triage(codes ?? []);
  if (result?.class !== 'stop') return false;
  const signs = { ...result, steps: result.steps.filter((s) => s.codes.length > 0) };
  // STOP NOW leads, as it does when the signs are saved (T3). In colour only when stderr is a
  // terminal too: ctx.color follows stdout, and `2> file` would get the escape codes.
  const style = makeStyle(ctx.color && Boolean(ctx.stderr.isTTY), ctx.stderr.columns, ctx.plain);
  const lines = [
    '',
    ...triageLines(style, signs),
    `Stopped: nothing was saved. To record what you ticked: pace triage ${result.symptoms.map((m) => `--symptom ${m.code}`).join(' ')}`,
  ];
  note(ctx, lines.join('\n'));
  return true;
}

/**
 * F2: "not settled" is a sign to have checked (T2), and a conversation stopped after it keeps
 * nothing, that answer included. "Nothing was saved" alone left a person who had just said their
 * pain had not settled believing it was noted. Says so, with the flag that gives it; after the
 * stop advice (`afterStop`) in one line of its own. Returns true when it spoke.
 */
export function stoppedAfterUnsettled(ctx: Context, day: { date: IsoDate } | undefined, settled: boolean | undefined, e: unknown, afterStop: boolean): boolean {
  if (!isStoppedQuestion(e) || day === undefined || settled !== false) return false;
  const lost = `Your answer that the pain from ${shortDate(day.date)} had not settled was not kept either; to record it: pace log --settled no`;
  note(ctx, afterStop ? lost : `\nStopped: nothing was saved. ${lost}`);
  return true;
}
