import { shortDate } from '../core/dates.js';
import { oneDecimal, oneDecimalText } from '../core/numbers.js';
import type { EventCounts, MeasureName, Measure, Verdict } from '../core/outcomes/measures.js';
import type { DoseMeasure } from '../core/outcomes/doses.js';
import type { Review } from '../core/outcomes/review.js';
import type { Span } from '../core/outcomes/windows.js';

// R3's words: what changed, said plainly, pain included; never that the exercise caused it, never
// a diagnosis. The JSON's "summary" and the first lines people read are this same text.

export const MEASURE_LABELS: Record<MeasureName, string> = {
  // R1's active minutes: every activity timed in minutes, not only the aerobic ones of the weekly
  // aim (Q6) that status shows; the words say which.
  minutes_per_week: 'minutes of any activity a week',
  sessions_per_week: 'sessions a week',
  // Q3, R1: the mean of each week's share (each activity's week, at most 100%; meanAdherence),
  // which bare "planned sessions done" read as all sessions done over all planned.
  adherence_pct: 'planned sessions done (mean of weeks)',
  pain_before: 'pain before sessions',
  pain_change: 'pain rise during sessions',
  peg: 'PEG score (pain and its interference)',
  function_score: 'function score (your goals)',
  flares_per_4_weeks: 'flares per 4 weeks',
  boom_bust_cycles: 'boom-bust cycles per 4 weeks',
};

export const VERDICT_WORDS: Record<Verdict, string> = { better: 'better', same: 'about the same', worse: 'worse', 'not-enough-data': 'not enough data yet' };

/**
 * A measure's value as people read it and as it is judged (`measure`): one decimal; minutes and
 * percentages without it when they are whole.
 */
export function formatValue(name: MeasureName, x: number | null): string {
  if (x === null) return '-';
  if (name === 'minutes_per_week') return String(oneDecimal(x));
  if (name === 'adherence_pct') return `${oneDecimal(x)}%`;
  return oneDecimalText(x);
}

/** R1: the measures a view shows: minutes only where a session of then or now is timed (minutesShown). */
export const shownMeasures = (r: Review): Measure[] => r.measures.filter((m) => r.minutesShown || m.name !== 'minutes_per_week');

const weeksWord = (n: number) => `${n} ${n === 1 ? 'week' : 'weeks'}`;

/**
 * One side of a measure as the table, the words and the report give it. R1: flares and boom-bust
 * cycles are put per four weeks; with the count beside the rate, "2.0 (1 in 2 weeks)", one flare
 * in the two weeks of then never reads as two.
 */
function sideValue(m: Measure, side: 'then' | 'now'): string {
  const shown = formatValue(m.name, m[side]);
  if (m.counts === undefined || m[side] === null) return shown;
  return `${shown} (${m.counts[side]} in ${weeksWord(side === 'then' ? m.counts.thenWeeks : m.counts.nowWeeks)})`;
}

/** R1: the row under a rate per 4 weeks in a table: what was counted, "  counted (then 2 weeks, now 4)". */
export const countLabel = (c: EventCounts) => `  counted (then ${weeksWord(c.thenWeeks)}, now ${c.nowWeeks})`;

const span = (m: Measure) => `${sideValue(m, 'then')} -> ${sideValue(m, 'now')}`;

/** R1: an activity in reps, metres or steps, per session: "5 -> 9.5 reps a session". */
export const doseLabel = (m: DoseMeasure) => `${m.unit} a session`;
export const doseValue = (x: number | null) => (x === null ? '-' : String(oneDecimal(x)));

/**
 * Q1, R1: the activities compared over weeks of their own, not the review's then and now: one
 * begun after weeks 1-2 against its own first two weeks, and its now when that starts later than
 * the review's (null when it is the review's, or has not begun). pace review says them under its
 * table, and the report in its "Compared" line.
 */
export function ownWindows(r: Review): { activity: string; then: Span; now: Span | null }[] {
  return r.doses
    .filter((m) => m.thenSpan.from !== r.then.from)
    .map((m) => ({ activity: m.activity, then: m.thenSpan, now: m.nowSpan.from === r.now.from || m.nowSpan.from > m.nowSpan.to ? null : m.nowSpan }));
}

const doseItem = (m: DoseMeasure) => `${m.activity} ${doseValue(m.then)} -> ${doseValue(m.now)} ${doseLabel(m)}`;

export interface SummaryParts {
  /** The first sentence (R3). */
  lead: string;
  /** What clearly changed, one item each, that the lead introduces. */
  items: string[];
  /** A closing sentence, and what is worse, said plainly. */
  tail: string[];
}

/**
 * How a page with little room shortens the summary (the clinic report, C1): each goal's text, and
 * the goals named as worse (the goals table has them all). Measures are short and each matters:
 * they are never left out here. The review itself says everything.
 */
export interface Shorten {
  goalText: (text: string) => string;
  worseGoals: (items: string[]) => string[];
}

const WHOLE: Shorten = { goalText: (t) => t, worseGoals: (xs) => xs };

export function summaryParts(r: Review, shorten: Shorten = WHOLE): SummaryParts {
  const s = r.summary;
  const byName = new Map(r.measures.map((m) => [m.name, m]));
  const item = (n: MeasureName) => `${MEASURE_LABELS[n]} ${span(byName.get(n)!)}`;
  const goal = (id: number) => {
    const g = r.goals.find((x) => x.goal.id === id)!;
    return `"${shorten.goalText(g.goal.text)}" ${g.firstRating} -> ${g.latestRating}`;
  };
  const dose = (activity: string) => doseItem(r.doses.find((m) => m.activity === activity)!);
  const better = [...s.better.filter((n) => n !== 'pain_before').map(item), ...s.dosesBetter.map(dose), ...s.goalsBetter.map(goal)];
  const worse = [...s.worse.map(item), ...s.dosesWorse.map(dose), ...shorten.worseGoals(s.goalsWorse.map(goal))];
  const talk = 'Setbacks happen; this is worth talking over with your physiotherapist or doctor.';
  const tail = worse.length ? [`Worse than at the start: ${worse.join('; ')}. ${talk}`] : [];

  switch (s.kind) {
    case 'not-enough-data':
      // R1: program weeks 1-2 are over with nothing logged in them (a start date given, sessions
      // begun later): asking to log in them asked for weeks gone by. Say so, and what still compares.
      if (byName.get('sessions_per_week')?.missing === 'no-sessions-then') {
        return {
          lead: `Not enough data yet. Nothing was logged in your first two program weeks (${shortDate(r.then.from)} to ${shortDate(r.then.to)}), the weeks the review compares your sessions with. Weekly check-ins (pace checkin) and goals (pace goal add) are compared from their first answers.`,
          items: [],
          tail: [],
        };
      }
      return {
        lead: s.readyAfter
          ? `Not enough data yet. The review compares your first two program weeks with the weeks after them; it can start after ${shortDate(s.readyAfter)}.`
          : 'Not enough data yet. Log a few sessions in your first two weeks, and in the weeks after, to have something to compare.',
        items: [],
        tail: [],
      };
    case 'pain-same-but-better': {
      // R3: said only when no goal, and not the function score, got clearly worse beside it.
      const functionWorse = s.worse.includes('function_score') || s.goalsWorse.length > 0;
      return {
        lead: `Your pain before sessions is about the same as in your first two weeks (${span(byName.get('pain_before')!)}), but other things have clearly changed for the better:`,
        items: better,
        tail: [...(functionWorse ? [] : ['Function often improves before pain does.']), ...tail],
      };
    }
    case 'no-clear-change':
      return { lead: 'Since your first two weeks, nothing has changed clearly yet, better or worse. Small changes take a while to show.', items: [], tail: [] };
    case 'changes': {
      const all = s.better.includes('pain_before') ? [item('pain_before'), ...better] : better;
      if (all.length) return { lead: 'Since your first two weeks, these have clearly changed for the better:', items: all, tail };
      return { lead: 'Since your first two weeks, some things have clearly changed for the worse:', items: worse, tail: [talk] };
    }
  }
}

/** The summary in one paragraph, as `review --json` gives it. */
export function reviewSummary(r: Review): string {
  const p = summaryParts(r);
  return [p.items.length ? `${p.lead} ${p.items.join('; ')}.` : p.lead, ...p.tail].join(' ');
}
