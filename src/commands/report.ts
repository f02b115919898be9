import { resolve } from 'node:path';
import { shortDateYear } from '../core/dates.js';
import { InputError } from '../core/errors.js';
import { parseDayFlag } from '../core/input.js';
import { parsePaper, reportPaper } from '../core/report/paper.js';
import { programFirstDay } from '../core/coach/phases.js';
import { reportPeriod } from '../core/report/period.js';
import { clinicReport, type ClinicReport } from '../core/report/report.js';
import { beforeOutcomes, listGoals } from '../store/goals.js';
import { loadHistory } from '../store/history.js';
import { readTransaction } from '../store/open.js';
import { listPegCheckins } from '../store/pegCheckins.js';
import { hasNotes, notesById } from '../store/sessions.js';
import { getSetting } from '../store/settings.js';
import { note, withJournal, type Context } from './context.js';
import { checkOutputFile, fileSink, streamSink, type Sink } from './sink.js';

export interface ReportFlags {
  out?: string;
  format?: 'pdf' | 'html';
  from?: string;
  to?: string;
  paper?: string;
  includeNotes?: boolean;
}

/** cli.md: --format wins; else the file's extension; else PDF. */
export function formatFor(flags: Pick<ReportFlags, 'out' | 'format'>): 'pdf' | 'html' {
  if (flags.format) return flags.format;
  return /\.html?$/i.test(flags.out ?? '') ? 'html' : 'pdf';
}

/** `pace report`: the one-page clinic report (C1-C3), as a PDF or a self-contained HTML file. */
export async function report(_args: string[], flags: ReportFlags, ctx: Context): Promise<number> {
  const asked = flags.paper !== undefined ? parsePaper(flags.paper, '--paper') : undefined;
  const from = flags.from !== undefined ? parseDayFlag(flags.from, '--from', ctx.today) : undefined;
  const to = flags.to !== undefined ? parseDayFlag(flags.to, '--to', ctx.today) : undefined;
  if (from && to && from > to) throw new InputError(`--from ${from} is after --to ${to}.`, 'Give the earlier day with --from.');
  // The period's end, and a --from after it, are known before the journal is read; without --from
  // its start also depends on when the program began (C2), which the read below settles.
  const asks = reportPeriod(ctx.today, from, to);
  if (asks.from > asks.to) throw new InputError(`--from ${asks.from} is after the period's end, ${shortDateYear(asks.to)}.`, 'Give an earlier --from, or a --to on or after it.');
  const format = formatFor(flags);
  const out = flags.out ?? `pace-report-${ctx.today}.${format}`;
  const toStdout = out === '-';
  if (!toStdout) checkOutputFile(out, '--out', ctx.dbPath);

  const { data, setting, notesLeftOut } = await withJournal(ctx, false, (j) =>
    // One snapshot: the sessions, goals, check-ins and notes agree with each other.
    readTransaction(j.db, () => {
      const h = loadHistory(j.db);
      const period = reportPeriod(ctx.today, from, to, programFirstDay(h.settings.startDate, h.sessions[0]?.date ?? null));
      const data: ClinicReport = clinicReport({
        ...h,
        today: ctx.today,
        period,
        // A journal read as it is, from before the outcome tables (read-only folder), has none.
        goals: beforeOutcomes(() => listGoals(j.db, { all: true }), []),
        checkins: beforeOutcomes(() => listPegCheckins(j.db), []),
        notes: flags.includeNotes ? notesById(j.db, period) : null,
      });
      return { data, setting: getSetting(j.db, 'paper'), notesLeftOut: !flags.includeNotes && hasNotes(j.db, period) };
    }),
  );
  const { paper } = reportPaper(asked, setting, ctx.paperLocale);

  // Rendered in full before the file is opened: a failure leaves nothing behind.
  const { FITS, reportPage } = await import('../ui/report/page.js');
  // The PDF's layout measures what fits on one page; the HTML, which cannot measure itself, is cut
  // to the same fit, and its styles are no looser than the PDF's (tested in Chromium).
  const pdfLib = await import('../ui/report/pdf.js');
  const { pdf, fit } = await pdfLib.reportPdf((f) => reportPage(data, f), FITS, paper);
  const page = reportPage(data, fit);
  const content = format === 'html' ? (await import('../ui/report/html.js')).reportHtml(page, paper) : pdf;
  const blanks = format === 'pdf' ? pdfLib.undrawable(page) : [];

  const sink: Sink = toStdout ? streamSink(ctx.stdout) : fileSink(out);
  try {
    if (typeof content === 'string') await sink.write(content);
    else await sink.writeBytes(content);
    await sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  }
  // The path alone, never broken to the terminal's width as print breaks prose: it is there to be
  // copied, and a line break inside it would be copied too.
  if (!toStdout) ctx.stdout.write(`${resolve(out)}\n`);
  // E3, C3: said only when the period had notes, so a scheduled report of a journal without any stays quiet.
  if (notesLeftOut) note(ctx, 'Private notes were left out; add --include-notes to include them.');
  if (blanks.length > 0) {
    const shown = blanks.slice(0, 8).join(' ') + (blanks.length > 8 ? ' ...' : '');
    note(ctx, `The PDF's font has no letters for some of its text (${shown}), which shows as blanks. pace report --format html shows them; a browser can print it.`);
  }
  return 0;
}
