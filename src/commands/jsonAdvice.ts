import type { TriageResult } from '../core/triage.js';
import { note, type Context } from './context.js';

/**
 * T2, T3, T5 under `--json`: the advice for a warning sign this run recorded goes to stderr as well
 * as into the document. A script reads stdout (`pace log ... --json | jq .session.id`), and the
 * person running it must still see STOP NOW and what to do next. Stop advice first; continue
 * results say nothing, so a calm scripted log keeps stderr quiet.
 */
export async function adviseOnStderr(ctx: Context, results: readonly (TriageResult | null | undefined)[], lead: readonly string[] = []): Promise<void> {
  const warned = results.filter((r): r is TriageResult => r != null && r.class !== 'continue');
  if (warned.length === 0) return;
  warned.sort((a, b) => Number(b.class === 'stop') - Number(a.class === 'stop'));
  const [{ triageLines }, { makeStyle }] = await Promise.all([import('../ui/render.js'), import('../ui/style.js')]);
  // No colour: stderr of a script often lands in a log or a mail; STOP NOW says it in words.
  const style = makeStyle(false, ctx.stderr.columns, ctx.plain);
  for (const line of [...lead, ...warned.flatMap((r) => triageLines(style, r))]) note(ctx, line);
}
