import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigHistoryPace, BIG_TODAY } from '../helpers/bigHistory.js';
import { CHROMIUM, CHROMIUM_MISSING, printHtml } from '../helpers/chromium.js';
import type { TempPace } from '../helpers/pace.js';
import { A4, LETTER, readPdf } from '../helpers/pdf.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// C1, C3: the HTML report printed by a real browser: one page on A4 and on Letter, with the
// longest history, and nothing requested from anywhere. Without Chromium this fails, saying so.

const near = (a: readonly number[], b: readonly number[]) => a.every((x, i) => Math.abs(x - (b[i] as number)) < 1);

describe('the HTML report in headless Chromium', () => {
  it('Chromium is installed (the tests below need it)', () => {
    expect(CHROMIUM, CHROMIUM_MISSING).not.toBeNull();
  });

  let pace: TempPace;
  beforeAll(() => {
    pace = bigHistoryPace();
  }, 120_000);

  it.each(['a4', 'letter'] as const)('C1: three years with notes print on one %s page, no request leaves the page, no console error', async (paper) => {
    const html = join(pace.home, `big-${paper}.html`);
    const r = pace.run(['report', '--out', html, '--paper', paper, '--include-notes', '--from', '2024-01-01'], { PACE_TODAY: BIG_TODAY });
    expect(r.status, r.stderr).toBe(0);
    const printed = printHtml(html);
    expect(printed.requests).toEqual([]);
    expect(printed.console).toEqual([]);
    const pdf = await readPdf(printed.pdf);
    expect(pdf.pages).toBe(1);
    expect(near(pdf.sizes[0]!, paper === 'a4' ? A4 : LETTER), `page size ${pdf.sizes[0]}`).toBe(true);
    expect(pdf.text[0]).toContain('PLAN ON HOLD');
    expect(pdf.text[0]).toContain('not a medical device');
  }, 120_000);

  it('the checks can fail: a page that fetches an image and logs an error is caught', () => {
    const bad = join(pace.home, 'bad.html');
    writeFileSync(bad, '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"><script>console.error("boom")</script></body></html>');
    const printed = printHtml(bad);
    expect(printed.requests).toEqual(['http://example.invalid/x.png']);
    expect(printed.console.join('\n')).toContain('boom');
  }, 120_000);
});
