import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempPace } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const settings = (p: ReturnType<typeof tempPace>) => JSON.parse(p.run(['init', '--json']).stdout) as Record<string, unknown>;

/** A backup written on `day` by a journal answered with `pem` (and aim 120, start 5 Jan). */
function backupFrom(day: string, pem: 'yes' | 'no'): string {
  const old = tempPace(tempDir());
  const env = { PACE_TODAY: day };
  expect(old.run(['init', '--pem', pem, '--target-minutes', '120', '--start', '2026-01-05'], env).status).toBe(0);
  const out = join(old.home, 'backup.json');
  expect(old.run(['export', '--format', 'json', '--out', out], env).status).toBe(0);
  return out;
}

describe('import keeps the journal’s settings (S1, S2)', () => {
  it('S1: an older backup answered "no" does not switch a newer "yes" back, and says so on stderr', () => {
    const backup = backupFrom('2026-01-06', 'no');
    const journal = tempPace(tempDir());
    const env = { PACE_TODAY: '2026-01-20' };
    expect(journal.run(['init', '--pem', 'yes', '--target-minutes', '150', '--start', '2026-01-12'], env).status).toBe(0);
    const r = journal.run(['import', backup], env);
    expect(r.status).toBe(0);
    expect(settings(journal)).toMatchObject({ pem: 'yes', mode: 'envelope', target_minutes: 150, start_date: '2026-01-12' });
    expect(r.stderr).toMatch(/safety question.*yes.*20 Jan.*backup.*no.*6 Jan/);
    expect(r.stderr).toMatch(/weekly aim.*150.*backup.*120/);
    expect(r.stderr).toMatch(/^Kept this journal's start date, Mon 12 Jan 2026; the backup has Mon 5 Jan 2026\. pace init --start changes it\.$/m);
    // Importing it again changes nothing and says the same.
    const again = journal.run(['import', backup], env);
    expect(again.stderr).toMatch(/safety question/);
    expect(settings(journal)).toMatchObject({ pem: 'yes', mode: 'envelope' });
  });

  it('S2: a backup whose answer is newer than the journal’s brings that answer in', () => {
    const journal = tempPace(tempDir());
    expect(journal.run(['init', '--pem', 'no', '--target-minutes', '140'], { PACE_TODAY: '2026-01-06' }).status).toBe(0);
    const backup = backupFrom('2026-01-20', 'yes');
    const r = journal.run(['import', backup], { PACE_TODAY: '2026-01-21' });
    expect(r.status).toBe(0);
    expect(settings(journal)).toMatchObject({ pem: 'yes', mode: 'envelope', target_minutes: 120 });
    // Not silently: one line for each setting the backup changed, with the init flag that changes it back.
    expect(r.stderr).toMatch(/^Took the backup's answer to the safety question: yes \(given Tue 20 Jan\), newer than this journal's no\. pace init --pem changes it\.$/m);
    expect(r.stderr).toMatch(/^Took the backup's weekly aim of 120 minutes \(set Tue 20 Jan\), newer than this journal's 140\. pace init --target-minutes changes it\.$/m);
  });

  it('C1: the report paper chosen with init --paper comes back from a backup, and a journal with its own keeps it', () => {
    const old = tempPace(tempDir());
    expect(old.run(['init', '--pem', 'no', '--paper', 'letter']).status).toBe(0);
    const backup = join(old.home, 'backup.json');
    expect(old.run(['export', '--format', 'json', '--out', backup]).status).toBe(0);
    const fresh = tempPace(tempDir());
    expect(fresh.run(['import', backup]).status).toBe(0);
    expect(settings(fresh)).toMatchObject({ paper: 'letter', report_paper: 'letter' });
    const own = tempPace(tempDir());
    expect(own.run(['init', '--pem', 'no', '--paper', 'a4']).status).toBe(0);
    const r = own.run(['import', backup]);
    expect(r.status).toBe(0);
    expect(settings(own)).toMatchObject({ paper: 'a4' });
    expect(r.stderr).toMatch(/^Kept this journal's report paper, a4; the backup has letter\. pace init --paper changes it\.$/m);
    // auto is a choice too: the backup's size does not replace it.
    const auto = tempPace(tempDir());
    expect(auto.run(['init', '--pem', 'no', '--paper', 'auto']).status).toBe(0);
    expect(auto.run(['import', backup]).stderr).toMatch(/^Kept this journal's report paper, auto; the backup has letter\./m);
    expect(settings(auto)).toMatchObject({ paper: 'auto' });
  });

  it('a fresh journal takes every setting from the backup, quietly', () => {
    const backup = backupFrom('2026-01-06', 'no');
    const journal = tempPace(tempDir());
    const r = journal.run(['import', backup], { PACE_TODAY: '2026-01-20' });
    expect(r.status).toBe(0);
    expect(settings(journal)).toMatchObject({ pem: 'no', target_minutes: 120, start_date: '2026-01-05' });
    expect(r.stderr).toBe('');
  });
});
