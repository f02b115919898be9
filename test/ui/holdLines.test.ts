import { describe, expect, it } from 'vitest';
import type { Hold } from '../../src/core/coach/index.js';
import type { IsoDate } from '../../src/core/types.js';
import { holdLines } from '../../src/ui/planView.js';
import { makeStyle } from '../../src/ui/style.js';

const first = (hold: Hold) => holdLines(makeStyle(false), hold)[0];
const since = '2026-03-03' as IsoDate;

describe('T3: the PLAN PAUSED line dates the pause, not each sign', () => {
  it('T3 (seen): a stop sign and an assess sign of another day are not both "recorded on" the pause\'s day', () => {
    // Seen: "PLAN PAUSED: a warning sign was recorded on Tue 3 Mar (chest-pain, new-radiation)",
    // where new-radiation was recorded on Wed 4 Mar.
    const line = first({ kind: 'stop', since, symptoms: ['chest-pain', 'new-radiation'] });
    expect(line).toBe('PLAN PAUSED since Tue 3 Mar: warning signs were recorded (chest-pain, new-radiation).');
  });

  it('T3: one sign is one warning sign', () => {
    expect(first({ kind: 'stop', since, symptoms: ['dizziness'] })).toBe('PLAN PAUSED since Tue 3 Mar: a warning sign was recorded (dizziness).');
  });

  it('T2: the hold line keeps its words', () => {
    expect(first({ kind: 'assess', since, symptoms: ['joint-swelling'] })).toBe('Plan on hold since Tue 3 Mar (joint-swelling): no increases until you have been assessed.');
  });
});
