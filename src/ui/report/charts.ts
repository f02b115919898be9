import { toDayNumber } from '../../core/dates.js';
import { twoDecimals } from '../../core/numbers.js';
import type { ClinicReport, ReportEvent } from '../../core/report/report.js';
import type { ReportWeek } from '../../core/report/weeks.js';
import { marker, Svg, type Marker } from './svg.js';
import { unitWord } from './words.js';
import { dayMonth, monthYear } from '../../core/dates.js';

// C1's charts, drawn once as SVG for both the HTML and the PDF. Meaning never rests on colour
// alone: bars are hollow or solid, lines solid or dashed with different markers, so a page printed
// in grey reads the same.

export const CHART_W = 260;
export const CHART_H = 120;
const LEFT = 24;
const RIGHT = 6;
const TOP = 16;
const BOTTOM = 28;
const PLOT_H = CHART_H - TOP - BOTTOM;
const PLOT_W = CHART_W - LEFT - RIGHT;
const GREY = '#555';
/** Centres of two event markers closer than this overlap (each is about 5 wide). */
const EVENT_GAP = 5.5;

/** Events on the time axis: a flare is a triangle, see-a-clinician a diamond, stop a cross, cleared a circle. */
export const EVENT_MARKERS: Record<ReportEvent['kind'], Marker> = { flare: 'triangle', assess: 'diamond', stop: 'cross', cleared: 'dot' };

interface Frame {
  svg: Svg;
  x: (i: number) => number;
  slot: number;
  y: (v: number) => number;
}

function frame(weeks: readonly ReportWeek[], top: number, legend: [Marker | 'bar' | 'hollow' | 'dash', string][], events: readonly ReportEvent[]): Frame {
  const svg = new Svg(CHART_W, CHART_H);
  const n = Math.max(1, weeks.length);
  const slot = PLOT_W / n;
  const y = (v: number) => TOP + PLOT_H - (v / top) * PLOT_H;
  // Legend along the top.
  let lx = LEFT;
  for (const [kind, label] of legend) {
    if (kind === 'bar') svg.rect(lx, 3, 8, 7, { fill: GREY });
    else if (kind === 'hollow') svg.rect(lx, 3, 8, 7, { fill: '#fff', stroke: '#000', 'stroke-width': 0.8 });
    else if (kind === 'dash') svg.line(lx, 6.5, lx + 8, 6.5, { 'stroke-dasharray': '2 1.5', 'stroke-width': 1.2 });
    else {
      svg.line(lx - 1, 6.5, lx + 9, 6.5, { 'stroke-width': 1, 'stroke-dasharray': kind === 'dot' || kind === 'triangle' ? undefined : '2 1.5' });
      marker(svg, kind, lx + 4, 6.5, 2.2);
    }
    svg.text(lx + 12, 9.5, label);
    lx += 16 + label.length * 3.6;
  }
  // Grid and y labels.
  for (const v of ticks(top)) {
    svg.line(LEFT, y(v), LEFT + PLOT_W, y(v), { stroke: '#bbb', 'stroke-width': 0.4 });
    svg.text(LEFT - 3, y(v) + 2.3, String(v), { 'text-anchor': 'end', 'font-size': 6.5 });
  }
  svg.line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, { 'stroke-width': 0.8 });
  // The time axis: events in a band under the plot, then dates.
  const first = weeks[0] ? toDayNumber(weeks[0].weekStart) : 0;
  // A marker that would cover one of another kind (a flare and the assess sign of the same day)
  // goes on a second row below; markers of one kind may touch, they still read as that kind.
  const rows: { x: number; kind: ReportEvent['kind'] }[][] = [[], []];
  for (const e of events) {
    const day = toDayNumber(e.date) - first;
    const ex = Math.min(LEFT + PLOT_W - 2, LEFT + (day / 7) * slot + slot / 14);
    const clash = (row: { x: number; kind: ReportEvent['kind'] }[]) => row.some((m) => m.kind !== e.kind && Math.abs(m.x - ex) < EVENT_GAP);
    const row = clash(rows[0]!) && !clash(rows[1]!) ? 1 : 0;
    rows[row]!.push({ x: ex, kind: e.kind });
    marker(svg, EVENT_MARKERS[e.kind], ex, TOP + PLOT_H + 7 + row * 7, 2.3, e.kind === 'flare' ? '#000' : '#fff');
  }
  const every = Math.max(1, Math.ceil(n / 6));
  weeks.forEach((w, i) => {
    if (i % every !== 0) return;
    svg.line(LEFT + i * slot, TOP + PLOT_H, LEFT + i * slot, TOP + PLOT_H + 2, { 'stroke-width': 0.6 });
    // Over more than half a year the axis names months and years ("Jan 2025"), else days.
    svg.text(LEFT + i * slot, CHART_H - 3, n > 26 ? monthYear(w.weekStart) : dayMonth(w.weekStart), { 'font-size': 6.5 });
  });
  return { svg, x: (i) => LEFT + (i + 0.5) * slot, slot, y };
}

/** Markers on every week only while there is room for them; over long periods the lines alone. */
function roomForMarkers(f: Frame): boolean {
  return f.slot >= 5;
}

function ticks(top: number): number[] {
  const step = top <= 10 ? (top <= 5 ? 1 : 2) : niceStep(top / 4);
  const out: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) out.push(twoDecimals(v));
  return out;
}

function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

function emptyNote(f: Frame, text: string): void {
  f.svg.text(LEFT + PLOT_W / 2, TOP + PLOT_H / 2, text, { 'text-anchor': 'middle', 'font-size': 7.5, fill: GREY });
}

/** C1: planned against done dose by week: planned a hollow bar, done a solid one inside it. */
export function doseChart(r: ClinicReport): string {
  const max = Math.max(0, ...r.weeks.map((w) => Math.max(w.planned ?? 0, w.done)));
  const top = max === 0 ? 10 : niceStep(max / 4) * Math.ceil(max / niceStep(max / 4));
  const f = frame(r.weeks, top, [['hollow', `planned ${unitWord(r.unit)}`], ['bar', `done ${unitWord(r.unit)}`]], r.events);
  r.weeks.forEach((w, i) => {
    const cx = f.x(i);
    if (w.planned !== null) f.svg.rect(cx - f.slot * 0.4, f.y(w.planned), f.slot * 0.8, f.y(0) - f.y(w.planned), { fill: '#fff', stroke: '#000', 'stroke-width': 0.7 });
    if (w.done > 0) f.svg.rect(cx - f.slot * 0.22, f.y(w.done), f.slot * 0.44, f.y(0) - f.y(w.done), { fill: GREY });
  });
  if (max === 0) emptyNote(f, 'nothing planned or done');
  return f.svg.toString();
}

interface Series {
  label: string;
  value: (w: ReportWeek) => number | null;
  marker: Marker;
}

/** Two series on 0-10: the first a solid line, the second dashed, each with its own marker. */
function twoLines(r: ClinicReport, series: [Series, Series], empty: string): string {
  const f = frame(r.weeks, 10, series.map((s) => [s.marker, s.label] as [Marker, string]), r.events);
  let any = false;
  series.forEach((s, k) => {
    const pts = r.weeks.map((w, i) => {
      const v = s.value(w);
      return v === null ? null : ([f.x(i), f.y(v)] as [number, number]);
    });
    f.svg.path(pts, { 'stroke-width': 1.1, 'stroke-dasharray': k === 1 ? '3 2' : undefined });
    if (roomForMarkers(f)) for (const p of pts) if (p) marker(f.svg, s.marker, p[0], p[1]);
    any ||= pts.some((p) => p !== null);
  });
  if (!any) emptyNote(f, empty);
  return f.svg.toString();
}

/** C1: pain before and after sessions, weekly means on 0-10. */
export function painChart(r: ClinicReport): string {
  return twoLines(r, [{ label: 'pain before', value: (w) => w.painBefore, marker: 'dot' }, { label: 'pain after (0-10)', value: (w) => w.painAfter, marker: 'square' }], 'no pain ratings recorded');
}

/**
 * C1: the weekly PEG score (lower is better) and the function score (higher is better), 0-10. Their
 * markers are the pain chart's: a triangle or a diamond would read as a flare or an assess sign.
 */
export function outcomeChart(r: ClinicReport): string {
  return twoLines(
    r,
    [{ label: 'PEG (lower is better)', value: (w) => w.peg, marker: 'dot' }, { label: 'function (higher is better)', value: (w) => w.functionScore, marker: 'square' }],
    'no check-ins or goal ratings recorded',
  );
}

const KEY = [['flare', 'flare'], ['assess', 'see a clinician (assess)'], ['stop', 'stop symptom'], ['cleared', 'cleared']] as const;
const SHAPE_WORDS: Record<ReportEvent['kind'], string> = { flare: 'filled triangle', assess: 'open diamond', stop: 'cross', cleared: 'open circle' };

/** The key in words: what each marker under the charts' time axis stands for. */
export function eventKeyWords(): string {
  return `Marks under each chart's time axis: ${KEY.map(([kind, label]) => `${SHAPE_WORDS[kind]}: ${label}`).join('; ')}.`;
}

/** The key to the time axis's markers, drawn as its own small picture. */
export function eventKey(): string {
  const svg = new Svg(CHART_W, 14);
  let x = 4;
  for (const [kind, label] of KEY) {
    marker(svg, EVENT_MARKERS[kind], x + 3, 7, 2.3, kind === 'flare' ? '#000' : '#fff');
    svg.text(x + 9, 9.5, label);
    x += 16 + label.length * 3.6;
  }
  return svg.toString();
}

