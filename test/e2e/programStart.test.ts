import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tempPace } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Today in these runs is Sat 21 Nov 2026 (test/helpers/pace.ts).
const FUTURE = '2026-12-04'; // a Friday; program week 1 is the week of Mon 30 Nov

function waiting() {
  const pace = tempPace(tempDir());
  const r = pace.run(['init', '--pem', 'no', '--start', FUTURE]);
  expect(r.status, r.stderr).toBe(0);
  return pace;
}

describe('P: a start date after today', () => {
  it('status says when the program starts, not "program week 1"', () => {
    const pace = waiting();
    const text = pace.run(['status']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Your program starts on Fri 4 Dec 2026/);
    expect(text.stdout).not.toMatch(/program week 1, phase/);
    const doc = JSON.parse(pace.run(['status', '--json']).stdout);
    expect(doc).toMatchObject({ program_week: 1, phase: 1, before_program: true, program_start: FUTURE, review_ready: false });
  });

  it('plan for the coming week (before the start) says so; the week of the start is week 1', () => {
    const pace = waiting();
    const next = pace.run(['plan']);
    expect(next.stdout).toMatch(/Mon 23 Nov 2026 - before your program starts on Fri 4 Dec 2026/);
    expect(next.stdout).not.toMatch(/program week 1, phase/);
    expect(JSON.parse(pace.run(['plan', '--json']).stdout)).toMatchObject({ week_start: '2026-11-23', program_week: 1, phase: 1, before_program: true, program_start: FUTURE });
    expect(JSON.parse(pace.run(['plan', '--week', FUTURE, '--json']).stdout)).toMatchObject({ week_start: '2026-11-30', program_week: 1, phase: 1, before_program: false, program_start: FUTURE });
  });

  it('a session logged before it starts the program that week (week 1 moves back, as for any earlier session)', () => {
    const pace = waiting();
    const r = pace.run(['log', 'walk', '10']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/week 1 is now the week of Mon 16 Nov 2026/);
    // Not a slip of the date: the person simply began before the day they had set.
    expect(r.stderr).toMatch(/Your program starts with this session, before Fri 4 Dec 2026/);
    expect(r.stderr).not.toMatch(/slip/);
    expect(JSON.parse(pace.run(['status', '--json']).stdout)).toMatchObject({ program_week: 1, phase: 1, before_program: false, program_start: '2026-11-21' });
  });
});

describe('P: a week before program week 1', () => {
  it('plan --week long before the first session says the program had not started', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['init', '--pem', 'no']).status).toBe(0);
    expect(pace.run(['log', 'walk', '10', '--date', '2026-11-02']).status).toBe(0);
    const r = pace.run(['plan', '--week', '2020-01-01']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Mon 30 Dec 2019 - before your program started on Mon 2 Nov 2026/);
    expect(r.stdout).not.toMatch(/program week 1, phase/);
    expect(JSON.parse(pace.run(['plan', '--week', '2020-01-01', '--json']).stdout)).toMatchObject({ program_week: 1, phase: 1, before_program: true, activities: [] });
    // The week of the first session is week 1, from the same history.
    expect(JSON.parse(pace.run(['plan', '--week', '2026-11-02', '--json']).stdout)).toMatchObject({ program_week: 1, phase: 1, before_program: false });
  });
});

describe('P: review and report before the program starts', () => {
  it('review names no program week, and says when the program starts', () => {
    const pace = waiting();
    const text = pace.run(['review']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Review, Sat 21 Nov 2026 - before your program starts on Fri 4 Dec 2026/);
    expect(JSON.parse(pace.run(['review', '--json']).stdout)).toMatchObject({ program_week: 1, before_program: true, program_start: FUTURE });
  });

  it('the clinic report says the program starts later, not "Program week 1"', () => {
    const pace = waiting();
    const out = `${pace.home}/visit.html`;
    const r = pace.run(['report', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/Before the program, which starts on 4 Dec 2026/);
    expect(html).not.toMatch(/Program week 1/);
  });
});
