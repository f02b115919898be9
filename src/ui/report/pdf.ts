import { createRequire } from 'node:module';
import type { Fit, Paper, ReportPage } from './page.js';

// C1: the report as a one-page PDF through pdfmake (pdfkit underneath): real text, the charts'
// SVG drawn as vectors, Roboto embedded from pdfmake's own package. pdfmake is loaded here only,
// with require from node_modules (scripts/build.mjs keeps it out of the bundles), so the daily
// commands never read it.

interface PdfMake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

type Node = Record<string, unknown> | string;

const SIZES: Record<Paper, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };
const MARGIN = 34;
const GAP = 10;

let loaded: PdfMake | null = null;

function pdfmake(): PdfMake {
  if (loaded) return loaded;
  // import.meta.filename is the bundle's own path once built (scripts/build.mjs defines it).
  const require = createRequire(import.meta.filename);
  const lib = require('pdfmake') as PdfMake;
  const fonts = require('pdfmake/fonts/Roboto.js') as Record<string, Record<string, string>>;
  const files = new Set(Object.values(fonts).flatMap((f) => Object.values(f)));
  lib.setFonts(fonts);
  // C3: nothing is fetched; the only files read are the fonts.
  lib.setUrlAccessPolicy(() => false);
  lib.setLocalAccessPolicy((path) => files.has(path));
  return (loaded = lib);
}

interface Fontkit {
  openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
}

/**
 * C1: the characters of the page the PDF's one font (Roboto: Latin, Greek, Cyrillic) has no letter
 * for, which the PDF draws as blanks: a goal or a note in Japanese, an emoji. fontkit is pdfkit's
 * own, reached through it as pdfmake reaches it.
 */
export function undrawable(page: ReportPage): string[] {
  const candidates = new Set<string>();
  const look = (v: unknown): void => {
    if (typeof v === 'string') {
      // Marks drawn as nothing anyway (an emoji's U+FE0F, a joiner) are not named: they read as blanks in the list.
      for (const ch of v) if (ch.codePointAt(0)! > 0x7f && !/[\s\p{Default_Ignorable_Code_Point}]/u.test(ch)) candidates.add(ch);
    } else if (v !== null && typeof v === 'object') Object.values(v).forEach(look);
  };
  look(page);
  if (candidates.size === 0) return [];
  let font: ReturnType<Fontkit['openSync']>;
  try {
    const require = createRequire(import.meta.filename);
    const fontkit = createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'))('fontkit') as Fontkit;
    const fonts = require('pdfmake/fonts/Roboto.js') as Record<string, Record<string, string>>;
    font = fontkit.openSync(fonts.Roboto!.normal!);
  } catch {
    // Only a warning hangs on it: the PDF is written as it is, unwarned.
    return [];
  }
  return [...candidates].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
}

const rule = (width: number): Node => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5 }], margin: [0, 0, 0, 2] });

function heading(text: string, width: number): Node[] {
  return [{ text, bold: true, fontSize: 9.5, margin: [0, 6, 0, 1] }, rule(width)];
}

/** A table as the HTML has it: `nowrap` columns (dates, verdicts) stay on one line. */
function grid(head: string[], rows: string[][], widths: (number | string)[], numeric: number[], more: string | null, nowrap: number[] = [0]): Node {
  const cell = (t: string, i: number, bold = false): Node => ({ text: t, bold, alignment: numeric.includes(i) ? 'right' : 'left', noWrap: nowrap.includes(i) || numeric.includes(i) });
  const body: Node[][] = [head.map((h, i) => cell(h, i, true)), ...rows.map((r) => r.map((c, i) => cell(c, i)))];
  if (more) body.push([{ text: more, italics: true, colSpan: head.length }, ...head.slice(1).map(() => '')]);
  return {
    table: { headerRows: 1, widths, body },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 0.8 : i === 0 ? 0 : 0.3),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i === 1 ? '#000' : '#999'),
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
  };
}

function document(p: ReportPage, paper: Paper): Record<string, unknown> {
  const [w] = SIZES[paper];
  const width = w - 2 * MARGIN;
  const half = (width - GAP) / 2;
  const content: Node[] = [
    { text: p.title, bold: true, fontSize: 14 },
    { text: p.subtitle, fontSize: 9.5 },
    { text: p.facts },
  ];
  if (p.hold) {
    content.push({
      table: { widths: ['*'], body: [[{ stack: [{ text: p.hold.title, bold: true, fontSize: 10.5 }, { text: p.hold.detail }] }]] },
      layout: { hLineWidth: () => (p.hold?.kind === 'stop' ? 3 : 2), vLineWidth: () => (p.hold?.kind === 'stop' ? 3 : 2), paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 3, paddingBottom: () => 3 },
      margin: [0, 6, 0, 0],
    });
  }
  if (p.empty) content.push({ text: p.empty, bold: true, margin: [0, 6, 0, 0] });
  content.push(...heading('What has changed', width), { text: p.changes.lead });
  if (p.changes.items.length) content.push({ ul: p.changes.items, margin: [8, 1, 0, 1] });
  for (const t of p.changes.tail) content.push({ text: t });
  if (p.changes.compared) content.push({ text: p.changes.compared, fontSize: 7.5 });
  content.push(...heading('Trends', width));
  const chart = (title: string, svg: string): Node => ({ stack: [{ text: title, bold: true, fontSize: 8 }, { svg, width: half }] });
  const [a, b, c] = p.charts as [ReportPage['charts'][number], ReportPage['charts'][number], ReportPage['charts'][number]];
  // Labels wrap: an activity's name (reps, metres, steps) can be long, and a label kept on one
  // line widened the box past the page's edge.
  const summary = grid(['Period', ''], p.summary, ['*', 'auto'], [1], null, []);
  content.push(
    { columns: [chart(a.title, a.svg), chart(b.title, b.svg)], columnGap: GAP },
    { columns: [chart(c.title, c.svg), { stack: [{ text: 'On the time axis', bold: true, fontSize: 8 }, { svg: p.key, width: half }, { ...(summary as object), margin: [0, 4, 0, 0] }] }], columnGap: GAP, margin: [0, 3, 0, 0] },
  );
  const goals: Node[] = [...heading(p.goals.heading, width * 0.6 - GAP / 2)];
  goals.push(p.goals.none ? { text: p.goals.none } : grid(['Goal', 'First', 'Latest', 'Change', ''], p.goals.rows, ['*', 'auto', 'auto', 'auto', 'auto'], [1, 2, 3], p.goals.more, [4]));
  if (p.goals.score) goals.push({ text: p.goals.score, margin: [0, 2, 0, 0] });
  const events: Node[] = [...heading('Flares and warning symptoms', width * 0.4 - GAP / 2)];
  events.push(p.events.none ? { text: p.events.none } : grid(['Date', 'What', 'Detail'], p.events.rows, ['auto', 'auto', '*'], [], p.events.more, [0, 1]));
  content.push({ columns: [{ stack: goals, width: '60%' }, { stack: events, width: '40%' }], columnGap: GAP });
  if (p.notes) {
    content.push(...heading('Notes (shared by the person)', width));
    content.push(p.notes.none ? { text: p.notes.none } : grid(['Date', 'Note'], p.notes.rows, ['auto', '*'], [], p.notes.more));
  }
  content.push({ ...(rule(width) as object), margin: [0, 8, 0, 2] }, { text: p.footer, fontSize: 7 });
  return {
    pageSize: { width: SIZES[paper][0], height: SIZES[paper][1] },
    pageMargins: MARGIN,
    info: { title: `${p.title}, ${p.subtitle}`, creator: 'pace', producer: 'pace' },
    defaultStyle: { font: 'Roboto', fontSize: 8.5, lineHeight: 1.15 },
    content,
  };
}

/** Pages in a PDF that pdfkit wrote (its page objects are never compressed). */
export function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/**
 * C1: one page whatever the history. Each of `fits` is tried in turn, each cutting its lists
 * shorter, until the page holds everything; the last one always does (it is tested with a long
 * history, long goals and many notes). The fit found is returned too: the HTML uses the same.
 */
export async function reportPdf(page: (fit: Fit) => ReportPage, fits: readonly Fit[], paper: Paper): Promise<{ pdf: Buffer; fit: Fit }> {
  const lib = pdfmake();
  let last: { pdf: Buffer; fit: Fit } | null = null;
  for (const fit of fits) {
    last = { pdf: await lib.createPdf(document(page(fit), paper)).getBuffer(), fit };
    if (pageCount(last.pdf) === 1) return last;
  }
  return last as { pdf: Buffer; fit: Fit };
}
