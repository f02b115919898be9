import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pace, sandbox, sha256, stackLines, useBuiltCli, type Sandbox } from './helpers.js';

useBuiltCli();

let sb: Sandbox;
afterEach(() => sb?.remove());

/** Every command that opens the journal, reading or writing. */
const COMMANDS = [
  ['list'],
  ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4'],
  ['export'],
  ['check'],
  ['backup', 'copy.db'],
  ['init', '--pem', 'no'],
];

function expectRefusedUntouched(file: string, message: RegExp) {
  const before = sha256(file);
  for (const args of COMMANDS) {
    const r = pace(sb, args);
    expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(1);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(sha256(file), `${args.join(' ')} changed the file`).toBe(before);
  }
  expect(existsSync(join(sb.dir, 'copy.db'))).toBe(false);
}

describe('a file pace must not touch', () => {
  it('a journal from a newer pace (user_version above ours) is refused with exit 1, byte for byte unchanged', () => {
    sb = sandbox();
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    const d = new Database(sb.db);
    const version = d.pragma('user_version', { simple: true }) as number;
    d.pragma(`user_version = ${version + 1}`);
    d.close();
    expectRefusedUntouched(sb.db, /newer/);
  });

  it('a text file is refused with exit 1, byte for byte unchanged', () => {
    sb = sandbox();
    writeFileSync(sb.db, 'date,activity,dose\n2026-01-01,walk,10\n'.repeat(200));
    expectRefusedUntouched(sb.db, /not a pace journal|not a SQLite database/);
  });

  it("another program's SQLite database is refused with exit 1, byte for byte unchanged", () => {
    sb = sandbox();
    const d = new Database(sb.db);
    d.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('someone else''s data');");
    d.close();
    expectRefusedUntouched(sb.db, /not a pace journal/);
  });
});

describe('a journal that is a link to nothing (a disk not mounted)', () => {
  it('every command says so with exit 1, and none creates a journal at the far end or an empty export', () => {
    sb = sandbox();
    // The link's target folder exists, as a mount point does while its disk is not mounted.
    const mountPoint = join(sb.dir, 'usb');
    mkdirSync(mountPoint);
    const target = join(mountPoint, 'pace.db');
    symlinkSync(target, sb.db);
    for (const args of [...COMMANDS, ['status'], ['export', '--format', 'json', '--out', 'backup.json'], ['import', 'more.csv']]) {
      writeFileSync(join(sb.dir, 'more.csv'), 'date,activity,dose,unit\r\n2026-11-20,walk,10,min\r\n');
      const r = pace(sb, args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/is a link to .*pace\.db, which does not exist \(a disk not mounted\?\)/);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
    expect(readdirSync(mountPoint)).toEqual([]);
    expect(existsSync(join(sb.dir, 'backup.json'))).toBe(false);
    expect(existsSync(join(sb.dir, 'copy.db'))).toBe(false);
  });
});

describe("a journal in a folder that is a link to nothing (the data folder linked to a disk not mounted)", () => {
  it('every command says so with exit 1, as for a journal that is itself such a link; an export is not emptied', () => {
    // Reads saw an empty journal ("Nothing logged yet") and wrote an empty export over a good one.
    sb = sandbox();
    const disk = join(sb.dir, 'disk');
    symlinkSync(join(sb.dir, 'unmounted'), disk);
    const env = { ...sb.env, PACE_DB: join(disk, 'pace', 'pace.db') };
    writeFileSync(join(sb.dir, 'clinic.csv'), 'a good export\r\n');
    for (const args of [...COMMANDS, ['status'], ['export', '--out', 'clinic.csv'], ['import', 'more.csv']]) {
      writeFileSync(join(sb.dir, 'more.csv'), 'date,activity,dose,unit\r\n2026-11-20,walk,10,min\r\n');
      const r = pace({ dir: sb.dir, env }, args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/disk is a link to .*unmounted, which does not exist \(a disk not mounted\?\)/);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
    expect(readFileSync(join(sb.dir, 'clinic.csv'), 'utf8')).toBe('a good export\r\n');
    expect(existsSync(join(sb.dir, 'unmounted'))).toBe(false);
    expect(existsSync(join(sb.dir, 'copy.db'))).toBe(false);
  });
});

describe('a text file that holds a pace schema', () => {
  it('a SQL dump of a journal (sqlite3 pace.db .dump) is not a pace journal, not a damaged one', () => {
    sb = sandbox();
    expect(pace(sb, ['log', 'walk', '10']).status).toBe(0);
    const d = new Database(sb.db, { readonly: true });
    const schema = (d.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL").all() as { sql: string }[]).map((r) => `${r.sql};\n`);
    d.close();
    const dump = join(sb.dir, 'pace.sql');
    writeFileSync(dump, `PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n${schema.join('')}COMMIT;\n`);
    expect(schema.join('')).toContain('CREATE TABLE triage_records (');
    for (const args of [['list'], ['check']]) {
      const r = pace(sb, ['--db', dump, ...args]);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/not a pace journal|not a SQLite database/);
      expect(r.stderr, args.join(' ')).not.toMatch(/damaged/);
    }
  });
});
