import { describe, expect, it } from 'vitest';
import { adviceFirst } from '../../src/ui/render.js';

describe('T2, T3: stop and assess advice leads what was saved; calm words follow it', () => {
  it('T3, T2: the advice first, a blank line, then what was saved', () => {
    for (const cls of ['stop', 'assess'] as const) expect(adviceFirst(cls, ['advice'], ['Saved'])).toEqual(['advice', '', 'Saved']);
  });

  it('T1: continue advice comes after what was saved, with no blank line', () => {
    expect(adviceFirst('continue', ['calm'], ['Saved', 'more'])).toEqual(['Saved', 'more', 'calm']);
  });
});
