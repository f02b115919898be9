import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, stackLines, tempPace, type TempPace } from '../helpers/pace.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// A person who moves between time zones: a journal kept in Auckland, its export read on a laptop
// in Los Angeles at the same moment, where the calendar is still a day behind.

const AUCKLAND = { TZ: 'Pacific/Auckland', PACE_TODAY: '2026-11-24' };
const LOS_ANGELES = { TZ: 'America/Los_Angeles', PACE_TODAY: '2026-11-23' };

/** Walks logged in Auckland on Mon 23 Nov and on its today, Tue 24 Nov. */
function aucklandJournal(): TempPace {
  const pace = tempPace(tempDir());
  for (const args of [
    ['init', '--pem', 'no'],
    ['log', 'walk', '14.5', '--date', '2026-11-23', '--pain-before', '3', '--pain-after', '4'],
    ['log', 'walk', '14.5', '--pain-before', '3', '--pain-after', '5'],
  ]) {
    const r = pace.run(args, AUCKLAND);
    expect(r.status, r.stderr).toBe(0);
  }
  return pace;
}

function aucklandExports(): { csv: string; json: string } {
  const pace = aucklandJournal();
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

describe('a journal carried west over the date line (the day goes back)', () => {
  // Walked on Mon 23 and Tue 24 Nov in Auckland; the laptop is opened in Los Angeles the same
  // hour, where it is still Monday. Seen: status and the report counted one walk and 14.5
  // minutes this week, while plan ("2 of 3 so far this week") and export --weekly counted both.
  it('G3, E2: status counts this week\'s session dated "tomorrow" as the weekly export does', () => {
    const pace = aucklandJournal();
    const weekly = pace.run(['export', '--weekly'], LOS_ANGELES).stdout.split('\r\n');
    expect(weekly.find((l) => l.startsWith('2026-11-23,'))).toMatch(/^2026-11-23,1,1,graded,walk,min,,,2,,29,3,4.5,/);
    const status = JSON.parse(pace.run(['status', '--json'], LOS_ANGELES).stdout) as {
      this_week: { activities: { activity: string; sessions_done: number; dose_done: number }[] };
      weekly_minutes: number;
      minutes_by_week: { week_start: string; minutes: number }[];
      pain_by_week: { week_start: string; sessions: number; mean_pain_after: number | null }[];
    };
    expect(status.this_week.activities).toMatchObject([{ activity: 'walk', sessions_done: 2, dose_done: 29 }]);
    expect(status.weekly_minutes).toBe(29);
    expect(status.minutes_by_week.at(-1)).toEqual({ week_start: '2026-11-23', minutes: 29 });
    expect(status.pain_by_week.at(-1)).toMatchObject({ week_start: '2026-11-23', sessions: 2, mean_pain_after: 4.5 });
  });

  it('C1, E2: a report whose period ends today counts that session in its week, as the weekly export does', () => {
    const pace = aucklandJournal();
    const out = join(pace.home, 'report.html');
    const r = pace.run(['report', '--format', 'html', '--out', out], LOS_ANGELES);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8').replace(/<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toMatch(/Sessions 2 /);
    expect(text).toMatch(/23 Nov 2026 - 29 3\.0 4\.5 /);
  });
});
