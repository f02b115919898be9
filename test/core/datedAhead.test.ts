import { describe, expect, it } from 'vitest';
import { datedAheadLine } from '../../src/core/datedAhead.js';
import type { IsoDate } from '../../src/core/types.js';

const d = (s: string) => s as IsoDate;

describe('datedAheadLine', () => {
  it('is null with nothing after today; a session of today is not after it', () => {
    expect(datedAheadLine([], d('2026-11-24'))).toBeNull();
    expect(datedAheadLine([{ id: 3, date: d('2026-11-24') }], d('2026-11-24'))).toBeNull();
  });

  it('names three, oldest first, counts the rest, and gives the year of a day in another year', () => {
    const line = datedAheadLine(
      [
        { id: 9, date: d('2027-01-02') },
        { id: 5, date: d('2026-12-31') },
        { id: 7, date: d('2027-01-01') },
        { id: 6, date: d('2026-12-31') },
        { id: 1, date: d('2026-12-30') },
      ],
      d('2026-12-30'),
    );
    expect(line).toBe(
      "4 sessions are dated after today: 5 on Thu 31 Dec, 6 on Thu 31 Dec, 7 on Fri 1 Jan 2027 and 1 more. If the computer's clock was ahead, move each to its day: pace edit <id> --date YYYY-MM-DD",
    );
  });
});
