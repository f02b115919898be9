import { shortDate } from '../core/dates.js';
import type { MeasureName, Measure, Verdict } from '../core/outcomes/measures.js';
import type { Review } from '../core/outcomes/review.js';

// R3's words: what changed, said plainly, pain included; never that the exercise caused it, never
// a diagnosis. The JSON's "summary" and the first lines people read are this same text.

export const MEASURE_LABELS: Record<MeasureName, string> = {
  minutes_per_week: 'active minutes a week',
  sessions_per_week: 'sessions a week',
  adherence_pct: 'planned sessions done',
  pain_before: 'pain before sessions',
  pain_change: 'pain rise during sessions',
  peg: 'PEG score (pain and its interference)',
  function_score: 'function score (your goals)',
  flares_per_4_weeks: 'flares per 4 weeks',
  boom_bust_cycles: 'boom-bust cycles per 4 weeks',
};

export const VERDICT_WORDS: Record<Verdict, string> = { better: 'better', same: 'about the same', worse: 'worse', 'not-enough-data': 'not enough data yet' };

/** A measure's value as people read it: whole minutes, percentages, one decimal otherwise. */
export function formatValue(name: MeasureName, x: number | null): string {
  if (x === null) return '-';
  if (name === 'minutes_per_week') return String(Math.round(x));
  if (name === 'adherence_pct') return `${Math.round(x)}%`;
  return (Math.round(x * 10) / 10).toFixed(1);
}

const span = (m: Measure) => `${formatValue(m.name, m.then)} -> ${formatValue(m.name, m.now)}`;

export function reviewSummary(r: Review): string {
  const s = r.summary;
  const byName = new Map(r.measures.map((m) => [m.name, m]));
  const m = (n: MeasureName) => byName.get(n)!;
  const goals = r.goals.filter((g) => s.goalsBetter.includes(g.goal.id)).map((g) => `"${g.goal.text}" ${g.firstRating} -> ${g.latestRating}`);
  const betters = [...s.better.filter((n) => n !== 'pain_before').map((n) => `${MEASURE_LABELS[n]} ${span(m(n))}`), ...goals];
  const worse = [
    ...s.worse.map((n) => `${MEASURE_LABELS[n]} ${span(m(n))}`),
    ...r.goals.filter((g) => s.goalsWorse.includes(g.goal.id)).map((g) => `"${g.goal.text}" ${g.firstRating} -> ${g.latestRating}`),
  ];
  const worseText = worse.length ? ` Worse than at the start: ${worse.join('; ')}. That is worth talking over with your physiotherapist or doctor.` : '';

  switch (s.kind) {
    case 'not-enough-data':
      return s.readyAfter
        ? `Not enough data yet. The review compares your first two program weeks with the weeks after them; it can start after ${shortDate(s.readyAfter)}.`
        : 'Not enough data yet. Log a few sessions in your first two weeks, and in the weeks after, to have something to compare.';
    case 'pain-same-but-better':
      return `Your pain before sessions is about the same as in your first two weeks (${span(m('pain_before'))}), but other things have clearly changed for the better: ${betters.join('; ')}. Function often improves before pain does.${worseText}`;
    case 'no-clear-change':
      return 'Since your first two weeks, nothing has changed clearly yet, better or worse. Small changes take a while to show.';
    case 'changes': {
      const better = betters.length || s.better.includes('pain_before') ? ` Better: ${[...(s.better.includes('pain_before') ? [`pain before sessions ${span(m('pain_before'))}`] : []), ...betters].join('; ')}.` : '';
      return `Since your first two weeks:${better}${worseText}`.replace(':  ', ': ');
    }
  }
}
