import { parseTime } from '../core/days.js';
import { parseDayFlag, parsePositiveInt, parseYesNo } from '../core/input.js';
import { PAPER_NAMES, parsePaper, reportPaper } from '../core/report/paper.js';
import type { IsoDate, Settings } from '../core/types.js';
import { shortDate, shortDateYear } from '../core/dates.js';
import { aimFromMonday, modeFromMonday } from '../core/coach/plan.js';
import { write } from '../store/open.js';
import { defaultTime } from '../store/schedules.js';
import { firstSessionDay } from '../store/sessions.js';
import { getSetting, readSettings, setAim, setPem, setSetting } from '../store/settings.js';
import { askOptional, validator } from './ask.js';
import { note, print, printJson, withJournal, type Context } from './context.js';
import { PEM_QUESTION, claimFirstUse, firstUseNotice, showNotice } from './firstUse.js';

export interface InitFlags {
  start?: string;
  targetMinutes?: string;
  pem?: string;
  /** D2: the time of sessions whose activity has none of its own. */
  time?: string;
  /** C1: the clinic report's paper, a4 or letter; auto for the locale's. */
  paper?: string;
  json?: boolean;
}

/**
 * `pace init`: the settings behind the plan. Flags set values; with none, a person is asked each
 * one, and with some, only the safety question (S1) while it has no answer.
 */
export async function init(_args: string[], flags: InitFlags, ctx: Context): Promise<number> {
  const changes: Partial<Record<'start_date' | 'target_minutes' | 'pem' | 'default_time', string>> = {};
  if (flags.start !== undefined) changes.start_date = parseDayFlag(flags.start, '--start', ctx.today);
  if (flags.targetMinutes !== undefined) changes.target_minutes = String(parsePositiveInt(flags.targetMinutes, '--target-minutes', 10080));
  if (flags.pem !== undefined) changes.pem = parseYesNo(flags.pem, '--pem') ? 'yes' : 'no';
  if (flags.time !== undefined) changes.default_time = parseTime(flags.time, '--time');
  // `auto` is kept too: a choice of the locale's paper, which a backup's size does not replace.
  const paper = flags.paper === undefined ? undefined : parsePaper(flags.paper, '--paper');

  let toldAlready = false;
  const asksAll = Object.keys(changes).length === 0 && paper === undefined;
  const now = ctx.interactive
    ? await withJournal(ctx, false, (j) => ({ noticed: getSetting(j.db, 'notice_shown') !== undefined, settings: readSettings(j.db) }))
    : undefined;
  // S1: other settings given as flags are no reason to pass over the safety question while it has
  // no answer; it is asked alone then.
  const asksPem = now !== undefined && !asksAll && changes.pem === undefined && now.settings.pem === null;
  // What pace is not comes before the first question, not after the answers.
  if (now && (asksAll || asksPem) && !now.noticed) {
    note(ctx, firstUseNotice(ctx));
    toldAlready = true;
  }
  if (asksPem) changes.pem = (await (await ctx.prompts()).confirm(PEM_QUESTION, false)) ? 'yes' : 'no';
  if (now && asksAll) {
    // Run again, it offers the answers already given: Enter keeps them (S1: never a quiet switch
    // from envelope mode back to graded increases).
    const ask = await ctx.prompts();
    // P: a start date already given is offered like the aim (Enter keeps it); with none, Enter
    // leaves week 1 to the first session, and the question says so.
    const current = now.settings.startDate;
    // The words --start takes are taken here too (P: a program that starts today is the usual case).
    const question = 'First day of your program: YYYY-MM-DD, today or yesterday (program week 1 is its week)';
    const day = (t: string) => parseDayFlag(t, 'start', ctx.today);
    const start = current === null ? await askOptional(ask, question, day, 'Enter: the week of your first session') : day(await ask.text(question, { default: current, validate: validator(day) }));
    if (start && start !== current) changes.start_date = start;
    const aim = String(now.settings.targetMinutes);
    const target = await ask.text('Weekly aim for aerobic minutes', { default: aim, validate: validator((t) => parsePositiveInt(t, 'aim', 10080)) });
    changes.target_minutes = String(parsePositiveInt(target, 'aim', 10080));
    changes.pem = (await ask.confirm(PEM_QUESTION, now.settings.pem ?? false)) ? 'yes' : 'no';
  }

  const result = await withJournal(ctx, true, (j) =>
    write(j.db, () => {
      const { pem, target_minutes: aim, ...rest } = changes;
      for (const [key, value] of Object.entries(rest)) setSetting(j.db, key as keyof typeof rest, value);
      if (paper !== undefined) setSetting(j.db, 'paper', paper);
      // S2: an answer that changes is kept with its date, so past weeks keep their mode.
      const pemChanged = pem !== undefined && readSettings(j.db).pem !== (pem === 'yes');
      if (pemChanged) setPem(j.db, pem === 'yes', ctx.today);
      // Q6: so is an aim that changes: it shapes the plan from the next Monday, and the weeks
      // already planned keep theirs.
      // An aim typed is recorded (an explicit 150 is a choice an import keeps); the plan changes,
      // and init says from when, only when the aim in force does.
      if (aim !== undefined && getSetting(j.db, 'target_minutes') !== aim) setAim(j.db, Number(aim), ctx.today);
      const settings = readSettings(j.db);
      // S2, Q6: this week keeps the mode and the aim it was planned with; init says from when the
      // new ones apply, on the day they changed and on any later day of that week, as status does.
      const aimFrom = aimFromMonday(settings, ctx.today);
      const modeFrom = modeFromMonday(settings, ctx.today, firstSessionDay(j.db));
      return { aimFrom, modeFrom, settings, time: defaultTime(j.db), choice: getSetting(j.db, 'paper') ?? null, first: claimFirstUse(j.db, ctx.today) };
    }),
  );
  showNotice(ctx, result.first && !toldAlready, result.settings.pem === null);
  // C1: the choice (a4, letter, auto, or null for none made), and the paper a report gets now.
  const { paper: report, fromLocale } = reportPaper(undefined, result.choice ?? undefined, ctx.paperLocale);
  if (flags.json) printJson(ctx, { ...settingsJson(result.settings), default_time: result.time, paper: result.choice, report_paper: report });
  else {
    const paperLine = `Clinic report paper: ${PAPER_NAMES[report]}${fromLocale ? ' (from your locale; pace init --paper a4|letter chooses one)' : ''}`;
    print(ctx, [...settingsLines(result.settings, result.aimFrom, result.modeFrom), `Sessions without a time of their own: ${result.time}`, paperLine]);
  }
  return 0;
}

export function settingsJson(s: Settings) {
  return {
    start_date: s.startDate,
    target_minutes: s.targetMinutes,
    pem: s.pem === null ? null : s.pem ? 'yes' : 'no',
    mode: s.pem ? 'envelope' : 'graded',
  };
}

function settingsLines(s: Settings, aimFrom: IsoDate | null, modeFrom: IsoDate | null): string[] {
  // Q6: this week keeps the plan it was given; the new aim shapes it from the next Monday.
  const from = aimFrom === null ? '' : ` (the plan follows it from ${shortDate(aimFrom)})`;
  const since = modeFrom === null ? '' : ` from ${shortDate(modeFrom)}`;
  return [
    `Start date: ${s.startDate === null ? 'the week of your first session' : shortDateYear(s.startDate)}`,
    `Weekly aim: ${s.targetMinutes} minutes of aerobic activity${from}`,
    `Symptoms much worse 12-72 hours after activity: ${s.pem === null ? 'not answered yet (pace init --pem yes|no)' : s.pem ? `yes (the plan does not increase on its own: envelope mode${since})` : `no (the plan grows about 10% a week${since})`}`,
  ];
}

