import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, runPace, stackLines, tempPace, type TempPace } from '../helpers/pace.js';
import { fileHash, modeOf, removeTempDirs, tempDir } from '../helpers/tmp.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';

afterAll(removeTempDirs);

const HEADER = 'date,activity,category,dose,unit,quota,pct_of_quota,pain_before,pain_after,pain_change,effort,flare,symptoms,triage';
const withoutIds = (list: Record<string, unknown>[]) => list.map(({ id: _id, ...rest }) => rest);

let source: TempPace;
beforeAll(() => {
  source = tempPace(tempDir());
  const logs = [
    ['log', 'walk', '10', '--date', '2026-11-18', '--pain-before', '5', '--pain-after', '2', '--note', '=HYPERLINK("http://x"), "hi"'],
    ['log', 'walk', '10', '--date', '2026-11-18', '--pain-before', '5', '--pain-after', '2', '--note', '=HYPERLINK("http://x"), "hi"'],
    ['log', 'sit-to-stand', '12reps', '--date', '2026-11-19', '--symptom', 'muscle-fatigue', '--effort', '6'],
    ['log', 'stretching', '7.5', '--date', '2026-11-20', '--flare', '--note', 'line one\nline two'],
  ];
  for (const args of logs) expect(source.run(args).status).toBe(0);
  expect(source.run(['init', '--pem', 'yes', '--target-minutes', '120']).status).toBe(0);
});

describe('pace export (session CSV)', () => {
  it('writes the cli.md columns in order, without notes, to stdout without a BOM', () => {
    const r = source.run(['export']);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\r\n');
    expect(rows[0]).toBe(HEADER);
    expect(rows[1]).toBe('2026-11-18,walk,aerobic,10,min,,,5,2,-3,,no,,');
    expect(rows[3]).toBe('2026-11-19,sit-to-stand,strength,12,reps,,,,,,6,no,muscle-fatigue,continue');
    expect(r.stdout).not.toMatch(/HYPERLINK/);
    expect(r.stderr).toMatch(/--include-notes/);
  });

  it('E3: says notes were left out only when the rows it wrote had one, so a scheduled export of a journal without notes stays quiet', () => {
    // The rows of 19 and 20 Nov: the walk's notes are on the 18th; the stretch of the 20th has one.
    expect(source.run(['export', '--from', '2026-11-19', '--to', '2026-11-19']).stderr).toBe('');
    expect(source.run(['export', '--from', '2026-11-19']).stderr).toMatch(/^Private notes were left out; add --include-notes to include them\.\n$/);
    const plain = tempPace(tempDir());
    expect(plain.run(['log', 'walk', '10', '--date', '2026-11-18']).status).toBe(0);
    expect(plain.run(['init', '--pem', 'no']).status).toBe(0);
    for (const args of [['export'], ['export', '--json'], ['export', '--out', join(plain.home, 'clinic.csv')], ['report', '--out', join(plain.home, 'r.html')]]) {
      const r = plain.run(args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr, args.join(' ')).toBe('');
    }
    expect(source.run(['report', '--out', join(source.home, 'r.html')]).stderr).toMatch(/Private notes were left out/);
  });

  it('says that --include-notes adds nothing to the weekly export, which has no notes (E2), and still writes it', () => {
    const plain = source.run(['export', '--weekly']);
    const r = source.run(['export', '--weekly', '--include-notes']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toMatch(/^The weekly export has no notes; --include-notes adds nothing to it\.\n$/);
    expect(plain.stderr).toBe('');
  });

  it('adds the note column last with --include-notes, protected against formulas (E3, E4)', () => {
    const rows = source.run(['export', '--include-notes']).stdout.split('\r\n');
    expect(rows[0]).toBe(`${HEADER},note`);
    expect(rows[1]).toBe(`2026-11-18,walk,aerobic,10,min,,,5,2,-3,,no,,,"'=HYPERLINK(""http://x""), ""hi"""`);
  });

  it('writes a byte-order mark only to a file given with --out, readable by its owner only', () => {
    const out = join(source.home, 'clinic.csv');
    expect(source.run(['export', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(modeOf(statSync(out))).toBe(0o600);
  });

  it('--out - is standard output, as for report and plan --ics: no file named "-" appears', () => {
    const r = source.run(['export', '--out', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(source.run(['export']).stdout);
    expect(r.stdout.startsWith(HEADER)).toBe(true);
    expect(existsSync(join(source.home, '-'))).toBe(false);
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
  });

  it('--out into a folder that does not exist fails plainly, naming the path given (not a temp file)', () => {
    const out = join(source.home, 'no-such-folder', 'clinic.csv');
    const r = source.run(['export', '--out', out]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/^pace: /);
    expect(r.stderr).toContain('no-such-folder');
    expect(r.stderr).not.toMatch(/\.tmp|something went wrong/);
  });

  it('--out through a linked folder and .. goes where the shell would put it, not refused as a missing folder', () => {
    // Seen: home/link -> other/b/c, and link/../kept/clinic.csv is other/b/kept/clinic.csv for the
    // shell; pace took .. by the letters (home/kept), said the folder did not exist, and exited 2.
    const other = tempDir();
    mkdirSync(join(other, 'b', 'c'), { recursive: true });
    mkdirSync(join(other, 'b', 'kept'));
    symlinkSync(join(other, 'b', 'c'), join(source.home, 'link'));
    const r = source.run(['export', '--out', `${join(source.home, 'link')}/../kept/clinic.csv`]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(other, 'b', 'kept', 'clinic.csv'), 'utf8').startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(existsSync(join(source.home, 'kept'))).toBe(false);
  });
});

describe('pace export --format json is the whole journal', () => {
  // Seen: --from/--to cut the sessions of a backup but not its triage records and next-day answers,
  // which lost their sessions on import (the answers silently); the full backup imported after it
  // then added its triage records a second time.
  it.each([[['--from', '2026-11-19']], [['--to', '2026-11-19']]])('%j with --format json: exit 2, one clear line and a hint, no file written', (range) => {
    const out = join(source.home, 'part.json');
    const before = fileHash(source.db);
    const r = source.run(['export', '--format', 'json', ...range, '--out', out]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'pace: --from and --to choose the rows of a CSV; a JSON backup always holds the whole journal.',
      '  Leave them out for a backup, or use --format csv for part of it.',
    ]);
    expect(existsSync(out)).toBe(false);
    expect(fileHash(source.db)).toBe(before);
  });
});

describe('pace export --json', () => {
  // Seen: `pace export --json` (every other command takes --json) failed with "unknown option".
  it('--json writes the same JSON backup as --format json', () => {
    const viaJson = source.run(['export', '--json', '--include-notes']);
    expect(viaJson.status, viaJson.stderr).toBe(0);
    const viaFormat = source.run(['export', '--format', 'json', '--include-notes']);
    const strip = (text: string) => ({ ...JSON.parse(text), exported_at: null });
    expect(strip(viaJson.stdout)).toEqual(strip(viaFormat.stdout));
    expect(JSON.parse(viaJson.stdout).format).toBe('pace-backup');
  });

  it.each([[['--format', 'csv']], [['--weekly']], [['--from', '2026-11-19']]])('--json with %j: exit 2, nothing written', (other) => {
    const out = join(source.home, 'both.json');
    const r = source.run(['export', '--json', ...other, '--out', out]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/\bat .*\.[cm]?js/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('pace import', () => {
  it('export then import into a fresh journal gives the same sessions; a second import adds nothing', () => {
    const out = join(source.home, 'full.csv');
    source.run(['export', '--include-notes', '--out', out]);
    const target = tempPace(tempDir());
    expect(target.run(['import', out]).status).toBe(0);
    expect(withoutIds(target.sessions())).toEqual(withoutIds(source.sessions()));
    const again = target.run(['import', out, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ sessions_added: 0, sessions_already_present: 4 });
    expect(target.sessions()).toHaveLength(4);
  });

  it('refuses a whole CSV with one bad row, naming the row and column, and writes nothing', () => {
    const file = join(source.home, 'bad.csv');
    writeFileSync(file, `${HEADER}\r\n2026-11-10,bike,aerobic,15,min,,,2,3,,,no,,\r\n2026-11-11,bike,aerobic,15,min,,,2,3,,,no,sore-toe,\r\n`);
    const target = tempPace(tempDir());
    target.run(['log', 'walk', '5']);
    const before = fileHash(target.db);
    const r = target.run(['import', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 3, column symptoms/);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(fileHash(target.db)).toBe(before);
  });

  it('refuses a CSV cut short in the middle of a row, which would drop its pain, flare and symptoms, and writes nothing', () => {
    const full = source.run(['export', '--include-notes']).stdout;
    // The file ends inside the last row, as a copy or a download stopped part-way would leave it.
    const cut = full.slice(0, full.lastIndexOf('\r\n', full.length - 3) + '\r\n2026-11-20,stretching,mobility,7.5,min,,,'.length);
    const file = join(source.home, 'cut.csv');
    writeFileSync(file, cut);
    const target = tempPace(tempDir());
    const r = target.run(['import', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pace: row 5 has 8 cells, but the header has 15/);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(existsSync(target.db)).toBe(false);
  });

  it('refuses a row with more cells than the header (a comma in a note left unquoted), rather than drop the rest of the note', () => {
    const file = join(source.home, 'comma.csv');
    writeFileSync(file, `${HEADER},note\r\n2026-11-10,bike,aerobic,15,min,,,2,3,,,no,,,felt good, a bit tired\r\n`);
    const target = tempPace(tempDir());
    target.run(['log', 'walk', '5']);
    const before = fileHash(target.db);
    const r = target.run(['import', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pace: row 2 has 16 cells, but the header has 15/);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(fileHash(target.db)).toBe(before);
  });

  it('still reads a row whose extra cells past the header are all empty, as some spreadsheets write them', () => {
    const file = join(source.home, 'trailing.csv');
    writeFileSync(file, `${HEADER}\r\n2026-11-10,bike,aerobic,15,min,,,2,3,,,no,,,,\r\n`);
    const target = tempPace(tempDir());
    const r = target.run(['import', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(target.sessions()).toHaveLength(1);
  });

  it('refuses a row whose dose rounds to nothing, naming the row and column', () => {
    const file = join(source.home, 'tiny.csv');
    writeFileSync(file, `${HEADER}\r\n2026-11-10,bike,aerobic,15,min,,,,,,,no,,\r\n2026-11-11,bike,aerobic,0.04,min,,,,,,,no,,\r\n`);
    const target = tempPace(tempDir());
    const r = target.run(['import', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 3, column dose/);
  });

  it('a JSON backup round-trips sessions and settings into a fresh journal and is safe to import twice', () => {
    const out = join(source.home, 'backup.json');
    expect(source.run(['export', '--format', 'json', '--include-notes', '--out', out]).status).toBe(0);
    const target = tempPace(tempDir());
    const r = target.run(['import', out]);
    expect(r.status).toBe(0);
    expect(withoutIds(target.sessions())).toEqual(withoutIds(source.sessions()));
    expect(JSON.parse(target.run(['init', '--json']).stdout)).toMatchObject({ pem: 'yes', target_minutes: 120 });
    expect(JSON.parse(target.run(['import', out, '--json']).stdout).sessions_added).toBe(0);
  });

  it('refuses a backup from a newer pace (its schema_version above this one\'s), which may hold records this pace would drop, and writes nothing', () => {
    const doc = JSON.parse(source.run(['export', '--format', 'json', '--include-notes']).stdout) as Record<string, unknown>;
    // Goals, schedules and dated aims came into backups of version 1: a newer pace's new records would come the same way.
    const file = join(source.home, 'newer.json');
    writeFileSync(file, JSON.stringify({ ...doc, schema_version: SCHEMA_VERSION + 1, moods: [{ date: '2026-11-18', mood: 3 }] }));
    const target = tempPace(tempDir());
    expect(target.run(['log', 'bike', '5']).status).toBe(0);
    const before = fileHash(target.db);
    const r = target.run(['import', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`pace: this backup was made by a newer pace (journal version ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}), and may hold records this one would leave out.\n  Update pace, then import it again.\n`);
    expect(fileHash(target.db)).toBe(before);
    // A backup of this version, or an older one, still comes in.
    writeFileSync(file, JSON.stringify({ ...doc, schema_version: SCHEMA_VERSION - 1 }));
    expect(target.run(['import', file]).status).toBe(0);
  });

  /** A journal restored from a backup without notes, and the backup with them (`<name>.json`). */
  function restoredWithoutNotes(name: string): { target: TempPace; full: string } {
    const bare = join(source.home, `bare-${name}.json`);
    const full = join(source.home, `${name}.json`);
    expect(source.run(['export', '--format', 'json', '--out', bare]).status).toBe(0);
    expect(source.run(['export', '--format', 'json', '--include-notes', '--out', full]).status).toBe(0);
    const target = tempPace(tempDir());
    expect(target.run(['import', bare]).status).toBe(0);
    return { target, full };
  }

  it('a backup with notes gives its notes to a journal restored from one without them, and says so', () => {
    const { target, full } = restoredWithoutNotes('full');
    expect(target.sessions().filter((s) => s.note !== null)).toEqual([]);
    // The sessions are here by uid: before, nothing came in, and the notes stayed only in the file.
    const r = target.run(['import', full]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported 0 sessions from .*full\.json; 4 were already in the journal\. 3 sessions without a note took their note from this backup\./);
    expect(withoutIds(target.sessions())).toEqual(withoutIds(source.sessions()));
    expect(JSON.parse(target.run(['import', full, '--json']).stdout)).toMatchObject({ sessions_added: 0, notes_added: 0 });
  });

  it('E3: a backup made without notes imports into a journal that has them: its empty notes are not read as notes taken away', () => {
    const full = join(source.home, 'with-notes-e3.json');
    const bare = join(source.home, 'without-notes-e3.json');
    expect(source.run(['export', '--json', '--include-notes', '--out', full]).status).toBe(0);
    expect(source.run(['export', '--json', '--out', bare]).status).toBe(0);
    expect(JSON.parse(readFileSync(bare, 'utf8')).includes_notes).toBe(false);
    const target = tempPace(tempDir());
    expect(target.run(['import', full]).status).toBe(0);
    const r = target.run(['import', bare, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sessions_added: 0, sessions_already_present: 4, notes_added: 0 });
    expect(withoutIds(target.sessions())).toEqual(withoutIds(source.sessions()));
    // Without uids (a backup edited by hand), sessions are known by their fields: the note is not one.
    const doc = JSON.parse(readFileSync(bare, 'utf8'));
    for (const s of doc.sessions) delete s.uid;
    writeFileSync(bare, JSON.stringify(doc));
    const byFields = target.run(['import', bare, '--json']);
    expect(byFields.status, byFields.stderr).toBe(0);
    expect(JSON.parse(byFields.stdout)).toMatchObject({ sessions_added: 0, sessions_already_present: 4 });
    expect(withoutIds(target.sessions())).toEqual(withoutIds(source.sessions()));
  });

  it('import --json counts the notes a backup gave in notes_added', () => {
    const { target, full } = restoredWithoutNotes('full-json');
    const r = target.run(['import', full, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sessions_added: 0, sessions_already_present: 4, notes_added: 3 });
  });

  it('a backup imports into its own journal after a session was moved to another day with pace edit --date', () => {
    // The session was looked for by uid only between the backup's first and last day: "a value is
    // outside what the journal accepts", and the backup could not be imported at all.
    const target = tempPace(tempDir());
    expect(target.run(['log', 'walk', '10', '--date', '2026-11-01']).status).toBe(0);
    expect(target.run(['log', 'walk', '11', '--date', '2026-11-03']).status).toBe(0);
    const file = join(target.home, 'b.json');
    expect(target.run(['export', '--format', 'json', '--out', file]).status).toBe(0);
    const moved = target.sessions().find((s) => s.dose === 11)!.id as number;
    expect(target.run(['edit', String(moved), '--date', '2026-11-10']).status).toBe(0);
    const r = target.run(['import', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported 0 sessions .*; 2 were already in the journal\.$/m);
    expect(target.sessions().map((s) => s.date)).toEqual(['2026-11-10', '2026-11-01']);
  });

  it('T5: import --json names the sessions it triaged: recent ones with symptoms, not old ones, and none on a second import', () => {
    const target = tempPace(tempDir());
    const file = join(target.home, 'recent.csv');
    writeFileSync(
      file,
      [
        'date,activity,category,dose,unit,symptoms',
        '2026-11-01,walk,aerobic,10,min,chest-pain', // older than 7 days: history, not triaged
        '2026-11-19,walk,aerobic,10,min,joint-swelling',
        '2026-11-20,walk,aerobic,10,min,',
        '2026-11-21,walk,aerobic,12,min,muscle-fatigue',
      ].join('\r\n'),
    );
    const r = target.run(['import', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { sessions_added: number; triaged_session_ids: number[]; triage: { class: string } | null };
    expect(doc.sessions_added).toBe(4);
    const ids = (date: string) => target.sessions().filter((s) => s.date === date).map((s) => s.id as number);
    expect([...doc.triaged_session_ids].sort((a, b) => a - b)).toEqual([...ids('2026-11-19'), ...ids('2026-11-21')].sort((a, b) => a - b));
    expect(doc.triage).toMatchObject({ class: 'assess' });
    const again = JSON.parse(target.run(['import', file, '--json']).stdout) as { sessions_added: number; triaged_session_ids: number[] };
    expect(again).toMatchObject({ sessions_added: 0, triaged_session_ids: [] });
  });

  it("a JSON backup leaves out the coach's checkpoint, which is derived and rebuilt on use", () => {
    expect(source.run(['status']).status).toBe(0);
    const doc = JSON.parse(source.run(['export', '--format', 'json']).stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).not.toContain('coach_checkpoint');
    expect(JSON.stringify(doc)).not.toMatch(/checkpoint|"coach"/);
  });

  it.each([['[]'], ['[{"date": "2026-11-18"}]'], ['\uFEFF  [1, 2]']])('a JSON array (%j) is named as not a pace backup, not read as a CSV without its header: exit 2', (text) => {
    // Seen: 'the header has no "date" column' for a .json file holding [].
    const file = join(source.home, 'array.json');
    writeFileSync(file, text);
    const r = source.run(['import', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pace: this JSON file is not a pace backup/);
  });

  it('import - reads standard input, as export --out - writes it: one journal piped into another', () => {
    const backup = source.run(['export', '--json']).stdout;
    const copy = tempPace(tempDir());
    const run = () => runPace(['import', '-', '--json'], { home: copy.home, input: backup, env: { PACE_DB: copy.db } });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ file: '-', format: 'json', sessions_added: 4 });
    expect(JSON.parse(run().stdout)).toMatchObject({ sessions_added: 0, sessions_already_present: 4 });
    const csv = runPace(['import', '-'], { home: copy.home, input: 'date,activity,dose\n2026-11-17,walk,12\n', env: { PACE_DB: copy.db } });
    expect(csv.stdout).toBe('Imported 1 session from standard input.\n');
    const empty = runPace(['import', '-'], { home: copy.home, env: { PACE_DB: copy.db } });
    expect(empty.status).toBe(2);
    expect(lines(empty.stderr)).toEqual(['pace: nothing came in on standard input.', '  Pipe a file into it, for example: pace --db old.db export --json | pace import -']);
  });

  it('a missing file exits 2', () => {
    const r = source.run(['import', join(source.home, 'nope.csv')]);
    expect(r.stderr).toMatch(/^pace: cannot read/);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pace: cannot read/);
  });
});

describe('a JSON backup that holds one record twice is refused, naming both, and nothing is written', () => {
  const base = { format: 'pace-backup', version: 1 };
  const walk = { uid: 's-1', date: '2026-11-18', activity: 'walk', category: 'aerobic', dose: 10, unit: 'min', pain_before: 3, pain_after: 4, effort: null, flare: false, symptoms: [], note: null };
  const goal = { uid: 'g-1', text: 'climb the stairs', status: 'open', created_on: '2026-11-01', closed_on: null, ratings: [{ date: '2026-11-01', rating: 3 }] };
  const peg = { week_start: '2026-11-16', date: '2026-11-16', pain: 5, enjoyment: 4, general: 4 };
  const cases: [string, object, RegExp][] = [
    // Seen: "a value is outside what the journal accepts; nothing was saved", naming nothing.
    ['two sessions with one id', { sessions: [walk, { ...walk, dose: 20 }] }, /^pace: sessions\[1\]\.uid: "s-1" is the id of sessions\[0\] too/],
    // Seen: imported, the second goal's text dropped and its ratings given to the first.
    ['two goals with one id', { sessions: [], goals: [goal, { ...goal, text: 'sit on the floor', ratings: [{ date: '2026-11-02', rating: 2 }] }] }, /^pace: goals\[1\]\.uid: "g-1" is the id of goals\[0\] too/],
    // Seen: imported, the second check-in of the week dropped without a word.
    ['two check-ins for one week', { sessions: [], peg_checkins: [peg, { ...peg, date: '2026-11-18', pain: 8 }] }, /^pace: peg_checkins\[1\]\.week_start: the week of 2026-11-16 has a check-in in peg_checkins\[0\] too/],
  ];
  for (const [what, doc, message] of cases) {
    it(what, () => {
      const target = tempPace(tempDir());
      expect(target.run(['log', 'bike', '5']).status).toBe(0);
      const before = fileHash(target.db);
      const file = join(target.home, 'twice.json');
      writeFileSync(file, JSON.stringify({ ...base, ...doc }));
      const r = target.run(['import', file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
      expect(fileHash(target.db)).toBe(before);
    });
  }
});

describe("T: a backup's triage record must have the class its symptoms give, as every pace triage records it", () => {
  const base = { format: 'pace-backup', version: 1, sessions: [] };
  const record = { date: '2026-11-19', session_uid: null, kind: 'triage' };
  const cases: [string, object, RegExp][] = [
    // Seen: imported, and status said "PLAN PAUSED: a warning sign was recorded" with no sign at all.
    ['a stop with no symptom', { ...record, class: 'stop', symptoms: [] }, /^pace: triage_records\[0\]\.class: "stop" does not fit its symptoms \(none\), which give "continue"\./],
    // Seen: imported as a record of chest pain that holds nothing open.
    ['chest pain recorded as continue', { ...record, class: 'continue', symptoms: ['chest-pain'] }, /^pace: triage_records\[0\]\.class: "continue" does not fit its symptoms \(chest-pain\), which give "stop"\./],
    ['a clearance that lists symptoms', { date: '2026-11-19', session_uid: null, kind: 'cleared', class: null, symptoms: ['dizziness'] }, /^pace: triage_records\[0\]\.symptoms: a clearance lists no symptoms\./],
  ];
  for (const [what, rec, message] of cases) {
    it(`${what} is refused, and nothing is written`, () => {
      const target = tempPace(tempDir());
      expect(target.run(['log', 'bike', '5']).status).toBe(0);
      const before = fileHash(target.db);
      const file = join(target.home, 'triage.json');
      writeFileSync(file, JSON.stringify({ ...base, triage_records: [rec] }));
      const r = target.run(['import', file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
      expect(fileHash(target.db)).toBe(before);
    });
  }

  it('the records pace writes (an empty checklist, a sign, a clearance) still come back', () => {
    const from = tempPace(tempDir());
    expect(from.run(['log', 'walk', '10', '--date', '2026-11-18']).status).toBe(0);
    for (const args of [['triage', '--symptom', 'joint-swelling', '--symptom', 'muscle-fatigue'], ['triage', '--cleared']]) expect(from.run(args).status).toBe(0);
    const doc = JSON.parse(from.run(['export', '--format', 'json']).stdout) as { triage_records: object[] };
    // An empty checklist, as `pace triage` at a terminal records it.
    doc.triage_records.push({ date: '2026-11-21', session_uid: null, kind: 'triage', class: 'continue', symptoms: [] });
    const file = join(from.home, 'all.json');
    writeFileSync(file, JSON.stringify(doc));
    const target = tempPace(tempDir());
    const r = target.run(['import', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(target.run(['check', '--json']).stdout).triage_records).toBe(3);
  });
});

describe('a CSV that has been through a spreadsheet', () => {
  const importText = (name: string, text: string | Buffer, ...flags: string[]) => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    const target = tempPace(tempDir());
    return { target, r: target.run(['import', file, ...flags]) };
  };

  it('reads rows of only commas, which Excel writes for rows it once used, as nothing', () => {
    const { target, r } = importText('emptied.csv', `${HEADER}\r\n2026-11-10,bike,aerobic,15,min,,,2,3,,,no,,\r\n,,,,,,,,,,,,,\r\n,,,,,,,,,,,,,\r\n`);
    expect(r.status, r.stderr).toBe(0);
    expect(target.sessions()).toHaveLength(1);
  });

  it('says which columns added in the spreadsheet it did not read, rather than drop their cells without a word', () => {
    const text = `${HEADER},comment,week\r\n2026-11-10,bike,aerobic,15,min,,,2,3,,,no,,,asked the physio,\r\n2026-11-11,bike,aerobic,15,min,,,2,3,,,no,,,,\r\n`;
    const { target, r } = importText('comment.csv', text);
    expect(r.status, r.stderr).toBe(0);
    expect(target.sessions()).toHaveLength(2);
    expect(lines(r.stderr)).toEqual(['The column "comment" was not imported: pace reads only the columns of its export. Add what it holds as notes with pace edit <id> --note "...".']);
    const again = importText('comment.csv', text, '--json');
    expect(JSON.parse(again.r.stdout).columns_not_read).toEqual(['comment']);
    const plain = importText('plain.csv', `${HEADER}\r\n2026-11-10,bike,aerobic,15,min,12,125,2,3,1,,no,,\r\n`, '--json');
    expect(plain.r.stderr).toBe('');
    expect(JSON.parse(plain.r.stdout).columns_not_read).toEqual([]);
    // A comment typed beside the table, in a column left without a header: named by its place.
    const unnamed = `${HEADER},\r\n2026-11-10,bike,aerobic,15,min,,,2,3,,,no,,,asked the physio\r\n`;
    const side = importText('side.csv', unnamed);
    expect(side.r.status, side.r.stderr).toBe(0);
    expect(lines(side.r.stderr)).toEqual(['Column 15 (O in a spreadsheet), which has no name in the header, was not imported: pace reads only the columns of its export. Add what it holds as notes with pace edit <id> --note "...".']);
    expect(JSON.parse(importText('side.csv', unnamed, '--json').r.stdout).columns_not_read).toEqual(['column 15']);
  });

  it("reads Excel's semicolon-separated CSV (European locales), decimal comma included", () => {
    const semi = `${HEADER.replaceAll(',', ';')}\r\n2026-11-10;bike;aerobic;15,5;min;;;2;3;1;;no;;\r\n`;
    const { target, r } = importText('excel-de.csv', `\uFEFF${semi}`);
    expect(r.status, r.stderr).toBe(0);
    expect(target.sessions()).toMatchObject([{ date: '2026-11-10', activity: 'bike', dose: 15.5, pain_before: 2, pain_after: 3 }]);
  });

  it('refuses a date a spreadsheet re-wrote as 3/4/2026, naming the row and both readings, and writes nothing', () => {
    const { target, r } = importText('us-dates.csv', `${HEADER}\r\n2026-11-10,bike,aerobic,15,min,,,2,3,,,no,,\r\n11/4/2026,bike,aerobic,15,min,,,2,3,,,no,,\r\n`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pace: row 3, column date: "11\/4\/2026" could be 2026-04-11 or 2026-11-04\.\n.*YYYY-MM-DD/);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(existsSync(target.db)).toBe(false);
  });

  it('refuses mojibake (a BOM-less export opened as Windows-1252, saved as CSV UTF-8), and writes nothing', () => {
    const { target, r } = importText('mojibake.csv', `${HEADER},note\r\n2026-11-10,bike,aerobic,15,min,,,2,3,,,no,,,caf\u00c3\u00a9\r\n`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pace: row 2, column note: .* looks like UTF-8 read as Windows-1252/);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(existsSync(target.db)).toBe(false);
  });
});
