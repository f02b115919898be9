import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typedName } from '../../src/core/names.js';

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
