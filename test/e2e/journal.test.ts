import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ROOT, runPace, stackLines } from '../helpers/pace.js';
import { fileHash, modeOf, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

describe('where the journal lives', () => {
  it('defaults to $HOME/.local/share/pace/pace.db, folders 0700 and file 0600', () => {
    const home = tempDir();
    expect(runPace(['log', 'walk', '10'], { home }).status).toBe(0);
    const path = join(home, '.local', 'share', 'pace', 'pace.db');
    expect(existsSync(path)).toBe(true);
    expect(modeOf(statSync(join(home, '.local')))).toBe(0o700);
    expect(modeOf(statSync(join(home, '.local', 'share', 'pace')))).toBe(0o700);
    expect(modeOf(statSync(path))).toBe(0o600);
  });

  it('follows XDG_DATA_HOME when it is an absolute path', () => {
    const home = tempDir();
    const xdg = join(home, 'xdg-data');
    expect(runPace(['log', 'walk', '10'], { home, env: { XDG_DATA_HOME: xdg } }).status).toBe(0);
    expect(existsSync(join(xdg, 'pace', 'pace.db'))).toBe(true);
    expect(existsSync(join(home, '.local'))).toBe(false);
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG spec says', () => {
    const home = tempDir();
    expect(runPace(['log', 'walk', '10'], { home, env: { XDG_DATA_HOME: 'relative/data' } }).status).toBe(0);
    expect(existsSync(join(home, '.local', 'share', 'pace', 'pace.db'))).toBe(true);
    expect(existsSync(join(home, 'relative'))).toBe(false);
  });

  it('--db wins over PACE_DB, which wins over the default', () => {
    const home = tempDir();
    const viaEnv = join(home, 'env.db');
    const viaFlag = join(home, 'flag.db');
    runPace(['log', 'walk', '10'], { home, env: { PACE_DB: viaEnv } });
    runPace(['--db', viaFlag, 'log', 'walk', '10'], { home, env: { PACE_DB: viaEnv } });
    const listed = (db: string) => JSON.parse(runPace(['--db', db, 'list', '--json'], { home }).stdout) as unknown[];
    expect(listed(viaEnv)).toHaveLength(1);
    expect(listed(viaFlag)).toHaveLength(1);
    expect(existsSync(join(home, '.local'))).toBe(false);
  });

  it('a PACE_DB starting with ~ (left as it is inside quotes) is refused: exit 2, nothing made where pace runs; a relative one is taken from there', () => {
    const home = tempDir();
    const cwd = join(home, 'some-project');
    mkdirSync(cwd);
    for (const args of [['log', 'walk', '10'], ['list']]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pace.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home, PACE_DB: '~/journal/pace.db', PACE_TODAY: '2026-11-21', TZ: 'America/Los_Angeles', NO_COLOR: '1' } });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/PACE_DB "~\/journal\/pace\.db" starts with ~.*\n.*\$HOME/);
      expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
      expect(stackLines(r.stderr)).toEqual([]);
    }
    // The shell's start-up file and Tab still work: no error printed into the line being typed.
    const env = { ...process.env, HOME: home, PACE_DB: '~/journal/pace.db', NO_COLOR: '1' };
    const script = spawnSync(process.execPath, [join(ROOT, 'bin', 'pace.js'), 'completion', 'bash'], { cwd, encoding: 'utf8', env });
    expect([script.status, script.stderr]).toEqual([0, '']);
    const tab = spawnSync(process.execPath, [join(ROOT, 'bin', 'pace.js'), 'completion', '--words', '--', 'log', 'w'], { cwd, encoding: 'utf8', env });
    expect([tab.status, tab.stderr]).toEqual([0, '']);
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(join(home, '.local'))).toBe(false);
    // On the command line the shell has expanded ~, and a relative --db is the person's own choice;
    // so is a relative PACE_DB (cli.md), read from the folder pace runs in.
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pace.js'), '--db', 'here.db', 'log', 'walk', '10'], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home, PACE_DB: '~/journal/pace.db', PACE_TODAY: '2026-11-21', TZ: 'America/Los_Angeles', NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const rel = spawnSync(process.execPath, [join(ROOT, 'bin', 'pace.js'), 'log', 'walk', '10'], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home, PACE_DB: 'journal.db', PACE_TODAY: '2026-11-21', TZ: 'America/Los_Angeles', NO_COLOR: '1' } });
    expect(rel.status, rel.stderr).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(expect.arrayContaining(['here.db', 'journal.db']));
  });

  it('an empty or relative HOME is refused (exit 2), not taken as the folder pace runs in', () => {
    // With HOME="" (a cron job, a service) Node's homedir() answers "" and the journal went in
    // .local/share/pace under whatever folder pace ran in: a new, empty journal in each folder.
    const home = tempDir();
    const cwd = join(home, 'somewhere');
    mkdirSync(cwd);
    const env = (HOME: string, more: NodeJS.ProcessEnv = {}) => ({ ...process.env, HOME, PACE_DB: undefined, XDG_DATA_HOME: undefined, PACE_TODAY: '2026-11-21', TZ: 'America/Los_Angeles', NO_COLOR: '1', ...more });
    for (const HOME of ['', 'relative/home']) {
      for (const args of [['log', 'walk', '10'], ['list']]) {
        const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pace.js'), ...args], { cwd, encoding: 'utf8', env: env(HOME) });
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/^pace: HOME .*(empty|not an absolute path).*\n.*(PACE_DB|--db)/);
        expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
        expect(stackLines(r.stderr)).toEqual([]);
      }
      // Tab completion prints no error into the line being typed.
      const tab = spawnSync(process.execPath, [join(ROOT, 'bin', 'pace.js'), 'completion', '--words', '--', 'log', 'w'], { cwd, encoding: 'utf8', env: env(HOME) });
      expect([tab.status, tab.stderr]).toEqual([0, '']);
    }
    expect(readdirSync(cwd)).toEqual([]);
    // Where HOME is not needed (an absolute XDG_DATA_HOME), it is not asked about.
    const xdg = join(home, 'data');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pace.js'), 'log', 'walk', '10'], { cwd, encoding: 'utf8', env: env('', { XDG_DATA_HOME: xdg }) });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(xdg, 'pace', 'pace.db'))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a read on a first run creates nothing', () => {
    const home = tempDir();
    const r = runPace(['list'], { home });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No sessions yet/);
    expect(runPace(['export'], { home }).stdout.split('\r\n')[0]).toMatch(/^date,activity,/);
    expect(readdirSync(home)).toEqual([]);
  });
});

describe('a journal path that is not a pace journal', () => {
  it.each([['log', 'walk', '10'], ['list'], ['export']])('pace %s exits 1 and leaves a text file unchanged', (...args) => {
    const home = tempDir();
    const path = join(home, 'diary.txt');
    writeFileSync(path, 'Dear diary,\nwalked to the shop.\n');
    const before = fileHash(path);
    const r = runPace(args, { home, env: { PACE_DB: path } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pace: .*not a pace journal/);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(fileHash(path)).toBe(before);
    expect(readdirSync(home)).toEqual(['diary.txt']);
  });

  it('a folder exits 1', () => {
    const home = tempDir();
    mkdirSync(join(home, 'folder'));
    const r = runPace(['log', 'walk', '10'], { home, env: { PACE_DB: join(home, 'folder') } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pace: /);
  });
});

describe('a journal folder that cannot be made', () => {
  // Each ends at once with exit 1 and one or two lines naming the folder, never a hang or
  // "something went wrong". Node's own recursive mkdir spins for ever under /proc, where
  // mkdir answers ENOENT although the parent exists.
  const refused = (home: string, db: string) => {
    const r = runPace(['--db', db, 'log', 'walk', '10'], { home, timeoutMs: 10_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(stackLines(r.stderr)).toEqual([]);
    const text = r.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(text.length).toBeLessThanOrEqual(2);
    expect(text[0]).toMatch(/^pace: /);
    expect(r.stderr).not.toMatch(/something went wrong/);
    return r.stderr;
  };

  it.runIf(existsSync('/proc/self'))('a folder under /proc, where none can be made', () => {
    expect(refused(tempDir(), '/proc/pace-no-such-folder/sub/pace.db')).toMatch(/cannot make the folder \/proc\/pace-no-such-folder/);
  });

  it('a path through a file', () => {
    const home = tempDir();
    writeFileSync(join(home, 'notes'), 'x');
    expect(refused(home, join(home, 'notes', 'pace.db'))).toMatch(/notes is a file, not a folder/);
    expect(readdirSync(home)).toEqual(['notes']);
  });

  it('a path through a link to a folder that does not exist', () => {
    const home = tempDir();
    symlinkSync(join(home, 'unmounted'), join(home, 'disk'));
    expect(refused(home, join(home, 'disk', 'pace', 'pace.db'))).toMatch(/disk is a link to .*unmounted, which does not exist/);
    expect(readdirSync(home)).toEqual(['disk']);
  });
});
