import { describe, expect, it } from 'vitest';
import { reportPeriod, weeksOf } from '../../../src/core/report/period.js';
import type { IsoDate } from '../../../src/core/types.js';

const d = (s: string) => s as IsoDate;

describe('C2: the report period', () => {
  it('C2: without dates, the 12 weeks ending with this week', () => {
    expect(reportPeriod(d('2026-12-03'))).toEqual({ from: '2026-09-14', to: '2026-12-03' });
    expect(reportPeriod(d('2026-12-03'), undefined, undefined, d('2025-01-08'))).toEqual({ from: '2026-09-14', to: '2026-12-03' });
  });

  it('C2: a program younger than 12 weeks is shown from the Monday of its week 1, not after ten empty weeks', () => {
    // Seen: a journal begun on Mon 23 Nov reported "14 Sep 2026 to 3 Dec 2026 (12 weeks)", its charts squeezed into the last two.
    const p = reportPeriod(d('2026-12-03'), undefined, undefined, d('2026-11-25'));
    expect(p).toEqual({ from: '2026-11-23', to: '2026-12-03' });
    expect(weeksOf(p)).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('C2: --from is kept as asked, and a program not begun by the period\'s end leaves the 12 weeks', () => {
    expect(reportPeriod(d('2026-12-03'), d('2026-08-01'), undefined, d('2026-11-25'))).toEqual({ from: '2026-08-01', to: '2026-12-03' });
    expect(reportPeriod(d('2026-12-03'), undefined, undefined, d('2027-01-04'))).toEqual({ from: '2026-09-14', to: '2026-12-03' });
    expect(reportPeriod(d('2026-12-03'), undefined, d('2026-10-01'), d('2026-11-25'))).toEqual({ from: '2026-07-13', to: '2026-10-01' });
  });
});
