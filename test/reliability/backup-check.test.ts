import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, symlinkSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect, integrity, pace, paceAsync, sandbox, sandboxWithHistory, sessionCount, sha256, stackLines, useBuiltCli, type Sandbox } from './helpers.js';

let sb: Sandbox;
useBuiltCli();
beforeAll(() => {
  sb = sandboxWithHistory(5000);
  expect(pace(sb, ['log', 'walk', '10', '--note', 'a private note', '--symptom', 'mild-pain-increase']).status).toBe(0);
});
afterAll(() => sb?.remove());

const fresh = () => {
  const s = sandbox();
  return { ...s, env: { ...s.env, PACE_DB: join(s.dir, 'none', 'journal.db') } };
};

describe('pace backup', () => {
  it('writes a complete copy, readable only by its owner, and prints file, sessions and bytes', () => {
    const file = join(sb.dir, 'copy.db');
    const r = pace(sb, ['backup', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ file, sessions: 5001, bytes: statSync(file).size });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(integrity(file)).toBe('ok');
    expect(sessionCount(file)).toBe(5001);
    // Complete: the note and the triage record come along, and nothing is left beside the copy.
    expect(inspect(file, (d) => d.prepare("SELECT count(*) AS n FROM sessions WHERE note = 'a private note'").get())).toEqual({ n: 1 });
    expect(inspect(file, (d) => d.prepare('SELECT count(*) AS n FROM triage_records').get())).toEqual({ n: 1 });
    expect(readdirSync(sb.dir).filter((f) => f.startsWith('.copy.db') || f.startsWith('copy.db-'))).toEqual([]);
    // The copy is itself a journal pace can use.
    expect(pace({ dir: sb.dir, env: { ...sb.env, PACE_DB: file } }, ['check']).status).toBe(0);
  });

  it('says what it did in one line for a person', () => {
    const r = pace(sb, ['backup', join(sb.dir, 'people.db')]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/5001 sessions/);
  });

  it('refuses to overwrite an existing file: exit 2, two lines (the refusal, a dated name for scripts), the file unchanged', () => {
    const file = join(sb.dir, 'existing.db');
    writeFileSync(file, 'precious');
    const before = sha256(file);
    const r = pace(sb, ['backup', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/already exists/);
    expect(sha256(file)).toBe(before);
  });

  it.each([
    ['the -journal name beside the journal', (db: string) => `${db}-journal`, /SQLite keeps beside the journal/],
    ['the -wal name beside the journal', (db: string) => `${db}-wal`, /SQLite keeps beside the journal/],
    ['the -shm name beside the journal', (db: string) => `${db}-shm`, /SQLite keeps beside the journal/],
    ['standard output', () => '-', /not standard output/],
    ['an empty name', () => '', /file name is empty/],
    // Not a file named "backups" beside the journal: the person named a folder.
    ['a name ending in / (a folder not made yet)', (db: string) => `${db}-backups/`, /names a folder/],
  ])('refuses %s: exit 2, one or two lines, nothing written', (_, name, says) => {
    const before = readdirSync(sb.dir).sort();
    const r = pace(sb, ['backup', name(sb.db)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(says);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(readdirSync(sb.dir).sort()).toEqual(before);
  });

  it("refuses the -wal name beside the journal reached through a link to its folder, and leaves no -wal there", () => {
    const link = join(sb.dir, 'same-folder');
    symlinkSync(dirname(sb.db), link);
    try {
      const r = pace(sb, ['backup', join(link, `${basename(sb.db)}-wal`)]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/SQLite keeps beside the journal/);
      expect(existsSync(`${sb.db}-wal`)).toBe(false);
    } finally {
      unlinkSync(link);
    }
  });

  it('with nothing logged yet says there is no journal: exit 1, and creates nothing', () => {
    const s = fresh();
    try {
      const r = pace(s, ['backup', join(s.dir, 'copy.db')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/no journal/);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(readdirSync(s.dir)).toEqual([]);
    } finally {
      s.remove();
    }
  });

  it('into a folder that does not exist: exit 2 naming the folder', () => {
    const r = pace(sb, ['backup', join(sb.dir, 'missing', 'copy.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing/);
  });

  it('taken while another process logs, the copy is consistent', async () => {
    const writers = Array.from({ length: 3 }, (_, i) => paceAsync(sb, ['log', 'stretching', String(5 + i)]).done);
    const file = join(sb.dir, 'during.db');
    const r = pace(sb, ['backup', file, '--json']);
    for (const w of await Promise.all(writers)) expect(w.status, w.stderr).toBe(0);
    expect(r.status, r.stderr).toBe(0);
    expect(integrity(file)).toBe('ok');
    expect(JSON.parse(r.stdout).sessions).toBeGreaterThanOrEqual(5001);
  });
});

describe('pace check', () => {
  it('reports a sound journal with its schema version, counts and path', () => {
    const r = pace(sb, ['check', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const version = inspect(sb.db, (d) => d.pragma('user_version', { simple: true }));
    expect(out).toMatchObject({ ok: true, path: sb.db, schema_version: version, activities: 3, triage_records: 1, problems: [] });
    expect(out.sessions).toBeGreaterThanOrEqual(5001);
    const human = pace(sb, ['check']);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/sound/);
  });

  it('with nothing logged yet: ok, counts 0, says there is no journal yet, creates nothing', () => {
    const s = fresh();
    try {
      const r = pace(s, ['check', '--json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, sessions: 0, activities: 0, triage_records: 0, problems: [] });
      expect(pace(s, ['check']).stdout).toMatch(/no journal/i);
      expect(readdirSync(s.dir)).toEqual([]);
    } finally {
      s.remove();
    }
  });

  it('a damaged journal (bytes overwritten inside its pages) fails with exit 1 and a clear message; pace list does not notice', () => {
    const dir = join(sb.dir, 'damaged');
    mkdirSync(dir);
    const db = join(dir, 'journal.db');
    // A clean copy through the backup: one file, with nothing of it held in a file beside it.
    expect(pace(sb, ['backup', db]).status).toBe(0);
    const pageSize = inspect(db, (d) => d.pragma('page_size', { simple: true }) as number);
    const pages = statSync(db).size / pageSize;
    expect(pages).toBeGreaterThan(20);
    const fd = openSync(db, 'r+');
    // From the middle of one page of the sessions table through the header of the next.
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, Math.floor(pages / 2) * pageSize + pageSize / 2);
    closeSync(fd);
    const damaged = sha256(db);
    const env = { ...sb.env, PACE_DB: db };

    const r = pace({ dir, env }, ['check']);
    expect(r.status).toBe(1);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/is damaged/);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    const json = pace({ dir, env }, ['check', '--json']);
    expect(json.status).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out.ok).toBe(false);
    expect(out.problems.length).toBeGreaterThan(0);
    expect(sha256(db)).toBe(damaged);
    // Ordinary reads can miss a damaged page, which is why pace check exists. (--json: the text
    // view of a list cut short also counts every session, which may reach the damaged page.)
    expect(pace({ dir, env }, ['list', '--json', '--limit', '1']).status).toBe(0);
    // A backup of it is refused, in one line about the damage: not SQLite's report with its heading.
    const backup = pace({ dir, env }, ['backup', join(dir, 'copy.db')]);
    expect(backup.status).toBe(1);
    expect(stackLines(backup.stderr)).toEqual([]);
    // Which of the two it is depends on where the damage falls: SQLite's copy stops at a page it
    // cannot read, or the copy is made and its check finds the damage.
    expect(backup.stderr).toMatch(/^pace: (the copy failed its check \(([^*?\n]+)\); the journal itself may be damaged|the journal file is damaged)\.\n {2}Run pace check/);
    expect(readdirSync(dir)).toEqual(['journal.db']);
    expect(sha256(db)).toBe(damaged);
  });

  it('a file that is not a journal fails with exit 1 and is left as it was', () => {
    const file = join(sb.dir, 'notes.txt');
    writeFileSync(file, 'not a journal\n');
    const before = sha256(file);
    const r = pace({ dir: sb.dir, env: { ...sb.env, PACE_DB: file } }, ['check']);
    expect(r.status).toBe(1);
    expect(stackLines(r.stderr)).toEqual([]);
    for (const extra of ['-journal', '-wal', '-shm']) expect(existsSync(`${file}${extra}`)).toBe(false);
    expect(sha256(file)).toBe(before);
  });

  it('writes nothing to a sound journal', () => {
    const copy = join(sb.dir, 'untouched.db');
    expect(pace(sb, ['backup', copy]).status).toBe(0);
    const before = sha256(copy);
    expect(pace({ dir: sb.dir, env: { ...sb.env, PACE_DB: copy } }, ['check']).status).toBe(0);
    expect(sha256(copy)).toBe(before);
    expect(readdirSync(sb.dir).filter((f) => f.startsWith('untouched.db-'))).toEqual([]);
  });
});
