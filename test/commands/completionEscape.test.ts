// bash puts a completion on the command line as it is, so pace escapes it as the word being typed
// is quoted (escapeFor), and reads the typed words as the shell will (unquote). Round trips.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeFor, unquote } from '../../src/commands/completion.js';

// Activity names: any printable text but control characters (pace refuses those).
const name = fc.string({ unit: fc.oneof(fc.constantFrom(...' \'"\\$`*?[]{}()<>|&;!#~^=,.-_é'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })), minLength: 1 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));

describe('completion: escaping for bash, and reading back', () => {
  it('a name escaped for a bare word, a double quote or a single quote reads back as itself', () => {
    fc.assert(
      fc.property(name, (w) => {
        expect(unquote(escapeFor('', w))).toBe(w);
        expect(unquote(`"${escapeFor('"', w)}"`)).toBe(w);
        expect(unquote(`'${escapeFor("'", w)}'`)).toBe(w);
      }),
      { numRuns: 500 },
    );
  });

  it('bash itself reads each form back as the name, and runs nothing in it', () => {
    for (const w of ['sit to stand', 'arm*', 'back`touch x`', 'neck$(touch y)', "it's", 'say "hi"', 'a\\b', 'vélo;rm -rf ~']) {
      for (const [open, close] of [['', ''], ['"', '"'], ["'", "'"]] as const) {
        const line = `${open}${escapeFor(open, w)}${close}`;
        const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `printf '%s' ${line}`], { encoding: 'utf8', cwd: '/' });
        expect(r.stdout, `${open}${w}`).toBe(w);
      }
    }
  });
});
