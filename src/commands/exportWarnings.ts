import { mondayOf, shortDateYear } from '../core/dates.js';
import { noteTextRefused, storedDoseProblem } from '../core/input.js';
import { typedName } from '../core/names.js';
import type { IsoDate, Unit } from '../core/types.js';

// An export is written whole, but a journal can hold what import now refuses: a dose saved before
// MAX_DOSE or Q6's whole reps, a note with characters refused since. Said at the export, while the
// journal still holds it and a command can put it right, not on the day the file is restored. The
// checks are import's own (storedDoseProblem, noteTextRefused).

/** A session of the file that import would refuse, and why. */
export type SessionRefusal = { id: number; date: string } & ({ dose: number; unit: Unit; problem: string } | { note: true });

/** Q7: a quota set by hand, `index` in the backup's `overrides`, that import would refuse. */
export interface OverrideRefusal {
  index: number;
  activity: string;
  weekStart: IsoDate;
  quota: number;
  unit: Unit;
  problem: string;
}

/** What of `s` import would refuse: its dose first, then its note (when the file carries it). */
export function sessionRefusal(s: { id: number; date: string; dose: number; unit: Unit; note?: string | null }): SessionRefusal | null {
  const problem = storedDoseProblem(s.dose, s.unit);
  if (problem !== null) return { id: s.id, date: s.date, dose: s.dose, unit: s.unit, problem };
  if (s.note != null && noteTextRefused(s.note)) return { id: s.id, date: s.date, note: true };
  return null;
}

/** The backup's quotas set by hand that import would refuse, by their place in it. */
export function overrideRefusals(overrides: readonly { activity: string; week_start: string; quota: number | null }[], unitOf: ReadonlyMap<string, Unit>): OverrideRefusal[] {
  const out: OverrideRefusal[] = [];
  overrides.forEach((o, index) => {
    const unit = unitOf.get(o.activity);
    const problem = o.quota === null || unit === undefined ? null : storedDoseProblem(o.quota, unit);
    if (problem !== null) out.push({ index, activity: o.activity, weekStart: mondayOf(o.week_start as IsoDate), quota: o.quota!, unit: unit!, problem });
  });
  return out;
}

/** The words, three sessions at most and then a count; `file` is "backup" or "CSV". */
export function refusalLines(sessions: readonly SessionRefusal[], overrides: readonly OverrideRefusal[], file: string, today: IsoDate): string[] {
  const until = `this ${file} will not import until it is corrected`;
  const lines = sessions.slice(0, 3).map((s) =>
    'note' in s
      ? `Session ${s.id} (${s.date}) has a note with characters pace no longer takes: ${until} (pace edit ${s.id} --note "<text>"), then exported again.`
      : `Session ${s.id} (${s.date}) holds ${s.dose} ${s.unit}, ${s.problem}: ${until} (pace edit ${s.id} --dose <amount>), then exported again.`,
  );
  if (sessions.length > 3) lines.push(`${sessions.length - 3} more sessions like it: pace list --json shows every dose and note.`);
  for (const o of overrides) {
    const which = `Your quota set by hand for ${o.activity} in the week of ${shortDateYear(o.weekStart)} is ${o.quota} ${o.unit}, ${o.problem}: this ${file} will not import until`;
    // Q9: a week that is over keeps its plan, and plan --set refuses it: only the file can change.
    lines.push(
      o.weekStart < mondayOf(today)
        ? `${which} overrides[${o.index}].quota in it is changed to the quota you meant (a week that is over keeps its plan in pace).`
        : `${which} it is corrected (pace plan --set ${typedName(o.activity)}=<quota> --week ${o.weekStart}), then exported again.`,
    );
  }
  return lines;
}
