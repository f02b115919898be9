import type { ClinicReport, ReportEvent } from '../../core/report/report.js';
import { oneDecimal, oneDecimalText } from '../../core/numbers.js';
import { PHASE_NAMES } from '../planView.js';
import { doseLabel, doseValue, MEASURE_LABELS, ownWindows, summaryParts, VERDICT_WORDS } from '../reviewWords.js';
import { closedWords, GOAL_SCALE } from '../goalView.js';
import { latestRatingWords } from '../../core/outcomes/goals.js';
import { doseChart, eventKey, eventKeyWords, outcomeChart, painChart } from './charts.js';
import { cut, EVENT_NAMES, eventWords, firstOf, holdWords, unitWord } from './words.js';
import { dateWithin, longDate } from '../../core/dates.js';
import type { Span } from '../../core/outcomes/windows.js';
import type { DoseMeasure } from '../../core/outcomes/doses.js';
import { isoWeekday, toDayNumber } from '../../core/dates.js';
import type { IsoDate } from '../../core/types.js';

// C1: the page as both renderers lay it out, in its order, already cut to fit one page: long
// goal texts and many events end in "and N more", never on a second page.

import type { Paper } from '../../core/report/paper.js';
export type { Paper };

/** How much of each list fits. The PDF renderer tries the next, tighter set if a page overflows. */
export const FITS = [
  { changes: 5, goals: 5, goalText: 70, events: 8, eventText: 80, notes: 4, noteText: 110 },
  { changes: 3, goals: 4, goalText: 50, events: 5, eventText: 60, notes: 2, noteText: 80 },
  { changes: 2, goals: 3, goalText: 40, events: 3, eventText: 45, notes: 1, noteText: 60 },
] as const;
export type Fit = (typeof FITS)[number];

export interface ReportPage {
  title: string;
  subtitle: string;
  facts: string;
  hold: { kind: 'assess' | 'stop'; title: string; detail: string } | null;
  /** Said instead of the charts' figures when nothing was recorded in the period. */
  empty: string | null;
  /** R1: which weeks were compared, null while none after weeks 1-2 is over (the lead says so). */
  changes: { lead: string; items: string[]; tail: string[]; compared: string | null };
  charts: { title: string; svg: string }[];
  key: string;
  /** The key's markers in words, for a reader who cannot see them. */
  keyWords: string;
  /** The charts' numbers by week, for a reader who cannot see the charts. */
  figures: { caption: string; head: string[]; rows: string[][] };
  /** M2: the heading gives the ratings' scale, as the charts give theirs. */
  goals: { heading: string; rows: [string, string, string, string, string][]; more: string | null; none: string | null; score: string | null };
  events: { rows: [string, string, string][]; more: string | null; none: string | null };
  summary: [string, string][];
  notes: { rows: [string, string][]; more: string | null; none: string | null } | null;
  footer: string;
}

const modeWord = (m: ClinicReport['mode']) => (m === 'envelope' ? 'energy-envelope' : 'graded');

/** S2: the mode in force, and when the period changed mode, each one from the Monday it began. */
function modesWords(r: ClinicReport): string {
  const [first, ...later] = r.modes;
  if (first === undefined) return `${modeWord(r.mode)} mode`;
  return [`${modeWord(first.mode)} mode`, ...later.map((m) => `${modeWord(m.mode)} mode from ${longDate(m.from)}`)].join(', ');
}

const sentence = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

const sign = (x: number) => (x > 0 ? `+${x}` : String(x));

/** P: the program week and phase as of the period's end, or, before week 1, when the program starts. */
function programWords(r: ClinicReport): string {
  if (!r.beforeProgram || r.programStart === null) return `Program week ${r.programWeek}, phase ${r.phase} (${PHASE_NAMES[r.phase]})`;
  return `Before the program, which ${r.programStart > r.madeOn ? 'starts' : 'started'} on ${longDate(r.programStart)}`;
}

/**
 * T2/T3, C1: the events the list has room for, latest first. Warning signs and clearances are kept
 * before flares: a stop sign that paused the plan must not become "and 3 more" behind the weekly
 * flares that followed it. The flares left out are counted (each is still a mark on the time axis).
 */
function eventsThatFit(all: readonly ReportEvent[], max: number): { shown: ReportEvent[]; more: string | null } {
  const latestFirst = [...all].reverse();
  if (latestFirst.length <= max) return { shown: latestFirst, more: null };
  const keep = Math.max(0, max - 1);
  const kept = new Set([...latestFirst.filter((e) => e.kind !== 'flare'), ...latestFirst.filter((e) => e.kind === 'flare')].slice(0, keep));
  const shown = latestFirst.filter((e) => kept.has(e));
  const left = latestFirst.filter((e) => !kept.has(e));
  // "earlier" only when every event left out comes after the last one listed.
  const allEarlier = left.every((e) => latestFirst.indexOf(e) > latestFirst.indexOf(shown[shown.length - 1]!));
  const what = left.every((e) => e.kind === 'flare') && !allEarlier ? ' flares' : '';
  return { shown, more: `and ${left.length} more${what}${allEarlier ? ', earlier' : ''}` };
}

/**
 * M3, R1: the function score's change as the review judges it. Before any goal is re-rated there is
 * no change to speak of ("change 0" reads as no progress), and a re-rating given before a week
 * after the first two is over is too early to say, as each goal's row says.
 */
function functionChangeWords(r: ClinicReport): string {
  const fs = r.functionScore;
  const m = r.review.measures.find((x) => x.name === 'function_score');
  if (!fs.rerated || m?.missing === 'no-rerating') return ' (no goal re-rated yet)';
  if (m?.missing === 'no-week-after-start') return ' (too early to say whether it changed)';
  if (fs.change === null) return '';
  // M3: words say better or worse, as the review does, not only that something changed.
  const verdict = !fs.clearChange ? 'same' : fs.change > 0 ? 'better' : 'worse';
  return `, change ${sign(oneDecimal(fs.change))} (${VERDICT_WORDS[verdict]})`;
}

const spanWords = (s: Span) => `${dateWithin(s.from, s)} to ${longDate(s.to)}`;

/**
 * R1, C1: the weeks behind "what has changed". At a 3-month review weeks 1-2 lie before the
 * 12-week period (C2), so their figures are on no chart of the page: the reader is told where
 * they come from, as pace review says under its table.
 */
function comparedWords(r: ClinicReport, shown: readonly DoseMeasure[]): string | null {
  const { then, now, measures } = r.review;
  if (measures.some((m) => m.missing === 'no-week-after-start')) return null;
  const n = (toDayNumber(now.to) - toDayNumber(now.from) + 1) / 7;
  const last = n === 1 ? 'the last week that is over' : `the last ${n} weeks that are over`;
  // Q1: an activity begun later is compared over its own weeks, as pace review says under its
  // table; only those the page shows, so that many of them do not push it past one page.
  const own = ownWindows(r.review).filter((m) => shown.some((d) => d.activity === m.activity)).map((m) => `; ${m.activity}: its own first two weeks (${spanWords(m.then)})${m.now === null ? '' : ` with ${spanWords(m.now)}`}`);
  return `Compared: program weeks 1-2 (${spanWords(then)}) with ${last} (${spanWords(now)})${own.join('')}; check-ins: the first against the mean of ${n === 1 ? 'that week' : 'those weeks'}; goals: the first rating against the latest.`;
}

/** B3, C1: how many cycles, and when: a count alone does not tell last week from two months back. */
function cycleWords(dates: readonly IsoDate[], period: Span): string {
  const day = (x: IsoDate) => dateWithin(x, period);
  if (dates.length === 0) return '0';
  if (dates.length === 1) return `1 (boom on ${day(dates[0]!)})`;
  if (dates.length === 2) return `2 (booms on ${dates.map(day).join(', ')})`;
  return `${dates.length} (latest boom ${day(dates[dates.length - 1]!)})`;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * C1, C2: a period that ends before a Sunday ends its charts with a week that is not whole: made
 * on a Monday, its planned bar stood with nothing done beside it, like a week missed. Said once.
 */
function lastWeekWords(r: ClinicReport): string {
  const day = isoWeekday(r.period.to);
  if (day === 7) return '';
  return r.period.to >= r.madeOn ? '; the last one is in progress' : `; the last one only up to its ${DAY_NAMES[day - 1]}`;
}

export function reportPage(r: ClinicReport, fit: Fit = FITS[0]): ReportPage {
  const { from, to } = r.period;
  // The review's own words, with "to" for its arrow: "->" reads as two signs in a PDF's text,
  // and the embedded font has no arrow glyph.
  const arrow = (t: string) => t.replaceAll(' -> ', ' to ');
  // Goals named in what changed are cut as in the goals table, and so is the list of worse ones:
  // in full they filled the page and pushed the goals and events into a tighter fit.
  const worseGoals = (xs: string[]) => {
    const f = firstOf(xs, fit.changes);
    return f.more ? [...f.shown, `${f.more} goals`] : f.shown;
  };
  const raw = summaryParts(r.review, { goalText: (t) => cut(t, fit.goalText), worseGoals });
  const parts = { lead: arrow(raw.lead), items: raw.items.map(arrow), tail: raw.tail.map(arrow) };
  const changes = firstOf(parts.items, fit.changes);
  const goals = firstOf(r.goals, fit.goals);
  const events = eventsThatFit(r.events, fit.events);
  const notes = r.notes && firstOf([...r.notes].reverse(), fit.notes);
  // R1, C1: reps, metres and steps are on no minutes chart: each such activity's session, then and
  // now, as the review compares it.
  const doses = firstOf(r.review.doses, fit.changes);
  const weeks = r.weeks.length;
  const fs = r.functionScore;
  // R1, G1: the minutes charted are every timed activity's, as the review counts them; status
  // and the weekly aim count aerobic minutes, so bare "minutes" read as those.
  const doseWords = r.unit === 'min' ? 'minutes (any activity)' : unitWord(r.unit);
  return {
    title: 'Pacing report for the clinic',
    subtitle: `${longDate(from)} to ${longDate(to)} (${weeks} ${weeks === 1 ? 'week' : 'weeks'}${lastWeekWords(r)})`,
    facts: `${programWords(r)}, ${modesWords(r)}. Made ${longDate(r.madeOn)}.`,
    // T2/T3: a period that ended before the report was made shows the hold of its last day, as then.
    hold: r.hold && { kind: r.hold.kind, ...holdWords(r.hold, to < r.madeOn ? to : null) },
    empty: r.recorded ? null : `Nothing was recorded between ${longDate(from)} and ${longDate(to)}: no sessions, check-ins, goal ratings or symptoms.`,
    changes: { lead: parts.lead, items: changes.more ? [...changes.shown, changes.more] : changes.shown, tail: parts.tail, compared: comparedWords(r, doses.shown) },
    charts: [
      { title: r.unit === 'min' ? 'Planned and done minutes of any activity, by week' : `Planned and done ${unitWord(r.unit)} by week`, svg: doseChart(r) },
      { title: 'Pain before and after sessions, weekly mean', svg: painChart(r) },
      { title: 'Weekly check-in (PEG) and function score (goals)', svg: outcomeChart(r) },
    ],
    key: eventKey(),
    keyWords: eventKeyWords(),
    figures: {
      caption: 'The figures behind the charts, by week',
      head: ['Week of', `Planned ${doseWords}`, `Done ${doseWords}`, 'Pain before', 'Pain after', 'PEG', 'Function', 'Flares'],
      rows: r.weeks.map((w) => [
        longDate(w.weekStart),
        w.planned === null ? '-' : String(oneDecimal(w.planned)),
        String(oneDecimal(w.done)),
        ...[w.painBefore, w.painAfter, w.peg, w.functionScore].map((x) => (x === null ? '-' : oneDecimalText(x))),
        String(w.flares),
      ]),
    },
    goals: {
      heading: `Goals (${GOAL_SCALE})`,
      rows: goals.shown.map((g) => [
        cut(g.goal.text, fit.goalText) + (g.goal.status === 'open' ? '' : ` (${closedWords(g.goal.status)})`),
        g.firstRating === null ? '-' : String(g.firstRating),
        latestRatingWords(g, to),
        // M3: rated once, a goal has no change yet ("0" read as no progress), as the score line says.
        g.change === null || g.goal.ratings.length < 2 ? '-' : sign(g.change),
        g.verdict === 'not-enough-data' ? (g.goal.ratings.length < 2 ? 'not re-rated' : 'too early to say') : VERDICT_WORDS[g.verdict],
      ]),
      more: goals.more,
      none: r.goals.length === 0 ? 'No movement goals recorded.' : null,
      score: fs.score === null ? null : `Function score ${oneDecimalText(fs.score)} of 10${functionChangeWords(r)}`,
    },
    events: {
      rows: events.shown.map((e) => [longDate(e.date), EVENT_NAMES[e.kind], cut(eventWords(e), fit.eventText)]),
      more: events.more,
      none: r.events.length === 0 ? 'No flares or warning symptoms in this period.' : null,
    },
    summary: [
      ['Sessions', String(r.sessions)],
      // Q3, R1: named as the review names it: a mean of the weeks' shares, not done over planned.
      [sentence(MEASURE_LABELS.adherence_pct), r.adherencePct !== null ? `${r.adherencePct}%` : r.weeksOver === 0 ? 'no week over yet' : 'no plan'],
      ['Boom-bust cycles', cycleWords(r.boomBustDates, r.period)],
      // F1: days with a flare; the list beside names each session that belonged to one.
      ['Flares', String(r.flareDays)],
      ...doses.shown.map((m): [string, string] => [
        `${cut(m.activity, fit.goalText / 2)}, ${doseLabel(m)}`,
        m.then === null || m.now === null ? VERDICT_WORDS['not-enough-data'] : `${doseValue(m.then)} to ${doseValue(m.now)} (${VERDICT_WORDS[m.verdict]})`,
      ]),
      ...(doses.more ? [[doses.more, ''] as [string, string]] : []),
    ],
    notes: notes && {
      rows: notes.shown.map((n) => [longDate(n.date), cut(`${n.activity}: ${n.text}`, fit.noteText)]),
      more: notes.more && `${notes.more}, earlier`,
      none: r.notes && r.notes.length === 0 ? 'No notes in this period.' : null,
    },
    footer:
      `pace is a pacing journal, not a medical device: it does not diagnose, and its figures are what the person recorded. ` +
      `Made on ${longDate(r.madeOn)} on the person's own computer; nothing was sent anywhere.`,
  };
}
