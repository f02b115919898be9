// F1 in every view of one session: `flare` is F1's verdict wherever a person or a clinician reads
// it (the list table, the --json of list, log, edit and delete, the session CSV, the weekly
// counts); `flare_marked` is the person's own mark; the JSON backup keeps the mark as its `flare`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, type TempPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const TODAY = '2026-11-21';
const DAY = '2026-11-20';

function ok(pace: TempPace, args: readonly string[]): string {
  const r = pace.run(args, { PACE_TODAY: TODAY });
  expect(r.status, `pace ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The cells of `pace list`'s table, keyed by its header, as a person reads them. */
function tableRows(out: string): Record<string, string>[] {
  const [head, ...rows] = out.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
  return rows.map((r) => Object.fromEntries(r.map((c, i) => [head![i], c])));
}

/** The session CSV's rows, keyed by its header (these rows have no quoted cells). */
function csvRows(csv: string): Record<string, string>[] {
  const [head, ...rows] = csv.replace(/\r\n$/, '').split('\r\n').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(r.map((c, i) => [head![i], c])));
}

interface Backup { sessions: { flare: boolean; pain_before: number | null; pain_after: number | null }[] }

describe('F1, E1: a pain rise of 3 or more without --flare reads as a flare in every view', () => {
  it('the list table, list --json, log --json, the session CSV and the weekly count agree; the backup keeps the mark', () => {
    const pace = answeredPace();
    const logged = JSON.parse(ok(pace, ['log', 'walk', '10', '--pain-before', '2', '--pain-after', '6', '--date', DAY, '--json']));
    expect(logged.response.kind).toBe('flare');
    expect(logged.session).toMatchObject({ id: 1, flare: true, flare_marked: false });

    expect(tableRows(ok(pace, ['list']))).toEqual([expect.objectContaining({ id: '1', pain: '2 -> 6', flare: 'yes' })]);
    expect(JSON.parse(ok(pace, ['list', '--json']))).toEqual([expect.objectContaining({ id: 1, flare: true, flare_marked: false })]);
    expect(csvRows(ok(pace, ['export']))).toEqual([expect.objectContaining({ date: DAY, flare: 'yes' })]);
    expect(csvRows(ok(pace, ['export', '--weekly'])).map((r) => r.flares)).toEqual(['1']);

    // A backup is data, not a view: its `flare` is the mark, and a restore gives the same backup.
    const backup = ok(pace, ['export', '--format', 'json']);
    expect((JSON.parse(backup) as Backup).sessions).toEqual([expect.objectContaining({ flare: false, pain_before: 2, pain_after: 6 })]);
    const restored = answeredPace();
    const file = join(restored.home, 'backup.json');
    writeFileSync(file, backup);
    ok(restored, ['import', file]);
    expect(ok(restored, ['export', '--format', 'json'])).toBe(backup);
    expect(JSON.parse(ok(restored, ['list', '--json']))).toEqual([expect.objectContaining({ flare: true, flare_marked: false })]);
  });

  it('edit and delete --json say the same: the verdict, and the mark beside it', () => {
    const pace = answeredPace();
    ok(pace, ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '3', '--flare']);
    // Marked by hand, no rise: a flare by the mark alone.
    expect(JSON.parse(ok(pace, ['list', '--json']))[0]).toMatchObject({ flare: true, flare_marked: true });
    // The mark taken back with a rise of 4 given: still a flare, by the rise.
    const edited = JSON.parse(ok(pace, ['edit', '1', '--no-flare', '--pain-after', '7', '--json']));
    expect(edited.session).toMatchObject({ flare: true, flare_marked: false });
    expect(tableRows(ok(pace, ['list']))[0]).toMatchObject({ flare: 'yes' });
    // The rise corrected: no flare by any F1 reason, in JSON, in the table and in the CSV.
    expect(JSON.parse(ok(pace, ['edit', '1', '--pain-after', '4', '--json'])).session).toMatchObject({ flare: false, flare_marked: false });
    expect(tableRows(ok(pace, ['list']))[0]).toMatchObject({ flare: '' });
    expect(csvRows(ok(pace, ['export']))[0]).toMatchObject({ flare: 'no' });
    ok(pace, ['edit', '1', '--pain-after', '7']);
    expect(JSON.parse(ok(pace, ['delete', '1', '--yes', '--json'])).deleted).toMatchObject({ flare: true, flare_marked: false });
  });
});
