import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stackLines, tempPace, type RunResult, type TempPace } from '../helpers/pace.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// A dose no one could do in one session (2000 reps typed for 200) is a slip: every path that
// records a dose refuses it in the same words, as a session longer than a day is refused.

const REPS = ['pace: --dose 2000 reps is too many for one session.', '  A session can be at most 1000 reps: check the number for an extra digit.'];

/** A journal holding 20 reps of sit-to-stand (session 1). */
function withSitToStand(): TempPace {
  const pace = tempPace(tempDir());
  expect(pace.run(['log', 'sit-to-stand', '20reps', '--date', '2026-11-19']).status).toBe(0);
  return pace;
}

/** A usage error: exit 2, the two lines given and nothing else, no stack trace. */
function expectRefused(r: RunResult, said: readonly string[]): void {
  expect(stackLines(r.stderr)).toEqual([]);
  expect(r.stderr.trimEnd().split('\n')).toEqual(said);
  expect(r.status).toBe(2);
}

/** Runs `args` against `pace` and checks that the journal file did not change. */
function runUnchanged(pace: TempPace, args: readonly string[]): RunResult {
  const before = fileHash(pace.db);
  const r = pace.run(args);
  expect(fileHash(pace.db), 'a refusal changed the journal').toBe(before);
  return r;
}

describe('a dose past its unit\'s bound for one session', () => {
  it('log refuses 2000 reps, as a dose or with --dose, and writes nothing', () => {
    const pace = withSitToStand();
    expectRefused(runUnchanged(pace, ['log', 'sit-to-stand', '2000']), REPS);
    expectRefused(runUnchanged(pace, ['log', '--activity', 'sit-to-stand', '--dose', '2000reps']), REPS);
    expect(pace.sessions().map((s) => s.dose)).toEqual([20]);
  });

  it('log refuses 200000 steps and 150 km of a new activity, and keeps the bound itself', () => {
    const pace = tempPace(tempDir());
    expectRefused(pace.run(['log', 'step-count', '200000steps']), [
      'pace: --dose 200000 steps is too many for one session.', '  A session can be at most 100000 steps: check the number for an extra digit.',
    ]);
    expectRefused(pace.run(['log', 'cycling', '150000', '--unit', 'm']), [
      'pace: --dose 150000 m is too far for one session.', '  A session can be at most 100000 m (100 km): check the number for an extra digit.',
    ]);
    expect(pace.run(['log', 'cycling', '100000m']).status).toBe(0);
    expect(pace.run(['log', 'sit-to-stand', '1000reps']).status).toBe(0);
    expect(pace.sessions().map((s) => [s.dose, s.unit])).toEqual(expect.arrayContaining([[100000, 'm'], [1000, 'reps']]));
    expect(pace.sessions()).toHaveLength(2);
  });

  it('edit refuses it as --dose, and the session keeps its dose', () => {
    const pace = withSitToStand();
    expectRefused(runUnchanged(pace, ['edit', '1', '--dose', '2000']), REPS);
    expect(pace.sessions()).toMatchObject([{ id: 1, dose: 20 }]);
  });

  it('plan --set refuses such a quota', () => {
    const pace = withSitToStand();
    expectRefused(runUnchanged(pace, ['plan', '--set', 'sit-to-stand=2000x3']), [
      'pace: --set 2000 reps is too many for one session.', '  A session can be at most 1000 reps: check the number for an extra digit.',
    ]);
  });

  it.each([
    ['a session longer than a day', 'walk,2000,min', 'row 3, column dose: 2000 min is longer than a day.', '  A session can be at most 1440 minutes.'],
    ['too many reps', 'sit-to-stand,2000,reps', 'row 3, column dose: 2000 reps is too many for one session.', REPS[1]!],
  ])('import refuses a CSV row with %s, naming the row, and imports none of the file', (_name, row, said, hint) => {
    const pace = withSitToStand();
    const file = join(pace.home, 'sessions.csv');
    writeFileSync(file, `date,activity,dose,unit\r\n2026-11-18,sit-to-stand,15,reps\r\n2026-11-20,${row}\r\n`);
    expectRefused(runUnchanged(pace, ['import', file]), [`pace: ${said}`, hint]);
    expect(pace.sessions().map((s) => s.dose)).toEqual([20]);
  });

  it('import refuses a JSON backup holding such a dose, naming the session, and imports nothing', () => {
    const source = withSitToStand();
    const file = join(source.home, 'backup.json');
    expect(source.run(['export', '--format', 'json', '--out', file]).status).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { sessions: { dose: number }[] };
    doc.sessions[0]!.dose = 2000;
    writeFileSync(file, JSON.stringify(doc));
    const target = withSitToStand();
    expectRefused(runUnchanged(target, ['import', file]), ['pace: sessions[0].dose: 2000 reps is too many for one session.', REPS[1]!]);
  });
});

describe('a journal that holds such a dose from before the bound', () => {
  /** Session 1 holds 2000 reps, written the way an older pace could have. */
  function withOldSlip(): TempPace {
    const pace = withSitToStand();
    const db = new Database(pace.db);
    db.prepare('UPDATE sessions SET dose = 2000').run();
    db.close();
    return pace;
  }

  it('still opens, lists, shows its status and exports', () => {
    const pace = withOldSlip();
    expect(pace.sessions()).toMatchObject([{ id: 1, dose: 2000, unit: 'reps' }]);
    for (const args of [['status'], ['plan'], ['export'], ['export', '--format', 'json', '--out', join(pace.home, 'b.json')]]) {
      const r = pace.run(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(pace.run(['export']).stdout).toContain('2026-11-19,sit-to-stand,strength,2000,reps');
  });

  it('its JSON backup is written, and says which session to correct before it can be imported', () => {
    const pace = withOldSlip();
    const file = join(pace.home, 'b.json');
    const r = pace.run(['export', '--json', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Session 1 (2026-11-19) holds 2000 reps, more than one session can be: this backup will not import until it is corrected (pace edit 1 --dose <amount>), then exported again.');
    expect(JSON.parse(readFileSync(file, 'utf8')).sessions).toMatchObject([{ dose: 2000 }]);
    // Corrected, the backup says nothing more and imports.
    expect(pace.run(['edit', '1', '--dose', '200']).status).toBe(0);
    const again = pace.run(['export', '--json', '--out', file]);
    expect(again.stderr).not.toMatch(/more than one session can be/);
    expect(withSitToStand().run(['import', file]).status).toBe(0);
  });

  it('its session CSV is written, and says which session to correct before the CSV can be imported', () => {
    const pace = withOldSlip();
    const file = join(pace.home, 's.csv');
    const r = pace.run(['export', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Session 1 (2026-11-19) holds 2000 reps, more than one session can be: this CSV will not import until it is corrected (pace edit 1 --dose <amount>), then exported again.');
    // What it says is so: the CSV as written is refused by import.
    const refused = tempPace(tempDir()).run(['import', file]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/2000/);
    // A CSV of days without it says nothing; one corrected says nothing and imports.
    expect(pace.run(['export', '--from', '2026-11-20']).stderr).not.toMatch(/more than one session can be/);
    expect(pace.run(['edit', '1', '--dose', '200']).status).toBe(0);
    const again = pace.run(['export', '--out', file]);
    expect(again.stderr).not.toMatch(/more than one session can be/);
    expect(tempPace(tempDir()).run(['import', file]).status).toBe(0);
  });

  it('edit changes its other fields and keeps its dose, and corrects the dose when given one', () => {
    const pace = withOldSlip();
    const r = pace.run(['edit', '1', '--pain-after', '3', '--note', 'checked']);
    expect(r.status, r.stderr).toBe(0);
    expect(pace.sessions()).toMatchObject([{ id: 1, dose: 2000, pain_after: 3 }]);
    expect(pace.run(['edit', '1', '--dose', '200']).status).toBe(0);
    expect(pace.sessions()).toMatchObject([{ id: 1, dose: 200, pain_after: 3 }]);
  });
});

describe('a journal that holds what import now refuses, from before the check (export warns while it can be corrected)', () => {
  /** Runs SQL on the journal as an older pace could have left it. */
  const older = (pace: TempPace, sql: string) => {
    const db = new Database(pace.db);
    db.prepare(sql).run();
    db.close();
  };
  const COMING = '2026-11-23';

  it('Q7: a quota set by hand past the bound: the backup says so, and plan --set for its week corrects it', () => {
    const pace = withSitToStand();
    expect(pace.run(['plan', '--set', 'sit-to-stand=25']).status).toBe(0);
    older(pace, 'UPDATE overrides SET quota = 2000');
    const file = join(pace.home, 'b.json');
    const r = pace.run(['export', '--json', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `Your quota set by hand for sit-to-stand in the week of Mon 23 Nov 2026 is 2000 reps, more than one session can be: this backup will not import until it is corrected (pace plan --set sit-to-stand=<quota> --week ${COMING}), then exported again.`,
    );
    // What it says is so: import refuses the backup as written.
    expect(tempPace(tempDir()).run(['import', file]).stderr).toMatch(/^pace: overrides\[0\]\.quota: 2000 reps is too many/);
    // The command it names corrects it: the slip is replaced, not kept beside the new setting.
    expect(pace.run(['plan', '--set', 'sit-to-stand=25', '--week', COMING]).status).toBe(0);
    const again = pace.run(['export', '--json', '--out', file]);
    expect(again.stderr).not.toMatch(/will not import/);
    expect(JSON.parse(readFileSync(file, 'utf8')).overrides).toMatchObject([{ activity: 'sit-to-stand', week_start: COMING, quota: 25 }]);
    expect(tempPace(tempDir()).run(['import', file]).status).toBe(0);
  });

  it('Q7: such a quota in a week that is over: no command changes it, so the words say what to change in the file', () => {
    const pace = withSitToStand();
    expect(pace.run(['plan', '--set', 'sit-to-stand=25']).status).toBe(0);
    older(pace, 'UPDATE overrides SET quota = 2000');
    const file = join(pace.home, 'b.json');
    const r = pace.run(['export', '--json', '--out', file], { PACE_TODAY: '2026-12-02' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'Your quota set by hand for sit-to-stand in the week of Mon 23 Nov 2026 is 2000 reps, more than one session can be: this backup will not import until overrides[0].quota in it is changed to the quota you meant (a week that is over keeps its plan in pace).',
    );
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { overrides: { quota: number }[] };
    doc.overrides[0]!.quota = 25;
    writeFileSync(file, JSON.stringify(doc));
    expect(tempPace(tempDir()).run(['import', file], { PACE_TODAY: '2026-12-02' }).status).toBe(0);
  });

  it('Q6: reps that are not whole (before they had to be): the backup and the CSV name the session and edit --dose', () => {
    const pace = withSitToStand();
    older(pace, 'UPDATE sessions SET dose = 9.5');
    older(pace, 'UPDATE activities SET unit = \'reps\'');
    for (const [args, file] of [[['export', '--json'], 'backup'], [['export'], 'CSV']] as const) {
      const out = join(pace.home, `out.${file}`);
      const r = pace.run([...args, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`Session 1 (2026-11-19) holds 9.5 reps, not a whole number: this ${file} will not import until it is corrected (pace edit 1 --dose <amount>), then exported again.`);
      expect(tempPace(tempDir()).run(['import', out]).stderr).toMatch(/reps are counted in whole numbers/);
    }
  });

  it('a quota set by hand with a fraction of a rep says so too', () => {
    const pace = withSitToStand();
    expect(pace.run(['plan', '--set', 'sit-to-stand=25']).status).toBe(0);
    older(pace, 'UPDATE overrides SET quota = 12.5');
    const r = pace.run(['export', '--json', '--out', join(pace.home, 'b.json')]);
    expect(r.stderr).toContain(`Your quota set by hand for sit-to-stand in the week of Mon 23 Nov 2026 is 12.5 reps, not a whole number: this backup will not import until it is corrected (pace plan --set sit-to-stand=<quota> --week ${COMING}), then exported again.`);
  });

  it('a note holding characters refused since: a backup or CSV with notes names the session and edit --note', () => {
    const pace = withSitToStand();
    older(pace, "UPDATE sessions SET note = 'knee' || char(8238) || 'ok'");
    for (const [args, file] of [[['export', '--json'], 'backup'], [['export'], 'CSV']] as const) {
      const out = join(pace.home, `notes.${file}`);
      const r = pace.run([...args, '--include-notes', '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`Session 1 (2026-11-19) has a note with characters pace no longer takes: this ${file} will not import until it is corrected (pace edit 1 --note "<text>"), then exported again.`);
      expect(tempPace(tempDir()).run(['import', out]).status).toBe(2);
      // Without the notes, the file carries none and imports.
      const plain = pace.run([...args, '--out', out]);
      expect(plain.stderr).not.toMatch(/will not import/);
    }
  });
});
