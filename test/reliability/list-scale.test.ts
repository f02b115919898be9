// Issue 17, item 15 (slow: builds a journal of 20,000 sessions): pace list draws every session of a
// large journal as a table. cli-table3 took 12 s for 8,000 rows and minutes for 20,000; how long
// the table takes against --json is a budget of `npm run bench`, not of a test.
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
  it(`draws all ${SESSIONS} sessions as a table`, () => {
    // Only a guard against a run that never ends: with cli-table3 this run took minutes.
    const r = pace(sb, ['list', '--limit', '0'], { timeout: 60_000 });
    expect(r.signal, 'pace list was stopped after 60 s').toBeNull();
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(SESSIONS + 3);
    expect(lines[1]).toMatch(/^│ +id │ date +│ activity +│/);
  }, 90_000);
});
