import { addDays, shortDate } from '../dates.js';
import type { IsoDate, Unit } from '../types.js';
import { formatAmount, formatNumber, hundredths, roundToStep, stepOf } from './amounts.js';
import { alertWindowFrom, type Boom, type BoomBust } from './boombust.js';
import type { Mode, Reason, Suggestion } from './types.js';

// Q8: reasons are data until here. The words are plain, never blaming: an unfinished week or a
// flare is information for the plan, not a failure.

function sessions(n: number): string {
  return n === 1 ? '1 session' : `${n} sessions`;
}

function timesAWeek(n: number): string {
  return n === 1 ? 'once a week' : `${n} times a week`;
}

/** "+10%" when the 10% rule set the step; otherwise the step itself ("+1 rep"). */
function stepUp(from: number, to: number, unit: Unit): string {
  // Q2: below ten steps (10 reps, 5 min) a tenth is less than one step, and the step of one unit
  // is more than 10%: 5 -> 6 reps is named "+1 rep", not "+10%".
  const tenthIsAStep = hundredths(from) >= hundredths(stepOf(unit) * 10);
  return tenthIsAStep && roundToStep(from * 1.1, unit) === to ? '+10%' : `+${formatAmount(to - from, unit)}`;
}

function symptomList(codes: readonly string[]): string {
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}

/** T2: what every reason for a week planned under a hold says instead of growth. */
const NO_INCREASES = 'no increases until you record that you were assessed';

/**
 * Q9: where the week before the planned one stands on the day the plan is shown: over (the
 * planned week has begun, or is past), going on (the plan for next week, read from the sessions so
 * far), or to come (a week further ahead, whose week before has not begun).
 */
export type WeekBefore = 'over' | 'going-on' | 'to-come';

export function weekBeforeOf(today: IsoDate, weekStart: IsoDate): WeekBefore {
  return today >= weekStart ? 'over' : today >= addDays(weekStart, -7) ? 'going-on' : 'to-come';
}

/**
 * S2: in envelope mode the plan never grows on its own, and the words must not say it does.
 * Q9: `before` says which words name the week before the planned one: "last week" once it is over;
 * "this week" while it goes on (`pace plan` on a Monday shows next week from the sessions so far),
 * where the planned week is "next week"; "the week before it" for a week further ahead.
 */
export function describeReason(reason: Reason, unit: Unit, mode: Mode = 'graded', before: WeekBefore = 'over'): string {
  const amt = (x: number) => formatAmount(x, unit);
  const envelope = mode === 'envelope';
  const weekWords = (words: Record<WeekBefore, string>) => words[before];
  switch (reason.rule) {
    case 'Q1': {
      const more = `${reason.sessionsNeeded} more ${reason.sessionsNeeded === 1 ? 'session feels' : 'sessions feel'} comfortable`;
      const starts = envelope ? 'your steady amount is set' : 'the plan starts to grow';
      const planned = weekWords({ over: 'this week', 'going-on': 'next week', 'to-come': 'that week' });
      // Q1 needs both the two weeks and the sessions: the sessions alone promised growth too soon.
      const after = reason.weeksNeeded > 1 ? 'after your first two weeks' : `after ${planned}`;
      const rest = reason.underHold ? NO_INCREASES : reason.sessionsNeeded === 0 ? `${starts} ${after}` : reason.weeksNeeded > 0 ? `${starts} ${after}, once ${more}` : `${starts} once ${more}`;
      if (reason.quota === null) return `finding your baseline: do an amount that feels easy; ${rest}`;
      if (reason.flareDate !== undefined) return `finding your baseline: flare on ${shortDate(reason.flareDate)}, so no more than ${weekWords({ over: "last week's", 'going-on': "this week's", 'to-come': "the week before's" })} ${amt(reason.quota)} for now; ${rest}`;
      if (reason.tolerated === 0) {
        return `finding your baseline: no session has felt comfortable yet, so try a gentle ${amt(reason.quota)}; ${rest}`;
      }
      // Q1: the median of one session is that session: "the middle of your 1 session" meant nothing.
      const from = reason.tolerated === 1 ? 'as in your one comfortable session so far' : `the middle of your ${reason.tolerated} comfortable sessions so far`;
      return `finding your baseline: repeat a comfortable ${amt(reason.quota)}, ${from}; ${rest}`;
    }
    case 'Q2':
      if (reason.kind === 'after-baseline') {
        return `baseline ${amt(reason.baseline)} from ${reason.tolerated} comfortable sessions over ${reason.weeks} weeks: ${stepUp(reason.baseline, reason.to, unit)}`;
      }
      return `completed ${Math.min(reason.done, reason.planned)} of ${sessions(reason.planned)} at ${amt(reason.from)}, no flare: ${stepUp(reason.from, reason.to, unit)}`;
    case 'Q4': {
      if ('kind' in reason) {
        // The weeks fell short in sessions that reached the quota, not in minutes.
        const to = reason.to === reason.from ? sessions(reason.toSessions) : reason.toSessions === reason.fromSessions ? amt(reason.to) : `${sessions(reason.toSessions)} of ${amt(reason.to)}`;
        const then = reason.underHold ? `; ${NO_INCREASES}` : `, then ${envelope ? 'steady again' : 'building up again'}`;
        return `${reason.weeks} weeks in a row short of ${sessions(reason.fromSessions)} of ${amt(reason.from)}: that is too much for now, so ${to} for a while${then}`;
      }
      const when = weekWords({ over: 'last week', 'going-on': 'so far this week', 'to-come': 'in the week before it, not begun yet' });
      const last = reason.done === 0 ? `no session reached ${amt(reason.quota)} ${when}` : `${reason.done} of ${sessions(reason.planned)} reached ${amt(reason.quota)} ${when}`;
      const then = envelope ? 'steady full weeks come first' : 'the plan grows after a full week';
      return `${last}: staying at ${amt(reason.quota)}, no hurry; ${then}`;
    }
    case 'Q5': {
      const when = `flare on ${shortDate(reason.flareDate)}`;
      // T2: under a hold the level stays until the assessment, not for one week.
      const span = reason.underHold ? `; ${NO_INCREASES}` : ' for one week';
      if (reason.from === reason.to && reason.fromSessions !== reason.toSessions) {
        return `${when}: back to ${sessions(reason.toSessions)} of ${amt(reason.to)}${span}`;
      }
      if (reason.atBaseline && reason.from === reason.to) return `${when}: staying at your baseline of ${amt(reason.to)}${span}`;
      return `${when}: back to ${amt(reason.to)}${span}`;
    }
    case 'Q6':
      if (reason.kind === 'sessions' && reason.afterBaseline !== undefined) {
        const b = reason.afterBaseline;
        return `baseline ${amt(reason.quota)} from ${b.tolerated} comfortable sessions over ${b.weeks} weeks: sessions stay at ${amt(reason.quota)}, one more a week (${reason.to})`;
      }
      if (reason.kind === 'sessions') {
        return `completed ${Math.min(reason.done, reason.planned)} of ${sessions(reason.planned)} at ${amt(reason.quota)}, no flare: sessions stay at ${amt(reason.quota)}, one more a week (${reason.to})`;
      }
      if (reason.kind === 'reps') {
        return `${amt(reason.quota)} a session is where the plan stops adding reps: maintain, and ask your clinician about a harder variation when it feels easy`;
      }
      if (reason.kind === 'target' && reason.others > 0) {
        return `with your other aerobic activities that is ${formatNumber(reason.weeklyMinutes)} min a week, your weekly aim of ${formatNumber(reason.target)} min: maintain`;
      }
      if (reason.kind === 'target') {
        return `${amt(reason.quota)} ${timesAWeek(reason.sessions)} is ${formatNumber(reason.weeklyMinutes)} min, your weekly aim of ${formatNumber(reason.target)} min: maintain`;
      }
      return `${amt(reason.quota)} ${timesAWeek(reason.sessions)} is as far as the plan ${envelope ? 'goes' : 'grows'}: maintain`;
    case 'Q7': {
      const parts = [reason.quota !== null ? amt(reason.quota) : null, reason.sessionsPerWeek !== null ? timesAWeek(reason.sessionsPerWeek) : null];
      const then = reason.underHold
        ? NO_INCREASES
        : envelope
          ? 'the plan holds here and offers an increase only after steady weeks'
          : 'the plan grows from here';
      return `set by hand on ${shortDate(reason.setOn)}: ${parts.filter((p) => p !== null).join(', ')}; ${then}`;
    }
    case 'Q10': {
      const away = `back after ${reason.weeks} weeks without ${reason.activity}`;
      if (reason.kind === 'rebaseline') {
        const from = reason.held ? `as planned before the break, less than half of your last ${amt(reason.last)}` : `half of your last ${amt(reason.last)}`;
        return `${away}: fitness fades in a break, so start again gently at about ${amt(reason.quota)} (${from}) and find a new comfortable amount over two weeks`;
      }
      const then = reason.underHold ? NO_INCREASES : envelope ? 'then steady again' : 'then building up again';
      // Q8: when only the sessions a week came down, the reason says that, not the minutes.
      if (reason.from === reason.to && reason.fromSessions > reason.toSessions) {
        return `${away}: ${sessions(reason.toSessions)} of ${amt(reason.to)} (down from ${reason.fromSessions}, as fitness fades in a break), ${then}`;
      }
      if (reason.from === reason.to) return `${away}: ${amt(reason.to)}${reason.atBaseline ? ', your baseline' : ''}, ${then}`;
      return `${away}: ${amt(reason.to)} (down from ${amt(reason.from)}, as fitness fades in a break), ${then}`;
    }
    case 'P1':
      return `the first two weeks build the habit, not the amount: staying at ${amt(reason.quota)}`;
    case 'T2':
      if (reason.clearedOn !== undefined) {
        return `cleared on ${shortDate(reason.clearedOn)}: the rest of this week at ${amt(reason.quota)}, as planned; the plan moves on after a full week`;
      }
      return `waiting for an assessment since ${shortDate(reason.since)}${symptomList(reason.symptoms)}: staying at ${amt(reason.quota)}, ${NO_INCREASES}`;
    case 'T3': {
      const resume = reason.resumeQuota !== null ? `; the plan resumes at ${amt(reason.resumeQuota)} when a clinician clears you` : '';
      return `paused since ${shortDate(reason.since)}${symptomList(reason.symptoms)}: no exercise until a clinician has seen you${resume}`;
    }
    case 'S2':
      if (reason.kind === 'offer') {
        return `${reason.weeks} steady weeks at ${amt(reason.quota)} with no flare: ${amt(reason.offer)} is on offer if it feels right; until you accept, the plan stays at ${amt(reason.quota)}`;
      }
      if (reason.kind === 'accepted') {
        return `you accepted ${amt(reason.to)} on ${shortDate(reason.acceptedOn)} (up from ${amt(reason.from)})`;
      }
      return `envelope mode: staying at ${amt(reason.quota)}; the plan does not increase on its own`;
  }
}

export function describeSuggestion(s: Suggestion): string {
  if (s.rule === 'P4') return `choose a goal for everyday life to train toward, for example ${s.goals.slice(0, 3).join(', ')}`;
  const ideas = s.ideas.map((i) => `${i.activity} (${i.category}), ${formatAmount(i.dose, i.unit)} ${timesAWeek(i.sessionsPerWeek)}`);
  return `so far everything has been ${s.doneCategory}; when you are ready, add something small: ${ideas.join(' and ')}`;
}

// B3: booms and boom-bust patterns in plain words. A good day is not a fault; the point is the
// pattern, and what helps: sticking to the plan on good days too.

/**
 * B3 as a boom is logged; a back-dated one is named by its day, not "today". Against a quota it
 * names the planned session's dose, which is true on a day the plan leaves free as well (B1
 * compares with the week's quota whatever the day).
 */
export function describeBoom(boom: Boom, unit: Unit, today: IsoDate): string {
  const isToday = boom.date === today;
  const when = isToday ? 'today' : `on ${shortDate(boom.date)}`;
  const against =
    boom.basis === 'quota' ? `your planned session of ${formatAmount(boom.reference, unit)}` : isToday ? 'your usual day lately' : 'your usual day before it';
  return `${formatAmount(boom.dose, unit)} ${when} is ${formatNumber(boom.ratio)} x ${against}; on good days, sticking to the plan keeps the bad days fewer`;
}

/** B2: the crash after a big day; a big day that was itself a flare crashed "the same day". */
function crashWords(c: BoomBust['cycles'][number]): string {
  if (c.bustDate === c.boomDate) return 'with a flare the same day';
  return `then ${c.bust === 'flare' ? 'a flare' : 'two low days'} by ${shortDate(c.bustDate)}`;
}

/** Null when there is no pattern to report. */
export function describeBoomBust(bb: BoomBust, today: IsoDate): string | null {
  if (!bb.alert) return null;
  const recent = bb.cycles.filter((c) => c.boomDate >= alertWindowFrom(today));
  const list = recent.map((c) => `${c.activity} on ${shortDate(c.boomDate)}, ${crashWords(c)}`);
  return `a boom-and-bust pattern: ${bb.cycles14d} times in the last 14 days a big day was followed by a crash (${list.join('; ')}). Keeping to the plan on good days helps break it`;
}

/**
 * B2/B3 below the alert: the big days of the last 14 days, each with the crash that followed it, if
 * any (one cycle is not yet a pattern, but it is not "no crash" either). Null when there was none.
 */
export function describeBigDays(bb: BoomBust, today: IsoDate): string | null {
  const from = alertWindowFrom(today);
  const dates = [...new Set(bb.booms.filter((b) => b.date >= from).map((b) => b.date))];
  if (dates.length === 0) return null;
  const crashes = bb.cycles.filter((c) => c.boomDate >= from);
  if (crashes.length === 0) return `Big days in the last 14 days: ${dates.map(shortDate).join(', ')}; no crash after them so far.`;
  const words = dates.map((d) => {
    const c = crashes.find((x) => x.boomDate === d);
    return c ? `${shortDate(d)}, ${crashWords(c)}` : `${shortDate(d)}, no crash after it so far`;
  });
  return `Big days in the last 14 days: ${words.join('; ')}.`;
}
