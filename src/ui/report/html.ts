import { escapeXml as esc } from './svg.js';
import type { Paper, ReportPage } from './page.js';

// C1, C3: the report as one self-contained HTML file: inline CSS and SVG, no scripts, nothing
// fetched from anywhere. Printed from a browser it fills one page of the paper chosen.

const css = (paper: Paper) => `
@page { size: ${paper === 'a4' ? 'A4' : 'letter'}; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: Roboto, Helvetica, Arial, sans-serif; font-size: 8.5pt; line-height: 1.2; color: #000; margin: 0 auto; max-width: ${paper === 'a4' ? '186mm' : '191.9mm'}; }
h1 { font-size: 14pt; margin: 0; }
h2 { font-size: 9.5pt; margin: 6pt 0 2pt; border-bottom: 0.5pt solid #000; }
p { margin: 1.5pt 0; }
.sub { font-size: 9.5pt; }
.hold { border: 2pt solid #000; padding: 4pt 6pt; margin: 6pt 0 2pt; }
.hold strong { font-size: 10.5pt; }
.hold.stop { border-width: 3pt; }
.empty { font-weight: bold; margin: 6pt 0; }
ul { margin: 1pt 0 1pt 12pt; padding: 0; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4pt 10pt; }
.charts h3 { font-size: 8pt; margin: 2pt 0 0; font-weight: bold; }
.charts svg { width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 1pt 3pt; border-bottom: 0.4pt solid #999; vertical-align: top; }
thead th { border-bottom: 0.8pt solid #000; }
tbody th { font-weight: normal; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.v, th.v { white-space: nowrap; }
.cols { display: grid; grid-template-columns: 3fr 2fr; gap: 10pt; }
.more { font-style: italic; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
/* Zoomed in or on a phone: one column, so charts keep readable labels and tables stay on screen. */
@media screen and (max-width: 40em) {
  .charts, .cols { grid-template-columns: 1fr; }
}
.compared { font-size: 7.5pt; }
footer { margin-top: 8pt; border-top: 0.5pt solid #000; padding-top: 2pt; font-size: 7pt; }
`;

/** A column heading; a `hidden` one is said by a screen reader but not shown (the page has no room). */
type Head = string | { hidden: string };

const headText = (h: Head) => (typeof h === 'string' ? esc(h) : `<span class="vh">${esc(h.hidden)}</span>`);

/**
 * A table; `numeric` columns are right-aligned, `nowrap` ones kept on one line, the first too unless
 * it is `wide`. The first cell of each row is its row header, as a screen reader announces it.
 */
function table(head: Head[], rows: string[][], numeric: number[], more: string | null, nowrap: number[] = [0]): string {
  const th = head.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="n"' : ''}>${headText(h)}</th>`).join('');
  const cls = (i: number) => (numeric.includes(i) ? ' class="n"' : nowrap.includes(i) ? ' class="v"' : '');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row"${cls(i)}>${esc(c)}</th>` : `<td${cls(i)}>${esc(c)}</td>`)).join('')}</tr>`).join('');
  const tail = more ? `<tr><td class="more" colspan="${head.length}">${esc(more)}</td></tr>` : '';
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}${tail}</tbody></table>`;
}

export function reportHtml(p: ReportPage, paper: Paper): string {
  const out: string[] = [];
  out.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(p.title)}</title>`);
  // No request may leave the page (C3): nothing but the file's own content is allowed.
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  out.push(`<style>${css(paper)}</style></head><body>`);
  out.push(`<header><h1>${esc(p.title)}</h1><p class="sub">${esc(p.subtitle)}</p><p>${esc(p.facts)}</p></header>`);
  if (p.hold) out.push(`<section class="hold ${p.hold.kind}"><strong>${esc(p.hold.title)}</strong><p>${esc(p.hold.detail)}</p></section>`);
  if (p.empty) out.push(`<p class="empty">${esc(p.empty)}</p>`);
  out.push('<h2>What has changed</h2>');
  out.push(`<p>${esc(p.changes.lead)}</p>`);
  if (p.changes.items.length) out.push(`<ul>${p.changes.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);
  for (const t of p.changes.tail) out.push(`<p>${esc(t)}</p>`);
  if (p.changes.compared) out.push(`<p class="compared">${esc(p.changes.compared)}</p>`);
  out.push('<h2>Trends</h2><div class="charts">');
  // A screen reader reads a chart as one image named by its heading, the numbers in a table only
  // it sees (the page has no room for them), rather than as loose axis labels.
  p.charts.forEach((c, i) => out.push(`<div><h3 id="chart-${i + 1}">${esc(c.title)}</h3>${image(c.svg, `aria-labelledby="chart-${i + 1}"`)}</div>`));
  out.push(`<div><h3>On the time axis</h3>${image(p.key, `aria-label="${esc(p.keyWords)}"`)}${summaryTable(p)}</div></div>`);
  out.push(figuresTable(p));
  out.push(`<div class="cols"><section><h2>${esc(p.goals.heading)}</h2>`);
  out.push(p.goals.none ? `<p>${esc(p.goals.none)}</p>` : table(['Goal', 'First', 'Latest', 'Change', { hidden: 'Verdict' }], p.goals.rows, [1, 2, 3], p.goals.more, [4]));
  if (p.goals.score) out.push(`<p>${esc(p.goals.score)}</p>`);
  out.push('</section><section><h2>Flares and warning symptoms</h2>');
  out.push(p.events.none ? `<p>${esc(p.events.none)}</p>` : table(['Date', 'What', 'Detail'], p.events.rows, [], p.events.more, [0, 1]));
  out.push('</section></div>');
  if (p.notes) {
    out.push('<h2>Notes (shared by the person)</h2>');
    out.push(p.notes.none ? `<p>${esc(p.notes.none)}</p>` : table(['Date', 'Note'], p.notes.rows, [], p.notes.more, [0]));
  }
  out.push(`<footer>${esc(p.footer)}</footer></body></html>\n`);
  return out.join('\n');
}

/** An inline SVG exposed as one image with the name given. */
function image(svg: string, name: string): string {
  return svg.replace(/^<svg /, `<svg role="img" ${name} `);
}

function figuresTable(p: ReportPage): string {
  const f = p.figures;
  const head = f.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const rows = f.rows.map(([week, ...xs]) => `<tr><th scope="row">${esc(week ?? '')}</th>${xs.map((x) => `<td class="n">${esc(x)}</td>`).join('')}</tr>`).join('');
  // Hidden by its box, not its own: overflow does not clip a table, which printed pages of it.
  return `<div class="vh"><table><caption>${esc(f.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function summaryTable(p: ReportPage): string {
  return table(['Period', { hidden: 'Total' }], p.summary.map(([k, v]) => [k, v]), [1], null, []);
}
