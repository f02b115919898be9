import { describe, expect, it } from 'vitest';
import { nothingNoted } from '../../src/core/triage.js';
import { triageLines } from '../../src/ui/render.js';
import { makeStyle } from '../../src/ui/style.js';

// Seen: `pace triage` with nothing ticked, while the plan was paused, answered
// "This is expected." and then "Nothing on the list. Your plan stays paused ...":
// nothing had been noted for anything to be expected, and the pause is not "expected".
describe('T4: pace triage with nothing ticked says only what it found', () => {
  const style = makeStyle(false, 80);

  it('has no "This is expected." headline, whatever is open', () => {
    for (const hold of ['stop', 'assess', null] as const) {
      const lines = triageLines(style, nothingNoted(hold));
      expect(lines.join('\n')).not.toMatch(/This is expected/);
      expect(lines[0]).toMatch(/^Nothing on the list/);
    }
  });

  it('still says "This is expected." above symptoms of the continue class', async () => {
    const { triage } = await import('../../src/core/triage.js');
    expect(triageLines(style, triage(['muscle-fatigue'])!)[0]).toBe('This is expected.');
  });
});
