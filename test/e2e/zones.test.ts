import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, stackLines, tempPace } from '../helpers/pace.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// A person who moves between time zones: a journal kept in Auckland, its export read on a laptop
// in Los Angeles at the same moment, where the calendar is still a day behind.

const AUCKLAND = { TZ: 'Pacific/Auckland', PACE_TODAY: '2026-11-24' };
const LOS_ANGELES = { TZ: 'America/Los_Angeles', PACE_TODAY: '2026-11-23' };

function aucklandExports(): { csv: string; json: string } {
  const pace = tempPace(tempDir());
  for (const args of [
    ['init', '--pem', 'no'],
    ['log', 'walk', '14.5', '--date', '2026-11-23', '--pain-before', '3', '--pain-after', '4'],
    ['log', 'walk', '14.5', '--pain-before', '3', '--pain-after', '4'],
  ]) {
    const r = pace.run(args, AUCKLAND);
    expect(r.status, r.stderr).toBe(0);
  }
  const csv = join(pace.home, 'walks.csv');
  const json = join(pace.home, 'backup.json');
  expect(pace.run(['export', '--out', csv], AUCKLAND).status).toBe(0);
  expect(pace.run(['export', '--format', 'json', '--out', json], AUCKLAND).status).toBe(0);
  return { csv, json };
}

describe('pace import across time zones', () => {
  it.each(['csv', 'json'] as const)(
    'E1, cli.md exit codes: a %s file dated a day ahead (made east of here) is refused in two lines that name today here and the time zone, and writes nothing',
    (kind) => {
      // Seen: "pace: sessions[1].date: 2026-11-24 is in the future." and nothing else, for a
      // session walked that morning in Auckland: no word of why, or of what to do.
      const file = aucklandExports()[kind];
      const here = tempPace(tempDir());
      const r = here.run(['import', file], LOS_ANGELES);
      expect(r.status).toBe(2);
      expect(stackLines(r.stderr)).toEqual([]);
      const said = lines(r.stderr).filter((l) => !/pacing journal|pace helps|safety question/.test(l));
      expect(said).toHaveLength(2);
      expect(said[0]).toMatch(/2026-11-24 is in the future/);
      expect(said[1]).toMatch(/Mon 23 Nov 2026/);
      expect(said[1]).toMatch(/time zone/);
      expect(existsSync(here.db) ? fileHash(here.db) : null).toBe(null);
    },
  );
});
