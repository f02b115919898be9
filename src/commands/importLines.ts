import type { TriageDecision } from '../core/safety.js';
import { triageLines } from '../ui/render.js';
import { makeStyle } from '../ui/style.js';
import type { Context } from './context.js';

/** T5: an import that triaged recent symptoms says so as log would, stop and assess advice first. */
export function importedLines(ctx: Context, d: TriageDecision, imported: string): string[] {
  if (!d.result) return [imported];
  const n = d.sessionIds.length;
  const which = `These symptoms came with ${n === 1 ? '1 imported session' : `${n} imported sessions`} from the last 7 days.`;
  const advice = triageLines(makeStyle(ctx.color), d.result);
  return d.result.class === 'continue' ? [imported, ...advice, which] : [...advice, which, '', imported];
}
