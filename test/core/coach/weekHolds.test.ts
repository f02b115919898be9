import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber } from '../../../src/core/dates.js';
import { weekDayOf } from '../../../src/core/coach/history.js';
import type { TriageRecord } from '../../../src/core/coach/types.js';
import { weekHolds } from '../../../src/core/coach/weekHolds.js';
import type { IsoDate } from '../../../src/core/types.js';
import { d } from './builders.js';

/** A date that counts how often it is compared (`<`, `>=` read its value). */
let compared = 0;
class CountedDate extends String {
  override valueOf(): string {
    compared += 1;
    return super.valueOf();
  }
}
const counted = (date: IsoDate) => new CountedDate(date) as unknown as IsoDate;

/**
 * An assess sign every other Sunday, cleared on the Wednesday after: every other week opens held and
 * is cleared within it (the weeks between show the sign of the Sunday that ends them).
 */
function weeklyClearances(weeks: number): { records: TriageRecord[]; first: number; last: number } {
  const first = weekDayOf(d('1980-01-07'));
  const records: TriageRecord[] = [];
  for (let i = 0; i < weeks; i += 2) {
    const monday = fromDayNumber(first + 7 * i);
    records.push({ date: addDays(monday, -1), kind: 'triage', class: 'assess', symptoms: ['joint-swelling'] });
    records.push({ date: counted(addDays(monday, 2)), kind: 'cleared', class: null, symptoms: [] });
  }
  return { records, first, last: first + 7 * (weeks - 1) };
}

describe('weekHolds: clearedIn (T2)', () => {
  it('T2: a week held at its start and cleared within it names the clearance day', () => {
    const { records, first } = weeklyClearances(3);
    const holds = weekHolds({ triageRecords: records, today: fromDayNumber(first + 21) }, first, first + 14);
    expect(String(holds.clearedIn(first))).toBe(addDays(fromDayNumber(first), 2));
    expect(holds.clearedIn(first + 7)).toBeNull();
    expect(String(holds.clearedIn(first + 14))).toBe(addDays(fromDayNumber(first + 14), 2));
  });

  it('looks only at the clearances of the week asked about, however many the journal holds', () => {
    const perWeek = (weeks: number): number => {
      const { records, first, last } = weeklyClearances(weeks);
      const holds = weekHolds({ triageRecords: records, today: fromDayNumber(last + 7) }, first, last);
      compared = 0;
      for (let w = first; w <= last; w += 14) expect(holds.clearedIn(w)).not.toBeNull();
      return compared / weeks;
    };
    // Twenty years of clearances cost each week what one year's do (before: two for every clearance).
    expect(perWeek(1040)).toBe(perWeek(52));
    expect(perWeek(1040)).toBeLessThanOrEqual(2);
  });
});
