import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, lines, type TempPace } from '../helpers/pace.js';
import { json } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

function run(pace: TempPace, args: string[], today: string): string {
  const r = pace.run(args, { PACE_TODAY: today });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** A JSON backup, made on 12 Jan 2026, of a journal whose walk that day had chest pain (a pause never cleared). */
function pausedBackup(): string {
  const pace = answeredPace();
  run(pace, ['log', 'walk', '10', '--symptom', 'chest-pain'], '2026-01-12');
  const file = join(pace.home, 'backup.json');
  run(pace, ['export', '--format', 'json', '--out', file], '2026-01-12');
  return file;
}

/** A JSON backup of another journal: a bike ride with `symptom` on `day`, cleared there on 8 Mar 2026. */
function clearedElsewhere(symptom: string, day: string): string {
  const other = answeredPace();
  run(other, ['log', 'bike', '10', '--symptom', symptom], day);
  run(other, ['triage', '--cleared'], '2026-03-08');
  const file = join(other.home, 'cleared.json');
  run(other, ['export', '--format', 'json', '--out', file], '2026-03-08');
  return file;
}

describe('T5: an import that leaves a pause open says so', () => {
  it('T5 (seen): restoring a backup with an uncleared pause from 2 days earlier shows the pause and its stop advice', () => {
    const file = pausedBackup();
    const pace = answeredPace();
    const out = run(pace, ['import', file], '2026-01-14');
    expect(out).toMatch(/brings back a pause opened on Mon 12 Jan/);
    expect(out).toMatch(/STOP NOW\. Call emergency services now/);
    expect(out).toMatch(/Imported 1 session/);
    expect(json<{ paused: boolean }>(pace, ['status'], '2026-01-14').paused).toBe(true);
  });

  it('T5: the backup\'s pause is reported, not recorded a second time, and --json names it', () => {
    const file = pausedBackup();
    const pace = answeredPace();
    const first = pace.run(['import', file, '--json'], { PACE_TODAY: '2026-01-14' });
    const doc = JSON.parse(first.stdout);
    expect(doc.restored_hold).toEqual({ kind: 'stop', since: '2026-01-12', symptoms: ['chest-pain'] });
    expect(doc.triaged_session_ids).toEqual([]);
    // T5: a script reads stdout; the person still sees the pause and what to do, on stderr.
    expect(lines(first.stderr).slice(0, 2)).toEqual([
      'This backup brings back a pause opened on Mon 12 Jan that was never cleared (chest-pain):',
      'STOP NOW. Call emergency services now. Do not wait to see whether it passes.',
    ]);
    // Importing it again brings nothing back: the pause was already open, and stderr stays quiet.
    const again = pace.run(['import', file, '--json'], { PACE_TODAY: '2026-01-14' });
    expect(JSON.parse(again.stdout).restored_hold).toBeNull();
    expect(again.stderr).toBe('');
  });

  it('T5: a pause that was open before the import is not announced as brought back', () => {
    const file = pausedBackup();
    const pace = answeredPace();
    run(pace, ['triage', '--symptom', 'dizziness'], '2026-01-13');
    expect(run(pace, ['import', file], '2026-01-14')).not.toMatch(/brings back/);
  });

  it('T5: a sign the backup left open is not closed by a clearance this journal gave for something else', () => {
    const file = pausedBackup();
    const pace = answeredPace();
    run(pace, ['log', 'bike', '10', '--symptom', 'new-radiation'], '2026-01-13');
    run(pace, ['triage', '--cleared'], '2026-01-13');
    const doc = JSON.parse(run(pace, ['import', file, '--json'], '2026-01-14'));
    // T3: that clearance was stored before the backup's sign, so it does not close it, though it
    // is dated later: the backup's pause comes back open from its own day, with its advice.
    expect(doc.restored_hold).toEqual({ kind: 'stop', since: '2026-01-12', symptoms: ['chest-pain'] });
    expect(doc.triaged_session_ids).toEqual([]);
    expect(json<{ paused: boolean; holds: { symptoms: string[] }[] }>(pace, ['status'], '2026-01-14')).toMatchObject({ paused: true, holds: [{ symptoms: ['chest-pain'] }] });
    // The pause is open now, so importing the backup again triages nothing more.
    expect(JSON.parse(run(pace, ['import', file, '--json'], '2026-01-14')).triaged_session_ids).toEqual([]);
  });

  it('T5: a sign recorded after a clearance on the same day is still open in the backup, and stays open here', () => {
    const a = answeredPace();
    run(a, ['log', 'walk', '10', '--symptom', 'joint-swelling'], '2026-01-12');
    run(a, ['triage', '--cleared'], '2026-01-12');
    run(a, ['log', 'walk', '10', '--symptom', 'new-radiation'], '2026-01-12');
    const file = join(a.home, 'same-day.json');
    run(a, ['export', '--format', 'json', '--out', file], '2026-01-12');
    const pace = answeredPace();
    run(pace, ['log', 'bike', '10', '--symptom', 'pain-worsening'], '2026-01-13');
    run(pace, ['triage', '--cleared'], '2026-01-13');
    run(pace, ['import', file], '2026-01-14');
    const holds = json<{ holds: { kind: string; symptoms: string[] }[] }>(pace, ['status'], '2026-01-14').holds;
    expect(holds).toEqual([expect.objectContaining({ kind: 'assess', symptoms: ['new-radiation'] })]);
  });

  it("T3/T5: a backup's clearance does not end this journal's pause: its clinician never saw the sign", () => {
    // Seen: a backup from another journal, cleared there on 8 Mar for dizziness, silently ended
    // this journal's pause for chest pain of 5 Mar, and the import said nothing.
    const file = clearedElsewhere('dizziness', '2026-03-01');
    const pace = answeredPace();
    run(pace, ['log', 'walk', '10', '--symptom', 'chest-pain'], '2026-03-05');
    const r = pace.run(['import', file], { PACE_TODAY: '2026-03-10' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/STOP NOW\. Call emergency services now/);
    expect(r.stdout).toMatch(/A clearance in this backup was given without knowing of chest-pain: still open here, recorded again today\./);
    expect(r.stdout).not.toMatch(/0 imported sessions/);
    expect(json<{ paused: boolean; holds: { kind: string; symptoms: string[] }[] }>(pace, ['status'], '2026-03-10')).toMatchObject({ paused: true, holds: [{ kind: 'stop', symptoms: ['chest-pain'] }] });
    // Importing it again changes nothing more.
    expect(JSON.parse(run(pace, ['import', file, '--json'], '2026-03-10'))).toMatchObject({ triage: null, kept_open: [] });
  });

  it("T2/T5: a backup's clearance on a day this journal also has one still closes the backup's own sign", () => {
    // Seen: both journals cleared on 8 Mar; the backup's clearance was skipped as a copy of this
    // journal's, which was stored before the backup's sign, and the import said the backup "brings
    // back a hold ... that was never cleared".
    const file = clearedElsewhere('pain-worsening', '2026-03-06');
    const pace = answeredPace();
    run(pace, ['log', 'walk', '10', '--symptom', 'joint-swelling'], '2026-03-03');
    run(pace, ['triage', '--cleared'], '2026-03-08');
    const out = run(pace, ['import', file], '2026-03-10');
    expect(out).not.toMatch(/brings back/);
    expect(json<{ holds: unknown[] }>(pace, ['status'], '2026-03-10').holds).toEqual([]);
    // Importing it again adds nothing.
    expect(JSON.parse(run(pace, ['import', file, '--json'], '2026-03-10'))).toMatchObject({ triage: null, restored_hold: null });
  });

  it('T5: warning signs on sessions older than 7 days open nothing, but are named once, as history', () => {
    const pace = answeredPace();
    const file = join(pace.home, 'old.csv');
    writeFileSync(file, 'date,activity,category,dose,unit,pain_before,pain_after,flare,symptoms\r\n2026-01-02,walk,aerobic,10,min,3,4,no,chest-pain\r\n');
    const out = run(pace, ['import', file], '2026-01-14');
    expect(out).not.toMatch(/STOP/);
    expect(lines(out)).toContainEqual(expect.stringMatching(/older than 7 days.*chest-pain on Fri 2 Jan.*open no hold/));
    expect(JSON.parse(run(answeredPace(), ['import', file, '--json'], '2026-01-14')).past_warning_signs).toEqual([{ date: '2026-01-02', symptoms: ['chest-pain'] }]);
  });
});

describe('F1, F3, F4: edit says what log says about how the body took the session', () => {
  it('F1, F3 (seen): editing pain to 2 -> 7 names the flare with its flare-day dose', () => {
    const pace = answeredPace();
    run(pace, ['log', 'walk', '10', '--pain-before', '2', '--pain-after', '3'], '2026-01-14');
    const out = run(pace, ['edit', '1', '--pain-after', '7'], '2026-01-14');
    expect(out).toMatch(/Updated session 1/);
    expect(out).toMatch(/This counts as a flare: pain rose from 2 to 7/);
    expect(out).toMatch(/do less rather than nothing: walk 5 min/);
    const doc = JSON.parse(run(pace, ['edit', '1', '--pain-after', '4', '--json'], '2026-01-14'));
    expect(doc.response).toEqual({ kind: 'expected', pain_before: 2, pain_after: 4 });
  });

  it('F4: an edit of the note alone says nothing about the pain', () => {
    const pace = answeredPace();
    run(pace, ['log', 'walk', '10', '--pain-before', '2', '--pain-after', '3'], '2026-01-14');
    expect(lines(run(pace, ['edit', '1', '--note', 'windy'], '2026-01-14'))).toHaveLength(1);
  });
});

describe('B1, B3: edit names a big day it makes, as log does', () => {
  /** Walks of 10 min on Mon 12 to Wed 14 Jan 2026, and one of 10 min on Thu 15 (session 4). */
  function walks(): TempPace {
    const pace = answeredPace();
    for (const day of ['12', '13', '14', '15']) run(pace, ['log', 'walk', '10', '--pain-before', '2', '--pain-after', '3'], `2026-01-${day}`);
    return pace;
  }

  it('B1 (seen): a dose corrected from 10 to 25 min is named as a big day, in words and in --json', () => {
    // Seen: "Updated session 4" and nothing else, where log walk 25 says "Careful: 25 min today is 2.5 x ...".
    const pace = walks();
    const out = run(pace, ['edit', '4', '--dose', '25'], '2026-01-15');
    expect(lines(out)).toEqual(['Updated session 4: walk 25 min on Thu 15 Jan 2026, pain 2 -> 3.', expect.stringMatching(/^Careful: 25 min today is 2\.5 x your usual day lately/)]);
    const doc = JSON.parse(run(pace, ['edit', '4', '--dose', '24', '--json'], '2026-01-15'));
    expect(doc.boom).toMatchObject({ ratio: 2.4, reference: 10, message: expect.stringMatching(/^24 min today is 2\.4 x/) });
  });

  it('B1: an edit that makes no big day, or changes only the note, says nothing of one', () => {
    const pace = walks();
    expect(lines(run(pace, ['edit', '4', '--dose', '12'], '2026-01-15'))).toHaveLength(1);
    expect(JSON.parse(run(pace, ['edit', '4', '--dose', '11', '--json'], '2026-01-15')).boom).toBeNull();
    run(pace, ['edit', '4', '--dose', '25'], '2026-01-15');
    expect(lines(run(pace, ['edit', '4', '--note', 'windy'], '2026-01-15'))).toHaveLength(1);
  });
});
