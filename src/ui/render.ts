import { formatAmount } from '../core/coach/amounts.js';
import { isFlareSession } from '../core/coach/flares.js';
import { shortDateYear } from '../core/dates.js';
import type { TriageResult } from '../core/triage.js';
import type { Session, TriageClass } from '../core/types.js';
import type { Style } from './style.js';
import { table } from './table.js';

const dash = (v: number | null) => (v === null ? '-' : String(v));

export function sessionSummary(s: Session): string {
  const pain = s.painBefore !== null || s.painAfter !== null ? `, pain ${dash(s.painBefore)} -> ${dash(s.painAfter)}` : '';
  return `${s.activity} ${formatAmount(s.dose, s.unit)} on ${shortDateYear(s.date)}${pain}`;
}

export function sessionsTable(style: Style, sessions: readonly Session[], range: { from?: string; to?: string } = {}): string {
  if (sessions.length === 0) {
    // Asked for some days only, an empty list says nothing about the rest of the journal.
    const { from, to } = range;
    if (from && to) return `No sessions from ${from} to ${to}.`;
    if (from) return `No sessions from ${from} on.`;
    if (to) return `No sessions up to ${to}.`;
    return 'No sessions yet. Log one with: pace log walk 10';
  }
  return table(
    style,
    ['id', 'date', 'activity', 'dose', 'pain', 'effort', 'flare', 'symptoms'],
    sessions.map((s) => [
      s.id,
      s.date,
      s.activity,
      formatAmount(s.dose, s.unit),
      s.painBefore === null && s.painAfter === null ? '' : `${dash(s.painBefore)} -> ${dash(s.painAfter)}`,
      s.effort === null ? '' : s.effort,
      // F1, as status and the plan count it (a rise of 3 or more, a warning sign), not only the mark.
      // "yes", as the export's flare column (E1): under its heading at a narrow width, "flare flare" read as a slip.
      isFlareSession(s) ? style.c.yellow('yes') : '',
      s.symptoms.join(', '),
    ]),
    ['right', 'left', 'left', 'right', 'left', 'right', 'left', 'left'],
  );
}

/**
 * T3 output leads with an unmissable line, "STOP NOW." and the most urgent step, so that it stands
 * out with colour off too; each group of signs then gets its own step, most urgent first (T3). T1
 * stays calm, and says nothing reassuring about a session that is a flare (F4). T4 lists every match.
 */
export function triageLines(style: Style, t: TriageResult): string[] {
  const { c } = style;
  const lines: string[] = [];
  if (t.class === 'stop') {
    const signs = t.steps.filter((s) => s.codes.length > 0);
    t.steps.forEach((step, i) => {
      const which = signs.length > 1 && step.codes.length ? ` (${step.codes.join(', ')})` : '';
      if (i === 0) lines.push(c.red.bold(`STOP NOW. ${step.text}`) + which);
      else lines.push(step.kind === 'pause' ? step.text : c.red(step.text) + which);
    });
  } else if (t.class === 'assess') lines.push(c.yellow.bold('Ease off and get this checked.'), t.advice);
  else if (t.steps[0]?.kind === 'flare') lines.push(c.yellow('Symptoms noted.'), t.advice);
  // Nothing ticked: nothing to call expected, and beside an open pause it read as an all-clear.
  else if (t.symptoms.length === 0) lines.push(t.advice);
  else lines.push(c.green('This is expected.'), t.advice);
  for (const m of t.symptoms) lines.push(`  - ${m.label} (${m.code}: ${m.class}, rule ${m.rule})`);
  return lines;
}

/**
 * T2, T3: stop and assess advice leads, before what was saved, with a blank line between; calm
 * words (continue) follow it. One rule for log, edit and import.
 */
export function adviceFirst(cls: TriageClass, advice: readonly string[], saved: readonly string[]): string[] {
  return cls === 'continue' ? [...saved, ...advice] : [...advice, '', ...saved];
}
