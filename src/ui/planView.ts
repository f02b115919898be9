import { describeReason, describeSuggestion, formatAmount, weekBeforeOf, type Hold, type ProgramStanding, type Suggestion, type WeekPlan } from '../core/coach/index.js';
import { isoWeekday, shortDate, shortDateYear } from '../core/dates.js';
import type { IsoDate } from '../core/types.js';
import { dayLabel, sessionLabel, type ActivitySessions } from '../core/days.js';
import { typedName } from '../core/names.js';
import type { Style } from './style.js';
import { HELD, holdChanges } from './fit.js';
import { table } from './table.js';

export const PHASE_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: 'baseline',
  2: 'slow progression',
  3: 'consolidation',
  4: 'maintenance and progression',
};

/** The warning signs behind a hold or a pause, " (chest-pain, ...)", or nothing when none are named. */
export function holdSigns(hold: Hold): string {
  return hold.symptoms.length ? ` (${hold.symptoms.join(', ')})` : '';
}

/** A hold in one word or two: a pause (T3) or a hold (T2), as in "your plan stays paused". */
export function holdState(hold: Hold): 'paused' | 'on hold' {
  return hold.kind === 'stop' ? 'paused' : 'on hold';
}

/** T2: the way out of a hold. */
export const HOLD_WAY_OUT = 'Once a physiotherapist or doctor has checked it, run: pace triage --cleared';

/** T2/T3: a hold or a pause is the first thing a person sees, with its cause and the way out. */
export function holdLines(style: Style, hold: Hold | null): string[] {
  if (!hold) return [];
  const { c } = style;
  const what = holdSigns(hold);
  if (hold.kind === 'stop') {
    return [
      // The pause has one day; its signs may have several (an assess sign the day before), so the day goes with the pause.
      c.red.bold(`PLAN PAUSED since ${shortDate(hold.since)}: ${hold.symptoms.length > 1 ? 'warning signs were' : 'a warning sign was'} recorded${what}.`),
      'No quotas until a clinician has seen you. When they have cleared you to resume, run: pace triage --cleared',
    ];
  }
  return [
    c.yellow.bold(`Plan on hold since ${shortDate(hold.since)}${what}: no increases until you have been assessed.`),
    HOLD_WAY_OUT,
  ];
}

/** P: a week before program week 1 is no week of the program: "before your program starts on Fri 4 Dec 2026". */
export function beforeProgramWords(p: Pick<ProgramStanding, 'programStart'>, today: IsoDate): string {
  const start = p.programStart as IsoDate;
  return `before your program ${start > today ? 'starts' : 'started'} on ${shortDateYear(start)}`;
}

/** `today` sets the tense of a week before the program ("starts", "started"). */
export function planLines(style: Style, p: WeekPlan & ProgramStanding, sessions: ReadonlyMap<string, ActivitySessions> = new Map(), today: IsoDate = p.weekStart): string[] {
  const { c } = style;
  // Q9: whether the week before the planned one is over, going on or to come, for its reasons' words.
  const before = weekBeforeOf(today, p.weekStart);
  const lines = [...holdLines(style, p.hold)];
  if (lines.length) lines.push('');
  const where = p.beforeProgram ? beforeProgramWords(p, today) : `program week ${p.programWeek}, phase ${p.phase} (${PHASE_NAMES[p.phase]})`;
  lines.push(c.bold(`Plan for the week of ${shortDateYear(p.weekStart)}`) + ` - ${where}, ${p.mode} mode`);
  if (p.activities.length === 0) {
    // T3: under a pause, nothing invites a session; the pause's own lines say what comes first.
    const paused = p.hold?.kind === 'stop';
    if (!p.beforeProgram) lines.push(paused ? 'Nothing to plan yet.' : 'Nothing to plan yet. Log a comfortable session, for example: pace log walk 10');
    else if ((p.programStart as IsoDate) > today) lines.push(paused ? 'Nothing to plan before then.' : `Nothing to plan before then. A session you log sooner starts the program in its week.`);
    else lines.push('Nothing was planned: the program had not started.');
    return lines;
  }
  lines.push(
    table(
      style,
      ['activity', 'per session', 'sessions', 'change', 'why'],
      p.activities.map((a) => [
        a.activity,
        a.quota === null ? '-' : formatAmount(a.quota, a.unit),
        a.quota === null ? '-' : `${a.sessionsPerWeek}x`,
        a.change,
        wrap(describeReason(a.reason, a.unit, p.mode, before), 56),
      ]),
      ['left', 'right', 'right', 'left', 'left'],
    ),
  );
  // Q9: the week in progress is read as it stands; the person must not take a hold for a verdict.
  // A week further ahead rests on one not begun, so "this week" and "so far" would misname it.
  if (before === 'going-on' && !p.paused) lines.push('This week is not over yet: this plan counts the sessions logged so far, and can change as you log more.');
  if (before === 'to-come' && !p.paused) lines.push('The week before this one has not begun yet: this plan can change as you log more.');
  lines.push(...whenLines(p, sessions));
  const flareDays = p.activities.filter((a) => a.flareDayDose !== null).map((a) => `${a.activity} ${formatAmount(a.flareDayDose!, a.unit)}`);
  if (flareDays.length) lines.push(`On a bad day, do less rather than nothing: ${flareDays.join(', ')} (half the quota).`);
  const offers = p.activities.filter((a) => a.offer !== null);
  if (offers.length) {
    lines.push(`On offer: ${offers.map((a) => `${a.activity} ${formatAmount(a.offer!, a.unit)}`).join(', ')}. Take it only if you feel ready: pace plan --accept-increase`);
  }
  if (p.suggestion) lines.push('', suggestionSentence(p.suggestion));
  return lines;
}

/**
 * Breaks a paragraph into lines of at most `width` characters. A change ("0.0 -> 1.0") is one
 * word: a line never ends on a number whose arrow starts the next.
 */
export function wrap(text: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of holdChanges(text).split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n').replaceAll(HELD, ' ');
}

/** D1/D2: each activity's sessions on their days ("walk: Mon 8:00, Wed 8:00, Fri 8:00"), and whose days they are. */
function whenLines(p: WeekPlan, sessions: ReadonlyMap<string, ActivitySessions>): string[] {
  const lines: string[] = [];
  let chosen: string | null = null;
  for (const a of p.activities) {
    const own = sessions.get(a.activity);
    if (!own || own.sessions.length === 0) continue;
    const when = own.sessions.map((s) => sessionLabel(isoWeekday(s.date) - 1, s.time)).join(', ');
    const why =
      own.source === 'spread'
        ? ' (spread over the week)'
        : own.source === 'added'
          ? ` (your days, with ${own.added.map(dayLabel).join(', ')} added for the ${a.sessionsPerWeek} sessions planned)`
          : '';
    if (own.source === 'spread') chosen ??= a.activity;
    lines.push(`  ${a.activity}: ${when}${why}`);
  }
  if (lines.length === 0) return [];
  // D1: the example names an activity of this plan, so that it runs as typed.
  return ['When:', ...lines, ...(chosen !== null ? [`Choose your own days and time with, for example: pace schedule ${typedName(chosen)} mon,wed,fri --at 08:00`] : [])];
}

/** P3/P4: the phase's suggestion as a sentence of its own (--json keeps the phrase, as it keeps reasons). */
export function suggestionSentence(s: Suggestion): string {
  const text = describeSuggestion(s);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
