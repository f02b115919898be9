import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, stackLines } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Seen: Sam ticked "chest pain" in the checklist by mistake. `pace edit <id> --symptom <code>`
// replaces the symptoms with another code, but nothing took them all back: the session stayed a
// flare with a warning sign in every export and report, and deleting the session lost the walk.
describe('edit --no-symptoms: symptoms ticked by mistake', () => {
  it('takes back every symptom of a session, and says the pause stays and how it ends (T3)', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'bike', '16', '--pain-before', '3', '--pain-after', '3', '--symptom', 'chest-pain']).status).toBe(0);
    const r = pace.run(['edit', '1', '--no-symptoms']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(pace.sessions()[0]).toMatchObject({ symptoms: [], flare: false });
    expect(r.stdout).toMatch(/Updated session 1/);
    expect(r.stdout).toMatch(/stays paused/);
    expect(r.stdout).toMatch(/pace triage --cleared/);
  });

  it('is refused beside --symptom, with nothing written', () => {
    const pace = answeredPace();
    pace.run(['log', 'bike', '16', '--symptom', 'muscle-fatigue']);
    const r = pace.run(['edit', '1', '--no-symptoms', '--symptom', 'effort-warmth']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--no-symptoms/);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(pace.sessions()[0]).toMatchObject({ symptoms: ['muscle-fatigue'] });
  });
});
