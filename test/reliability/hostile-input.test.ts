import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrity, pace, sandbox, stackLines, useBuiltCli, type Sandbox } from './helpers.js';

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
          expect(lines.length, r.stderr).toBeLessThanOrEqual(3);
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
