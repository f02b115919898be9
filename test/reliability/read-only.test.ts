import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { chmodSync, chownSync, copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, pace, paceEnv, sandbox, sessionCount, sha256, stackLines, useBuiltCli, type Run, type Sandbox } from './helpers.js';
import { ROOT } from '../helpers/pace.js';

useBuiltCli();

let sb: Sandbox;
afterEach(() => sb?.remove());

// Root ignores file modes, so a read-only test run as root proves nothing. As root, pace runs as
// the user nobody through runuser; as anyone else, the file mode alone is enough.
const isRoot = process.getuid?.() === 0;
const nobody = isRoot ? spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }) : null;
const nobodyUid = nobody?.status === 0 ? Number(nobody.stdout.trim()) : null;
const canDrop = !isRoot || (nobodyUid !== null && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0);

/**
 * The Node that nobody runs: this one, unless nobody cannot reach it (one installed inside a
 * private checkout, as scripts/node24.sh does); then a link to it beside the copy of the CLI,
 * which everyone can read (see useBuiltCli).
 */
let nobodysNode: string | undefined;
function nodeForNobody(): string {
  if (nobodysNode) return nobodysNode;
  if (spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', '0']).status === 0) return (nobodysNode = process.execPath);
  const node = join(dirname(dirname(CLI)), 'node');
  try {
    linkSync(process.execPath, node);
  } catch {
    // another file system: a copy, which keeps the binary's mode
    copyFileSync(process.execPath, node);
  }
  return (nobodysNode = node);
}

function asUser(dir: string, db: string, args: string[]): Run {
  const env = paceEnv(dir, db);
  const argv = [isRoot ? nodeForNobody() : process.execPath, CLI, ...args];
  const r = isRoot
    ? spawnSync('runuser', ['-u', 'nobody', '--', 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...argv], { cwd: dir, encoding: 'utf8' })
    : spawnSync(argv[0]!, argv.slice(1), { cwd: dir, env, encoding: 'utf8' });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A folder the reading user owns (when root, chowned to nobody), holding a copy of a journal with 2 sessions. */
function journalFor(owner: 'reader' | 'root'): { dir: string; db: string } {
  sb = sandbox();
  expect(pace(sb, ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4']).status).toBe(0);
  expect(pace(sb, ['log', 'stretching', '8']).status).toBe(0);
  chmodSync(sb.dir, 0o755);
  const dir = join(sb.dir, 'ro');
  mkdirSync(dir, { mode: 0o755 });
  const db = join(dir, 'journal.db');
  copyFileSync(sb.db, db);
  if (isRoot && owner === 'reader') {
    chownSync(dir, nobodyUid!, nobodyUid!);
    chownSync(db, nobodyUid!, nobodyUid!);
  }
  chmodSync(db, owner === 'reader' ? 0o400 : 0o444);
  if (owner === 'root') chmodSync(dir, 0o555);
  return { dir, db };
}

describe.skipIf(!canDrop)(`a read-only journal (${isRoot ? 'run as nobody via runuser' : 'file mode 0400'})`, () => {
  it('the file is read-only: pace list reads it, pace log fails with exit 1 and one plain line, nothing changes', () => {
    const { dir, db } = journalFor('reader');
    const before = sha256(db);

    const list = asUser(dir, db, ['list', '--json']);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(2);

    const log = asUser(dir, db, ['log', 'walk', '12', '--pain-before', '3', '--pain-after', '3']);
    expect(log.status).toBe(1);
    expect(stackLines(log.stderr)).toEqual([]);
    expect(log.stderr).toMatch(/read-only/);
    expect(log.stderr.trim().split('\n').filter((l) => l.startsWith('pace:'))).toHaveLength(1);

    expect(sha256(db)).toBe(before);
    expect(sessionCount(db)).toBe(2);
  });

  it('status and plan on a read-only journal whose checkpoint is stale: they work and write nothing', () => {
    const { dir, db } = journalFor('reader');
    // No checkpoint, as after an upgrade: status and plan would keep a new one if they could.
    chmodSync(db, 0o600);
    const w = new Database(db);
    w.prepare('DELETE FROM coach_checkpoint').run();
    w.close();
    chmodSync(db, 0o400);
    const before = sha256(db);

    for (const args of [['status', '--json'], ['plan', '--json']]) {
      const r = asUser(dir, db, args);
      expect(r.status, r.stderr).toBe(0);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
    expect(sha256(db)).toBe(before);
  });

  // D3: the record of what an export put in the calendar app is best-effort; without it, status
  // cannot notice the calendar falling behind the plan, so the person is told at the export.
  const NOT_RECORDED = 'pace could not note this export in the journal, so pace status will not be able to tell you when this calendar falls out of step with your plan.';

  it('plan --ics on a read-only journal writes the calendar, exit 0, and says status cannot follow it', () => {
    const { dir, db } = journalFor('reader');
    const before = sha256(db);
    const r = asUser(dir, db, ['plan', '--ics', join(dir, 'week.ics')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'week.ics'), 'utf8')).toMatch(/BEGIN:VEVENT/);
    expect(r.stderr.trimEnd().split('\n').filter((l) => l === NOT_RECORDED)).toHaveLength(1);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(sha256(db)).toBe(before);
  });

  it('plan --ics on a journal in a read-only folder (read from a copy) says the same', () => {
    const { dir, db } = journalFor('root');
    const mine = join(sb.dir, 'mine');
    mkdirSync(mine);
    if (isRoot) chownSync(mine, nobodyUid!, nobodyUid!);
    const r = asUser(dir, db, ['plan', '--ics', join(mine, 'week.ics'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toContain(NOT_RECORDED);
  });

  it('the folder is read-only too: pace list still reads the journal', () => {
    const { dir, db } = journalFor('root');
    const list = asUser(dir, db, ['list', '--json']);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(2);
  });

  it("a loose journal of the reader's own, in a folder the reader cannot write, is read and made private", () => {
    const { dir, db } = journalFor('reader');
    // The file stays the reader's; the folder becomes one the reader cannot write.
    if (isRoot) chownSync(dir, 0, 0);
    chmodSync(dir, 0o555);
    chmodSync(db, 0o644);
    const list = asUser(dir, db, ['list', '--json']);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(2);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it('pace check says a sound journal that cannot be written here is read-only, file or folder, and changes nothing', () => {
    for (const owner of ['reader', 'root'] as const) {
      const { dir, db } = journalFor(owner);
      const before = sha256(db);
      const r = asUser(dir, db, ['check']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/is sound \(schema version \d+\): 2 sessions/);
      expect(r.stdout).toMatch(/It is read-only here: pace can show it, but cannot save to it\. Check the permissions of the file and of its folder\.\n$/);
      const json = asUser(dir, db, ['check', '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, writable: false });
      expect(sha256(db)).toBe(before);
      sb.remove();
    }
    sb = sandbox();
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    expect(JSON.parse(pace(sb, ['check', '--json']).stdout)).toMatchObject({ ok: true, writable: true });
    expect(pace(sb, ['check']).stdout).not.toMatch(/read-only/);
  });

  it('pace check --json with no journal yet says writable only where one could be made', () => {
    sb = sandbox();
    chmodSync(sb.dir, 0o755);
    const closed = join(sb.dir, 'closed');
    mkdirSync(closed, { mode: 0o555 });
    const open = join(sb.dir, 'open');
    mkdirSync(open, { mode: 0o755 });
    if (isRoot) chownSync(open, nobodyUid!, nobodyUid!);
    const cases: [string, boolean][] = [
      [join(closed, 'journal.db'), false],
      [join(closed, 'deeper', 'journal.db'), false],
      [join(open, 'journal.db'), true],
      [join(open, 'deeper', 'journal.db'), true],
    ];
    for (const [db, writable] of cases) {
      const r = asUser(sb.dir, db, ['check', '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout), db).toMatchObject({ ok: true, exists: false, writable });
      const text = asUser(sb.dir, db, ['check']);
      expect(text.status, text.stderr).toBe(0);
      const said = text.stdout.trimEnd().split('\n');
      expect(said[0]).toMatch(/^There is no journal at .* yet/);
      expect(said.slice(1), db).toEqual(writable ? [] : ['pace could not start one there: the folder it would go in cannot be written or made from here. Check the permissions of the folders above it, or use --db to pick another place.']);
    }
    expect(readdirSync(closed)).toEqual([]);
    expect(readdirSync(open)).toEqual([]);
  });

  it('the folder is read-only too: pace log fails with exit 1, no stack trace, nothing changes', () => {
    const { dir, db } = journalFor('root');
    const before = sha256(db);
    const log = asUser(dir, db, ['log', 'walk', '12']);
    expect(log.status).toBe(1);
    expect(stackLines(log.stderr)).toEqual([]);
    expect(log.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(sha256(db)).toBe(before);
  });
});

/**
 * A journal in a read-only folder, copied, with the file beside it (`extra`), from a connection
 * that `begin` has left in the middle of something; the connection then ends without a trace.
 */
function withPendingBeside(extra: '-journal' | '-wal', begin: (w: Database.Database, src: string) => void): { dir: string; db: string } {
  const { dir, db } = journalFor('root');
  chmodSync(dir, 0o755);
  const src = join(sb.dir, `pending${extra}.db`);
  copyFileSync(db, src);
  const w = new Database(src);
  begin(w, src);
  copyFileSync(src, db);
  copyFileSync(`${src}${extra}`, `${db}${extra}`);
  if (w.inTransaction) w.exec('ROLLBACK');
  w.close();
  chmodSync(db, 0o444);
  chmodSync(`${db}${extra}`, 0o444);
  chmodSync(dir, 0o555);
  return { dir, db };
}

/**
 * The state a crash mid-commit leaves: pages of an unfinished write already in the file, and
 * beside it the rollback journal ("hot", first byte set) that would undo them.
 */
function withCutOffWrite(): { dir: string; db: string } {
  return withPendingBeside('-journal', (w, src) => {
    w.pragma('journal_mode = PERSIST');
    w.pragma('cache_size = 2');
    w.exec('BEGIN IMMEDIATE');
    const insert = w.prepare("INSERT INTO settings (key, value) VALUES (?, 'x')");
    for (let i = 0; i < 2000; i++) insert.run(`filler_${i}`);
    expect(readFileSync(`${src}-journal`)[0]).not.toBe(0);
  });
}

describe.skipIf(!canDrop)('a read-only folder holding a write that was cut off', () => {
  it('pace list refuses it with exit 1 and one plain line, rather than read half a write; nothing changes', () => {
    const { dir, db } = withCutOffWrite();
    const before = sha256(db);

    const list = asUser(dir, db, ['list', '--json']);
    expect(list.status).toBe(1);
    expect(stackLines(list.stderr)).toEqual([]);
    expect(list.stderr).toMatch(/write that was cut off/);
    expect(list.stderr).toMatch(/Run any pace command once as the journal's owner, with write access to its folder\. That undoes it\./);
    expect(list.stderr.trim().split('\n').filter((l) => l.startsWith('pace:'))).toHaveLength(1);
    expect(sha256(db)).toBe(before);
  });

  it('pace check says the same in the same words, not SQLite\'s, and changes nothing', () => {
    const { dir, db } = withCutOffWrite();
    const before = sha256(db);

    const check = asUser(dir, db, ['check']);
    expect(check.status).toBe(1);
    expect(stackLines(check.stderr)).toEqual([]);
    expect(check.stderr).not.toMatch(/SQLITE_|readonly database/);
    expect(check.stderr).toMatch(/write that was cut off/);
    expect(check.stderr).toMatch(/Run any pace command once as the journal's owner, with write access to its folder\. That undoes it\./);
    const json = asUser(dir, db, ['check', '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).problems[0]).toMatch(/write that was cut off/);
    expect(sha256(db)).toBe(before);
  });

  it('pace list refuses a journal an earlier pace left in WAL mode with entries still in its -wal file', () => {
    // Copied while the connection is open: the new entry is still in the -wal file only.
    const { dir, db } = withPendingBeside('-wal', (w) => {
      w.pragma('journal_mode = WAL');
      w.prepare("INSERT INTO settings (key, value) VALUES ('target_minutes', '90')").run();
    });

    const list = asUser(dir, db, ['list', '--json']);
    expect(list.status).toBe(1);
    expect(stackLines(list.stderr)).toEqual([]);
    expect(list.stderr).toMatch(/has recent entries in .*-wal, which cannot be read from here\./);
  });
});

describe.skipIf(!canDrop)(`output to a place the user may not write (${isRoot ? 'run as nobody via runuser' : 'file modes'})`, () => {
  /** A shared folder like /tmp (anyone may write, sticky) holding a file of root's, which others may not replace. */
  function sharedFolder(dir: string): string {
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    writeFileSync(join(shared, 'theirs.csv'), 'not yours\n');
    chmodSync(join(shared, 'theirs.csv'), 0o666);
    return shared;
  }

  it.skipIf(!isRoot)("--out over another user's file in a shared sticky folder says it may not be replaced, not 'something went wrong', and leaves nothing", () => {
    const { dir, db } = journalFor('reader');
    const shared = sharedFolder(dir);
    // `report --out` loads pdfmake from node_modules, which nobody cannot read in a clone inside a
    // private folder (test/slow/private-clone.test.ts): there, export and plan --ics cover the same sink.
    const pdfmake = spawnSync('runuser', ['-u', 'nobody', '--', 'test', '-r', join(ROOT, 'node_modules', 'pdfmake', 'package.json')]).status === 0;
    for (const args of [['export', '--out'], ...(pdfmake ? [['report', '--out']] : []), ['plan', '--ics']]) {
      const r = asUser(dir, db, [...args, join(shared, 'theirs.csv')]);
      expect(r.status, r.stderr).toBe(1);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr).not.toMatch(/something went wrong|EPERM|\.tmp/);
      expect(r.stderr).toMatch(/^pace: cannot write .*theirs\.csv: permission denied/);
      expect(readdirSync(shared)).toEqual(['theirs.csv']);
      expect(readFileSync(join(shared, 'theirs.csv'), 'utf8')).toBe('not yours\n');
    }
  });

  it("another user's journal, which the reader may not read: every command says so in the same plain words", () => {
    // Seen: "EACCES: permission denied, open '...'" from list and log, "unable to open database
    // file (SQLITE_CANTOPEN)" from check.
    const { dir, db } = journalFor('root');
    if (isRoot) chmodSync(db, 0o600);
    else chmodSync(db, 0o000);
    const before = sha256(db);
    const mine = join(sb.dir, 'mine');
    mkdirSync(mine);
    if (isRoot) chownSync(mine, nobodyUid!, nobodyUid!);
    for (const args of [['list'], ['log', 'walk', '12'], ['check'], ['backup', join(mine, 'copy.db')]]) {
      const r = asUser(dir, db, args);
      expect(r.status, r.stderr).toBe(1);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr).toBe(`pace: cannot read ${db}: permission denied.\n  Check the file's permissions, or point --db or PACE_DB at your own journal.\n`);
    }
    expect(sha256(db)).toBe(before);
  });

  it('a backup into a folder the user may not write names the backup, not its temporary file', () => {
    const { dir, db } = journalFor('reader');
    const closed = join(dir, 'closed');
    mkdirSync(closed, { mode: 0o755 });
    if (isRoot) chownSync(closed, 0, 0);
    else chmodSync(closed, 0o555);
    const r = asUser(dir, db, ['backup', join(closed, 'copy.db')]);
    expect(r.status, r.stderr).toBe(1);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr).not.toMatch(/\.tmp|EACCES/);
    expect(r.stderr).toMatch(/^pace: cannot write .*copy\.db: permission denied/);
    expect(readdirSync(closed)).toEqual([]);
  });
});
