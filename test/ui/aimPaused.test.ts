import { describe, expect, it } from 'vitest';
import { statusOf } from '../../src/core/coach/status.js';
import type { IsoDate } from '../../src/core/types.js';
import { statusLines } from '../../src/ui/statusView.js';
import { makeStyle } from '../../src/ui/style.js';
import { MON, settings, times, week, weeks } from '../core/coach/builders.js';

// G3 with T3: status shows progress toward the weekly aim, but under a pause the plan shows no
// quotas until a clinician has cleared the person. Seen: "PLAN PAUSED ... (dizziness)" above a
// bar "28 of 150 aerobic minutes this week", an aim to reach while told to stop.
const today = '2026-01-21' as IsoDate;
const sessions = weeks(MON, times(3, 10), times(3, 10), [10, 10]);
const stop = { date: today, kind: 'triage' as const, class: 'stop' as const, symptoms: ['dizziness'] };

function lines(plain: boolean, triageRecords = [stop]) {
  const s = statusOf({ sessions, settings: settings(), overrides: [], acceptances: [], triageRecords, today });
  return statusLines(makeStyle(false, undefined, plain), s, [{ weekStart: week(3), minutes: 20 }]).join('\n');
}

describe('G3, T3: no progress toward the weekly aim while the plan is paused', () => {
  it('the bar and "of 150" give way to the minutes done and that the aim waits with the plan', () => {
    const out = lines(false);
    expect(out).toMatch(/PLAN PAUSED/);
    expect(out).not.toMatch(/of 150 aerobic minutes/);
    expect(out).toMatch(/^Weekly aim {2}paused with the plan; 10 aerobic minutes this week$/m);
  });

  it('plain output says the same', () => {
    const out = lines(true);
    expect(out).not.toMatch(/of 150 aerobic minutes/);
    expect(out).toMatch(/^Weekly aim: paused with the plan; 10 aerobic minutes this week\.$/m);
  });

  it('without a pause the progress stays', () => {
    expect(lines(false, [])).toMatch(/^Weekly aim {2}\S{20} {2}10 of 150 aerobic minutes this week$/m);
  });
});
