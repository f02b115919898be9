import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// C1, C3: the PDF read by a second, independent reader, poppler (what many Linux viewers and
// print paths use), besides pdf.js in report.test.ts: one A4 page, every font in the file, the
// hold first in the text, and a page that is drawn, not blank. Without poppler-utils this fails,
// saying so (.ci/run installs it).

const TOOLS = ['pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm'];
const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);

function tool(name: string, args: string[]): string {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  expect(r.status, `${name} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The share of a binary PPM's pixels darker than mid-grey. */
function darkShare(ppm: Buffer): { width: number; height: number; dark: number } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40));
  expect(header, 'a binary PPM').not.toBeNull();
  const [width, height] = [Number(header![1]), Number(header![2])];
  const pixels = ppm.subarray(header![0].length);
  expect(pixels.length).toBe(width * height * 3);
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 3) if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 128) dark++;
  return { width, height, dark: dark / (width * height) };
}

describe('the PDF report read by poppler', () => {
  it('poppler-utils is installed (the tests below need it)', () => {
    expect(missing, `missing ${missing.join(', ')}: apt-get install poppler-utils`).toEqual([]);
  });

  let pace: TempPace;
  let pdf: string;
  beforeAll(() => {
    pace = answeredPace();
    const env = { PACE_TODAY: '2026-11-19' };
    for (const day of ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-11', '2026-11-13', '2026-11-16']) {
      expect(pace.run(['log', 'walk', '12', '--date', day, '--pain-before', '3', '--pain-after', '4'], env).status).toBe(0);
    }
    expect(pace.run(['triage', '--symptom', 'joint-swelling'], env).status).toBe(0);
    pdf = join(pace.home, 'visit.pdf');
    const r = pace.run(['report', '--out', pdf, '--paper', 'a4'], env);
    expect(r.status, r.stderr).toBe(0);
  });

  it('one A4 page, no scripts, not encrypted', () => {
    const info = tool('pdfinfo', [pdf]);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^JavaScript:\s+no$/m);
    expect(info).toMatch(/^Encrypted:\s+no$/m);
  });

  it('every font is embedded in the file', () => {
    const rows = tool('pdffonts', [pdf]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    // Columns: name, type (two words), encoding, emb, sub, uni, object, generation.
    for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes');
  });

  it('the text is real text, with the hold before what has changed', () => {
    const text = tool('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain('Pacing report for the clinic');
    expect(text).toMatch(/PLAN ON HOLD since 19 Nov 2026/);
    expect(text.indexOf('PLAN ON HOLD')).toBeLessThan(text.indexOf('What has changed'));
    expect(text).toContain('not a medical device');
  });

  it('the page is drawn: an A4-shaped image with ink on it, mostly white', () => {
    tool('pdftoppm', ['-r', '30', '-singlefile', pdf, join(pace.home, 'page')]);
    const { width, height, dark } = darkShare(readFileSync(join(pace.home, 'page.ppm')));
    expect(Math.abs(height / width - 297 / 210)).toBeLessThan(0.01);
    expect(dark).toBeGreaterThan(0.01);
    expect(dark).toBeLessThan(0.5);
  });
});
