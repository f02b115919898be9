import { isFlareSession } from '../core/coach/flares.js';
import type { CalendarDrift } from '../core/calendarDrift.js';
import type { Hold } from '../core/coach/types.js';
import type { TriageResult } from '../core/triage.js';
import type { Session } from '../core/types.js';

/**
 * The session object of cli.md: snake_case, missing values as null. `flare` is F1's verdict, as
 * the list table, the session CSV (E1) and the plan read it; `flare_marked` is the person's own
 * mark (`--flare`), which the JSON backup carries as its `flare`.
 */
export function sessionJson(s: Session) {
  return {
    id: s.id,
    date: s.date,
    activity: s.activity,
    category: s.category,
    dose: s.dose,
    unit: s.unit,
    pain_before: s.painBefore,
    pain_after: s.painAfter,
    effort: s.effort,
    flare: isFlareSession(s),
    flare_marked: s.flare,
    symptoms: s.symptoms,
    note: s.note,
  };
}

export function triageJson(t: TriageResult | null) {
  return t && {
    class: t.class,
    symptoms: t.symptoms.map((m) => ({ code: m.code, class: m.class, rule: m.rule, label: m.label })),
    advice: t.advice,
    // T3: each step with the signs it answers, most urgent first.
    advice_steps: t.steps.map((s) => ({ kind: s.kind, symptoms: s.codes, advice: s.text })),
  };
}

/** A hold or pause (T2, T3) as status's `holds` gives it. */
export function holdJson(h: Hold | null) {
  return h && { kind: h.kind, since: h.since, symptoms: h.symptoms };
}

/** D3: a week's changed plan for --json: the calendar's sessions against the plan's, by activity. */
export function driftJson(d: CalendarDrift) {
  return {
    week_start: d.weekStart,
    exported_on: d.exportedOn,
    paused: d.paused,
    activities: d.activities.map((a) => ({ activity: a.activity, unit: a.unit, calendar: a.calendar, plan: a.plan, other_times: a.moved })),
  };
}
