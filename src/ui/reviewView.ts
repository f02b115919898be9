import { shortDate, shortDateYear } from '../core/dates.js';
import type { Verdict } from '../core/outcomes/measures.js';
import type { Review } from '../core/outcomes/review.js';
import { latestRatingWords } from '../core/outcomes/goals.js';
import { changeWords, closedWords, GOAL_SCALE } from './goalView.js';
import { beforeProgramWords, wrap as wrapText } from './planView.js';
import { countLabel, doseLabel, doseValue, formatValue, MEASURE_LABELS, ownWindows, shownMeasures, summaryParts, VERDICT_WORDS } from './reviewWords.js';
import type { Style } from './style.js';
import { table } from './table.js';

/** `pace review` for people: R3's words first, then each measure, then each goal. */
const wrap = (text: string, width: number) => wrapText(text, width).split('\n');

export function reviewLines(style: Style, r: Review): string[] {
  const { c } = style;
  const words = summaryParts(r);
  const where = r.beforeProgram ? beforeProgramWords(r, r.today) : `program week ${r.programWeek}`;
  // For a pipe, lines of 88 at most; a terminal, or a width from COLUMNS, gets them broken to its
  // own width by print, once: broken at 88 first, then at 40, a paragraph read in ragged halves.
  const para = (text: string, width: number) => (style.width === undefined ? wrap(text, width) : [text]);
  const lines = [c.bold(`Review, ${shortDateYear(r.today)} - ${where}`), '', ...para(words.lead, 88)];
  for (const b of words.items) lines.push(...para(`- ${b}`, 86).map((l, i) => (i === 0 ? `  ${l}` : `    ${l}`)));
  for (const t of words.tail) lines.push(...para(t, 88));
  lines.push('');
  const paint = (v: Verdict, text: string) => (v === 'better' ? c.green(text) : v === 'worse' ? c.yellow(text) : v === 'same' ? text : c.dim(text));
  lines.push(
    table(
      style,
      ['', 'then', 'now', ''],
      [
        // R1: with no session timed, minutes are no measure of them; their own rows follow.
        ...shownMeasures(r).flatMap((m) => [
          [MEASURE_LABELS[m.name], formatValue(m.name, m.then), formatValue(m.name, m.now), paint(m.verdict, VERDICT_WORDS[m.verdict])],
          // R1: a rate per 4 weeks has its count on the row below ("2.0" over "1"), so that it is
          // never read as one; a row of its own keeps the table within 80 columns.
          ...(m.counts && m.counts.then + m.counts.now > 0 ? [[countLabel(m.counts), String(m.counts.then), String(m.counts.now), '']] : []),
        ]),
        // R1: reps, metres and steps are not minutes: each such activity has its own row.
        ...r.doses.map((m) => [`${m.activity}, ${doseLabel(m)}`, doseValue(m.then), doseValue(m.now), paint(m.verdict, VERDICT_WORDS[m.verdict])]),
      ],
      ['left', 'right', 'right', 'left'],
    ),
  );
  lines.push(c.dim(`then: ${shortDate(r.then.from)} to ${shortDate(r.then.to)} (program weeks 1-2; check-ins and goals: the first answers)`));
  // Q1: an activity begun later is compared with its own first two weeks.
  for (const m of ownWindows(r)) {
    const against = m.now === null ? '' : `, against ${shortDate(m.now.from)} to ${shortDate(m.now.to)}`;
    lines.push(c.dim(`      ${m.activity}: its own first two weeks, ${shortDate(m.then.from)} to ${shortDate(m.then.to)}${against}`));
  }
  // R1: before a whole week after the first two is over, "now" is a week still running, or (in
  // weeks 1-2) one that has not begun.
  const nowWhat = r.today < r.now.from ? 'not begun yet' : r.today < r.now.to ? 'not over yet' : 'the last weeks that are over, at most four';
  lines.push(c.dim(`now:  ${shortDate(r.now.from)} to ${shortDate(r.now.to)} (${nowWhat})`));
  if (r.goals.length) {
    lines.push('', c.bold('Goals') + ` (${GOAL_SCALE})`);
    for (const g of r.goals) {
      const closed = g.goal.status === 'open' ? '' : ` (${closedWords(g.goal.status)})`;
      const change =
        g.firstRating === null || g.latestRating === null ? 'not rated'
        : g.goal.ratings.length < 2 ? `${latestRatingWords(g, r.today)}, rated once so far`
        // R1: re-rated, but too early to judge (no whole week after the first two is over).
        : g.verdict === 'not-enough-data' ? `${g.firstRating} -> ${latestRatingWords(g, r.today)}, ${VERDICT_WORDS['not-enough-data']}`
        : changeWords(g.firstRating, g.latestRating, g.clearChange, String, latestRatingWords(g, r.today));
      lines.push(`  ${g.goal.id}. ${g.goal.text}${closed}: ${paint(g.verdict, change)}`);
    }
  }
  lines.push('', c.dim('Better or worse means a change beyond the usual ups and downs of these measures; it does not say why.'));
  return lines;
}
