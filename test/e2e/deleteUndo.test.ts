import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Seen: Sam meant to delete session 44 and typed 43. "Deleted session 43: step-ups 14 reps on Fri
// 4 Dec 2026, pain 2 -> 3." was all he got: the effort, the flare mark and the symptoms were gone,
// with no way back but remembering them.
describe('delete says how to put the session back', () => {
  it('prints the log command that records the same session again, and that command does', () => {
    const pace = answeredPace();
    const flags = ['--date', '2026-11-19', '--pain-before', '2', '--pain-after', '4', '--effort', '6', '--symptom', 'muscle-fatigue', '--symptom', 'effort-warmth', '--flare'];
    expect(pace.run(['log', 'step-ups', '12reps', '--category', 'strength', ...flags]).status).toBe(0);
    const [before] = pace.sessions();
    const r = pace.run(['delete', '1', '--yes']);
    expect(r.status).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('To put it back: '));
    expect(line).toBe('To put it back: pace log step-ups 12reps --date 2026-11-19 --pain-before 2 --pain-after 4 --effort 6 --symptom muscle-fatigue --symptom effort-warmth --flare');
    const again = pace.run(line!.replace('To put it back: pace ', '').split(' '));
    expect(again.status).toBe(0);
    const [after] = pace.sessions();
    expect({ ...after, id: 0 }).toEqual({ ...before, id: 0 });
  });

  it('says a note is not repeated on the screen, and quotes a name of two words', () => {
    const pace = answeredPace();
    pace.run(['log', 'morning walk', '10', '--note', 'private words']);
    const r = pace.run(['delete', '1', '--yes']);
    expect(r.stdout).toMatch(/^To put it back: pace log "morning walk" 10min --date 2026-11-21 \(and its note, with --note\)$/m);
    expect(r.stdout).not.toMatch(/private words/);
  });
});
