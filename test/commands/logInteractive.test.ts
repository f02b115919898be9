// The prompt mocks must load before any module that imports inquirer.
import { screen } from '@inquirer/testing/vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { edit } from '../../src/commands/edit.js';
import { log } from '../../src/commands/log.js';
import { SYMPTOMS } from '../../src/core/symptoms.js';
import { sessionsIn, testContext } from '../helpers/context.js';
import { converse, refuseThenCorrect } from '../helpers/converse.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

/** Every answer but the dose, given as flags: only the dose question is asked. */
const ALL_BUT_DOSE = { unit: 'min', category: 'aerobic', painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' };

afterAll(removeTempDirs);

const person = (dbPath: string) =>
  testContext(dbPath, { interactive: true, prompts: async () => (await import('../../src/ui/prompts.js')).makePrompts(() => false) });

const ctrlC = () => screen.keypress({ name: 'c', ctrl: true });

/** A journal whose first-use setup (S1) is done, so that log's own questions come first. */
async function setUp(): Promise<string> {
  const path = join(tempDir(), 'pace.db');
  await init([], { pem: 'no' }, testContext(path));
  return path;
}

describe('pace log, asked by a person', () => {
  it('asks for each missing value and saves what was answered', async () => {
    const ctx = person(await setUp());
    const done = log([], {}, ctx);
    const seen = await converse(done, [
      [/Activity/, 'Walk'],
      [/How do you measure walk/, ''], // min is the default for a walk
      [/What kind of activity is walk/, ''], // aerobic is the guess
      [/How much \(min\)/, '12'],
      [/Pain before/, '3'],
      [/Pain after/, '4'],
      [/Effort/, ''],
      [/Did you notice any of these/, () => screen.keypress('space')], // the first symptom: tired muscles
      [/flare/, ''],
      [/private note/, '  felt steady  '],
    ]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(10);
    // (seen by a new user) the scales say what their ends mean, as the check-in's questions do.
    expect(seen.find((t) => /Pain before/.test(t))).toMatch(/Pain before: 0 = none, 10 = worst imaginable \(Enter to skip\)/);
    expect(seen.find((t) => /Pain after/.test(t))).toMatch(/Pain after: 0 = none, 10 = worst imaginable \(Enter to skip\)/);
    expect(seen.find((t) => /Effort/.test(t))).toMatch(/Effort: 0 = resting, 10 = the hardest you could do \(Enter to skip\)/);

    const [s] = sessionsIn(ctx.dbPath);
    expect(s).toMatchObject({
      date: '2026-11-21', activity: 'walk', unit: 'min', category: 'aerobic', dose: 12,
      painBefore: 3, painAfter: 4, effort: null, flare: false, symptoms: ['muscle-fatigue'], note: 'felt steady',
    });
    expect(ctx.stdout.text).toMatch(/Saved/);
  });

  it('(seen) the unit question spells out its choices: "m" beside "min" read as minutes', async () => {
    const ctx = person(await setUp());
    const done = log([], {}, ctx);
    const seen = await converse(done, [
      [/Activity/, 'pool'],
      [/How do you measure pool/, () => ['down', 'down'].forEach((k) => screen.keypress(k))], // min, reps, m
      [/What kind of activity is pool/, ''],
      [/How much \(m\)/, '400'],
      [/Pain before|Pain after|Effort|private note/, ''],
      [/Did you notice any of these/, ''],
      [/flare/, ''],
    ]);
    expect(await done).toBe(0);
    const question = seen.find((t) => /How do you measure pool/.test(t))!;
    expect(question).toMatch(/minutes \(min\)/);
    expect(question).toMatch(/metres \(m\)/);
    expect(sessionsIn(ctx.dbPath)[0]).toMatchObject({ activity: 'pool', unit: 'm', dose: 400 });
  });

  it('S1: on a first interactive use, asks the safety question and stores the answer', async () => {
    const ctx = person(join(tempDir(), 'pace.db'));
    const done = log(['walk', '10'], ALL_BUT_DOSE, ctx);
    const seen = await converse(done, [[/12 to 72 hours/, 'y']]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(1);
    const settings = testContext(ctx.dbPath);
    await init([], { json: true }, settings);
    expect(JSON.parse(settings.stdout.text)).toMatchObject({ pem: 'yes', mode: 'envelope' });
  });

  it('asks only for what the flags did not give, and explains a refused pain of 11', async () => {
    const ctx = person(await setUp());
    const done = log(['bike', '20'], { unit: 'min', category: 'aerobic', painAfter: '2', effort: '4', symptom: [], flare: false, note: '' }, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/Pain before/);
    await refuseThenCorrect('11', /not a whole number from 0 to 10/, '1');
    expect(await done).toBe(0);
    expect(sessionsIn(ctx.dbPath)[0]).toMatchObject({ activity: 'bike', dose: 20, painBefore: 1, painAfter: 2, effort: 4 });
  });

  it('Ctrl-C at the first prompt rejects with an exit-prompt error and creates no journal', async () => {
    const ctx = person(join(tempDir(), 'pace.db'));
    const done = log([], {}, ctx);
    await screen.next();
    ctrlC();
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(existsSync(ctx.dbPath)).toBe(false);
  });

  it('Ctrl-C at a later prompt leaves an existing journal as it was', async () => {
    const path = await setUp();
    await log(['walk', '10'], {}, testContext(path));
    const before = fileHash(path);
    const done = log(['walk', '10'], { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false }, person(path));
    await screen.next();
    expect(screen.getScreen()).toMatch(/private note/);
    screen.type('half a');
    ctrlC();
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(sessionsIn(path)).toHaveLength(1);
    expect(fileHash(path)).toBe(before);
  });

  it('T3: a warning sign ticked ends the questions: STOP NOW comes next, not effort, a flare mark and a note', async () => {
    const path = await setUp();
    await log(['walk', '10'], {}, testContext(path));
    const ctx = person(path);
    const done = log(['walk', '10'], { painBefore: '2', painAfter: '2' }, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/Did you notice any of these/);
    const at = SYMPTOMS.findIndex((s) => s.code === 'chest-pain');
    for (let i = 0; i < at; i++) screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(ctx.stdout.text.trimStart()).toMatch(/^STOP NOW\. Call emergency services now/);
    expect(sessionsIn(path)[1]).toMatchObject({ symptoms: ['chest-pain'], effort: null, note: null });
  });

  it('F1: a session that already is a flare (pain up 3, a sign to have checked) is not asked "Does this feel like a flare?"', async () => {
    const path = await setUp();
    await log(['walk', '10'], {}, testContext(path));
    for (const flags of [{ painBefore: '3', painAfter: '6', symptom: [] }, { painBefore: '3', painAfter: '3', symptom: ['joint-swelling'] }]) {
      const ctx = person(path);
      const seen = await converse(log(['walk', '10'], flags, ctx), [[/Effort|private note/, '']]);
      expect(seen.some((t) => /feel like a flare/.test(t))).toBe(false);
      expect(ctx.stdout.text).toMatch(/This counts as a flare/);
    }
  });

  // A new activity (rowing) is not asked its unit and kind either: seen, "How do you measure rowing?"
  // and "What kind of activity is rowing?" before STOP NOW. It takes the guesses --no-input takes.
  it.each(['walk', 'rowing'])('T3: with --symptom chest-pain given, no question is asked before STOP NOW (%s)', async (activity) => {
    const path = await setUp();
    await log(['walk', '10'], {}, testContext(path));
    const ctx = person(path);
    const seen = await converse(log([activity, '10'], { symptom: ['chest-pain'] }, ctx), [[/./, '']]);
    expect(seen).toEqual([]);
    expect(ctx.stdout.text.trimStart()).toMatch(/^STOP NOW\./);
    expect(sessionsIn(path).at(-1)).toMatchObject({ activity, unit: 'min', symptoms: ['chest-pain'] });
  });

  it('T3: a new activity with --symptom chest-pain and no dose takes the unit its dose is given in, as --no-input does', async () => {
    // Not asked its unit any more, rowing was settled in the guess (min) before its dose was asked,
    // so "500 m" was refused as "rowing is recorded in min, not m": a new activity recorded in
    // nothing yet, and a refusal to get past before STOP NOW.
    const path = await setUp();
    await log(['walk', '10'], {}, testContext(path));
    const ctx = person(path);
    const done = log(['rowing'], { symptom: ['chest-pain'] }, ctx);
    const refused = () => {
      throw new Error(`refused:\n${screen.getScreen()}`);
    };
    const seen = await converse(done, [[/is recorded in/, refused], [/How much/, '500 m']]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(1);
    expect(ctx.stdout.text.trimStart()).toMatch(/^STOP NOW\./);
    expect(sessionsIn(path).find((s) => s.activity === 'rowing')).toMatchObject({ unit: 'm', dose: 500, category: 'other', symptoms: ['chest-pain'] });
  });

  it('T3: Ctrl-C after a warning sign was given still says STOP NOW, saves nothing and exits 130', async () => {
    const path = await setUp();
    await log(['walk', '10'], {}, testContext(path));
    const before = fileHash(path);
    const ctx = person(path);
    // A ticked sign ends the questions; one given with --symptom can still meet the dose's.
    const done = log(['walk'], { symptom: ['chest-pain'] }, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/How much/);
    ctrlC();
    expect(await done).toBe(130);
    expect(ctx.stderr.text.trimStart()).toMatch(/^STOP NOW\. Call emergency services now/);
    expect(ctx.stderr.text).toMatch(/nothing was saved/);
    expect(ctx.stderr.text).toMatch(/pace triage --symptom chest-pain/);
    // Nothing was recorded, so no pause opened: the words must not say one did.
    expect(ctx.stderr.text).not.toMatch(/plan is paused/);
    expect(fileHash(path)).toBe(before);
  });

  it('F2: Ctrl-C after answering "not settled" says that answer was not kept either, and how to give it', async () => {
    const path = await setUp();
    await log(['walk', '10'], { date: '2026-11-20' }, testContext(path));
    const before = fileHash(path);
    const ctx = person(path);
    const done = log([], {}, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/Has the pain from your walk on Fri 20 Nov settled/);
    screen.type('n');
    screen.keypress('enter');
    await screen.next();
    ctrlC();
    expect(await done).toBe(130);
    // Before: "Stopped. Nothing was saved." and the sign to have checked was gone without a word.
    expect(ctx.stderr.text).toMatch(/not settled/);
    expect(ctx.stderr.text).toMatch(/pace log --settled no/);
    expect(fileHash(path)).toBe(before);
  });

  it('T3: the stop advice after Ctrl-C goes to stderr without colour codes when stderr is not a terminal (2> a file)', async () => {
    const path = await setUp();
    await log(['walk', '10'], {}, testContext(path));
    // Colour is on for stdout, a terminal; stderr is a file.
    const ctx = testContext(path, { interactive: true, color: true, prompts: async () => (await import('../../src/ui/prompts.js')).makePrompts(() => false) });
    const done = log(['walk'], { symptom: ['chest-pain'] }, ctx);
    await screen.next();
    ctrlC();
    expect(await done).toBe(130);
    expect(ctx.stderr.text).toMatch(/STOP NOW/);
    expect(ctx.stderr.text).not.toMatch(/\u001b\[/);
  });

  it('an empty activity is refused at the question in words that name what is wrong', async () => {
    const ctx = person(await setUp());
    const done = log([], {}, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/Activity/);
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/> the activity is empty\./);
    ctrlC();
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it("T4: the symptom checklist has no one-key 'all' or 'invert': a stray a or i ticks no warning sign", async () => {
    for (const key of ['a', 'i']) {
      const ctx = person(await setUp());
      const flags = { unit: 'min', category: 'aerobic', painBefore: '2', painAfter: '3', effort: '3', flare: false, note: '' };
      const done = log(['walk', '10'], flags, ctx);
      const seen = await converse(done, [[/Did you notice any of these/, () => screen.keypress(key)]]);
      expect(await done, key).toBe(0);
      expect(seen[0], key).not.toMatch(/\ba all\b|\binvert\b/);
      expect(sessionsIn(ctx.dbPath)[0]!.symptoms, key).toEqual([]);
      expect(ctx.stdout.text, key).not.toMatch(/STOP/);
    }
  });

  it('Ctrl-C after ticking only usual symptoms stops as at any question', async () => {
    const path = await setUp();
    const ctx = person(path);
    const done = log(['walk', '10'], { painBefore: '2', painAfter: '2' }, ctx);
    await screen.next();
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    ctrlC();
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(ctx.stderr.text).not.toMatch(/STOP/);
  });

  it('the activity question names the last activity once, as its default, not "Activity (walk) (walk)"', async () => {
    const path = await setUp();
    const rest = { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' };
    await log(['walk', '10'], { date: '2026-11-18' }, testContext(path));
    const once = await converse(log([], { ...rest, dose: '10' }, person(path)), [[/Activity/, ''], [/check-in/, '']]);
    expect(once[0]).toMatch(/^\? Activity \(walk\)$/m);
    await log(['stretching', '5'], { date: '2026-11-16' }, testContext(path));
    const others = await converse(log([], { ...rest, dose: '10' }, person(path)), [[/Activity/, '']]);
    expect(others[0]).toMatch(/^\? Activity \(others: stretching\) \(walk\)$/m);
  });

  it('(seen) a typo of a known activity is asked about before it becomes a new one: "wlak" is the walk', async () => {
    // Seen: "pace log wlak 10" asked how wlak is measured and what kind it is, Enter twice made
    // a new activity ("other") with a plan of its own, and only the last line named walk.
    const path = await setUp();
    const rest = { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' };
    await log(['walk', '10'], { date: '2026-11-18' }, testContext(path));
    const done = log(['wlak', '10'], rest, person(path));
    const seen = await converse(done, [[/Did you mean walk/, ''], [/check-in/, '']]);
    expect(await done).toBe(0);
    expect(seen[0]).toMatch(/wlak is not in your journal yet\. Did you mean walk\? \(Y\/n\)/);
    expect(seen.some((t) => /How do you measure/.test(t))).toBe(false);
    expect(sessionsIn(path).map((s) => s.activity)).toEqual(['walk', 'walk']);
  });

  it('(seen) answering no to "did you mean" keeps the new name and asks how it is measured', async () => {
    const path = await setUp();
    const rest = { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' };
    await log(['walk', '10'], { date: '2026-11-18' }, testContext(path));
    const done = log(['talk', '10'], rest, person(path));
    const seen = await converse(done, [[/Did you mean walk/, 'n'], [/How do you measure talk/, ''], [/What kind of activity is talk/, ''], [/check-in/, '']]);
    expect(await done).toBe(0);
    expect(seen[0]).toMatch(/Did you mean walk/);
    expect(sessionsIn(path).map((s) => s.activity).sort()).toEqual(['talk', 'walk']);
  });

  it('"did you mean" is not asked when the unit given is not the known activity\'s ("wall 12reps" beside "walk" in minutes)', async () => {
    const path = await setUp();
    const rest = { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' };
    await log(['walk', '10'], { date: '2026-11-18' }, testContext(path));
    const done = log(['wall', '12reps'], rest, person(path));
    const seen = await converse(done, [[/What kind of activity is wall/, ''], [/check-in/, '']]);
    expect(await done).toBe(0);
    expect(seen.some((t) => /Did you mean/.test(t))).toBe(false);
    expect(sessionsIn(path).map((s) => s.activity).sort()).toEqual(['walk', 'wall']);
  });

  const REST = { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' };
  /** A journal where the one "wlak" session was moved to walk with edit: "wlak" is left with none. */
  async function correctedTypo(): Promise<string> {
    const path = await setUp();
    await log(['walk', '10'], { date: '2026-11-17' }, testContext(path));
    await log(['wlak', '10'], { date: '2026-11-18' }, testContext(path));
    await edit(['2'], { activity: 'walk' }, testContext(path));
    return path;
  }

  it('(seen) the activity question does not offer a name whose sessions were all moved away (a typo corrected)', async () => {
    // Seen: after "pace edit 3 --activity walk" moved the one "wlak" session, the question still
    // read "Activity (others: wlak) (walk)", inviting the typo again.
    const path = await correctedTypo();
    const seen = await converse(log([], { ...REST, dose: '10' }, person(path)), [[/Activity/, ''], [/check-in/, '']]);
    expect(seen[0]).toMatch(/^\? Activity \(walk\)$/m);
  });

  it('(seen in review) the typo typed again after it was corrected is asked about, not taken silently', async () => {
    // The corrected typo's activity stays behind with no session: "wlak" was found as known, so
    // no question was asked, and the walk went to "wlak" again with a plan of its own.
    const path = await correctedTypo();
    const done = log(['wlak', '10'], REST, person(path));
    const seen = await converse(done, [[/Did you mean walk/, ''], [/check-in/, '']]);
    expect(await done).toBe(0);
    expect(seen[0]).toMatch(/wlak is not in your journal yet\. Did you mean walk\?/);
    expect(sessionsIn(path).map((s) => s.activity)).toEqual(['walk', 'walk', 'walk']);
  });

  it('(seen in review) logged by a script, the corrected typo again is named with the edit that moves it', async () => {
    const path = await correctedTypo();
    const ctx = testContext(path);
    expect(await log(['wlak', '10'], {}, ctx)).toBe(0);
    expect(ctx.stdout.text).toMatch(/If you meant walk: pace edit 3 --activity walk/);
  });

  it("F2: asks whether yesterday's pain has settled, and records a 'no'", async () => {
    const path = await setUp();
    await log(['walk', '10'], { date: '2026-11-20' }, testContext(path));
    const done = log(['walk', '10'], { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' }, person(path));
    await converse(done, [[/settled back to its usual level/, 'n'], [/check-in/, '']]);
    expect(await done).toBe(0);
    expect(sessionsIn(path)[0]!.symptoms).toEqual(['pain-over-24h']);
  });
});

describe('pace log, asked by a person: a first session', () => {
  it('(seen) the first session saved says how to change an answer typed wrong; the next one does not', async () => {
    // Seen: a pain after of 7 typed for 5 was saved, called a flare, and nothing said that pace edit could change it.
    const path = await setUp();
    const answers = { unit: 'min', category: 'aerobic', painBefore: '4', painAfter: '7', effort: '3', symptom: [], flare: false, note: '' };
    const first = person(path);
    const done = log(['walk', '12'], answers, first);
    await converse(done, [[/check-in/, '']]);
    expect(await done).toBe(0);
    expect(first.stdout.text).toMatch(/Typed something wrong\? Change it with, for example: pace edit 1 --pain-after 5/);
    const second = person(path);
    const again = log(['walk', '12'], { ...answers, date: '2026-11-20' }, second);
    await converse(again, [[/check-in/, '']]);
    expect(await again).toBe(0);
    expect(second.stdout.text).toMatch(/Saved/);
    expect(second.stdout.text).not.toMatch(/Typed something wrong/);
  });
});

describe('pace log, asked by a person: answers are checked as the flags are', () => {
  it('refuses a dose longer than a day at the dose question, not after every other question', async () => {
    const ctx = person(await setUp());
    const done = log(['walk'], ALL_BUT_DOSE, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/How much \(min\)/);
    await refuseThenCorrect('2000', /longer than a day/, '20');
    expect(await done).toBe(0);
    expect(sessionsIn(ctx.dbPath)[0]).toMatchObject({ activity: 'walk', dose: 20 });
  });

  it('(seen) Enter or a typo at the dose question says what to type, not "\'\'" is not a positive number', async () => {
    // Seen: Enter gave '> "" is not a positive number.' and "1o" gave '"1o": "o" is not a unit pace knows.'
    const ctx = person(await setUp());
    const done = log(['walk'], ALL_BUT_DOSE, ctx);
    await screen.next();
    await refuseThenCorrect('', /Type how much you did: a number of minutes, for example 10\./, '1o');
    await screen.next();
    expect(screen.getScreen()).toMatch(/"1o" is not an amount: type a number of minutes, for example 10\./);
    screen.keypress('backspace');
    screen.type('2');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(sessionsIn(ctx.dbPath)[0]).toMatchObject({ activity: 'walk', dose: 12 });
  });

  it('refuses, at the dose question, more reps than one session could hold (2000 for 20), and takes the number typed again', async () => {
    const ctx = person(await setUp());
    const done = log(['sit-to-stand'], { ...ALL_BUT_DOSE, unit: 'reps', category: 'strength' }, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/How much \(reps\)/);
    await refuseThenCorrect('2000', /2000 reps is too many for one session/, '20');
    expect(await done).toBe(0);
    expect(sessionsIn(ctx.dbPath)).toMatchObject([{ activity: 'sit-to-stand', dose: 20, unit: 'reps' }]);
  });

  it('refuses a dose in another unit at the dose question', async () => {
    const ctx = person(await setUp());
    const done = log(['walk'], ALL_BUT_DOSE, ctx);
    await screen.next();
    await refuseThenCorrect('12reps', /recorded in min, not reps/, '12');
    expect(await done).toBe(0);
    expect(sessionsIn(ctx.dbPath)[0]).toMatchObject({ activity: 'walk', dose: 12, unit: 'min' });
  });

  it('refuses a dose given as a flag before asking anything, as without a terminal', async () => {
    const path = await setUp();
    await log(['walk', '10'], {}, testContext(path));
    // interactive, but any question would fail the test
    const ctx = testContext(path, { interactive: true });
    await expect(log(['walk', '2000'], {}, ctx)).rejects.toMatchObject({ message: expect.stringMatching(/longer than a day/) });
    await expect(log(['stairs', '2000reps'], {}, ctx)).rejects.toMatchObject({ message: expect.stringMatching(/too many for one session/) });
    await expect(log(['walk', '12reps'], {}, ctx)).rejects.toMatchObject({ message: expect.stringMatching(/recorded in min, not reps/) });
    await expect(log(['stairs', '12reps'], { unit: 'min' }, ctx)).rejects.toMatchObject({ message: expect.stringMatching(/disagree/) });
    expect(sessionsIn(path)).toHaveLength(1);
  });

  it('refuses a note with invisible characters at the note question, as --note does', async () => {
    const ctx = person(await setUp());
    const done = log(['walk', '10'], { unit: 'min', category: 'aerobic', painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false }, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/private note/);
    // Said of the note asked for, not of a flag the person never typed.
    await refuseThenCorrect('ok\u200bay', /^> The note contains invisible/m, 'okay');
    expect(await done).toBe(0);
    expect(sessionsIn(ctx.dbPath)[0]!.note).toBe('okay');
  });
});
