import { afterAll, describe, expect, it } from 'vitest';
import { tempPace } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

interface SettingsDoc {
  start_date: string | null;
  target_minutes: number;
  pem: 'yes' | 'no' | null;
  mode: 'graded' | 'envelope';
  default_time: string;
}

describe('pace init', () => {
  it('P: --start sets program week 1 to the week of that date', () => {
    const pace = tempPace(tempDir());
    const r = pace.run(['init', '--start', '2026-11-04', '--pem', 'no', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as SettingsDoc).start_date).toBe('2026-11-04');
    expect(pace.run(['log', 'walk', '10']).status).toBe(0);
    // 2026-11-04 is in the week of Mon 2 Nov; today (Sat 21 Nov) is in the third week from it.
    expect(JSON.parse(pace.run(['status', '--json']).stdout).program_week).toBe(3);
  });

  it('G1: --target-minutes changes the weekly aim that status measures against', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['init', '--target-minutes', '120', '--pem', 'no']).status).toBe(0);
    expect(JSON.parse(pace.run(['status', '--json']).stdout).target_minutes).toBe(120);
  });

  it('settings keep what was not changed', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['init', '--target-minutes', '90', '--pem', 'yes', '--time', '07:15']).status).toBe(0);
    const german = { LANG: 'de_DE.UTF-8', LC_ALL: undefined, LC_PAPER: undefined };
    const doc = JSON.parse(pace.run(['init', '--start', '2026-11-02', '--json'], german).stdout) as SettingsDoc;
    // No paper chosen: the report's comes from the locale (C1).
    expect(doc).toEqual({ start_date: '2026-11-02', target_minutes: 90, pem: 'yes', mode: 'envelope', default_time: '07:15', paper: null, report_paper: 'a4' });
  });
});

describe('colour', () => {
  it('output into a pipe has no colour codes, whatever TERM says', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['log', 'walk', '10', '--symptom', 'chest-pain']).status).toBe(0);
    const r = pace.run(['triage', '--symptom', 'chest-pain'], { NO_COLOR: undefined, TERM: 'xterm-256color' });
    expect(r.stdout).toMatch(/STOP NOW/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});
