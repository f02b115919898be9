import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, stackLines } from '../helpers/pace.js';
import { fileHash, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Jutta in Germany and Kenji in Japan: decimal commas, names in their own languages.
const DE = { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };

describe('a decimal comma, as Jutta types it', () => {
  it.each([
    [['log', 'spaziergang', '12,5']],
    [['log', '--activity', 'Spaziergang', '--dose', '12,5']],
  ])('%j records 12.5 min', (args) => {
    const pace = answeredPace();
    const r = pace.run([...args, '--date', '2026-11-20'], DE);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(pace.sessions().map((s) => [s.activity, s.dose])).toEqual([['spaziergang', 12.5]]);
  });

  it('edit --dose 12,5 corrects a session to 12.5', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'spaziergang', '12'], DE).status).toBe(0);
    expect(pace.run(['edit', '1', '--dose', '12,5'], DE).status).toBe(0);
    expect(pace.sessions()[0]!.dose).toBe(12.5);
  });

  it('1,500 steps is refused naming both readings: exit 2, two lines, nothing written', () => {
    const pace = answeredPace();
    const before = fileHash(pace.db);
    const r = pace.run(['log', 'spaziergang', '1,500steps'], DE);
    expect(r.status).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr.trim().split('\n')).toEqual([
      'pace: --dose "1,500steps" could be 1500 or 1.5.',
      '  Write it with a decimal point and no thousands separator, for example 1500 or 1.5.',
    ]);
    expect(fileHash(pace.db)).toBe(before);
  });
});

describe('commands pace suggests can be pasted into a shell, whatever the name', () => {
  it('schedule --clear with days names the command with the name quoted', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'marche à pied', '10'], DE).status).toBe(0);
    const r = pace.run(['schedule', 'marche à pied', 'mon,wed', '--clear'], DE);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('To clear: pace schedule "marche à pied" --clear');
  });

  it('schedule without days gives the example with the name asked about, quoted', () => {
    const pace = answeredPace();
    const r = pace.run(['schedule', 'ストレッチ 朝'], DE);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('pace schedule "ストレッチ 朝" mon,wed,fri --at 08:00');
  });

  it('edit moving a session to an activity of another unit names the edit with the name quoted', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'kniebeugen', '10reps'], DE).status).toBe(0);
    expect(pace.run(['log', 'marche à pied', '10'], DE).status).toBe(0);
    const r = pace.run(['edit', '1', '--activity', 'Marche à pied'], DE);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('pace edit 1 --activity "marche à pied" --dose <amount>');
  });
});

describe('a new activity pace cannot place, named in the person\'s language', () => {
  it('G3, Q6: spaziergang logged without --category says it is "other" and does not count toward the weekly aim, with the way to change it', () => {
    const pace = answeredPace();
    const r = pace.run(['log', 'Spaziergang', '12,5'], DE);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('spaziergang is in the category other, so its minutes do not count toward your weekly aim of aerobic minutes.');
    expect(r.stdout).toContain('If it is aerobic (a walk, a ride, a swim), say so while it has this one session: pace edit 1 --category aerobic');
    // Said once, for the session that made the activity.
    expect(pace.run(['log', 'spaziergang', '10'], DE).stdout).not.toContain('category other');
  });

  it('G3, Q6: the way out it gives works: the category is corrected, and its minutes count toward the weekly aim', () => {
    // Seen: it said "pace delete 1 --yes, then log it again with --category aerobic", and the
    // log again was refused: "spaziergang is already in the other category".
    const pace = answeredPace();
    expect(pace.run(['log', 'spaziergang', '12,5'], DE).status).toBe(0);
    const r = pace.run(['edit', '1', '--category', 'aerobic'], DE);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/spaziergang is now in the category aerobic: its minutes count toward your weekly aim\./);
    // G3: and back, the line says the minutes no longer count.
    expect(pace.run(['edit', '1', '--category', 'mobility'], DE).stdout).toMatch(/spaziergang is now in the category mobility: its minutes no longer count toward your weekly aim\./);
    expect(pace.run(['edit', '1', '--category', 'aerobic'], DE).status).toBe(0);
    expect(pace.sessions()[0]).toMatchObject({ activity: 'spaziergang', category: 'aerobic' });
    expect(JSON.parse(pace.run(['status', '--json'], DE).stdout).weekly_minutes).toBe(12.5);
  });

  it('an activity with more than one session keeps its category (cli.md): the edit is refused, nothing written', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'spaziergang', '12'], DE).status).toBe(0);
    expect(pace.run(['log', 'spaziergang', '10'], DE).status).toBe(0);
    const before = pace.sessions();
    const r = pace.run(['edit', '2', '--category', 'aerobic'], DE);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pace: spaziergang is already in the other category\.\n {2}.*only while it has one session/);
    expect(pace.sessions()).toEqual(before);
  });

  it('G3: nothing is said of minutes for an activity counted in reps, metres or steps', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'kniebeugen', '10reps'], DE).stdout).not.toContain('category other');
  });

  it('nothing is said when the category was given, or guessed from the name', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'Spaziergang', '10', '--category', 'aerobic'], DE).stdout).not.toContain('category');
    expect(pace.run(['log', 'walk', '10'], DE).stdout).not.toContain('category');
    expect(pace.run(['log', 'kram', '10', '--category', 'other'], DE).stdout).not.toContain('category');
  });
});

describe('Kenji\'s report: text the PDF\'s font cannot draw', () => {
  const JA = { LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' };

  it('C1: a goal and an activity in Japanese: the PDF is written, and stderr says what it cannot show and that the HTML shows it', () => {
    const pace = answeredPace();
    expect(pace.run(['log', '散歩', '15', '--category', 'aerobic', '--pain-before', '3', '--pain-after', '4', '--date', '2026-11-18'], JA).status).toBe(0);
    expect(pace.run(['goal', 'add', '階段を上る', '--rating', '3'], JA).status).toBe(0);
    const r = pace.run(['report', '--out', 'r.pdf'], JA);
    expect(r.status).toBe(0);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/The PDF's font has no letters for some of its text \(.*階.*\), which shows as blanks\./);
    expect(r.stderr).toContain('pace report --format html');
    // The HTML, which the browser draws with the system's fonts, says nothing of it.
    expect(pace.run(['report', '--out', 'r.html'], JA).stderr).not.toMatch(/no letters/);
  });

  it('German and French text is drawn: nothing said', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'Spaziergang', '15', '--category', 'aerobic', '--date', '2026-11-18'], DE).status).toBe(0);
    expect(pace.run(['goal', 'add', 'Treppe steigen ohne Pause, à la française', '--rating', '3'], DE).status).toBe(0);
    expect(pace.run(['report', '--out', 'r.pdf'], DE).stderr).not.toMatch(/no letters/);
  });
});
