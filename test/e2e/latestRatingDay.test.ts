import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// M2: "7" alone did not tell a rating of last week from one of two months back. The report gives
// "7 (19 Apr)"; review, goal list and status now say it the same way.
describe('M2: review, goal list and status date the latest rating as the report does', () => {
  it('a re-rated goal and a goal rated once each show the day of their latest rating', () => {
    const pace = answeredPace();
    // A start date makes program week 1 (R1): the review then judges goals once week 3 is over.
    expect(pace.run(['init', '--start', '2026-01-05'], { PACE_TODAY: '2026-01-05' }).status).toBe(0);
    expect(pace.run(['goal', 'add', 'climb the stairs', '--rating', '3'], { PACE_TODAY: '2026-01-05' }).status).toBe(0);
    expect(pace.run(['goal', 'add', 'touch my toes', '--rating', '2'], { PACE_TODAY: '2026-02-23' }).status).toBe(0);
    expect(pace.run(['goal', 'rate', '1', '7'], { PACE_TODAY: '2026-02-15' }).status).toBe(0);
    const today = { PACE_TODAY: '2026-04-12' };

    const review = pace.run(['review'], today);
    expect(review.status).toBe(0);
    expect(review.stdout).toMatch(/1\. climb the stairs: 3 -> 7 \(15 Feb\): a clear change for the better/);
    expect(review.stdout).toMatch(/2\. touch my toes: 2 \(23 Feb\), rated once so far/);

    const list = pace.run(['goal', 'list'], today);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/3 -> 7 \(15 Feb\): a clear change for the better/);
    expect(list.stdout).toMatch(/rated 2 \(23 Feb\), the first rating/);

    const status = pace.run(['status'], today);
    expect(status.stdout).toMatch(/1\. climb the stairs: 7 \(15 Feb\), due for a re-rating/);
    expect(status.stdout).toMatch(/2\. touch my toes: 2 \(23 Feb\), due for a re-rating/);
  });

  it('a rating of another year gives the year', () => {
    const pace = answeredPace();
    expect(pace.run(['goal', 'add', 'climb the stairs', '--rating', '4'], { PACE_TODAY: '2025-12-29' }).status).toBe(0);
    const list = pace.run(['goal', 'list'], { PACE_TODAY: '2026-01-06' });
    expect(list.stdout).toMatch(/rated 4 \(29 Dec 2025\), the first rating/);
    expect(pace.run(['review'], { PACE_TODAY: '2026-01-06' }).stdout).toMatch(/climb the stairs: 4 \(29 Dec 2025\), rated once so far/);
  });
});
