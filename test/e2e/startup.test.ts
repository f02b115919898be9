// bin/pace.js compiles the bundle with the V8 code cache the build made (scripts/train-cache.mjs)
// on Nodes without a compile cache of their own (Node 20), and turns Node's own on from 22.1. These
// tests prove that the cache is taken when it fits, and that pace does exactly the same without it:
// missing, damaged, or left over from another build. On a Node whose build makes no cache, the
// tests of bin/pace.js's loader train one in their copy, as the build does on Node 20, so every test
// runs on every Node. They compare what pace prints, never how long it takes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, sandbox, sha256, stackLines, useBuiltCli, type Sandbox } from '../reliability/helpers.js';

useBuiltCli();

/** Node 22.1+ caches compiled code itself; bin/pace.js uses the build's cache only on older Nodes. */
const buildCache = !('enableCompileCache' in nodeModule);

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the private build, with its dist/ changed by `change`. */
function copyOfBuild(change: (dist: string) => void = () => {}): string {
  const from = dirname(dirname(CLI));
  const dir = mkdtempSync(join(tmpdir(), 'pace-startup-'));
  made.push(dir);
  for (const part of ['dist', 'bin', 'package.json']) cpSync(join(from, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  change(join(dir, 'dist'));
  return dir;
}

/**
 * A copy of the build with the general cache and pace log's, then changed by `change`: the build's
 * own on Node 20; on a Node that keeps its own compile cache, where the build makes none, trained
 * here by scripts/train-cache.mjs as the build does (a copy of the history in a pace-train-* folder).
 */
function copyWithCache(change: (dist: string) => void = () => {}): string {
  const copy = copyOfBuild();
  const dist = join(copy, 'dist');
  if (!existsSync(join(dist, 'main.cjs.cache'))) {
    const home = mkdtempSync(join(tmpdir(), 'pace-train-'));
    made.push(home);
    const train = (db: string, ...only: string[]) => {
      const env = { PATH: process.env.PATH, HOME: home, PACE_DB: join(home, db), NO_COLOR: '1' };
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'train-cache.mjs'), dist, ...only], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    train('history.db');
    cpSync(join(home, 'history.db'), join(home, 'log.db'));
    train('log.db', 'log');
  }
  change(dist);
  return copy;
}

function newSandbox(): Sandbox {
  const sb = sandbox();
  made.push(sb.dir);
  return sb;
}

/** The build's caches: one for any command, and one for each daily command with and without --json. */
const caches = (dist: string) => readdirSync(dist).filter((f) => f.endsWith('.cache'));

/** The changes cache files can suffer, done to every one of them; each must leave pace working as before. */
const DAMAGE: [string, (dist: string) => void][] = [
  ['missing', (dist) => caches(dist).forEach((c) => rmSync(join(dist, c)))],
  ['empty', (dist) => caches(dist).forEach((c) => writeFileSync(join(dist, c), ''))],
  ['not a cache at all', (dist) => caches(dist).forEach((c) => writeFileSync(join(dist, c), Buffer.alloc(4096, 0x5a)))],
  // The build's stamp is intact, so V8 itself has to refuse the rest.
  ['cut short', (dist) => caches(dist).forEach((c) => writeFileSync(join(dist, c), readFileSync(join(dist, c)).subarray(0, 4000)))],
  ['a folder', (dist) => caches(dist).forEach((c) => {
    rmSync(join(dist, c));
    cpSync(join(ROOT, 'bin'), join(dist, c), { recursive: true });
  })],
];

/** Runs the copy's bin/pace.js as a person's shell would. */
function run(copy: string, sb: Sandbox, args: readonly string[]) {
  const r = spawnSync(process.execPath, [join(copy, 'bin', 'pace.js'), ...args], { cwd: sb.dir, env: sb.env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The commands people run most, in a new journal each time: what they print and their exit codes. */
function session(copy: string) {
  const sb = newSandbox();
  return [
    ['--version'],
    ['--help'],
    ['log', 'walk', '10', '--pain-before', '2', '--pain-after', '3', '--no-input', '--json'],
    ['log', 'walk', '12', '--pain-before', '3', '--pain-after', '3', '--no-input'],
    ['status', '--json'],
    ['plan'],
    ['list', '--json'],
  ].map((args) => ({ args: args.join(' '), ...run(copy, sb, args) }));
}

/** Whether loading the copy's bundle the way bin/pace.js does, for a run of `argv`, took the cached code. */
function cacheTaken(copy: string, argv: readonly string[] = []): boolean {
  const probe = "const [, dir, argv] = process.argv; const p = require(dir + '/bin/pace.js'); const a = JSON.parse(argv); console.log(p.loadBundle(p.bundleFor(a), p.cacheFor(a)).cached)";
  const r = spawnSync(process.execPath, ['-e', probe, copy, JSON.stringify(argv)], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as boolean;
}

/** Every file in the copy's dist/ with its hash: bin/pace.js must never write there. */
function distState(copy: string): Record<string, string> {
  const dist = join(copy, 'dist');
  return Object.fromEntries(
    readdirSync(dist, { withFileTypes: true }).map((e) => [e.name, e.isFile() ? sha256(join(dist, e.name)) : 'folder']),
  );
}

describe('start-up with the code cache', () => {
  it(
    buildCache
      ? 'Node 20 has no compile cache of its own: the build made caches that this Node takes, for any command and for the daily ones'
      : "Node 22.1+ keeps its own compile cache: the build made none, and pace turns Node's on",
    () => {
      const copy = copyOfBuild();
      if (buildCache) {
        expect(caches(join(copy, 'dist')).sort()).toEqual(
          ['main.cjs.cache', ...['list', 'log', 'plan', 'status'].flatMap((c) => [`${c}.cjs.${c}.cache`, `${c}.cjs.${c}-json.cache`])].sort(),
        );
        for (const argv of [[], ['--version'], ['status', '--json'], ['log', 'walk', '10'], ['export']]) expect(cacheTaken(copy, argv), argv.join(' ')).toBe(true);
      } else {
        expect(caches(join(copy, 'dist'))).toEqual([]);
        // Node keeps its cache under the temporary folder unless told otherwise.
        const sb = newSandbox();
        const tmp = join(sb.dir, 'tmp');
        mkdirSync(tmp);
        const r = run(copy, { ...sb, env: { ...sb.env, TMPDIR: tmp } }, ['status', '--json']);
        expect(r.status, r.stderr).toBe(0);
        expect(readdirSync(join(tmp, 'node-compile-cache'), { recursive: true }).length).toBeGreaterThan(0);
      }
    },
  );

  it('bin/pace.js picks the cache of the command that src/program.ts will run', async () => {
    const { commandIn } = await import('../../src/program.js');
    const bin = createRequire(import.meta.url)(join(ROOT, 'bin', 'pace.js')) as { commandIn(a: string[]): string | undefined; cacheFor(a: string[]): string | undefined };
    const runs = [['status', '--json'], ['--db', 'x.db', 'log', 'walk'], ['--db=x.db', '--no-input', 'plan'], ['--no-color', 'list', '--json'], ['--help'], ['-V'], [], ['help', 'log']];
    for (const argv of runs) {
      const picked = commandIn(argv);
      // bin/pace.js may name a word that is no command (it then finds no cache of that name and uses the general one).
      if (picked !== undefined) expect(bin.commandIn(argv), argv.join(' ')).toBe(picked);
      else expect(['help', undefined]).toContain(bin.commandIn(argv));
    }
    expect(bin.cacheFor(['status', '--json'])).toBe('status-json');
    expect(bin.cacheFor(['--db', 'x', 'status'])).toBe('status');
    // Every other command runs dist/main.cjs, with its one cache.
    for (const argv of [['export', '--json'], ['--help'], [], ['nosuch']]) expect(bin.cacheFor(argv), argv.join(' ')).toBeUndefined();
  });

  it("bin/pace.js loads a daily command's own bundle, which leaves the other commands out", async () => {
    // A plain script, without types: the path is a variable so that tsc does not look for them.
    const daily = '../../scripts/daily.mjs';
    const { OWN_BUNDLES } = (await import(daily)) as { OWN_BUNDLES: string[] };
    const bin = createRequire(import.meta.url)(join(ROOT, 'bin', 'pace.js')) as { OWN_BUNDLES: string[]; bundleFor(a: string[]): string };
    expect(bin.OWN_BUNDLES).toEqual(OWN_BUNDLES);
    const dist = join(ROOT, 'dist');
    expect(bin.bundleFor(['--db', 'x.db', 'log', 'walk', '10'])).toBe(join(dist, 'log.cjs'));
    expect(bin.bundleFor(['status', '--json'])).toBe(join(dist, 'status.cjs'));
    for (const argv of [['export'], ['--help'], [], ['help', 'log'], ['prompts'], ['main']]) expect(bin.bundleFor(argv), argv.join(' ')).toBe(join(dist, 'main.cjs'));
    // pace check's own words are in the bundle that has every command, and in no daily one. (Not
    // quick_check: every write runs it on a journal that looks touched, src/store/soundness.ts.)
    const copy = copyOfBuild();
    const has = (bundle: string, words = 'foreign_key_check') => readFileSync(join(copy, 'dist', bundle), 'utf8').includes(words);
    expect(has('main.cjs')).toBe(true);
    for (const command of OWN_BUNDLES) expect(has(`${command}.cjs`), command).toBe(false);
    // Nor the completion scripts and their reading of the journal: a daily run never loads them.
    expect(has('main.cjs', '_pace_complete')).toBe(true);
    for (const command of OWN_BUNDLES) expect(has(`${command}.cjs`, '_pace_complete'), command).toBe(false);
  });

  it('pace prints the same with or without the cache, and writes nothing beside the bundle', () => {
    const good = copyOfBuild();
    const before = distState(good);
    const expected = session(good);
    for (const r of expected) expect(r.status, r.args).toBe(0);
    expect(distState(good)).toEqual(before);

    for (const [what, damage] of DAMAGE) {
      const copy = copyOfBuild(damage);
      const state = distState(copy);
      expect(session(copy), what).toEqual(expected);
      expect(cacheTaken(copy), what).toBe(false);
      expect(distState(copy), what).toEqual(state);
    }
  });

  it('a cache from another build of the same length is not used', () => {
    // A rebuild that changes one character keeps the bundle's length, which is all V8 compares;
    // the stamp in the bundle's last line tells the builds apart.
    let other = '';
    const copy = copyWithCache((dist) => {
      const file = join(dist, 'main.cjs');
      const source = readFileSync(file, 'utf8');
      const version = /\.version\("([^"]+)"/.exec(source)![1]!;
      other = `${version.slice(0, -1)}${version.endsWith('9') ? '8' : '9'}`;
      const stamp = source.slice(source.lastIndexOf('\n', source.length - 2) + 1);
      const otherStamp = stamp.replace(/[0-9a-f](?=\n$)/, (c) => (c === '0' ? '1' : '0'));
      const changed = source.replace(`.version("${version}"`, `.version("${other}"`).replace(stamp, otherStamp);
      expect(changed.length).toBe(source.length);
      writeFileSync(file, changed);
    });
    expect(cacheTaken(copy)).toBe(false);
    expect(run(copy, newSandbox(), ['--version']).stdout).toBe(`${other}\n`);
    // The same cache is taken by the build it was made for.
    expect(cacheTaken(copyWithCache())).toBe(true);
  });

  it('PACE_DEBUG=1 stack traces name the bundle where it is, not where the cache was made', () => {
    for (const copy of [copyOfBuild(), copyOfBuild(DAMAGE[0]![1])]) {
      const sb = newSandbox();
      const r = run(copy, { ...sb, env: { ...sb.env, PACE_DEBUG: '1' } }, ['list', '--db', sb.dir]);
      expect(r.status).toBe(1);
      const frames = stackLines(r.stderr).filter((l) => l.includes('list.cjs'));
      expect(frames.length).toBeGreaterThan(0);
      // The build trains the cache in a folder named dist.<pid>, and V8 on Node 20 remembers names.
      for (const frame of frames) {
        expect(frame).toMatch(/\/dist\/list\.cjs:\d+:\d+\)?$/);
        expect(frame).not.toMatch(/dist\.\d+/);
      }
    }
  });

  it('scripts/trace.mjs turns a PACE_DEBUG trace of a minified bundle back into places in src/', () => {
    const copy = copyOfBuild();
    mkdirSync(join(copy, 'scripts'));
    cpSync(join(ROOT, 'scripts', 'trace.mjs'), join(copy, 'scripts', 'trace.mjs'));
    const sb = newSandbox();
    const r = run(copy, { ...sb, env: { ...sb.env, PACE_DEBUG: '1' } }, ['list', '--db', sb.dir]);
    const mapped = spawnSync(process.execPath, [join(copy, 'scripts', 'trace.mjs')], { input: r.stderr, encoding: 'utf8' });
    expect(mapped.status).toBe(0);
    const frames = stackLines(mapped.stdout);
    // A folder given as the journal is refused in open.ts, on the way from list's command.
    expect(frames[0]).toMatch(/\(src\/store\/open\.ts:\d+:\d+\)$/);
    expect(frames.some((f) => /\(src\/commands\/list\.ts:\d+:\d+\)$/.test(f))).toBe(true);
    expect(r.stderr).toMatch(/dist\/list\.cjs:\d+:\d+/);
    expect(mapped.stdout).not.toMatch(/\.cjs:\d+/);
    // Everything else in the text is left as it was.
    expect(mapped.stdout.split('\n')[0]).toBe(r.stderr.split('\n')[0]);

    // On the bundle's first line a frame's column also counts the function head bin/pace.js puts
    // there. dates.ts is on that line: its day-number constant 719468 lies where a frame would point.
    const first = readFileSync(join(copy, 'dist', 'list.cjs'), 'utf8').split('\n')[0]!;
    const column = first.indexOf('719468') + 1;
    expect(column).toBeGreaterThan(0);
    const { WRAPPER_HEAD } = createRequire(import.meta.url)(join(copy, 'bin', 'pace.js')) as { WRAPPER_HEAD: string };
    const trace = (frame: string) => spawnSync(process.execPath, [join(copy, 'scripts', 'trace.mjs')], { input: `${frame}\n`, encoding: 'utf8' }).stdout;
    // Node 22 requires the bundle by its own path, with no head; on Node 20 it is named pace-journal/...
    const plain = trace(`    at x (${join(copy, 'dist', 'list.cjs')}:1:${column})`);
    expect(plain).toMatch(/^ {4}at x \(src\/core\/dates\.ts:\d+:\d+\)$/m);
    expect(trace(`    at x (pace-journal/dist/list.cjs:1:${column + WRAPPER_HEAD.length})`)).toBe(plain);
  });

  it('questions still load inquirer, from code that came out of the cache too', () => {
    // No terminal here, so main is told it has one; inquirer then finds stdin closed and stops.
    const ask = `
      const [, dir, home] = process.argv;
      const bin = require(dir + '/bin/pace.js');
      // As bin/pace.js loads it for pace log: log's own bundle, with its cache.
      const { exports: pace, cached } = bin.loadBundle(bin.bundleFor(['log']), bin.cacheFor(['log']));
      const io = { env: { HOME: home, PACE_DB: home + '/journal.db', PACE_TODAY: '2026-11-21', NO_COLOR: '1' },
        stdin: { isTTY: true }, stdout: Object.assign(process.stdout, { isTTY: true }), stderr: process.stderr,
        platform: process.platform, clock: () => new Date() };
      pace.main(['log'], io).then((code) => console.error('exit ' + code + (cached ? ', from the cache' : '')));`;
    for (const [copy, fromCache] of [[copyWithCache(), true], [copyOfBuild(DAMAGE[0]![1]), false]] as const) {
      const sb = newSandbox();
      const r = spawnSync(process.execPath, ['-e', ask, copy, sb.dir], { env: { PATH: process.env.PATH }, input: '', encoding: 'utf8' });
      expect(r.stdout).toMatch(/post-exertional/);
      expect(r.stderr).toMatch(/Stopped\. Nothing was saved\.\n/);
      expect(r.stderr).toMatch(fromCache ? /exit 130, from the cache\n$/ : /exit 130\n$/);
      expect(r.stderr).not.toMatch(/Warning|dynamic import/i);
    }
  });
});

describe('training the cache (scripts/train-cache.mjs)', () => {
  /** Trains a copy of the build that has no cache; returns the copy, the exit code and whether a cache was written. */
  const train = (env: NodeJS.ProcessEnv, ...args: string[]) => {
    const copy = copyOfBuild(DAMAGE[0]![1]);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'train-cache.mjs'), join(copy, 'dist'), ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    return { copy, status: r.status, wroteCache: caches(join(copy, 'dist')).length > 0 };
  };

  it('refuses to run against a journal that already exists, and leaves it alone', () => {
    const sb = newSandbox();
    expect(run(dirname(dirname(CLI)), sb, ['log', 'walk', '10', '--no-input']).status).toBe(0);
    const before = sha256(sb.db);
    expect(train({ HOME: sb.dir, PACE_DB: sb.db })).toMatchObject({ status: 2, wroteCache: false });
    expect(sha256(sb.db)).toBe(before);
  });

  it('refuses to run without a journal of its own', () => {
    expect(train({ HOME: newSandbox().dir })).toMatchObject({ status: 2, wroteCache: false });
  });

  it("trains one command's cache only on a copy in the build's own training folder", () => {
    const sb = newSandbox();
    expect(run(dirname(dirname(CLI)), sb, ['log', 'walk', '10', '--no-input']).status).toBe(0);
    const before = sha256(sb.db);
    expect(train({ HOME: sb.dir, PACE_DB: sb.db }, 'status')).toMatchObject({ status: 2, wroteCache: false });
    expect(sha256(sb.db)).toBe(before);
  });

  it('makes a cache that this Node takes, given a journal of its own', () => {
    const sb = newSandbox();
    const r = train({ HOME: sb.dir, PACE_DB: sb.db, PACE_TODAY: '2026-11-21', NO_COLOR: '1' });
    expect(r).toMatchObject({ status: 0, wroteCache: true });
    expect(cacheTaken(r.copy)).toBe(true);
  });
});

describe('pace --help without loading the program', () => {
  const live = (copy: string) => {
    // What commander itself prints into a pipe, from the bundle, bypassing bin/pace.js's saved text.
    const script = "require(process.argv[1] + '/dist/main.cjs').main(['--help']).then((c) => { process.exitCode = c; })";
    return spawnSync(process.execPath, ['-e', script, copy], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
  };

  it('prints exactly what commander prints, with exit code 0, for --help and -h', () => {
    const copy = copyOfBuild();
    const expected = live(copy);
    expect(expected.status).toBe(0);
    expect(expected.stdout).toMatch(/^Usage: pace \[options\] \[command\]/);
    for (const flag of ['--help', '-h']) {
      const r = run(copy, newSandbox(), [flag]);
      expect(r).toEqual({ status: 0, stdout: expected.stdout, stderr: '' });
    }
  });

  it('falls back to the program when the saved text is missing', () => {
    const copy = copyOfBuild((dist) => rmSync(join(dist, 'help.txt')));
    const r = run(copy, newSandbox(), ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(live(copy).stdout);
  });

  // util-linux's `script` runs a command on a pseudo-terminal, whose width stty sets.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('a terminal gets the live help, wrapped to its width, not the saved text', () => {
    const sb = newSandbox();
    const onTerminal = (cols: number) => {
      const command = `stty cols ${cols}; ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --help`;
      const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: sb.dir, env: { ...sb.env, TERM: 'xterm' }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.replace(/\r\n/g, '\n');
    };
    // The description is 84 characters: the saved text (80 columns) breaks it before its last word.
    const saved = readFileSync(join(dirname(dirname(CLI)), 'dist', 'help.txt'), 'utf8');
    expect(saved).toContain('\nA pacing journal for returning to exercise with chronic pain. It does not\ndiagnose.\n');
    expect(onTerminal(60)).toContain('\nA pacing journal for returning to exercise with chronic\npain. It does not diagnose.\n');
    expect(onTerminal(120)).toContain('\nA pacing journal for returning to exercise with chronic pain. It does not diagnose.\n');
  });
});

describe('what a daily run loads', () => {
  // Node's own modules that cost a run milliseconds: the terminal (and the network code behind it),
  // child processes, node:module's public face, crypto. None is needed to log or to print JSON.
  // (node:module only where bin/pace.js does not need it: from Node 22.1 it turns on the compile cache.)
  const HEAVY = ['tty', 'net', 'child_process', ...(buildCache ? ['module'] : []), 'crypto'];
  // Touching process.stdin, stdout or stderr builds a stream on tty or net: pace writes to the
  // file descriptors instead (src/ui/output.ts).
  const STREAMS = ['process.stdin', 'process.stdout', 'process.stderr'];

  /**
   * A preload that notes every module of Node's that the program asks for, through
   * process.getBuiltinModule (bin/pace.js and, on Node 20, the bundle) or require (the bundle on
   * Node 22.1+, which loads it with require), and every touch of the three standard streams; at
   * exit it names them on stderr. Only public interfaces: no list of Node's internal loads.
   */
  const PRELOAD = `
    const { writeSync } = require('node:fs');
    const Module = require('node:module');
    const asked = new Set();
    const note = (id) => asked.add(String(id).replace(/^node:/, ''));
    const getBuiltinModule = process.getBuiltinModule;
    process.getBuiltinModule = (id) => (note(id), getBuiltinModule.call(process, id));
    const load = Module.prototype.require;
    Module.prototype.require = function (id) {
      if (Module.isBuiltin(id)) note(id);
      return load.call(this, id);
    };
    for (const name of ['stdin', 'stdout', 'stderr']) {
      const { get, enumerable } = Object.getOwnPropertyDescriptor(process, name);
      Object.defineProperty(process, name, { configurable: true, enumerable, get() { note('process.' + name); return get.call(process); } });
    }
    process.on('exit', () => writeSync(2, '\\nASKED ' + [...asked].join(',') + '\\n'));
  `;

  function asked(sb: Sandbox, argv: readonly string[]): string[] {
    const preload = join(sb.dir, 'asked.cjs');
    writeFileSync(preload, PRELOAD);
    const r = spawnSync(process.execPath, ['-r', preload, ...argv], { cwd: sb.dir, env: sb.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.status, r.stderr).toBe(0);
    const line = /^ASKED (.*)$/m.exec(r.stderr);
    expect(line, r.stderr).not.toBeNull();
    return line![1]!.split(',').filter(Boolean);
  }

  it('the preload sees what a program asks for, by either way, and a touch of a standard stream', () => {
    const sb = newSandbox();
    const names = asked(sb, ['-e', "require('node:tty'); process.getBuiltinModule('crypto'); process.stdout;"]);
    expect(names).toEqual(expect.arrayContaining(['tty', 'crypto', 'process.stdout']));
  });

  it.each([
    ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4', '--json'],
    ['status', '--json'],
    ['plan', '--json'],
    ['list', '--json'],
  ])('pace %s ... asks for none of tty, net, child_process, module or crypto, nor for a standard stream, with stdin from /dev/null', (...args) => {
    const sb = newSandbox();
    const names = asked(sb, [CLI, ...args]);
    // The journal's own modules are asked for, so the preload was listening.
    expect(names).toContain('fs');
    expect(names.filter((m) => HEAVY.includes(m) || STREAMS.includes(m))).toEqual([]);
  });
});
