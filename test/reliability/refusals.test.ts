// Issue 17, "Nothing lost, nothing leaked": bad paths and values given to the built CLI are refused
// as usage errors (exit 2, two lines at most, nothing written), and what is written stays private.
import { chmodSync, closeSync, existsSync, openSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, pace, sandbox, sessionCount, sha256, stackLines, useBuiltCli, type Run, type Sandbox } from './helpers.js';

useBuiltCli();
let sb: Sandbox;
beforeEach(() => {
  sb = sandbox();
});
afterEach(() => sb.remove());

/** A usage error as cli.md has it: exit 2, one or two plain lines on stderr, nothing on stdout. */
function expectUsageError(r: Run, first: string | RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
  expect(lines[0]).toMatch(first);
  expect(r.stdout).toBe('');
}

describe('usage errors (issue 17, items 1 and 9)', () => {
  it('item 1: --db "" is refused instead of saving into a temporary database', () => {
    expectUsageError(pace(sb, ['--db', '', 'log', 'walk', '10']), 'pace: --db is empty.');
    expectUsageError(pace(sb, ['--db=  ', 'log', 'walk', '10']), 'pace: --db is empty.');
    expect(readdirSync(sb.dir)).toEqual([]);
  });

  it('item 9: export --out "" is a usage error, not "something went wrong"', () => {
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    expectUsageError(pace(sb, ['export', '--out', '']), 'pace: --out is empty.');
  });

  it('item 9: --symptom "" is refused by log and triage, and nothing is saved', () => {
    expectUsageError(pace(sb, ['log', 'walk', '10', '--symptom', '']), 'pace: --symptom is empty.');
    expect(existsSync(sb.db)).toBe(false);
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    expectUsageError(pace(sb, ['triage', '--symptom', ' ']), 'pace: --symptom is empty.');
    expect(sessionCount(sb.db)).toBe(1);
  });

  it('item 9: a mistyped command prints its error and the suggestion, two lines', () => {
    const r = pace(sb, ['lgo']);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual(["error: unknown command 'lgo'", '(Did you mean log?)']);
    const unknown = pace(sb, ['log', '--bogus']);
    expect(unknown.stderr.trimEnd().split('\n')).toEqual(["error: unknown option '--bogus'", '(run the command with --help to see its options)']);
  });
});

describe('exports never land on the journal, a SQLite file or a link (items 2 and 10)', () => {
  const logTwo = () => {
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    expect(pace(sb, ['log', 'walk', '12', '--note', 'private']).status).toBe(0);
  };

  it('item 2: --out naming the journal, its -journal file, or a hard link to it is refused, and the journal is whole', () => {
    logTwo();
    const before = sha256(sb.db);
    for (const out of [sb.db, `${sb.db}-journal`, `${sb.db}-wal`, 'journal.db']) {
      expectUsageError(pace(sb, ['export', '--out', out]), /is the journal itself; pace will not write over it\.$/);
    }
    linkSync(sb.db, join(sb.dir, 'same.db'));
    expectUsageError(pace(sb, ['export', '--format', 'json', '--out', 'same.db']), /same\.db is the journal itself/);
    expect(sha256(sb.db)).toBe(before);
    expect(sessionCount(sb.db)).toBe(2);
  });

  it('item 2: --out naming the -journal file through a link to its folder is refused too, and that file is left alone', () => {
    logTwo();
    symlinkSync(sb.dir, join(sb.dir, 'same-folder'));
    const before = sha256(`${sb.db}-journal`);
    for (const name of ['journal.db-journal', 'journal.db-wal']) {
      expectUsageError(pace(sb, ['export', '--include-notes', '--out', join('same-folder', name)]), /is the journal itself; pace will not write over it\.$/);
    }
    expect(sha256(`${sb.db}-journal`)).toBe(before);
    expect(existsSync(`${sb.db}-wal`)).toBe(false);
  });

  it('item 2: --out naming another SQLite file (a backup) is refused; any other file is replaced', () => {
    logTwo();
    expect(pace(sb, ['backup', 'copy.db']).status).toBe(0);
    const backup = join(sb.dir, 'copy.db');
    const before = sha256(backup);
    expectUsageError(pace(sb, ['export', '--out', 'copy.db']), /copy\.db is a SQLite database or journal \(perhaps a backup\)/);
    expect(sha256(backup)).toBe(before);
    const old = join(sb.dir, 'old.csv');
    writeFileSync(old, 'yesterday\n', { mode: 0o644 });
    chmodSync(old, 0o644);
    expect(pace(sb, ['export', '--out', 'old.csv']).status).toBe(0);
    expect(readFileSync(old, 'utf8')).toContain('walk');
    expect(statSync(old).mode & 0o777).toBe(0o600);
  });

  it('item 10: --out through a symbolic link is refused, and the file it points to keeps its content', () => {
    logTwo();
    const target = join(sb.dir, 'shared.txt');
    writeFileSync(target, 'not health data\n');
    chmodSync(target, 0o644);
    symlinkSync(target, join(sb.dir, 'link.csv'));
    expectUsageError(pace(sb, ['export', '--include-notes', '--out', 'link.csv']), /link\.csv is a symbolic link; pace does not write health data through a link\.$/);
    expect(readFileSync(target, 'utf8')).toBe('not health data\n');
    expect(lstatSync(join(sb.dir, 'link.csv')).isSymbolicLink()).toBe(true);
  });

  it('item 10: /dev/stdout, a link the shell points at a file, is still written as before', () => {
    logTwo();
    const r = spawnSync('/bin/sh', ['-c', '"$0" "$1" export --out /dev/stdout > out.csv', process.execPath, CLI], { cwd: sb.dir, env: sb.env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(sb.dir, 'out.csv'), 'utf8')).toContain('walk');
  });

  it('item 10: /dev/fd/1 and a named pipe are written directly, as the person pointed them', () => {
    logTwo();
    const fd = spawnSync('/bin/sh', ['-c', '"$0" "$1" export --out /dev/fd/1 > fd.csv', process.execPath, CLI], { cwd: sb.dir, env: sb.env, encoding: 'utf8' });
    expect(fd.status, fd.stderr).toBe(0);
    expect(readFileSync(join(sb.dir, 'fd.csv'), 'utf8')).toContain('walk');
    const fifo = spawnSync('/bin/sh', ['-c', 'mkfifo pipe && { cat pipe > piped.csv & "$0" "$1" export --out pipe; s=$?; wait; exit $s; }', process.execPath, CLI], {
      cwd: sb.dir,
      env: sb.env,
      encoding: 'utf8',
    });
    expect(fifo.status, fifo.stderr).toBe(0);
    expect(readFileSync(join(sb.dir, 'piped.csv'), 'utf8')).toContain('walk');
  });

  it('item 10: --out naming a folder is a usage error, and nothing is left beside it', () => {
    logTwo();
    mkdirSync(join(sb.dir, 'folder'));
    const before = readdirSync(sb.dir).sort();
    expectUsageError(pace(sb, ['export', '--out', 'folder']), 'pace: cannot write folder: it is a folder.');
    expect(readdirSync(sb.dir).sort()).toEqual(before);
  });

  it('item 10: a name ending in / (a folder) is a usage error for export, report and plan --ics, whether or not a file has that name', () => {
    logTwo();
    writeFileSync(join(sb.dir, 'old.csv'), 'yesterday\n');
    const before = readdirSync(sb.dir).sort();
    for (const out of ['new.csv/', 'old.csv/']) {
      expectUsageError(pace(sb, ['export', '--out', out]), `pace: cannot write ${out}: a name ending in / is a folder.`);
      expectUsageError(pace(sb, ['report', '--out', out]), `pace: cannot write ${out}: a name ending in / is a folder.`);
      expectUsageError(pace(sb, ['plan', '--ics', out]), `pace: cannot write ${out}: a name ending in / is a folder.`);
    }
    expect(readdirSync(sb.dir).sort()).toEqual(before);
    expect(readFileSync(join(sb.dir, 'old.csv'), 'utf8')).toBe('yesterday\n');
  });

  it.skipIf(!existsSync('/proc/self/fd'))("item 10: a link to another process's open file (/proc/<pid>/fd/N) is refused", () => {
    logTwo();
    const target = join(sb.dir, 'theirs.txt');
    writeFileSync(target, 'not health data\n');
    const fd = openSync(target, 'r+'); // held open by this test's process, not by pace
    try {
      symlinkSync(`/proc/${process.pid}/fd/${fd}`, join(sb.dir, 'theirs.csv'));
      expectUsageError(pace(sb, ['export', '--out', 'theirs.csv']), /theirs\.csv is a symbolic link/);
      expect(readFileSync(target, 'utf8')).toBe('not health data\n');
    } finally {
      closeSync(fd);
    }
  });

  // /dev/shm is world-writable: a link there is anyone's link, not a system name like /dev/stdout.
  it.skipIf(!existsSync('/dev/shm'))('item 10: a symbolic link under /dev/shm to a file is refused like any other link', () => {
    logTwo();
    const target = join(sb.dir, 'shared.txt');
    writeFileSync(target, 'not health data\n');
    chmodSync(target, 0o644);
    const link = `/dev/shm/pace-test-${process.pid}-link.csv`;
    try {
      symlinkSync(target, link);
    } catch {
      return; // /dev/shm is not writable here; the temp-folder test above covers links
    }
    try {
      expectUsageError(pace(sb, ['export', '--include-notes', '--out', link]), /is a symbolic link; pace does not write health data through a link\.$/);
      expect(readFileSync(target, 'utf8')).toBe('not health data\n');
      expect(statSync(target).mode & 0o777).toBe(0o644);
    } finally {
      rmSync(link, { force: true });
    }
  });
});

describe('import reads only UTF-8 text, and only so much of it (items 7 and 8)', () => {
  const header = 'date,activity,category,dose,unit\r\n';

  it('item 7: a Latin-1 file is refused naming the encoding, and nothing is imported', () => {
    writeFileSync(join(sb.dir, 'latin1.csv'), Buffer.from(`${header}2026-11-20,caf\xe9 walk,aerobic,10,min\r\n`, 'latin1'));
    expectUsageError(pace(sb, ['import', 'latin1.csv']), 'pace: latin1.csv is not UTF-8 text: it looks like Latin-1 (ISO-8859-1) or Windows-1252.');
    expect(existsSync(sb.db)).toBe(false);
  });

  it.each([
    ['with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header, 'utf16le')]), 'UTF-16 (little-endian)'],
    ['without one', Buffer.from(`${header}2026-11-20,walk,aerobic,10,min\r\n`, 'utf16le'), 'UTF-16 (little-endian)'],
    ['big-endian', Buffer.from(Buffer.from(`\ufeff${header}`, 'utf16le').map((_, i, b) => b[i ^ 1]!)), 'UTF-16 (big-endian)'],
  ])('item 7: a UTF-16 file %s is refused naming the encoding', (_, bytes, encoding) => {
    writeFileSync(join(sb.dir, 'wide.csv'), bytes);
    expectUsageError(pace(sb, ['import', 'wide.csv']), `pace: wide.csv is in ${encoding}, not UTF-8.`);
  });

  it('item 8: an endless input (/dev/zero) is refused at once, not read until memory runs out', () => {
    const r = pace(sb, ['import', '/dev/zero'], { timeout: 30_000 });
    expectUsageError(r, 'pace: /dev/zero is not a text file (it holds NUL bytes).');
  });

  it('a copy made by pace backup, given to import, is named as one, with a way to bring it in that works', () => {
    expect(pace(sb, ['log', 'walk', '10', '--note', 'knee fine']).status).toBe(0);
    expect(pace(sb, ['backup', 'copy.db']).status).toBe(0);
    const fresh = { ...sb, env: { ...sb.env, PACE_DB: join(sb.dir, 'fresh.db') } };
    const r = pace(fresh, ['import', 'copy.db']);
    // "not a text file (it holds NUL bytes)" left the person with the backup README recommends no way back.
    expectUsageError(r, 'pace: copy.db is a SQLite database (perhaps a copy made by pace backup), not an export.');
    const hint = r.stderr.trimEnd().split('\n')[1]!;
    expect(hint).toBe('  To bring a backup in: pace --db copy.db export --format json --include-notes --out copy.json, then pace import copy.json');
    expect(existsSync(join(sb.dir, 'fresh.db'))).toBe(false);
    expect(pace(sb, ['--db', 'copy.db', 'export', '--format', 'json', '--include-notes', '--out', 'copy.json']).status).toBe(0);
    expect(pace(fresh, ['import', 'copy.json']).status).toBe(0);
    const notes = JSON.parse(pace(fresh, ['list', '--json']).stdout).map((s: { note: string }) => s.note);
    expect(notes).toEqual(['knee fine']);
  });

  it('item 8: a file past the limit is refused before it is read, naming the limit', () => {
    const big = join(sb.dir, 'big.csv');
    writeFileSync(big, header);
    truncateSync(big, 65 * 1024 * 1024);
    expectUsageError(pace(sb, ['import', 'big.csv']), 'pace: big.csv is larger than 64 MiB, the most pace imports at once.');
  });

  it('item 8: an endless stream of text (a pipe) stops at the limit', () => {
    const r = spawnSync('/bin/sh', ['-c', 'yes "2026-11-20,walk,aerobic,10,min" | "$0" "$1" import /dev/stdin', process.execPath, CLI], {
      cwd: sb.dir, env: sb.env, encoding: 'utf8', timeout: 60_000,
    });
    expectUsageError({ ...r, signal: r.signal, stdout: r.stdout, stderr: r.stderr }, 'pace: /dev/stdin is larger than 64 MiB, the most pace imports at once.');
  });

  it.each([
    ['export', '--out', 'x.csv'],
    ['report', '--out', 'x.pdf'],
    ['plan', '--ics', 'x.ics'],
    ['backup', '', 'x.db'],
  ])('pace %s: a file name too long for the file system is a usage error, named as such', (command, flag, ext) => {
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    const before = readdirSync(sb.dir).sort();
    // 248 bytes: the name itself fits in 255, the temporary name beside it does not.
    const name = `${'é'.repeat(122)}${ext}`;
    const r = pace(sb, [command, ...(flag ? [flag] : []), name]);
    expectUsageError(r, /^pace: cannot write .+: the name is too long\.$/);
    expect(readdirSync(sb.dir).sort()).toEqual(before);
  });

  it('a named pipe no program writes to is refused at once, not waited on for ever', () => {
    expect(spawnSync('mkfifo', [join(sb.dir, 'pipe.csv')]).status).toBe(0);
    const r = pace(sb, ['import', 'pipe.csv'], { timeout: 30_000 });
    expect(r.signal).toBeNull();
    expectUsageError(r, 'pace: cannot read pipe.csv: it is a named pipe, not a file.');
    expect(existsSync(sb.db)).toBe(false);
  });

  it('a pipe given as pace\'s own input (/dev/stdin) is still read', () => {
    const r = spawnSync('/bin/sh', ['-c', 'printf "date,activity,dose\\n2026-11-20,walk,10\\n" | "$0" "$1" import /dev/stdin', process.execPath, CLI], {
      cwd: sb.dir, env: sb.env, encoding: 'utf8', timeout: 60_000,
    });
    expect([r.status, r.stderr]).toEqual([0, expect.any(String)]);
    expect(sessionCount(sb.db)).toBe(1);
  });

  it('item 8: a line past the limit (a quote never closed) is refused naming the limit', () => {
    writeFileSync(join(sb.dir, 'open.csv'), `${header}2026-11-20,"walk${'x'.repeat(20_000)}\r\n`.repeat(2));
    expectUsageError(pace(sb, ['import', 'open.csv']), 'pace: line 2 is longer than 16384 characters, more than any session row needs.');
  });

  it('item 6: a duplicated column and doses that pace log refuses are refused by import too', () => {
    writeFileSync(join(sb.dir, 'dup.csv'), 'date,activity,dose,dose\r\n2026-11-20,walk,5,10\r\n');
    expectUsageError(pace(sb, ['import', 'dup.csv']), 'pace: the header has the column "dose" twice (columns 3 and 4).');
    for (const dose of ['0x10', '1e2']) {
      writeFileSync(join(sb.dir, 'hex.csv'), `date,activity,dose\r\n2026-11-20,walk,${dose}\r\n`);
      expectUsageError(pace(sb, ['import', 'hex.csv']), `pace: row 2, column dose: "${dose}" is not a positive number.`);
    }
    expect(existsSync(sb.db)).toBe(false);
  });
});

describe('a JSON backup is checked before anything is written (item 5)', () => {
  it('refuses a quota of 1e308 and a symptom list that is a string with exit 2, naming the field, and writes nothing', () => {
    expect(pace(sb, ['log', 'walk', '10', '--date', '2026-11-19']).status).toBe(0);
    expect(pace(sb, ['plan', '--set', 'walk=12x3']).status).toBe(0);
    const r = pace(sb, ['export', '--format', 'json', '--out', 'backup.json']);
    expect(r.status, r.stderr).toBe(0);
    const good = readFileSync(join(sb.dir, 'backup.json'), 'utf8');
    const target = sandbox();
    try {
      const doc = JSON.parse(good);
      doc.overrides[0].quota = 1e308;
      writeFileSync(join(target.dir, 'huge.json'), JSON.stringify(doc));
      expectUsageError(pace(target, ['import', 'huge.json']), 'pace: overrides[0].quota: 1e+308 min is longer than a day.');
      doc.overrides[0].quota = 12;
      doc.triage_records = [{ date: '2026-11-19', session_uid: null, kind: 'triage', class: 'stop', symptoms: 'chest-pain' }];
      writeFileSync(join(target.dir, 'string.json'), JSON.stringify(doc));
      expectUsageError(pace(target, ['import', 'string.json']), 'pace: triage_records[0].symptoms: "chest-pain" is not a list of symptom codes.');
      expect(existsSync(target.db)).toBe(false);
      writeFileSync(join(target.dir, 'good.json'), good);
      expect(pace(target, ['import', 'good.json']).status).toBe(0);
      expect(sessionCount(target.db)).toBe(1);
    } finally {
      target.remove();
    }
  });
});

describe('a journal pace writes is private (item 11)', () => {
  it.each([0o644, 0o666])('an existing empty file of mode %o given as the journal is made 0600, and so is its -journal file', (mode) => {
    writeFileSync(sb.db, '');
    chmodSync(sb.db, mode);
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    expect(statSync(sb.db).mode & 0o777).toBe(0o600);
    expect(statSync(`${sb.db}-journal`).mode & 0o777).toBe(0o600);
    expect(sessionCount(sb.db)).toBe(1);
  });

  it('a journal already in use with a loose mode is made 0600 by the next command, a read included', () => {
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    chmodSync(sb.db, 0o644);
    chmodSync(`${sb.db}-journal`, 0o644);
    // status may leave the coach's checkpoint behind, through the -journal file: both made private first.
    expect(pace(sb, ['status']).status).toBe(0);
    expect(statSync(sb.db).mode & 0o777).toBe(0o600);
    expect(statSync(`${sb.db}-journal`).mode & 0o777).toBe(0o600);
  });

  it('a loose empty file read as the journal is migrated into a private one', () => {
    writeFileSync(sb.db, '');
    chmodSync(sb.db, 0o644);
    expect(pace(sb, ['status']).status).toBe(0);
    expect(statSync(sb.db).mode & 0o777).toBe(0o600);
    expect(statSync(`${sb.db}-journal`).mode & 0o777).toBe(0o600);
  });
});

describe('what the person deletes or replaces does not stay in the files', () => {
  it('an edited note and a deleted session leave no trace in the journal or its -journal file', () => {
    expect(pace(sb, ['log', 'walk', '10', '--note', 'first-private-words']).status).toBe(0);
    expect(pace(sb, ['log', 'walk', '11', '--note', 'second-private-words']).status).toBe(0);
    expect(pace(sb, ['edit', '1', '--note', 'replaced']).status).toBe(0);
    expect(pace(sb, ['delete', '2', '--yes']).status).toBe(0);
    for (const file of [sb.db, `${sb.db}-journal`]) {
      const bytes = readFileSync(file);
      expect(bytes.includes('first-private-words'), file).toBe(false);
      expect(bytes.includes('second-private-words'), file).toBe(false);
    }
    expect(pace(sb, ['list', '--json']).stdout).toMatch(/"note":"replaced"|"note": "replaced"/);
  });
});

describe('output that fails after a write (item 4)', () => {
  /** Runs pace with stdout on /dev/full, as `pace ... > /dev/full` does. */
  const toFull = (args: string[]): Run => {
    const r = spawnSync('/bin/sh', ['-c', '"$0" "$@" > /dev/full', process.execPath, CLI, ...args], { cwd: sb.dir, env: sb.env, encoding: 'utf8' });
    return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  };

  it('log saves the session once, exits 0 and says the output was lost, so a script does not retry it', () => {
    for (const args of [['log', 'walk', '12'], ['log', 'walk', '12', '--json']]) {
      const r = toFull(args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('pace: saved, but the output could not be written (the disk is full).');
      expect(stackLines(r.stderr)).toEqual([]);
    }
    expect(sessionCount(sb.db)).toBe(2);
  });

  it('import does the same', () => {
    writeFileSync(join(sb.dir, 'two.csv'), 'date,activity,dose\r\n2026-11-19,walk,10\r\n2026-11-20,walk,11\r\n');
    const r = toFull(['import', 'two.csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('saved, but the output could not be written');
    expect(sessionCount(sb.db)).toBe(2);
  });

  it('a command that saved nothing still exits 1 when its output fails', () => {
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    for (const args of [['status'], ['list'], ['plan']]) {
      const r = toFull(args);
      expect(r.status, `${args}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain('the disk is full');
      expect(r.stderr).not.toContain('saved, but');
    }
  });
});
