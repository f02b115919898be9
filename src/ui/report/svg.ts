// A small SVG writer for the report's charts: the same markup goes inline into the HTML and through
// pdfmake into the PDF, so the two show the same pictures. Plain shapes and attributes only (no
// CSS, no scripts, no external references), which both read alike.

import { twoDecimals } from '../../core/numbers.js';

export const FONT = 'Roboto, Helvetica, Arial, sans-serif';

type Attrs = Record<string, string | number | undefined>;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const num = (x: number) => String(twoDecimals(x));

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v as string)}"`)
    .join('');
}

export class Svg {
  private parts: string[] = [];
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  rect(x: number, y: number, w: number, h: number, a: Attrs = {}): this {
    this.parts.push(`<rect${attrs({ x, y, width: Math.max(0, w), height: Math.max(0, h), ...a })}/>`);
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, a: Attrs = {}): this {
    this.parts.push(`<line${attrs({ x1, y1, x2, y2, stroke: '#000', ...a })}/>`);
    return this;
  }

  /** A line through the points; a null point breaks it (a week with nothing recorded). */
  path(points: readonly ([number, number] | null)[], a: Attrs = {}): this {
    let d = '';
    let pen = false;
    for (const p of points) {
      if (p === null) pen = false;
      else {
        d += `${pen ? 'L' : 'M'}${num(p[0])} ${num(p[1])} `;
        pen = true;
      }
    }
    if (d) this.parts.push(`<path${attrs({ d: d.trim(), fill: 'none', stroke: '#000', ...a })}/>`);
    return this;
  }

  polygon(points: readonly [number, number][], a: Attrs = {}): this {
    this.parts.push(`<polygon${attrs({ points: points.map(([x, y]) => `${num(x)},${num(y)}`).join(' '), ...a })}/>`);
    return this;
  }

  circle(cx: number, cy: number, r: number, a: Attrs = {}): this {
    this.parts.push(`<circle${attrs({ cx, cy, r, ...a })}/>`);
    return this;
  }

  text(x: number, y: number, text: string, a: Attrs = {}): this {
    this.parts.push(`<text${attrs({ x, y, 'font-family': FONT, 'font-size': 7, fill: '#000', ...a })}>${escapeXml(text)}</text>`);
    return this;
  }

  toString(): string {
    const head = attrs({ xmlns: 'http://www.w3.org/2000/svg', width: this.width, height: this.height, viewBox: `0 0 ${num(this.width)} ${num(this.height)}` });
    return `<svg${head}>${this.parts.join('')}</svg>`;
  }
}

/** Marker shapes that stay apart in grey print: a filled circle, an open square, a triangle, a diamond. */
export type Marker = 'dot' | 'square' | 'triangle' | 'diamond' | 'cross';

export function marker(svg: Svg, kind: Marker, x: number, y: number, size = 2.4, fill = '#000'): void {
  const s = size;
  if (kind === 'dot') svg.circle(x, y, s, { fill, stroke: '#000', 'stroke-width': 0.6 });
  else if (kind === 'square') svg.rect(x - s, y - s, 2 * s, 2 * s, { fill: '#fff', stroke: '#000', 'stroke-width': 0.9 });
  else if (kind === 'triangle') svg.polygon([[x, y - s * 1.2], [x + s * 1.1, y + s * 0.8], [x - s * 1.1, y + s * 0.8]], { fill, stroke: '#000', 'stroke-width': 0.6 });
  else if (kind === 'diamond') svg.polygon([[x, y - s * 1.3], [x + s * 1.1, y], [x, y + s * 1.3], [x - s * 1.1, y]], { fill: '#fff', stroke: '#000', 'stroke-width': 0.9 });
  else {
    svg.line(x - s, y - s, x + s, y + s, { 'stroke-width': 1.4 });
    svg.line(x - s, y + s, x + s, y - s, { 'stroke-width': 1.4 });
  }
}
