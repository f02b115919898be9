import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integrity, pace, sandbox, sha256, stackLines, useBuiltCli, type Sandbox } from './helpers.js';

let sb: Sandbox;
useBuiltCli();
beforeAll(() => {
  sb = sandbox();
  // A journal with history, so hostile values meet real rows (activities with units, pending check-ins).
  expect(pace(sb, ['log', 'walk', '10', '--date', '2026-11-20', '--pain-before', '3', '--pain-after', '4']).status).toBe(0);
  expect(pace(sb, ['log', 'sit-to-stand', '8reps', '--date', '2026-11-19']).status).toBe(0);
});
afterAll(() => sb?.remove());

const FLAGS = ['--activity', '--dose', '--unit', '--category', '--pain-before', '--pain-after', '--effort', '--date', '--symptom', '--note', '--settled'];

const nasty = fc.constantFrom(
  '', ' ', '--db', '-5', '-0', '1e309', '-1e309', 'NaN', 'Infinity', '0x10', '1e3', '10min', '10 min', '1440.01', '99999999999999999999',
  '--json', '--flare', '-', '--', '=', 'walk=5', '٣', '１０', '🙂', '\u202e', '\u200b', 'e\u0301', "'; DROP TABLE sessions; --",
  '../../etc/passwd', '2026-02-30', '2026-11-22', '0000-01-01', '9999-12-31', 'yes', 'no', 'chest-pain', 'mild-pain-increase;chest-pain',
  '\t', '\r\n', '\u001b[31mred', 'x'.repeat(2001), 'é'.repeat(41),
);
// Arguments cannot carry NUL bytes (execve stops at them), so those are left out.
const noNul = (s: string) => s.replace(/\0/g, '');
const value = fc.oneof(
  nasty,
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }).map(noNul),
  fc.array(fc.integer({ min: 1, max: 31 }), { maxLength: 8 }).map((cs) => String.fromCharCode(...cs)),
);
const argv = fc.record({
  activity: fc.oneof(fc.constant('walk'), fc.constant('yoga'), value),
  dose: fc.oneof(fc.constant('10'), value),
  flags: fc.array(fc.tuple(fc.constantFrom(...FLAGS), value), { maxLength: 3 }),
  flare: fc.boolean(),
});

describe('pace log with hostile values', () => {
  it('exits 0 or 2, never with a stack trace, and leaves a sound journal', () => {
    fc.assert(
      fc.property(argv, ({ activity, dose, flags, flare }) => {
        const args = ['log', activity, dose, ...flags.flat(), ...(flare ? ['--flare'] : []), '--json'];
        const r = pace(sb, args);
        expect(stackLines(r.stderr), r.stderr).toEqual([]);
        expect([0, 2], `exit ${r.status} for ${JSON.stringify(args)}: ${r.stderr}`).toContain(r.status);
        if (r.status === 2) {
          const lines = r.stderr.trim().split('\n');
          expect(lines.length, r.stderr).toBeGreaterThan(0);
          expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 60 },
    );
    expect(integrity(sb.db)).toBe('ok');
    const check = pace(sb, ['check', '--json']);
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout).ok).toBe(true);
  }, 180_000);
});

// Issue 17: the same for files. A CSV import and a JSON backup made of hostile values exit 0 or 2,
// never with a trace; a refused file leaves the journal byte for byte as it was.
const cellText = fc.oneof(nasty, value).map((v) => v.replace(/\0/g, ''));
const csvCell = cellText.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v));
const COLUMNS = ['date', 'activity', 'category', 'dose', 'unit', 'pain_before', 'pain_after', 'effort', 'flare', 'symptoms', 'note'];
const csvFile = fc.record({
  header: fc.oneof(
    fc.constant(COLUMNS),
    fc.shuffledSubarray([...COLUMNS, 'dose', 'Date', 'quota', '__proto__'], { minLength: 1 }),
  ),
  rows: fc.array(fc.array(fc.oneof(csvCell, fc.constantFrom('2026-11-18', 'walk', 'aerobic', '10', 'min', '3', 'no', '')), { maxLength: 12 }), {
    minLength: 1,
    maxLength: 4,
  }),
  bom: fc.boolean(),
});

/** A value of any JSON type, hostile ones first. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  cellText,
  fc.constantFrom(1e308, -5, 0, 0.04, 1.5, 7, 1441, Number.MAX_SAFE_INTEGER, true, false, null, [], {}, ['chest-pain'], 'chest-pain', '1'),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Paths into a backup as pace writes it, each the place a hostile value goes. */
const BACKUP_PATHS: (string | number)[][] = [
  ['version'], ['includes_notes'], ['settings'], ['settings', 'start_date'], ['settings', 'target_minutes'], ['settings', 'pem'],
  ['settings', '__proto__'], ['settings', 'colour'], ['activities'], ['activities', 0, 'name'], ['activities', 0, 'unit'],
  ['activities', 0, 'category'], ['overrides', 0, 'quota'], ['overrides', 0, 'sessions_per_week'], ['overrides', 0, 'week_start'],
  ['overrides', 0, 'activity'], ['acceptances'], ['triage_records', 0, 'symptoms'], ['triage_records', 0, 'kind'],
  ['triage_records', 0, 'class'], ['triage_records', 0, 'session_uid'], ['checkins', 0, 'settled'], ['checkins', 0, 'session_uid'],
  ['pem_answers', 0, 'pem'], ['pem_answers', 0, 'date'], ['sessions'], ['sessions', 0], ['sessions', 0, 'dose'], ['sessions', 0, 'date'],
  ['sessions', 0, 'activity'], ['sessions', 0, 'symptoms'], ['sessions', 0, 'flare'], ['sessions', 0, 'pain_after'], ['sessions', 0, 'uid'],
  ['sessions', 0, 'note'],
];

function setPath(doc: Record<string | number, unknown>, path: (string | number)[], v: unknown): void {
  let at = doc;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) return;
    at = next as Record<string | number, unknown>;
  }
  // defineProperty, so that "__proto__" becomes a key of the file as JSON.parse would make it.
  Object.defineProperty(at, path[path.length - 1]!, { value: v, enumerable: true, writable: true, configurable: true });
}

describe('pace import with hostile files (issue 17)', () => {
  /** Imports `text`; checks the exit code, stderr, and that a refusal wrote nothing. */
  function importHostile(name: string, text: string | Buffer): number | null {
    const file = join(sb.dir, name);
    writeFileSync(file, text);
    const before = sha256(sb.db);
    const r = pace(sb, ['import', file]);
    expect(stackLines(r.stderr), r.stderr).toEqual([]);
    expect([0, 2], `exit ${r.status} for ${String(text).slice(0, 300)}: ${r.stderr}`).toContain(r.status);
    if (r.status === 2) {
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
      expect(sha256(sb.db), 'a refused import changed the journal').toBe(before);
    }
    return r.status;
  }

  it('a CSV of hostile cells and headers is imported whole or refused whole', () => {
    fc.assert(
      fc.property(csvFile, ({ header, rows, bom }) => {
        const text = `${bom ? '\uFEFF' : ''}${[header.join(','), ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`;
        const status = importHostile('hostile.csv', text);
        // A column named twice is never half read (issue 17, item 6).
        const names = header.map((h) => h.trim().toLowerCase());
        if (new Set(names).size < names.length) expect(status).toBe(2);
      }),
      { numRuns: 40 },
    );
    expect(integrity(sb.db)).toBe('ok');
  }, 180_000);

  it('a JSON backup with hostile values in any field is imported whole or refused whole', () => {
    const exported = pace(sb, ['export', '--format', 'json', '--include-notes']);
    expect(exported.status, exported.stderr).toBe(0);
    const good = exported.stdout;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...BACKUP_PATHS), jsonValue), { minLength: 1, maxLength: 3 }), (changes) => {
        const doc = JSON.parse(good) as Record<string, unknown>;
        for (const [path, v] of changes) setPath(doc, path, v);
        importHostile('hostile.json', JSON.stringify(doc));
      }),
      { numRuns: 50 },
    );
    expect(integrity(sb.db)).toBe('ok');
    const check = pace(sb, ['check', '--json']);
    expect(JSON.parse(check.stdout).ok).toBe(true);
  }, 180_000);

  it('a file in another encoding, or not text at all, is refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.constantFrom('utf16le', 'latin1', 'binary'), (bytes, kind) => {
        const text = `date,activity,dose\r\n2026-11-18,caf\u00e9,10\r\n`;
        const data = kind === 'binary' ? Buffer.concat([Buffer.from(text), Buffer.from(bytes), Buffer.from([0])]) : Buffer.from(text, kind);
        expect(importHostile('encoded.csv', data)).toBe(2);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
