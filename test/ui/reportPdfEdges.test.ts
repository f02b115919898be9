import { describe, expect, it } from 'vitest';
import { reportPeriod } from '../../src/core/report/period.js';
import { clinicReport } from '../../src/core/report/report.js';
import { reportPdf } from '../../src/ui/report/pdf.js';
import { FITS, reportPage } from '../../src/ui/report/page.js';
import { addDays } from '../../src/core/dates.js';
import { MON, settings, times, week, weeks, weeksOf } from '../core/coach/builders.js';

// C1: what is drawn stays on the page. pdf.js gives each piece of text with its position.

describe('C1: the period box with activities in reps', () => {
  it('a 40-character activity name in reps is cut or wrapped inside the page, not drawn past its edge', async () => {
    // Seen: "very long strength exercise name number, reps a session" widened the period box, which
    // pushed the key and the box past the right edge and cut its figures off.
    const today = addDays(week(10), 6);
    const long = { activity: 'very long strength exercise name number x', unit: 'reps' as const, category: 'strength' as const };
    const sessions = [...weeks(MON, ...Array.from({ length: 10 }, () => times(3, 10))), ...weeksOf(long, MON, ...Array.from({ length: 10 }, (_, i) => times(3, 5 + i)))];
    const r = clinicReport({ sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today, period: reportPeriod(today), notes: null, goals: [] });
    const { pdf } = await reportPdf((fit) => reportPage(r, fit), FITS, 'a4');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    try {
      const page = await doc.getPage(1);
      const width = page.getViewport({ scale: 1 }).width;
      const items = (await page.getTextContent()).items.flatMap((it) => ('str' in it && it.str.trim() ? [it] : []));
      const past = items.filter((it) => it.transform[4] + it.width > width - 20).map((it) => it.str);
      expect(past).toEqual([]);
      expect(items.map((it) => it.str).join(' ')).toMatch(/5\.5 to 12\.5 \(better\)/);
    } finally {
      await doc.destroy();
    }
  });
});

describe('C1, Q1: activities begun after week 2, each compared over its own weeks', () => {
  it('six of them, with long names, still give one Letter page', async () => {
    const { pageCount } = await import('../../src/ui/report/pdf.js');
    const today = addDays(week(9), 4);
    const names = ['resistance band rows, slow', 'glute bridges on the floor', 'calf raises at the counter', 'heel slides lying down', 'sit-to-stand from a chair', 'wall push-ups at the door'];
    const later = names.flatMap((activity) => weeksOf({ activity, unit: 'reps', category: 'strength' }, week(6), times(2, 8), times(2, 8), times(2, 9)));
    const r = clinicReport({ sessions: [...weeks(MON, ...Array.from({ length: 9 }, () => times(3, 10))), ...later], settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today, period: reportPeriod(today), notes: null, goals: [] });
    const { pdf } = await reportPdf((fit) => reportPage(r, fit), FITS, 'letter');
    expect(pageCount(pdf)).toBe(1);
  });
});
