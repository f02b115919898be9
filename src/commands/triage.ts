import { mondayOf, shortDate } from '../core/dates.js';
import { InputError } from '../core/errors.js';
import { parseSymptoms } from '../core/input.js';
import { isFlareSession } from '../core/coach/flares.js';
import { nothingNoted } from '../core/triage.js';
import type { CalendarDrift } from '../core/calendarDrift.js';
import type { IsoDate, Session } from '../core/types.js';
import { calendarRecordsFrom } from '../store/calendarExports.js';
import { forWriting, openJournal, write, type Journal } from '../store/open.js';
import { listSessions } from '../store/sessions.js';
import { readSettings } from '../store/settings.js';
import { insertTriage } from '../store/triage.js';
import { triageLines } from '../ui/render.js';
import { makeStyle } from '../ui/style.js';
import { askSymptoms } from './ask.js';
import { print, printJson, type Context } from './context.js';
import { claimFirstUse, showNotice } from './firstUse.js';
import { openHoldOf, triageAndHold } from './safety.js';
import { driftJson, triageJson } from './json.js';
import { adviseOnStderr } from './jsonAdvice.js';
import { exportAgainLine } from '../ui/calendarDriftView.js';
import { sessionById } from './sessionId.js';
import { calendarNote } from './calendarNote.js';

export interface TriageFlags {
  symptom?: string[];
  session?: string;
  cleared?: boolean;
  json?: boolean;
}

/** `pace triage`: T1-T4 on a checklist or --symptom flags; `--cleared` ends a hold or a pause. */
export async function triageCmd(_args: string[], flags: TriageFlags, ctx: Context): Promise<number> {
  const given = flags.symptom !== undefined ? parseSymptoms(flags.symptom) : undefined;
  if (flags.cleared && given) throw new InputError('--cleared and --symptom do not go together.', 'Record the clearance on its own: pace triage --cleared');
  if (!flags.cleared && given === undefined && !ctx.interactive) {
    throw new InputError('no symptoms were given.', 'Add --symptom <code> for each one (see pace triage --help), or run pace triage in a terminal.');
  }

  let journal: Journal = openJournal(ctx.dbPath, { write: false });
  try {
    const session = flags.session !== undefined ? sessionById(journal.db, flags.session) : latestToday(journal, ctx);
    if (flags.cleared) {
      // T2/T3: a clearance ends a hold or a pause; with neither open it would only put a false
      // "cleared" line in the clinic report.
      refuseNothingToClear(journal, ctx);
      journal = forWriting(journal, ctx.dbPath);
      const j = journal;
      const { first, paused } = write(j.db, () => {
        refuseNothingToClear(j, ctx);
        const paused = openHoldOf(j.db, ctx.today)?.kind === 'stop';
        insertTriage(j.db, { date: ctx.today, sessionId: null, kind: 'cleared', class: null, symptoms: [] });
        return { first: claimFirstUse(j.db, ctx.today), paused };
      });
      showNotice(ctx, first, readSettings(j.db).pem === null);
      // D3, T3: status asked for the sessions of an exported week to be deleted during the pause;
      // they are planned again now, and only a new export puts them back. A script learns it too.
      const again = paused ? await weeksOnRecord(j, ctx.today) : [];
      if (flags.json) printJson(ctx, { cleared: true, date: ctx.today, calendar_export_again: again.map(driftJson) });
      else print(ctx, ['Recorded that a clinician has assessed or cleared you. Your plan carries on from where it stood.', ...exportAgainLine(again.map((w) => w.weekStart), ctx.today)]);
      return 0;
    }

    const codes = given ?? (await askSymptoms(await ctx.prompts()));
    journal = forWriting(journal, ctx.dbPath);
    const j = journal;
    const { result, first } = write(j.db, () => {
      // T5: the one triage every command uses; the symptoms join that session too (F1).
      const flare = session ? isFlareSession({ ...session, symptoms: [...session.symptoms, ...codes] }) : false;
      const target = { sessionId: session?.id ?? null, sessionDate: session?.date ?? null, codes, flare };
      const d = triageAndHold(j.db, ctx.today, 'triage', [target]);
      // An empty checklist changes nothing: the plan goes on as it stands today (T2, T3).
      return { result: d.result ?? nothingNoted(d.holdToday), first: claimFirstUse(j.db, ctx.today) };
    });
    showNotice(ctx, first, readSettings(j.db).pem === null);
    if (flags.json) {
      await adviseOnStderr(ctx, [result]);
      printJson(ctx, { ...triageJson(result), session_id: session?.id ?? null, date: ctx.today });
    } else {
      const lines = triageLines(makeStyle(ctx.color, ctx.stdout.columns, ctx.plain), result);
      if (session) lines.push(`Recorded with your ${session.activity} session of ${shortDate(session.date)} (session ${session.id}).`);
      print(ctx, [...lines, ...(await calendarNote(j, ctx.today))]);
    }
    return 0;
  } finally {
    journal.close();
  }
}

/** D3: the weeks exported to a calendar, from this one on; their plans are replayed only when there are some. */
async function weeksOnRecord(j: Journal, today: IsoDate): Promise<CalendarDrift[]> {
  if (j.path === null) return [];
  const records = calendarRecordsFrom(j.db, mondayOf(today));
  return records.length === 0 ? [] : (await import('./calendarCheck.js')).weeksToExportAgain(j, records, today);
}

function latestToday(journal: Journal, ctx: Context): Session | undefined {
  return listSessions(journal.db, { from: ctx.today, to: ctx.today, limit: 1, newestFirst: true })[0];
}

function refuseNothingToClear(journal: Journal, ctx: Context): void {
  if (openHoldOf(journal.db, ctx.today) === null) {
    throw new InputError('no hold or pause is open, so there is nothing to clear; nothing was recorded.', 'pace status shows a hold or pause when one is open.');
  }
}
