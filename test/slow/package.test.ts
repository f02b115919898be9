// pace as a person installs it: packed with `npm pack`, installed with `npm install -g` into a
// prefix of its own, run from the PATH with a new HOME. Slow (a build, an install): minutes.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pace.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const ADDON = join('build', 'Release', 'better_sqlite3.node');

function run(command: string, args: string[], opts: SpawnSyncOptions & { cwd: string }): string {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  expect(r.status, `${command} ${args.join(' ')}\n${String(r.stderr)}`).toBe(0);
  return String(r.stdout);
}

/** npm and node: the Node running these tests first on the PATH. */
const nodePath = `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`;

let tarball: string;
let files: string[];
let prefix: string;

beforeAll(() => {
  // Packed from a copy of the sources: `npm pack` builds (the prepare script), and a build in the
  // checkout would swap dist/ under the tests running beside this one.
  const src = tempDir('pace-pack-src-');
  for (const part of ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'bin', 'src', 'scripts']) cpSync(join(ROOT, part), join(src, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  const out = tempDir('pace-pack-');
  run('npm', ['pack', '--pack-destination', out], { cwd: src, env: { ...process.env, PATH: nodePath } });
  tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
  files = run('tar', ['-tzf', tarball], { cwd: out }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));

  // better-sqlite3 installs its addon with prebuild-install, which fetches a binary built for this
  // Node, and compiles it from source (minutes) when there is none. Here it is handed one in the
  // format it fetches, made from the addon npm ci built in this checkout (same version, same Node):
  // its real install script runs, finds it, and does not compile.
  const bs3 = join(ROOT, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(bs3, 'package.json'), 'utf8')) as { version: string };
  const prebuilds = tempDir('pace-prebuilds-');
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  run('tar', ['-czf', join(prebuilds, name), '-C', bs3, ADDON], { cwd: bs3 });

  prefix = tempDir('pace-prefix-');
  // The dependencies come from npm's cache, filled by npm ci, else from the registry.
  run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], {
    cwd: prefix,
    env: { ...process.env, PATH: nodePath, npm_config_better_sqlite3_local_prebuilds: prebuilds },
    timeout: 600_000,
  });
}, 900_000);

describe('the package (npm pack)', () => {
  it('holds only what runs: the entry point, the bundles with their maps, the code cache, the saved help', () => {
    const runs = /^(package\.json|README\.md|bin\/pace\.js|bin\/package\.json|dist\/[a-z]+\.cjs|dist\/[a-z]+\.cjs\.map|dist\/pace\.cjs\.cache|dist\/help\.txt)$/;
    expect(files.filter((f) => !runs.test(f))).toEqual([]);
    // Nothing of the sources, tests or scripts: the maps name places in src/ without holding it.
    for (const f of files) expect(f).not.toMatch(/^(src|test|scripts)\/|\.ts$/);
    // And all it needs to run every command, and to name src/ in a PACE_DEBUG trace.
    expect(files).toEqual(expect.arrayContaining(['bin/pace.js', 'bin/package.json', 'dist/pace.cjs', 'dist/pace.cjs.cache', 'dist/pace.cjs.map', 'dist/prompts.cjs', 'dist/calendar.cjs', 'dist/help.txt']));
  });
});

describe('pace installed with npm install -g, run from the PATH with a new HOME', () => {
  const home = () => {
    const dir = tempDir('pace-home-');
    return { dir, env: { PATH: `${join(prefix, 'bin')}:${nodePath}`, HOME: dir, TZ: 'America/Los_Angeles' } };
  };

  it('is on the PATH, with better-sqlite3 installed by its own install script (no compiling here)', () => {
    const bs3 = join(prefix, 'lib', 'node_modules', 'pace-journal', 'node_modules', 'better-sqlite3');
    expect(existsSync(join(prefix, 'bin', 'pace'))).toBe(true);
    expect(fileHash(join(bs3, ADDON))).toBe(fileHash(join(ROOT, 'node_modules', 'better-sqlite3', ADDON)));
  });

  it('pace --help', () => {
    const { dir, env } = home();
    const help = run('pace', ['--help'], { cwd: dir, env });
    expect(help).toMatch(/^Usage: pace \[options\] \[command\]/);
    expect(help).toMatch(/^ {2}completion /m);
  });

  it('pace log, into a journal made under the new HOME, private to its owner', () => {
    const { dir, env } = home();
    const out = run('pace', ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4', '--json'], { cwd: dir, env });
    expect(JSON.parse(out)).toMatchObject({ session: { id: 1, activity: 'walk', dose: 10, unit: 'min' } });
    const db = join(dir, '.local', 'share', 'pace', 'pace.db');
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(run('pace', ['list', '--json'], { cwd: dir, env })).toContain('"activity": "walk"');
    // Completion works from the installed command too.
    expect(run('pace', ['completion', '--words', '--', 'log', 'wa'], { cwd: dir, env })).toBe('walk\n');
    // The report's PDF library and its fonts come with the install (pdfmake is loaded at run time).
    const report = run('pace', ['report', '--out', 'visit.pdf'], { cwd: dir, env });
    expect(report.trim()).toBe(join(dir, 'visit.pdf'));
    expect(readFileSync(join(dir, 'visit.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // D3: the calendar, whose bundle (dist/calendar.cjs) loads only for plan --ics.
    expect(run('pace', ['plan', '--ics', '-'], { cwd: dir, env })).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });
});
