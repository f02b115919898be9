import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { PlannedSession } from '../../src/core/days.js';
import type { IsoDate } from '../../src/core/types.js';
import { slotsSoFar } from '../../src/core/weekSoFar.js';

// D1-D3: one activity's week as it stands on a day of it: what status shows today and what the
// calendar holds.

const MON = '2026-03-02' as IsoDate;
const day = (n: number) => addDays(MON, n);
const at = (...days: number[]): PlannedSession[] => days.map((d) => ({ date: day(d), time: '08:00' }));
/** The same, done already or missed: nothing left to do. */
const settled = (...days: number[]): PlannedSession[] => at(...days).map((s) => ({ ...s, settled: true }));

describe('D1-D3: the week so far', () => {
  it('a week not yet begun is the plan as it is', () => {
    expect(slotsSoFar(at(0, 2, 4), [], addDays(MON, -1))).toEqual(at(0, 2, 4));
  });

  it('days changed on the Tuesday after Monday\'s walk: Monday done, then two of Tue, Thu, Sat', () => {
    expect(slotsSoFar(at(1, 3, 5), [day(0)], day(1))).toEqual([...settled(0), ...at(1, 3)]);
    // Tuesday walked too: its slot stays, done; a second walk the same day: nothing is owed after it.
    expect(slotsSoFar(at(1, 3, 5), [day(0), day(1)], day(1))).toEqual([...settled(0), ...at(1, 3)]);
    expect(slotsSoFar(at(1, 3, 5), [day(0), day(1), day(1)], day(1))).toEqual([...settled(0, 1), ...at(1)]);
  });

  it('a missed day keeps its planned event; the week done early owes nothing after today', () => {
    expect(slotsSoFar(at(0, 2, 4), [], day(2))).toEqual([...settled(0), ...at(2, 4)]);
    expect(slotsSoFar(at(0, 2, 4), [day(0), day(1), day(2)], day(3))).toEqual(settled(0, 1, 2));
    // Today's own walk beyond the week's count is shown done on its planned day.
    expect(slotsSoFar(at(0, 2, 4), [day(0), day(1), day(3), day(4)], day(4))).toEqual([...settled(0, 1), ...at(4)]);
    // A missed Monday made up on the Tuesday: the walk done today is settled, Wed and Fri owed.
    expect(slotsSoFar(at(0, 2, 4), [day(1)], day(1))).toEqual([...settled(1), ...at(2, 4)]);
  });

  it('as many events as the plan, and from today on no more than the plan less the sessions done', () => {
    const days = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => d.sort());
    fc.assert(
      fc.property(days, fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 8 }), fc.integer({ min: -1, max: 7 }), (planned, done, t) => {
        const today = day(t);
        const doneDates = done.map(day).filter((d) => d <= today);
        const out = slotsSoFar(at(...planned), doneDates, today);
        expect(out.length).toBe(planned.length);
        const owed = planned.length - doneDates.filter((d) => d < today).length;
        expect(out.filter((s) => s.date > today && !s.settled).length).toBeLessThanOrEqual(Math.max(0, owed - doneDates.filter((d) => d === today).length));
        // From today on, only the plan's own days.
        for (const s of out.filter((x) => x.date > today)) expect(planned.map(day)).toContain(s.date);
      }),
    );
  });
});
