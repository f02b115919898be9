import { shortDate } from '../core/dates.js';
import { printable } from '../core/input.js';
import type { UnreadColumn } from '../core/sessionCsv.js';
import { triage } from '../core/triage.js';
import { adviceFirst, triageLines } from '../ui/render.js';
import { makeStyle } from '../ui/style.js';
import type { Hold } from '../core/coach/types.js';
import type { Context } from './context.js';
import type { ImportTriageResult } from './importTriage.js';
import { adviseOnStderr } from './jsonAdvice.js';

/** How many past warning signs are named before "and N more". */
const PAST_SHOWN = 3;

/**
 * T5: an import that triaged recent symptoms says so as log would, stop and assess advice first;
 * a hold or pause the backup brought back is shown with the advice for its signs; warning signs
 * on older sessions are named once, as history.
 */
export function importedLines(ctx: Context, t: ImportTriageResult, imported: string): string[] {
  const style = makeStyle(ctx.color, ctx.stdout.columns, ctx.plain);
  const d = t.decision;
  let lines = [imported];
  if (d.result) {
    const n = d.sessionIds.length;
    const which = [
      ...(n > 0 ? [`These symptoms came with ${n === 1 ? '1 imported session' : `${n} imported sessions`} from the last 7 days.`] : []),
      ...(t.kept.length > 0 ? [`A clearance in this backup was given without knowing of ${t.kept.join(', ')}: still open here, recorded again today.`] : []),
    ];
    lines = adviceFirst(d.result.class, [...triageLines(style, d.result), ...which], lines);
  }
  if (t.restored) {
    const advice = triage(t.restored.symptoms)!;
    lines = adviceFirst(advice.class, [restoredHead(t.restored), ...triageLines(style, advice)], lines);
  }
  if (t.past.length) {
    const named = t.past.slice(0, PAST_SHOWN).map((p) => `${p.symptoms.join(', ')} on ${shortDate(p.date)}`);
    const more = t.past.length > PAST_SHOWN ? ` and ${t.past.length - PAST_SHOWN} more` : '';
    lines.push(
      `Sessions older than 7 days in this file record warning signs (${named.join('; ')}${more}): they are kept as history and open no hold. If one still troubles you, run pace triage.`,
    );
  }
  return lines;
}

const restoredHead = (h: Hold) =>
  `This backup brings back ${h.kind === 'stop' ? 'a pause' : 'a hold'} opened on ${shortDate(h.since)} that was never cleared (${h.symptoms.join(', ')}):`;

/** T5 under --json: the advice of the signs this import triaged, or of a pause it restored, on stderr. */
export async function importAdviceOnStderr(ctx: Context, t: ImportTriageResult): Promise<void> {
  await adviseOnStderr(ctx, [t.decision.result]);
  if (t.restored) await adviseOnStderr(ctx, [triage(t.restored.symptoms)], [restoredHead(t.restored)]);
}

/**
 * Columns added in the spreadsheet (a comment column) are not read: said once, after the import,
 * so that what the person typed there is not dropped without a word. One without a header is
 * named by its place.
 */
export function unreadColumnsLine(columns: readonly UnreadColumn[]): string | null {
  if (columns.length === 0) return null;
  const tail = 'not imported: pace reads only the columns of its export. Add what it holds as notes with pace edit <id> --note "...".';
  const only = columns.length === 1 ? columns[0]! : null;
  if (only?.name === null) return `Column ${only.column} (${columnLetters(only.column)} in a spreadsheet), which has no name in the header, was ${tail}`;
  const names = columns.map((c) => (c.name === null ? `${c.column} (${columnLetters(c.column)} in a spreadsheet, no name in the header)` : `"${printable(c.name)}"`));
  const which = only ? `The column ${names[0]} was` : `The columns ${names.slice(0, -1).join(', ')} and ${names.at(-1)} were`;
  return `${which} ${tail}`;
}

/** A column's place (from 1) as a spreadsheet names it: A to Z, then AA, AB and on. */
function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** How `import --json` names a column it did not read: its header, or its place when it has none. */
export const unreadColumnName = (c: UnreadColumn): string => c.name ?? `column ${c.column}`;
