import { afterAll, describe, expect, it } from 'vitest';
import { tempPace } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const ANSI = /\u001b\[/;

describe('colour', () => {
  // FORCE_COLOR turns colour on even without a terminal, so each case proves it was switched off again.
  const logged = (env: NodeJS.ProcessEnv, extra: string[] = []) => {
    const pace = tempPace(tempDir());
    const r = pace.run([...extra, 'log', 'walk', '10', '--symptom', 'chest-pain'], env);
    const l = pace.run([...extra, 'list'], env);
    return r.stdout + r.stderr + l.stdout + l.stderr;
  };

  it('FORCE_COLOR=1 colours the output (so the checks below can see colour)', () => {
    expect(logged({ FORCE_COLOR: '1', NO_COLOR: undefined })).toMatch(ANSI);
  });

  it('NO_COLOR removes every ANSI escape, even with FORCE_COLOR', () => {
    expect(logged({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toMatch(ANSI);
  });

  it('--no-color removes every ANSI escape, even with FORCE_COLOR', () => {
    expect(logged({ FORCE_COLOR: '1', NO_COLOR: undefined }, ['--no-color'])).not.toMatch(ANSI);
  });

  it('output to a pipe has no colour by default', () => {
    expect(logged({ NO_COLOR: undefined })).not.toMatch(ANSI);
  });
});

describe('first use', () => {
  it('says once, on stderr, that pace is not a clinician', () => {
    const pace = tempPace(tempDir());
    const first = pace.run(['log', 'walk', '10']);
    expect(first.stderr).toMatch(/not a substitute for a clinician/);
    expect(first.stdout).not.toMatch(/clinician/);
    expect(pace.run(['log', 'walk', '10']).stderr).toBe('');
  });

  it('names where the new journal is kept, in the notice\'s own line, so a mistyped PACE_DB shows itself', () => {
    // A PACE_DB with a typo started a second, empty journal with nothing said but the notice.
    const pace = tempPace(tempDir());
    const first = pace.run(['log', 'walk', '10']);
    const lines = first.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/not a substitute for a clinician: .*\. Your journal is kept at (.*)\.$/);
    expect(lines[0]).toContain(` kept at ${pace.db.replace(pace.home, '~')}.`);
    expect(lines).toHaveLength(2);
  });

  it('S1: on a first non-interactive use, stderr says how to answer the safety question', () => {
    const first = tempPace(tempDir()).run(['log', 'walk', '10']);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/pace init --pem/);
  });
});
