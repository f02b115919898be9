import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nearestName, typedName } from '../../src/core/names.js';

describe('typedName: a name as a person types it in a command pace suggests', () => {
  it('a plain word stays bare, a name of several words is in double quotes', () => {
    expect(typedName('walk')).toBe('walk');
    expect(typedName('sit-to-stand')).toBe('sit-to-stand');
    expect(typedName('stationary bike')).toBe('"stationary bike"');
    expect(typedName("mum's walk")).toBe('"mum\'s walk"');
  });

  it('reads back as the name itself in bash, and runs nothing: $( ), `, ", \\ and ! included', () => {
    // Seen: an activity named neck$(touch hacked) (from a CSV, say) made schedule suggest
    // pace schedule "neck$(touch hacked)" mon,wed,fri, which bash runs when it is pasted.
    const names = ['neck$(touch hacked)', 'back`touch hacked2`', 'the "big" walk', 'arm\\curl', 'walk!', "mum's $HOME walk"];
    const dir = mkdtempSync(join(tmpdir(), 'pace-names-'));
    const line = spawnSync('bash', ['--norc', '-c', `printf '%s\\n' ${names.map(typedName).join(' ')}`], { cwd: dir, encoding: 'utf8' });
    expect(line.stdout).toBe(names.map((n) => `${n}\n`).join(''));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('nearestName: the known name a typed one is most likely a slip of', () => {
  const known = ['walk', 'bike', 'stretching', 'sit-to-stand'];

  it('finds a name one swap, deletion, insertion or replacement away', () => {
    expect(nearestName('wlak', known)).toBe('walk');
    expect(nearestName('wak', known)).toBe('walk');
    expect(nearestName('wallk', known)).toBe('walk');
    expect(nearestName('welk', known)).toBe('walk');
    expect(nearestName('ibke', known)).toBe('bike');
  });

  it('allows two slips in a name of six letters or more, one in a shorter one', () => {
    expect(nearestName('strecthnig', known)).toBe('stretching');
    expect(nearestName('sit-ot-stnad', known)).toBe('sit-to-stand');
    expect(nearestName('wlk', ['walk'])).toBe('walk');
    expect(nearestName('wlka', ['walk'])).toBeUndefined();
  });

  it('offers nothing for the name itself, or for a name far from every known one', () => {
    expect(nearestName('walk', known)).toBeUndefined();
    expect(nearestName('swim', known)).toBeUndefined();
    expect(nearestName('', known)).toBeUndefined();
    expect(nearestName('w', known)).toBeUndefined();
  });

  it('prefers the closer of two near names', () => {
    expect(nearestName('walks', ['walk', 'talks'])).toBe('walk');
    expect(nearestName('bikes', ['bake', 'bike'])).toBe('bike');
  });

  it('a swap of two neighbours is one slip, for any name of two letters or more (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{2,12}$/), fc.nat(), (name, at) => {
        const i = at % (name.length - 1);
        if (name[i] === name[i + 1]) return;
        const swapped = name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
        expect(nearestName(swapped, [name])).toBe(name);
      }),
    );
  });
});
