import { describeBigDays, describeBoomBust, formatAmount, type Status } from '../core/coach/index.js';
import { mondayOf, shortDate, shortDateYear } from '../core/dates.js';
import { formatNumber } from '../core/coach/amounts.js';
import type { LatestFlare } from '../core/sessionResponse.js';
import type { MinutesWeek, SessionDoseTrend } from '../core/trends.js';
import { bar, sparkline } from './charts.js';
import { holdLines, PHASE_NAMES, suggestionSentence } from './planView.js';
import { shortTime } from '../core/days.js';
import type { TodaySession } from '../core/todaySessions.js';
import type { Style } from './style.js';
import { table } from './table.js';

const fmt = (n: number | null) => (n === null ? '-' : n.toFixed(1));

const UNIT_LABELS = { reps: 'Reps', m: 'Metres', steps: 'Steps' } as const;

const weeksOf = (t: SessionDoseTrend) => `${t.weeks.length} ${t.weeks.length === 1 ? 'week' : 'weeks'}`;

/**
 * `minutes` null: no session of the weeks shown is timed while others are (statusTrends). The
 * weekly aim stays (G3: progress toward it, without judging), but not a chart of weeks of zero
 * minutes: their own reps, metres or steps follow it.
 */
export function statusLines(style: Style, s: Status, minutes: readonly MinutesWeek[] | null, flare: LatestFlare | null = null, planned: readonly TodaySession[] = [], doses: readonly SessionDoseTrend[] = [], easing: LatestFlare | null = flare): string[] {
  const { c } = style;
  const lines = [...holdLines(style, s.hold)];
  if (lines.length) lines.push('');
  const where = s.beforeProgram ? 'before your program' : `program week ${s.programWeek}, phase ${s.phase} (${PHASE_NAMES[s.phase]})`;
  lines.push(c.bold(`Today, ${shortDateYear(s.today)}`) + ` - ${where}, ${s.mode} mode`);
  if (s.activities.length === 0) {
    // P: a start date after today: the program starts then, or sooner with a session logged sooner.
    // T3: under a pause, nothing invites a session; the pause's own lines say what comes first.
    const paused = s.hold?.kind === 'stop';
    if (s.programStart !== null && s.programStart > s.today) {
      const starts = `Your program starts on ${shortDateYear(s.programStart)}`;
      if (s.beforeProgram) lines.push('', `${starts} (program week 1 is the week of ${shortDate(mondayOf(s.programStart))}).`, ...(paused ? [] : ['A session you log sooner starts it in its week: pace log']));
      else lines.push('', paused ? `${starts}.` : `${starts}. After your first session: pace log`);
    } else lines.push('', paused ? 'Nothing logged yet.' : 'Nothing logged yet. After your first session: pace log');
    return lines;
  }

  lines.push('', c.bold(`This week, from ${shortDate(s.weekStart)}`));
  lines.push(
    table(
      style,
      ['activity', 'plan', 'done', 'total so far'],
      s.activities.map((a) => {
        const p = a.plan;
        const planned = !p ? 'new' : p.quota === null ? 'paused' : `${p.sessionsPerWeek} x ${formatAmount(p.quota, a.unit)}`;
        const done = p && p.quota !== null ? `${a.sessionsDone} of ${p.sessionsPerWeek}` : String(a.sessionsDone);
        return [a.activity, planned, done, formatAmount(a.doseDone, a.unit)];
      }),
      ['left', 'right', 'right', 'right'],
    ),
  );
  // Q1: an activity first done this week has no plan yet; the word in its column is explained.
  if (s.activities.some((a) => !a.plan)) lines.push('new: no plan yet this week; sessions logged now set the comfortable amount the plan starts from (pace plan shows next week).');

  // D1: today's planned sessions, at their times.
  if (planned.length) lines.push(todayLine(planned, easing));

  // F3: while the latest session is a flare, the bad-day doses come straight after the week.
  if (flare && flare.doses.length) {
    const doses = flare.doses.map((d) => `${d.activity} ${formatAmount(d.dose, d.unit)} (half of ${formatAmount(d.of, d.unit)})`).join(', ');
    lines.push('', c.yellow(`Your latest session (${flare.activity}, ${shortDate(flare.date)}) was a flare. On a flare day, do less rather than nothing: ${doses}.`));
  } else if (flare && !s.paused && s.hold !== null) {
    // T2: a flare that came with a sign to have checked gets no bad-day dose; the advice the log
    // gave (ease off, have it checked) is said again while the flare is the latest news.
    const signs = flare.reasons.flatMap((r) => (r.kind === 'symptom' ? r.codes : []));
    if (signs.length) lines.push('', c.yellow(`Your latest session (${flare.activity}, ${shortDate(flare.date)}) was a flare (${signs.join(', ')}): ease off ${flare.activity} rather than build it up, until it has been checked.`));
  }

  // G3: progress toward the aim, without judging.
  // Q6: a new aim shapes the plan from the next Monday; this week keeps the one it was planned with.
  const from = s.aimFrom === null ? '' : ` (new aim from ${shortDate(s.aimFrom)})`;
  // T3: while the plan is paused there is no aim to work toward, only what was done: a bar
  // toward 150 under "PLAN PAUSED" read as a target to reach before a clinician has seen them.
  const paused = s.paused;
  const pausedAim = `paused with the plan; ${s.weeklyMinutes} aerobic minutes this week`;
  const before = s.painTrend.map((p) => p.meanPainBefore);
  const after = s.painTrend.map((p) => p.meanPainAfter);
  // The aim's minutes (aerobic only), not review's minutes of any activity (R1): named as such.
  const weeksWord = minutes?.length === 1 ? 'week' : 'weeks';
  // G3: a week before the program's first, with nothing logged, is a week pace knew nothing of,
  // not a week of nothing done: "-" (or "none"), as the pain lines show a week without sessions.
  const untracked = minutes === null ? 0 : minutes.length - s.programWeek;
  const tracked = (minutes ?? []).map((m, i) => (i < untracked && m.minutes === 0 ? null : m.minutes));
  if (style.plain) {
    // For a screen reader, the charts' numbers alone, each line saying what they are first.
    const listed = (values: readonly (number | null)[], f: (n: number) => string) => values.map((v) => (v === null ? 'none' : f(v))).join(', ');
    const pain = (when: string, values: readonly (number | null)[]) => `Pain ${when} sessions, weekly means on the 0 to 10 scale, oldest first: ${listed(values, (n) => n.toFixed(1))}.`;
    lines.push(
      '',
      paused ? `Weekly aim: ${pausedAim}.` : `Weekly aim: ${s.weeklyMinutes} of ${s.targetMinutes} aerobic minutes this week${from}.`,
      ...(minutes === null ? [] : [`Aerobic minutes a week, the last ${minutes.length} ${weeksWord}, oldest first: ${listed(tracked, String)}.`]),
      ...doses.map((t) => `${t.activity}, ${t.unit} a session, the last ${weeksOf(t)}, oldest first: ${listed(t.weeks.map((w) => w.meanDose), formatNumber)}.`),
      pain('before', before),
      pain('after', after),
    );
  } else {
    lines.push('', paused ? `Weekly aim  ${pausedAim}` : `Weekly aim  ${c.cyan(bar(s.weeklyMinutes, s.targetMinutes, 20))}  ${s.weeklyMinutes} of ${s.targetMinutes} aerobic minutes this week${from}`);
    if (minutes !== null) {
      const maxMin = Math.max(s.targetMinutes, ...minutes.map((m) => m.minutes));
      lines.push(`Minutes     ${c.cyan(sparkline(tracked, maxMin))}  aerobic minutes a week, last ${minutes.length} ${weeksWord}: ${tracked.map((m) => m ?? '-').join(' ')}`);
    }
    // Q2, R1: reps, metres and steps are never minutes: each such activity's session, week by week.
    for (const t of doses) {
      const values = t.weeks.map((w) => w.meanDose);
      const max = Math.max(...values.map((v) => v ?? 0));
      lines.push(`${UNIT_LABELS[t.unit].padEnd(12)}${c.cyan(sparkline(values, max))}  ${t.activity}, ${t.unit} a session, last ${weeksOf(t)}: ${values.map((v) => (v === null ? '-' : formatNumber(v))).join(' ')}`);
    }
    lines.push(
      `Pain before ${c.magenta(sparkline(before, 10))}  ${before.map(fmt).join(' ')}`,
      `Pain after  ${c.magenta(sparkline(after, 10))}  ${after.map(fmt).join(' ')}`,
      c.dim('            weekly means on the 0-10 scale, oldest first'),
    );
  }

  lines.push('');
  const bb = describeBoomBust(s.boomBust, s.today);
  // B2/B3: below the alert, each big day says whether a crash followed it.
  if (bb) lines.push(c.yellow(`Noticed ${bb}.`));
  else lines.push(describeBigDays(s.boomBust, s.today) ?? 'No boom-and-bust pattern in the last 14 days.');

  if (s.acwr) {
    const flag = s.acwr.flag === 'spike' ? c.yellow(' - a spike: this week is well above your usual load') : s.acwr.flag === 'under' ? ' - below your usual load' : '';
    lines.push(`Load ratio ${s.acwr.ratio.toFixed(2)} (minutes in the last 7 days against the last 28)${flag}. ${c.dim('A loose signal borrowed from sports science, not a rule.')}`);
  }
  if (s.suggestion) lines.push('', suggestionSentence(s.suggestion));
  return lines;
}

/**
 * D1: "Planned today: walk 11 min at 7:30 (done), stretching 5 min at 9:00 (still to do)." F3: on a
 * flare day a session still to do is the flare-day dose, with what it is half of, as the advice
 * beside it says ("walk 5.5 min at 8:00 (still to do: a flare day, half of 11 min)").
 */
function todayLine(planned: readonly TodaySession[], flare: LatestFlare | null): string {
  const one = (t: TodaySession) => {
    const eased = flare?.doses.find((d) => d.activity === t.activity) ?? null;
    const toDo = eased !== null && !t.done ? eased : null;
    const quota = toDo !== null ? toDo.dose : t.quota;
    const amount = quota === null ? '' : ` ${formatAmount(quota, t.unit)}`;
    const state = toDo !== null ? `still to do: a flare day, half of ${formatAmount(toDo.of, toDo.unit)}` : t.done ? (eased !== null ? 'done, a flare day' : 'done') : 'still to do';
    return `${t.activity}${amount} at ${shortTime(t.time)} (${state})`;
  };
  return `Planned today: ${planned.map(one).join(', ')}.`;
}
