// Where "today" comes from: the person's own calendar day in the machine's time zone (not UTC's),
// or PACE_TODAY. Runs main() in-process with a fixed clock under several TZ values.
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/main.js';
import { MemoryStream } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const savedTz = process.env.TZ;
const savedUmask = process.umask();
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
  process.umask(savedUmask);
  removeTempDirs();
});

// West and east of Greenwich, half- and quarter-hour offsets, a half-hour daylight saving, the date line.
const ZONES = ['America/Los_Angeles', 'America/St_Johns', 'Pacific/Honolulu', 'Pacific/Kiritimati', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/Berlin', 'UTC'];

/** The calendar day of `at` on a wall clock in `zone`, worked out by Intl, not by the process's TZ. */
function localDay(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

async function todayAt(at: Date, zone: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  process.env.TZ = zone;
  const stdout = new MemoryStream();
  const home = tempDir();
  const io: Io = { env: { HOME: home, PACE_DB: `${home}/pace.db`, NO_COLOR: '1', ...env }, stdin: {}, stdout, stderr: new MemoryStream(), platform: 'linux', clock: () => at };
  expect(await main(['status', '--json'], io)).toBe(0);
  return (JSON.parse(stdout.text) as { today: string }).today;
}

describe('today', () => {
  it.each([
    // 06:30 UTC on 8 March is still the 7th in Los Angeles (22:30 PST), just before its clocks go forward.
    ['2026-03-08T06:30:00Z', 'America/Los_Angeles', '2026-03-07'],
    // 02:00 UTC on 1 November is the 31st in St John's (23:30 NDT), an hour before its clocks go back.
    ['2026-11-01T02:00:00Z', 'America/St_Johns', '2026-10-31'],
    ['2026-11-21T23:30:00Z', 'Pacific/Honolulu', '2026-11-21'],
    // 11:00 UTC is already the next day at UTC+14, and at Nepal's +05:45 only from 18:15 UTC.
    ['2026-11-21T11:00:00Z', 'Pacific/Kiritimati', '2026-11-22'],
    ['2026-11-21T18:14:00Z', 'Asia/Kathmandu', '2026-11-21'],
    ['2026-11-21T18:15:00Z', 'Asia/Kathmandu', '2026-11-22'],
    // Lord Howe Island: +11 in its summer, a half-hour daylight saving.
    ['2026-11-21T12:59:00Z', 'Australia/Lord_Howe', '2026-11-21'],
    ['2026-11-21T13:00:00Z', 'Australia/Lord_Howe', '2026-11-22'],
  ])('at %s under TZ=%s it is %s, the local calendar day', async (instant, zone, day) => {
    expect(await todayAt(new Date(instant), zone)).toBe(day);
  });

  it('is the local calendar day at any moment, in any of these zones (around daylight-saving changes too)', async () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2027-01-01T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: from, max: to }), fc.constantFrom(...ZONES), async (ms, zone) => {
        const at = new Date(ms);
        expect(await todayAt(at, zone)).toBe(localDay(at, zone));
      }),
      { numRuns: 40 },
    );
  });

  it('PACE_TODAY wins over the clock, in any zone', async () => {
    expect(await todayAt(new Date('2026-11-21T11:00:00Z'), 'Pacific/Kiritimati', { PACE_TODAY: '2026-03-08' })).toBe('2026-03-08');
  });

  // 9999-12-31 gave a plan for "the week of Mon 23 Apr 0998" (the next Monday has a five-digit
  // year), and a today centuries ahead made review and report replay every week up to it (12 s).
  it.each(['9999-12-31', '2200-01-01', '1899-12-31', '0000-01-01', '2026-02-30', 'tomorrow'])(
    'PACE_TODAY=%s is refused in two lines, exit 2, and nothing is created',
    async (fixed) => {
      const home = tempDir();
      const stderr = new MemoryStream();
      const io: Io = { env: { HOME: home, PACE_DB: `${home}/pace.db`, PACE_TODAY: fixed, NO_COLOR: '1' }, stdin: {}, stdout: new MemoryStream(), stderr, platform: 'linux', clock: () => new Date() };
      expect(await main(['log', 'walk', '10'], io)).toBe(2);
      expect(stderr.text).toMatch(new RegExp(`^pace: PACE_TODAY "${fixed}" is .+\n  .*unset it.*\n$`));
      // A real day outside the range is named as such, not as "not a real date".
      const outside = { '9999-12-31': 'after 2199', '2200-01-01': 'after 2199', '1899-12-31': 'before 1900' }[fixed];
      expect(stderr.text).toContain(outside ?? 'not a real date');
      expect(existsSync(`${home}/pace.db`)).toBe(false);
    },
  );

  it.each(['1900-01-01', '2199-12-31'])('PACE_TODAY=%s, at an end of the range, works', async (fixed) => {
    expect(await todayAt(new Date('2026-11-21T11:00:00Z'), 'UTC', { PACE_TODAY: fixed })).toBe(fixed);
  });
});
