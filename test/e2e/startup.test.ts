// bin/pace.js compiles the bundle, dist/pace.cjs, with the V8 code cache the build trained for it
// (scripts/train-cache.mjs), the same way on every Node. These tests prove that the cache is taken
// when it fits, and that pace does exactly the same without it: missing, damaged, or left over from
// another build. They compare what pace prints, never how long it takes.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, sandbox, sha256, stackLines, useBuiltCli, type Sandbox } from '../reliability/helpers.js';

useBuiltCli();

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

function newSandbox(): Sandbox {
  const sb = sandbox();
  made.push(sb.dir);
  return sb;
}

/** The build's code caches: one, for the one bundle. */
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
function run(copy: string, sb: Sandbox, args: readonly string[], nodeFlags: readonly string[] = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, join(copy, 'bin', 'pace.js'), ...args], { cwd: sb.dir, env: sb.env, encoding: 'utf8' });
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

/**
 * A preload that records every script compiled through node:vm (bin/pace.js gets the same module
 * from process.getBuiltinModule): its file, whether code was handed over and whether V8 took it.
 */
const VM_WATCH = `
const vm = require('node:vm');
const Script = vm.Script;
const seen = [];
vm.Script = function (source, options) {
  const script = new Script(source, options);
  seen.push({ file: options.filename, given: options.cachedData !== undefined, taken: options.cachedData !== undefined && !script.cachedDataRejected });
  return script;
};
process.on('exit', () => require('node:fs').writeFileSync(process.env.PACE_TEST_VM_LOG, JSON.stringify(seen)));
`;

/** What node:vm compiled in one run of the copy's bin/pace.js, as a person runs it (`pace --version`). */
function compiled(copy: string, nodeFlags: readonly string[] = [], env: NodeJS.ProcessEnv = {}): { file: string; given: boolean; taken: boolean }[] {
  const dir = mkdtempSync(join(tmpdir(), 'pace-vm-'));
  made.push(dir);
  writeFileSync(join(dir, 'watch.cjs'), VM_WATCH);
  const log = join(dir, 'compiled.json');
  const r = spawnSync(process.execPath, [...nodeFlags, '-r', join(dir, 'watch.cjs'), join(copy, 'bin', 'pace.js'), '--version'], {
    env: { PATH: process.env.PATH, PACE_TEST_VM_LOG: log, ...env },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(readFileSync(log, 'utf8'));
}

/** Whether the copy's bin/pace.js, run as a person runs it, compiled its bundle from the cached code. */
function cacheTaken(copy: string, nodeFlags: readonly string[] = []): boolean {
  const scripts = compiled(copy, nodeFlags);
  expect(scripts.map((s) => s.file)).toEqual([`${copy}/bin/../dist/pace.cjs`]);
  return scripts[0]!.taken;
}

/** Every file in the copy's dist/ with its hash: bin/pace.js must never write there. */
function distState(copy: string): Record<string, string> {
  const dist = join(copy, 'dist');
  return Object.fromEntries(
    readdirSync(dist, { withFileTypes: true }).map((e) => [e.name, e.isFile() ? sha256(join(dist, e.name)) : 'folder']),
  );
}

describe('start-up with the code cache', () => {
  it('the build trained one cache, which this Node takes', () => {
    const copy = copyOfBuild();
    expect(caches(join(copy, 'dist'))).toEqual(['pace.cjs.cache']);
    expect(cacheTaken(copy)).toBe(true);
  });

  it('the bundle is plain ASCII, so Node reads it as a one-byte string', () => {
    // esbuild escapes strings but not regular expressions: one box-drawing character in a regular
    // expression (src/ui/fit.ts) made Node read all 300 KB as a two-byte string, about 1 ms a run.
    const source = readFileSync(join(copyOfBuild(), 'dist', 'pace.cjs'), 'latin1');
    expect(source.match(/.{0,30}[^\x00-\x7f]+.{0,10}/)?.[0] ?? null).toBeNull();
  });

  it('PACE_DEBUG=1 loads the bundle plainly, without the cache', () => {
    // require() compiles it, with its source map; node:vm is never asked.
    expect(compiled(copyOfBuild(), [], { PACE_DEBUG: '1' })).toEqual([]);
  });

  it('a copy whose bundle was never built says so in two lines and exits 1, for --help too', () => {
    const copy = copyOfBuild((dist) => rmSync(dist, { recursive: true }));
    for (const args of [['status', '--json'], ['--help']]) {
      const r = run(copy, newSandbox(), args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`pace: cannot start: ${join(copy, 'dist', 'pace.cjs')} is missing.\nIn a clone of pace, run npm run build there; otherwise install pace again.\n`);
    }
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

  it('V8 itself refuses the cache under other V8 flags (as another V8 would), and pace prints the same', () => {
    const copy = copyOfBuild();
    expect(cacheTaken(copy)).toBe(true);
    // A flag that changes what V8 compiles; some (a heap size on Node 24) leave a cache usable.
    expect(cacheTaken(copy, ['--no-opt'])).toBe(false);
    const sb = newSandbox();
    const plain = run(copy, sb, ['plan', '--json']);
    const flagged = run(copy, sb, ['plan', '--json'], ['--no-opt']);
    expect(plain.status).toBe(0);
    expect(flagged).toEqual(plain);
  });

  it('a cache from another build of the same length is not used', () => {
    // A rebuild that changes one character keeps the bundle's length, which is all V8 compares;
    // the stamp in the bundle's last line tells the builds apart.
    let other = '';
    const copy = copyOfBuild((dist) => {
      const file = join(dist, 'pace.cjs');
      const source = readFileSync(file, 'utf8');
      const version = /\.version\("([^"]+)"/.exec(source)![1]!;
      other = `${version.slice(0, -1)}${version.endsWith('9') ? '8' : '9'}`;
      const stamp = source.slice(source.lastIndexOf('\n', source.length - 2) + 1);
      expect(stamp).toMatch(/^\/\/ pace-build [0-9a-f]{16}\n$/);
      const otherStamp = stamp.replace(/[0-9a-f](?=\n$)/, (c) => (c === '0' ? '1' : '0'));
      const changed = source.replace(`.version("${version}"`, `.version("${other}"`).replace(stamp, otherStamp);
      expect(changed.length).toBe(source.length);
      writeFileSync(file, changed);
    });
    expect(cacheTaken(copy)).toBe(false);
    expect(run(copy, newSandbox(), ['--version']).stdout).toBe(`${other}\n`);
  });

  it('PACE_DEBUG=1 stack traces name places in src/, through the source map beside the bundle', () => {
    const copy = copyOfBuild();
    const sb = newSandbox();
    // A folder given as the journal is refused in open.ts, on the way from list's command.
    const plain = run(copy, sb, ['list', '--db', sb.dir]);
    expect(plain.status).toBe(1);
    expect(stackLines(plain.stderr)).toEqual([]);
    const r = run(copy, { ...sb, env: { ...sb.env, PACE_DEBUG: '1' } }, ['list', '--db', sb.dir]);
    expect(r.status).toBe(1);
    const frames = stackLines(r.stderr);
    expect(frames[0]).toMatch(/\/src\/store\/open\.ts:\d+:\d+\)?$/);
    expect(frames.some((f) => /\/src\/commands\/list\.ts:\d+:\d+\)?$/.test(f))).toBe(true);
    expect(r.stderr).not.toMatch(/pace\.cjs:\d+/);
    // The stack comes before the message, and the message is the one a run without PACE_DEBUG prints.
    expect(r.stderr.split('\n')[0]).toMatch(/^JournalError: /);
    expect(r.stderr).toContain(plain.stderr.split('\n')[0]!);
  });

  it('questions still load inquirer, from code that came out of the cache too', () => {
    // No terminal here, so main is told it has one; inquirer then finds stdin closed and stops.
    const ask = `
      const [, dir, home] = process.argv;
      const bin = require(dir + '/bin/pace.js');
      const file = dir + '/dist/pace.cjs';
      const { pace, cached } = bin.load(file, bin.cacheOf(file));
      const io = { env: { HOME: home, PACE_DB: home + '/journal.db', PACE_TODAY: '2026-11-21', NO_COLOR: '1' },
        stdin: { isTTY: true }, stdout: Object.assign(process.stdout, { isTTY: true }), stderr: process.stderr,
        platform: process.platform, clock: () => new Date() };
      pace.main(['log'], io).then((code) => console.error('exit ' + code + (cached ? ', from the cache' : '')));`;
    for (const [copy, fromCache] of [[copyOfBuild(), true], [copyOfBuild(DAMAGE[0]![1]), false]] as const) {
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
  /** Runs a phase of the training on a copy of the build that has no cache. */
  const train = (env: NodeJS.ProcessEnv, ...args: string[]) => {
    const copy = copyOfBuild(DAMAGE[0]![1]);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'train-cache.mjs'), join(copy, 'dist'), ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    return { copy, status: r.status, stderr: r.stderr, wroteCache: caches(join(copy, 'dist')).length > 0 };
  };
  const trainingFolder = () => {
    const home = mkdtempSync(join(tmpdir(), 'pace-train-'));
    made.push(home);
    return home;
  };

  it("never writes into a person's journal: only into a new one in a pace-train-* folder", () => {
    const sb = newSandbox();
    expect(run(dirname(dirname(CLI)), sb, ['log', 'walk', '10', '--no-input']).status).toBe(0);
    const before = sha256(sb.db);
    for (const phase of [['history'], []]) expect(train({ HOME: sb.dir, PACE_DB: sb.db }, ...phase)).toMatchObject({ status: 2, wroteCache: false });
    expect(sha256(sb.db)).toBe(before);
    // Nor over a journal already in such a folder, when making the history.
    const home = trainingFolder();
    cpSync(sb.db, join(home, 'journal.db'));
    expect(train({ HOME: home, PACE_DB: join(home, 'journal.db') }, 'history')).toMatchObject({ status: 2, wroteCache: false });
    expect(sha256(join(home, 'journal.db'))).toBe(before);
  });

  it('refuses to run without a journal of its own', () => {
    expect(train({ HOME: newSandbox().dir }, 'history')).toMatchObject({ status: 2, wroteCache: false });
  });

  it('makes a cache that this Node takes: the history first, then the training runs', () => {
    const home = trainingFolder();
    const env = { HOME: home, PACE_DB: join(home, 'journal.db'), NO_COLOR: '1' };
    const history = train(env, 'history');
    expect(history, history.stderr).toMatchObject({ status: 0, wroteCache: false });
    expect(existsSync(env.PACE_DB)).toBe(true);
    const r = train(env);
    expect(r, r.stderr).toMatchObject({ status: 0, wroteCache: true });
    expect(cacheTaken(r.copy)).toBe(true);
  });
});

describe('pace --help without loading the program', () => {
  const live = (copy: string) => {
    // What commander itself prints into a pipe, from the bundle, bypassing bin/pace.js's saved text.
    const script = "require(process.argv[1] + '/dist/pace.cjs').main(['--help']).then((c) => { process.exitCode = c; })";
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

  it('the saved text is what a shell pipe, a socket and a file get, without the program', () => {
    const copy = copyOfBuild((dist) => writeFileSync(join(dist, 'help.txt'), 'SAVED HELP\n'));
    const sb = newSandbox();
    // spawnSync's pipes are sockets; a shell's | is a pipe proper.
    expect(run(copy, sb, ['--help'])).toEqual({ status: 0, stdout: 'SAVED HELP\n', stderr: '' });
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${join(copy, 'bin', 'pace.js')}" -h | cat`], { cwd: sb.dir, env: sb.env, encoding: 'utf8' });
    expect(piped.stdout).toBe('SAVED HELP\n');
    const file = join(sb.dir, 'help-out.txt');
    const fd = openSync(file, 'w');
    try {
      expect(spawnSync(process.execPath, [join(copy, 'bin', 'pace.js'), '--help'], { cwd: sb.dir, env: sb.env, stdio: ['ignore', fd, 'pipe'] }).status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe('SAVED HELP\n');
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
  // The three commands of the start-up budget are held to it; a command that prints a table (list)
  // loads chalk, whose colour detection asks for tty: about 3% of bare node, not worth a patch of chalk.
  const HEAVY = ['tty', 'net', 'child_process', 'module', 'crypto'];
  // Touching process.stdin, stdout or stderr builds a stream on tty or net: pace writes to the
  // file descriptors instead (src/ui/output.ts).
  const STREAMS = ['process.stdin', 'process.stdout', 'process.stderr'];

  /**
   * A preload that notes every module of Node's that the program asks for, through
   * process.getBuiltinModule (bin/pace.js) or require (the bundle), every file it requires
   * ("file:calendar.cjs"), and every touch of the three standard streams; at exit it names them
   * on stderr. Only public interfaces: no list of Node's internal loads.
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
      // A file the bundle requires (the questions, the calendar, the PDF library) by its last part.
      note(Module.isBuiltin(id) ? id : 'file:' + String(id).split('/').pop());
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
    writeFileSync(join(sb.dir, 'some.cjs'), '');
    const names = asked(sb, ['-e', "require('node:tty'); process.getBuiltinModule('crypto'); process.stdout; require('./some.cjs')"]);
    expect(names).toEqual(expect.arrayContaining(['tty', 'crypto', 'process.stdout', 'file:some.cjs']));
  });

  it('D3: plan --ics is what loads the calendar bundle, through the same require the preload watches', () => {
    expect(asked(newSandbox(), [CLI, 'plan', '--ics', '-'])).toContain('file:calendar.cjs');
  });

  it.each([
    ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4', '--json'],
    ['status', '--json'],
    ['plan', '--json'],
  ])('pace %s ... asks for none of tty, net, child_process, module or crypto, nor for a standard stream or another file (questions, calendar, PDF), with stdin from /dev/null', (...args) => {
    const sb = newSandbox();
    const names = asked(sb, [CLI, ...args]);
    // The journal's own modules are asked for, so the preload was listening.
    expect(names).toContain('fs');
    expect(names.filter((m) => HEAVY.includes(m) || STREAMS.includes(m) || m.startsWith('file:'))).toEqual([]);
  });
});
