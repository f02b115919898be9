import { csvLine } from '../core/csv.js';
import { InputError } from '../core/errors.js';
import { parseDayFlag } from '../core/input.js';
import { asOf, planHistory, weeklyRows, WEEKLY_COLUMNS } from '../core/coach/index.js';
import { mondayOf, shortDateYear } from '../core/dates.js';
import { loadHistory } from '../store/history.js';
import type { IsoDate } from '../core/types.js';
import { SESSION_COLUMNS, sessionCells } from '../core/sessionCsv.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { readExtras } from '../store/backup.js';
import { weeklyPegScores } from './outcomesExport.js';
import { readTransaction } from '../store/open.js';
import { hasNotes, iterateSessions, notesById } from '../store/sessions.js';
import { note, withJournal, type Context } from './context.js';
import { checkOutputFile, fileSink, streamSink, type Sink } from './sink.js';
import { overrideRefusals, refusalLines, sessionRefusal, type OverrideRefusal, type SessionRefusal } from './exportWarnings.js';

export interface ExportFlags {
  out?: string;
  weekly?: boolean;
  from?: string;
  to?: string;
  format?: 'csv' | 'json';
  json?: boolean;
  includeNotes?: boolean;
}

/** `pace export`: the session CSV for a clinic (E1, E3, E4), or a JSON backup. */
export async function exportCmd(_args: string[], flags: ExportFlags, ctx: Context): Promise<number> {
  const from = flags.from !== undefined ? parseDayFlag(flags.from, '--from', ctx.today) : undefined;
  const to = flags.to !== undefined ? parseDayFlag(flags.to, '--to', ctx.today) : undefined;
  if (from && to && from > to) throw new InputError(`--from ${from} is after --to ${to}.`);
  const notes = flags.includeNotes === true;
  // Every other command's --json prints JSON; here that is the backup.
  const format = flags.json ? 'json' : (flags.format ?? 'csv');
  if (flags.weekly && format === 'json') throw new InputError(`--weekly is a CSV for the clinic; it does not go with ${flags.json ? '--json' : '--format json'}.`);
  // E2: the weekly rows stop at today (weeks to come are not weeks missed), so a --from after today
  // would give a header and nothing else: refused, as the report refuses the same period.
  if (flags.weekly && from && from > ctx.today) {
    throw new InputError(`--from ${from} is after today (${shortDateYear(ctx.today)}): the weekly rows stop at this week.`, 'Give a --from on or before today.');
  }
  // A backup cut to some days would carry triage records and next-day answers of sessions it leaves
  // out, which lose them on import: a backup is whole or it is not written.
  if (format === 'json' && (from || to)) {
    throw new InputError('--from and --to choose the rows of a CSV; a JSON backup always holds the whole journal.', 'Leave them out for a backup, or use --format csv for part of it.');
  }
  // `--out -` is standard output, as for report and plan --ics: not a file named "-".
  const out = flags.out === '-' ? undefined : flags.out;
  if (out !== undefined) checkOutputFile(out, '--out', ctx.dbPath);

  const at = asOf(ctx.today, to);
  return withJournal(ctx, false, async (j) => {
    let past: SessionRefusal[] = [];
    let setByHand: OverrideRefusal[] = [];
    // E3: notes that this file leaves out; said on stderr only when there were some.
    let notesLeftOut = false;
    const sink: Sink = out !== undefined ? fileSink(out) : streamSink(ctx.stdout);
    try {
      if (format === 'csv') {
        // Excel reads UTF-8 correctly only with a byte-order mark; stdout stays plain for pipes.
        if (out !== undefined) await sink.write('\uFEFF');
        // One snapshot (history and notes agree), read before the first row is written (see writeBackup).
        const { h, noteOf, pegs, leftOut } = readTransaction(j.db, () => ({
          h: loadHistory(j.db),
          noteOf: notes && !flags.weekly ? notesById(j.db, { from, to }) : null,
          leftOut: !notes && !flags.weekly && hasNotes(j.db, { from, to }),
          // C2, E2: a --to before today reads the journal as it stood at the end of that day, as
          // report --to does: that week's sessions through it, the check-ins answered by then. On
          // today too: a check-in dated after today (the day went back) is not yet this week's,
          // as status and the report made today have it.
          pegs: flags.weekly ? weeklyPegScores(j.db, at.day) : undefined,
        }));
        notesLeftOut = leftOut;
        if (flags.weekly) {
          // E2: one row per week and activity, with that week's PEG score (W2).
          await sink.write(csvLine([...WEEKLY_COLUMNS]));
          const sessions = h.sessions.filter((s) => s.date <= at.through);
          for (const row of weeklyRows({ ...h, sessions, today: at.day, clockToday: at.now, from, to, pegScores: pegs })) await sink.write(csvLine(WEEKLY_COLUMNS.map((c) => row[c])));
        } else {
          // E1: the quota is the plan of the session's week, replayed once for the whole journal (Q9).
          // That replay needs every session in memory anyway, so the rows come from it too rather
          // than from a second pass over the table; only the notes are read, when asked for (E3).
          const plans = planHistory({ ...h, until: ctx.today, today: ctx.today, clockToday: true });
          await sink.write(csvLine(notes ? [...SESSION_COLUMNS, 'note'] : [...SESSION_COLUMNS]));
          const weekOf = new Map<string, IsoDate>();
          for (const s of h.sessions) {
            if ((from && s.date < from) || (to && s.date > to)) continue;
            let monday = weekOf.get(s.date);
            if (monday === undefined) weekOf.set(s.date, (monday = mondayOf(s.date)));
            const row = noteOf ? { ...s, note: noteOf.get(s.id) ?? null } : s;
            const refused = sessionRefusal(noteOf ? row : { ...row, note: null });
            if (refused !== null) past.push(refused);
            await sink.write(csvLine(sessionCells(row, plans.quotaFor(s.activity, monday), notes)));
          }
        }
      } else {
        ({ past, setByHand, notesLeftOut } = await writeBackup(sink, j.db, ctx, notes));
      }
      await sink.close();
    } catch (e) {
      sink.abort();
      throw e;
    }
    // Written whole: what import would refuse (a backup, or a session CSV, which import reads too)
    // is said now, with the way to correct it, while the journal still holds it.
    for (const line of refusalLines(past, setByHand, format === 'json' ? 'backup' : 'CSV', ctx.today)) note(ctx, line);
    if (notesLeftOut) note(ctx, 'Private notes were left out; add --include-notes to include them.');
    if (notes && flags.weekly) note(ctx, 'The weekly export has no notes; --include-notes adds nothing to it.');
    return 0;
  });
}

/** Writes the backup; returns what of it import would refuse (sessionRefusal, overrideRefusals). */
async function writeBackup(sink: Sink, db: Parameters<typeof readExtras>[0], ctx: Context, notes: boolean): Promise<{ past: SessionRefusal[]; setByHand: OverrideRefusal[]; notesLeftOut: boolean }> {
  const past: SessionRefusal[] = [];
  let setByHand: OverrideRefusal[] = [];
  let notesLeftOut = false;
  // One snapshot of the journal, so the records agree with the sessions, read in full before any
  // of it is written: writing to stdout can wait on a slow reader (a pager), and a read still open
  // then would hold every pace log back (a commit waits for reads in progress).
  const parts = readTransaction(db, () => {
    const extras = readExtras(db);
    setByHand = overrideRefusals(extras.overrides, new Map(extras.activities.map((a) => [a.name, a.unit])));
    const head = {
      format: 'pace-backup',
      version: 1,
      schema_version: SCHEMA_VERSION,
      exported_on: ctx.today,
      includes_notes: notes,
      ...extras,
    };
    const out = [`${JSON.stringify(head, null, 1).slice(0, -2)},\n "sessions": [`];
    let first = true;
    for (const s of iterateSessions(db)) {
      const row = {
        uid: s.uid, date: s.date, activity: s.activity, category: s.category, dose: s.dose, unit: s.unit,
        pain_before: s.painBefore, pain_after: s.painAfter, effort: s.effort, flare: s.flare, symptoms: s.symptoms,
        note: notes ? s.note : null,
      };
      if (!notes && s.note !== null) notesLeftOut = true;
      const refused = sessionRefusal({ ...row, id: s.id });
      if (refused !== null) past.push(refused);
      out.push(`${first ? '\n  ' : ',\n  '}${JSON.stringify(row)}`);
      first = false;
    }
    out.push('\n ]\n}\n');
    return out;
  });
  for (const part of parts) await sink.write(part);
  return { past, setByHand, notesLeftOut };
}
