// A journal file cut short (a copy or a sync stopped part-way, a disk that filled) or emptied:
// `pace check` is where a person turns when something looks wrong, so it must not call it sound.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect, pace, sandbox, sha256, stackLines, useBuiltCli, type Sandbox } from './helpers.js';

useBuiltCli();
let sb: Sandbox;
beforeAll(() => {
  sb = sandbox();
  for (const day of ['2026-11-16', '2026-11-18', '2026-11-20']) {
    expect(pace(sb, ['log', 'walk', '10', '--date', day, '--pain-before', '4', '--pain-after', '4', '--note', `walked on ${day}`]).status).toBe(0);
  }
  expect(pace(sb, ['init', '--pem', 'no']).status).toBe(0);
});
afterAll(() => sb?.remove());

/** A copy of the journal made by pace backup: one file, nothing of it held beside it. */
function copy(name: string): string {
  const file = join(sb.dir, name);
  expect(pace(sb, ['backup', file]).status).toBe(0);
  return file;
}

const on = (db: string) => ({ dir: sb.dir, env: { ...sb.env, PACE_DB: db } });

describe('a journal cut short inside its last page', () => {
  it('pace check calls it damaged and cut short, exit 1, and leaves it as it is', () => {
    const db = copy('cut.db');
    const size = inspect(db, (d) => (d.pragma('page_size', { simple: true }) as number) * (d.pragma('page_count', { simple: true }) as number));
    // SQLite rounds a partial last page up and reads the missing bytes as zeros: every page still
    // opens, and quick_check finds nothing, though the end of a record is lost.
    truncateSync(db, size - 1);
    const before = sha256(db);
    const r = pace(on(db), ['check']);
    expect(r.status).toBe(1);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/^pace: the journal at .*cut\.db is damaged: it ends part-way through a page/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    const json = pace(on(db), ['check', '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false });
    expect(sha256(db)).toBe(before);
  });

  it('a write refuses it too, and changes nothing', () => {
    const db = copy('cut-write.db');
    const size = inspect(db, (d) => (d.pragma('page_size', { simple: true }) as number) * (d.pragma('page_count', { simple: true }) as number));
    truncateSync(db, size - 10);
    const before = sha256(db);
    const csv = join(sb.dir, 'one.csv');
    writeFileSync(csv, 'date,activity,dose\n2026-11-21,walk,10\n');
    // Every command that writes: the damage check is shared, and each must reach it.
    const writes = [['log', 'walk', '10'], ['edit', '1', '--dose', '11'], ['delete', '1', '--yes'], ['import', csv], ['triage', '--symptom', 'dizziness'], ['checkin', '--pain', '3', '--enjoyment', '3', '--general', '3'], ['init', '--pem', 'yes']];
    for (const args of writes) {
      const r = pace(on(db), args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/is damaged \(it ends part-way through a page/);
      expect(sha256(db), args.join(' ')).toBe(before);
    }
  });
});

describe('a journal cut short at a page boundary (most of a copy made)', () => {
  it('pace check says how many of its pages are there, not only that SQLite finds it malformed', () => {
    const db = copy('half.db');
    const [pageSize, pages] = inspect(db, (d) => [d.pragma('page_size', { simple: true }) as number, d.pragma('page_count', { simple: true }) as number]);
    const kept = Math.floor(pages! / 2);
    truncateSync(db, kept * pageSize!);
    const r = pace(on(db), ['check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^pace: the journal at .*half\\.db is damaged: it holds ${kept} of its ${pages} pages, so the file was cut short\\.\n`));
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('an empty journal file', () => {
  it('pace check says it is empty and what that may mean, not "sound (schema version 0)"', () => {
    const db = join(sb.dir, 'empty.db');
    writeFileSync(db, '', { mode: 0o600 });
    const r = pace(on(db), ['check']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/sound|schema version 0/);
    expect(r.stdout).toMatch(/is empty: no journal has been written to it yet\. If your entries were in it, something outside pace emptied it: restore it from a backup\./);
    const json = JSON.parse(pace(on(db), ['check', '--json']).stdout);
    expect(json).toMatchObject({ ok: true, empty: true, sessions: 0 });
    expect(JSON.parse(pace(sb, ['check', '--json']).stdout)).toMatchObject({ ok: true, empty: false });
  });
});
