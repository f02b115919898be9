import type { FlareReason } from '../../core/coach/flares.js';
import type { Hold } from '../../core/coach/types.js';
import type { ReportEvent } from '../../core/report/report.js';
import { symptomDef } from '../../core/symptoms.js';
import type { IsoDate, Unit } from '../../core/types.js';
import { longDate } from '../../core/dates.js';

// The report's small phrases, shared by the charts, the HTML and the PDF.

export function unitWord(unit: Unit): string {
  return { min: 'minutes', reps: 'repetitions', m: 'metres', steps: 'steps' }[unit];
}

export function symptomWords(codes: readonly string[]): string {
  return codes.map((c) => symptomDef(c)?.label ?? c).join('; ');
}

/**
 * T2/T3 for a clinician: what is open, since when, and why. `endedOn` is the period's last day
 * when the report was made after it: the hold is then what stood at that day's end, and a
 * clearance given since is not in the report, so the words are of that day, not of now.
 */
export function holdWords(h: Hold, endedOn: IsoDate | null = null): { title: string; detail: string } {
  const why = h.symptoms.length ? symptomWords(h.symptoms) : 'a warning sign';
  const then = endedOn === null ? '' : `At the end of this period (${longDate(endedOn)}): `;
  const later = endedOn === null ? '' : ` Anything recorded after ${longDate(endedOn)}, a clearance included, is not in this report.`;
  if (h.kind === 'stop') {
    return {
      title: `${then}PLAN PAUSED since ${longDate(h.since)}: a stop symptom ${endedOn === null ? 'was' : 'had been'} recorded`,
      detail: endedOn === null
        ? `Recorded: ${why}. pace gives no quotas until a clinician has seen the person and cleared them to resume.`
        : `Recorded: ${why}. pace gave no quotas until a clinician had seen the person and cleared them to resume.${later}`,
    };
  }
  return {
    title: `${then}PLAN ON HOLD since ${longDate(h.since)}: needs assessment`,
    detail: endedOn === null
      ? `Recorded: ${why}. pace allows no increases until a physiotherapist or doctor has assessed the person.`
      : `Recorded: ${why}. pace allowed no increases until a physiotherapist or doctor had assessed the person.${later}`,
  };
}

function flareWhy(reasons: readonly FlareReason[]): string {
  return reasons
    .map((r) => (r.kind === 'marked' ? 'marked as a flare' : r.kind === 'pain-rise' ? `pain ${r.from} to ${r.to}` : symptomWords(r.codes)))
    .join('; ');
}

export const EVENT_NAMES: Record<ReportEvent['kind'], string> = { flare: 'Flare', assess: 'Assess', stop: 'Stop', cleared: 'Cleared' };

/** One event as a table row: what, and its detail. */
export function eventWords(e: ReportEvent): string {
  if (e.kind === 'flare') return `${e.activity}: ${flareWhy(e.reasons)}`;
  if (e.kind === 'cleared') return 'a clinician assessed or cleared the person';
  return symptomWords(e.symptoms);
}

/** Text cut to `max` characters at a word where it can be, with an ellipsis. */
export function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The first `max` items, and "and N more" for the rest (never a line for a single one left out). */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: string | null } {
  if (items.length <= max) return { shown: [...items], more: null };
  const keep = Math.max(0, max - 1);
  return { shown: items.slice(0, keep), more: `and ${items.length - keep} more` };
}
