import { formatAmount, type FlareReason } from '../core/coach/index.js';
import { shortDate } from '../core/dates.js';
import type { TakenAnswer } from '../core/nextDay.js';
import type { NextDayAnswer } from '../core/safety.js';
import type { SessionResponse } from '../core/sessionResponse.js';
import type { TriageResult } from '../core/triage.js';
import { nearestName, typedName } from '../core/names.js';
import type { Session } from '../core/types.js';
import type { Hold } from '../core/coach/types.js';
import { HOLD_WAY_OUT, holdSigns } from './planView.js';
import { adviceFirst, sessionSummary, triageLines } from './render.js';
import { makeStyle, type Style } from './style.js';

/** What `pace log` says to a person about the session it saved (the JSON carries the same facts). */
export function logLines(
  color: boolean,
  s: Session,
  result: TriageResult | null,
  checkin: NextDayAnswer | null,
  response: SessionResponse,
  taken: TakenAnswer | null = null,
): string[] {
  const style = makeStyle(color);
  const lines = [`${style.c.green('Saved')}: ${sessionSummary(s)} (session ${s.id}).`, ...takenAnswerLines(taken)];
  // F2: "not settled" is assess advice (T2), so it leads like the session's own.
  const notSettled = checkin !== null && !checkin.settled ? nextDayLines(style, checkin) : [];
  if (checkin && checkin.settled) lines.push(...nextDayLines(style, checkin));
  // A flare is named before the symptoms that came with it; stop and assess advice leads (T2, T3).
  lines.push(...responseLines(style, response));
  const own = result ? triageLines(style, result) : [];
  const calm = result?.class === 'continue';
  // In the order decided: a stop sign first; otherwise the answer, which opened the hold.
  const lead = result?.class === 'stop' ? [...own, ...notSettled] : [...notSettled, ...(calm ? [] : own)];
  return adviceFirst(lead.length ? 'assess' : 'continue', lead, calm ? [...lines, ...own] : lines);
}

/** F1 and F3 for a flare; F4 only for a session that is not one. */
export function responseLines(style: Style, r: SessionResponse): string[] {
  // F2's warning sign is shown in the same output: the pain is in the summary, with no F4 words.
  if (r.kind === 'none' || r.kind === 'unsettled') return [];
  if (r.kind === 'expected') {
    const pain = `Pain ${r.from} -> ${r.to}`;
    // F4: pain at most 2 above before, and no flare: the log confirms an expected response, not
    // damage. "A small rise" only for a rise; no change or a fall is said as it is, with the same
    // confirmation.
    if (r.to > r.from) return [`${pain}: a small rise like this is your body responding to effort, not a sign of damage.`];
    if (r.to === r.from) return [`${pain}: no rise with the effort, an expected response and not a sign of damage.`];
    return [`${pain}: lower after than before, an expected response to effort and not a sign of damage.`];
  }
  const lines = [style.c.yellow.bold(`This counts as a flare: ${r.reasons.map(reasonWords).join('; ')}.`)];
  const d = r.flareDay;
  if (d) {
    const of = d.basis === 'quota' ? `the quota of ${formatAmount(d.of, d.unit)}` : `this session's ${formatAmount(d.of, d.unit)}`;
    lines.push(`On a flare day, do less rather than nothing: ${d.activity} ${formatAmount(d.dose, d.unit)} (half ${of}).`);
  }
  if (!r.reasons.some((x) => x.kind === 'symptom')) {
    // F3: logged after its flare day, "tomorrow" is already past.
    const when = r.past ? 'from that day has not settled since' : 'has not settled by tomorrow';
    lines.push(`If the pain ${when}, or it worries you, talk to your physiotherapist or doctor.`);
  }
  return lines;
}

function reasonWords(r: FlareReason): string {
  if (r.kind === 'marked') return 'you marked it as one';
  if (r.kind === 'pain-rise') return `pain rose from ${r.from} to ${r.to}`;
  return `${r.codes.join(', ')} ${r.codes.length === 1 ? 'was' : 'were'} recorded`;
}

/**
 * F2: a session added to a day already answered took that answer. Its hold (for "not settled")
 * opened when the answer was given, so nothing is said to open now.
 */
export function takenAnswerLines(a: TakenAnswer | null): string[] {
  if (!a) return [];
  const said = `On ${shortDate(a.answeredOn)} you said the pain from ${shortDate(a.date)}`;
  return a.settled
    ? [`${said} had settled; this session is noted with that answer.`]
    : [`${said} had not settled after a day: this session is one of that day's, so pain-over-24h is recorded with it too.`];
}

/** F2: the answer to the next-day check, and, for "not settled", the hold it opened (T2). */
export function nextDayLines(style: Style, a: NextDayAnswer): string[] {
  const what = `the pain from your ${a.activities.join(' and ')} on ${shortDate(a.date)}`;
  if (a.settled) return [`Noted: ${what} has settled.`];
  // The plan step of the advice says what the plan does; only a hold this answer opens is said to open.
  const opens = a.decision !== null && a.decision.holdBefore === null && a.decision.opens !== null;
  const lines = [`Noted: ${what} has not settled after a day. That day now counts as a flare${opens ? ', and a hold opens' : ''}:`];
  if (a.decision?.result) lines.push(...triageLines(style, a.decision.result));
  return lines;
}

/**
 * G3, Q6: a new activity in minutes whose name pace does not know (`spaziergang`, 散歩), logged
 * without --category, is "other", and its minutes never count toward the weekly aim. Said once,
 * when it is made. An activity keeps its category (cli.md), even once its sessions are deleted, so
 * the way out is to move the session to a new name that is aerobic.
 */
export function otherCategoryLines(s: Session, byDefault: boolean): string[] {
  if (!byDefault || s.category !== 'other' || s.unit !== 'min') return [];
  return [
    `${s.activity} is in the category other, so its minutes do not count toward your weekly aim of aerobic minutes.`,
    `If it is aerobic (a walk, a ride, a swim), say so while it has this one session: pace edit ${s.id} --category aerobic`,
  ];
}

/**
 * The journal's first session, asked by a person: how to change an answer typed wrong, said once.
 * Questions cannot be gone back to, and a pain after of 7 typed for 5 is saved as a flare.
 */
export function firstSessionLines(s: Session): string[] {
  return [`Typed something wrong? Change it with, for example: pace edit ${s.id} --pain-after 5`];
}

/**
 * A session that made a new activity beside others: said, since its plan is its own, with the
 * edit that moves it when the name looks like a typo of a known one ("wlak" for walk).
 */
export function newActivityLines(s: Session, namesBefore: readonly string[]): string[] {
  if (namesBefore.length === 0 || namesBefore.includes(s.activity)) return [];
  const meant = nearestName(s.activity, namesBefore);
  const line = `${s.activity} is a new activity, with a plan of its own.`;
  return [meant ? `${line} If you meant ${meant}: pace edit ${s.id} --activity ${typedName(meant)}` : line];
}

/**
 * The session just saved holds exactly what `twins` hold, logged in the last `minutes`: most
 * likely one session logged twice. Both are kept (two walks a day are real); the way to take this
 * one out is given.
 */
export function twinLines(s: Session, twins: readonly number[], minutes: number): string[] {
  if (twins.length === 0) return [];
  const ids = twins.length === 1 ? `session ${twins[0]}` : `sessions ${twins.slice(0, -1).join(', ')} and ${twins.at(-1)}`;
  return [`Same as ${ids}, logged in the last ${minutes} minutes. If it is one session logged twice, pace delete ${s.id} takes this one out.`];
}

/** T2: a session logged while an assess hold is open: the hold, what it asks and the way out. */
export function heldLines(hold: Hold): string[] {
  return [`Your plan is on hold since ${shortDate(hold.since)}${holdSigns(hold)}: ease off rather than build up until it has been checked.`, HOLD_WAY_OUT];
}
