import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/types.js';
import { checkinLines } from '../../src/ui/checkinView.js';

describe('W1: the saved check-in in words', () => {
  it('names the second and third answers as interference, not as enjoyment and activity themselves', () => {
    // "enjoyment 4" read as a person's enjoyment, where 4 is how much pain got in its way.
    const [saved, score] = checkinLines({ weekStart: '2026-12-07' as IsoDate, date: '2026-12-08' as IsoDate, pain: 5, enjoyment: 4, general: 6 }, false);
    expect(saved).toBe('Check-in saved for the week of Mon 7 Dec: pain 5, interference with enjoyment of life 4, with general activity 6.');
    expect(score).toBe('PEG score 5.0 of 10 (lower is better). pace review compares it with your first check-in.');
  });
});
