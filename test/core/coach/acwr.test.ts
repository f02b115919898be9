import { describe, expect, it } from 'vitest';
import { acwr } from '../../../src/core/coach/acwr.js';
import { addDays } from '../../../src/core/dates.js';
import type { Session } from '../../../src/core/types.js';
import { d, session } from './builders.js';

const start = d('2026-01-05');
const daily = (from: number, days: number, dose: number, extra: Partial<Session> = {}) =>
  Array.from({ length: days }, (_, i) => session(addDays(start, from + i), dose, extra));

describe('B4 acute:chronic ratio', () => {
  it('B4: nothing before 28 days of history', () => {
    const sessions = daily(0, 28, 20);
    expect(acwr(sessions, addDays(start, 26), false)).toBeNull();
    expect(acwr(sessions, addDays(start, 27), false)).not.toBeNull();
  });

  it('B4: the exponentially weighted averages, lambda 2/(N+1), missing days as zero', () => {
    // One 10 minute walk on day 0, then 27 empty days.
    const r = acwr([session(start, 10)], addDays(start, 27), false)!;
    const acute = 10 * 0.25 * 0.75 ** 27;
    const chronic = 10 * (2 / 29) * (27 / 29) ** 27;
    expect(r.ratio).toBe(Math.round((acute / chronic) * 100) / 100);
    expect(r.ratio).toBeLessThan(0.8);
  });

  it('B4: a steady load sits near 1 with no flag', () => {
    const r = acwr(daily(0, 90, 20), addDays(start, 89), true)!;
    expect(r.ratio).toBeGreaterThan(0.95);
    expect(r.ratio).toBeLessThan(1.05);
    expect(r.flag).toBeNull();
  });

  it('B4: a sudden jump is a spike', () => {
    const r = acwr([...daily(0, 40, 10), ...daily(40, 7, 40)], addDays(start, 46), false)!;
    expect(r.ratio).toBeGreaterThanOrEqual(1.5);
    expect(r.flag).toBe('spike');
  });

  it('B4: a spike at 1.5 or more, not at 1.48', () => {
    const jump = (minutes: number) => acwr([...daily(0, 40, 10), ...daily(40, 2, minutes)], addDays(start, 41), false)!;
    expect([jump(28).ratio, jump(28).flag]).toEqual([1.5, 'spike']);
    expect([jump(27).ratio, jump(27).flag]).toEqual([1.48, null]);
  });

  it('B4: under-doing below 0.8, not at 0.8', () => {
    const lighter = (minutes: number) => acwr([...daily(0, 40, 30), ...daily(40, 1, minutes)], addDays(start, 41), true)!;
    expect([lighter(19).ratio, lighter(19).flag]).toEqual([0.79, 'under']);
    expect([lighter(20).ratio, lighter(20).flag]).toEqual([0.8, null]);
  });

  it('B4: under-doing is flagged only during progression', () => {
    const sessions = daily(0, 40, 30);
    const today = addDays(start, 46); // a week with nothing
    expect(acwr(sessions, today, true)?.flag).toBe('under');
    expect(acwr(sessions, today, false)?.flag).toBeNull();
  });

  it('B4: only minutes count; sessions after today are left out', () => {
    const reps = daily(0, 60, 30, { activity: 'sit-to-stand', unit: 'reps', category: 'strength' });
    expect(acwr(reps, addDays(start, 59), false)).toBeNull();
    const r1 = acwr([...daily(0, 60, 20), ...reps], addDays(start, 59), false);
    const r2 = acwr([...daily(0, 60, 20), ...daily(60, 5, 200)], addDays(start, 59), false);
    expect(r1).toEqual(acwr(daily(0, 60, 20), addDays(start, 59), false));
    expect(r2).toEqual(r1);
  });

  it('B4: several sessions on one day add up', () => {
    const two = acwr([...daily(0, 40, 10), ...daily(0, 40, 10)], addDays(start, 39), false);
    const one = acwr(daily(0, 40, 20), addDays(start, 39), false);
    expect(two).toEqual(one);
  });
});
