// Issue 17, item 15 (slow: builds a journal of 20,000 sessions): pace list draws its table in time
// that grows with the rows, not with their square. cli-table3 took 12 s for 8,000 rows, and
// minutes for 20,000; --json took a tenth of a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pace, sandboxWithHistory, useBuiltCli, type Sandbox } from './helpers.js';

const SESSIONS = 20_000;
useBuiltCli();
let sb: Sandbox;
beforeAll(() => {
  sb = sandboxWithHistory(SESSIONS);
}, 120_000);
afterAll(() => sb?.remove());

describe('pace list on a large journal (issue 17, item 15)', () => {
  it(`draws all ${SESSIONS} sessions as a table in seconds, not minutes`, () => {
    const start = performance.now();
    const r = pace(sb, ['list', '--limit', '0'], { timeout: 60_000 });
    const seconds = (performance.now() - start) / 1000;
    expect(r.signal, 'pace list was stopped after 60 s').toBeNull();
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(SESSIONS + 3);
    expect(lines[1]).toMatch(/^│ +id │ date +│ activity +│/);
    // Linear work for 20,000 rows is well under a second; the bound leaves room for a busy machine.
    expect(seconds).toBeLessThan(20);
  }, 90_000);
});
