import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './tmp.js';

// Headless Chromium (Debian's `chromium`, installed by .ci/run) prints an HTML file to PDF as a
// person's browser would. Its network log tells the page's own requests (initiated by the page)
// from the browser's background ones, and its console log shows any error the page raised.

export const CHROMIUM = ['chromium', 'chromium-browser'].map((n) => `/usr/bin/${n}`).find((p) => existsSync(p)) ?? null;

export const CHROMIUM_MISSING = 'headless Chromium is not installed, so the HTML report cannot be printed: run `apt-get install -y chromium` (.ci/run does).';

export interface Printed {
  pdf: string;
  /** URLs the page itself asked for (anything but its own file). */
  requests: string[];
  /** Lines the page wrote to the console (errors included). */
  console: string[];
}

export function printHtml(file: string): Printed {
  if (CHROMIUM === null) throw new Error(CHROMIUM_MISSING);
  const dir = tempDir('pace-chromium-');
  const pdf = join(dir, 'printed.pdf');
  const netLog = join(dir, 'net.json');
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`, '--enable-logging=stderr', '--v=0', '--no-pdf-header-footer', `--log-net-log=${netLog}`, `--print-to-pdf=${pdf}`,
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 90_000, env: { ...process.env, HOME: dir } },
  );
  if (r.error) throw r.error;
  if (!existsSync(pdf)) throw new Error(`chromium printed nothing (exit ${r.status}): ${r.stderr.slice(-500)}`);
  const events = (JSON.parse(readFileSync(netLog, 'utf8')) as { events: { params?: { url?: string; initiator?: string } }[] }).events;
  // The browser's own background requests carry no page origin ("not an origin"); the page's do.
  const requests = events.flatMap((e) => (e.params?.url && e.params.initiator !== undefined && e.params.initiator !== 'not an origin' && !e.params.url.startsWith('file:') ? [e.params.url] : []));
  const console = r.stderr.split('\n').filter((l) => /:CONSOLE[:(]/.test(l));
  return { pdf, requests: [...new Set(requests)], console };
}
