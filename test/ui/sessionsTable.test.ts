// `pace list` as a person reads it, in a wide terminal and a narrow one.
import { describe, expect, it } from 'vitest';
import type { IsoDate, Session } from '../../src/core/types.js';
import { sessionsTable } from '../../src/ui/render.js';
import { makeStyle } from '../../src/ui/style.js';

const flared: Session = {
  id: 13, date: '2026-11-18' as IsoDate, activity: 'walk', dose: 11, unit: 'min', category: 'aerobic',
  painBefore: 3, painAfter: 6, effort: 5, flare: false, symptoms: ['new-radiation', 'pain-over-24h'], note: null,
};

describe('pace list', () => {
  it('F1: a flare reads "flare yes" under its heading at 60 columns, not "flare flare"', () => {
    const text = sessionsTable(makeStyle(false, 60), [flared]);
    expect(text).not.toMatch(/^flare +flare$/m);
    expect(text).toMatch(/^flare +yes$/m);
  });

  it('F1: in the wide table the flare column says yes, as the export does (E1)', () => {
    expect(sessionsTable(makeStyle(false, 120), [flared])).toMatch(/│ yes +│ new-radiation, pain-over-24h │/);
  });
});
