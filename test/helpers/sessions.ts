import type { IsoDate } from '../../src/core/types.js';
import type { NewSession } from '../../src/store/sessions.js';

/** A plain walk, changed by `over`: keeps store tests to the one field they are about. */
export function walk(over: Partial<NewSession> = {}): NewSession {
  return {
    date: '2026-11-20' as IsoDate,
    activity: 'walk',
    unit: 'min',
    category: 'aerobic',
    dose: 10,
    painBefore: 3,
    painAfter: 4,
    effort: 5,
    flare: false,
    symptoms: [],
    note: null,
    ...over,
  };
}
