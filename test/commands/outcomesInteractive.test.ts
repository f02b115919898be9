// The prompt mocks must load before any module that imports inquirer.
import { screen } from '@inquirer/testing/vitest';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkin } from '../../src/commands/checkin.js';
import { goalAdd, goalClose, goalRate } from '../../src/commands/goal.js';
import { init } from '../../src/commands/init.js';
import { log } from '../../src/commands/log.js';
import type { IsoDate } from '../../src/core/types.js';
import { getGoal, listGoals } from '../../src/store/goals.js';
import { listPegCheckins } from '../../src/store/pegCheckins.js';
import { listSessions } from '../../src/store/sessions.js';
import { readJournal as read, testContext } from '../helpers/context.js';
import { converse, refuseThenCorrect } from '../helpers/converse.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const person = (dbPath: string, today = '2026-11-21') =>
  testContext(dbPath, { today: today as IsoDate, interactive: true, prompts: async () => (await import('../../src/ui/prompts.js')).makePrompts(() => false) });

/** A journal with its safety question answered and a walk on Monday 16 Nov (today is Saturday 21 Nov). */
async function withHistory(): Promise<string> {
  const path = join(tempDir(), 'pace.db');
  await init([], { pem: 'no' }, testContext(path));
  await log(['walk', '10'], { date: '2026-11-16' }, testContext(path));
  return path;
}

const quiet = { painBefore: '2', painAfter: '2', effort: '3', symptom: [], flare: false, note: '' };

describe('W2: an interactive log offers the weekly check-in once a week', () => {
  it('offers it after the session is saved, asks the three PEG questions with their anchors, and saves them', async () => {
    const path = await withHistory();
    const ctx = person(path);
    const done = log(['walk', '10'], quiet, ctx);
    const seen = await converse(done, [
      [/check-in/, 'y'],
      [/pain on average/, '6'],
      [/enjoyment of life/, '5'],
      [/general activity/, '4'],
    ]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(4);
    expect(seen[1]).toMatch(/0 = no pain, 10 = pain as bad as you can imagine/);
    expect(seen[2]).toMatch(/0 = did not interfere, 10 = completely interfered/);
    expect(read(path, listPegCheckins)).toEqual([{ weekStart: '2026-11-16', date: '2026-11-21', pain: 6, enjoyment: 5, general: 4 }]);
    expect(ctx.stdout.text).toMatch(/Saved/);
    expect(ctx.stdout.text).toMatch(/PEG score 5\.0/);

    // The week has its check-in: the next log asks nothing (converse fails on any prompt).
    const again = log(['walk', '10'], quiet, person(path));
    expect(await converse(again, [])).toEqual([]);
    expect(await again).toBe(0);
  });

  it('one key (Enter) skips it; it is not offered again that week, and is offered the next week', async () => {
    const path = await withHistory();
    const first = log(['walk', '10'], quiet, person(path));
    expect(await converse(first, [[/check-in/, '']])).toHaveLength(1);
    expect(await first).toBe(0);
    expect(read(path, listPegCheckins)).toEqual([]);

    const sameWeek = log(['walk', '10'], { ...quiet, settled: 'yes' }, person(path, '2026-11-22'));
    expect(await converse(sameWeek, [])).toEqual([]);
    expect(await sameWeek).toBe(0);

    const nextWeek = log(['walk', '10'], { ...quiet, settled: 'yes' }, person(path, '2026-11-23'));
    expect(await converse(nextWeek, [[/check-in/, '']])).toHaveLength(1);
    expect(await nextWeek).toBe(0);
  });

  it('is not offered on the journal\'s first day, which already asks the safety question', async () => {
    const path = join(tempDir(), 'pace.db');
    await init([], { pem: 'no' }, testContext(path));
    const done = log(['walk', '10'], { ...quiet, unit: 'min', category: 'aerobic' }, person(path));
    expect(await converse(done, [])).toEqual([]);
    expect(await done).toBe(0);
  });

  it('W2: nor when that first log is of a session the day before (seen: the safety question, then "three quick questions")', async () => {
    const path = join(tempDir(), 'pace.db');
    const done = log(['walk', '10'], { ...quiet, date: '2026-11-20', unit: 'min', category: 'aerobic' }, person(path));
    const seen = await converse(done, [[/12 to 72 hours/, '']]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(1);
    expect(read(path, listSessions)).toHaveLength(1);

    // The next day the journal is no longer new: the check-in is offered.
    const next = log(['walk', '10'], { ...quiet, settled: 'yes' }, person(path, '2026-11-22'));
    expect(await converse(next, [[/check-in/, '']])).toHaveLength(1);
    expect(await next).toBe(0);
  });

  it('M2: after the session, names the goals whose last rating is 14 days old or more, without asking', async () => {
    const path = await withHistory();
    await goalAdd(['climb the stairs'], { rating: '3' }, testContext(path, { today: '2026-11-07' as IsoDate }));
    await goalAdd(['touch my toes'], { rating: '2' }, testContext(path, { today: '2026-11-08' as IsoDate }));
    const ctx = person(path);
    const done = log(['walk', '10'], quiet, ctx);
    expect(await converse(done, [[/check-in/, '']])).toHaveLength(1);
    expect(await done).toBe(0);
    expect(ctx.stdout.text).toMatch(/Time to re-rate your goal "climb the stairs": pace goal rate/);
    expect(ctx.stdout.text).not.toMatch(/touch my toes/);
  });

  it('T3: after a stop sign, nothing is offered or named below STOP NOW; the check-in is offered at the next log', async () => {
    const path = await withHistory();
    await goalAdd(['climb the stairs'], { rating: '3' }, testContext(path, { today: '2026-11-07' as IsoDate }));
    const ctx = person(path);
    const done = log(['walk', '10'], { ...quiet, symptom: ['chest-pain'] }, ctx);
    expect(await converse(done, [[/check-in/, '']])).toEqual([]);
    expect(await done).toBe(0);
    expect(ctx.stdout.text).toMatch(/^STOP NOW/);
    expect(ctx.stdout.text).not.toMatch(/re-rate/);

    const later = log(['walk', '10'], { ...quiet, settled: 'yes' }, person(path, '2026-11-22'));
    expect(await converse(later, [[/check-in/, '']])).toHaveLength(1);
    expect(await later).toBe(0);
  });

  it('Ctrl-C at the offer (after the save) exits 130 as at any question, and says the session is saved, not "nothing was saved" (cli.md, issue 17)', async () => {
    const path = await withHistory();
    const ctx = person(path);
    const done = log(['walk', '12'], quiet, ctx);
    await screen.next();
    expect(screen.getScreen()).toMatch(/check-in/);
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toBe(130);
    expect(ctx.stderr.text).toMatch(/Stopped\. Your session is saved/);
    expect(ctx.stderr.text).not.toMatch(/Nothing was saved/);
    expect(read(path, listPegCheckins)).toEqual([]);
  });
});

describe('M2: goal rate walks the open goals', () => {
  it('asks each open goal in turn with the anchors and its last rating; Enter leaves one as it was', async () => {
    const path = join(tempDir(), 'pace.db');
    await goalAdd(['climb the stairs'], { rating: '3' }, testContext(path, { today: '2026-11-01' as IsoDate }));
    await goalAdd(['sit on the floor and get up'], { rating: '2' }, testContext(path, { today: '2026-11-01' as IsoDate }));
    const ctx = person(path);
    const done = goalRate([], {}, ctx);
    const seen = await converse(done, [
      [/climb the stairs/, '6'],
      [/sit on the floor/, ''],
    ]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/0 = unable to do it, 10 = as well as before the pain problem; last time 3 \(1 Nov\), Enter to skip/);
    // M2: the last rating with its day, as goal list and review give it: a month-old 3 is not last week's.
    expect(seen[1]).toMatch(/last time 2 \(1 Nov\), Enter to skip/);
    const goals = read(path, (db) => listGoals(db));
    expect(goals.map((g) => g.ratings.map((r) => r.rating))).toEqual([[3, 6], [2]]);
    expect(ctx.stdout.text).toMatch(/3 -> 6 \(21 Nov\): a clear change for the better/);
  });

  it('M2: a goal rated on a later day (the day went back) is left out and named; the others are still asked', async () => {
    // Seen: one such goal refused the whole walk through the goals, so none could be rated.
    const path = join(tempDir(), 'pace.db');
    await goalAdd(['climb the stairs'], { rating: '3' }, testContext(path, { today: '2026-11-22' as IsoDate }));
    await goalAdd(['sit on the floor and get up'], { rating: '2' }, testContext(path, { today: '2026-11-01' as IsoDate }));
    const ctx = person(path);
    const done = goalRate([], {}, ctx);
    const seen = await converse(done, [[/sit on the floor/, '4']]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(1);
    expect(ctx.stderr.text).toMatch(/^Goal 1 is left out: it was last rated on Sun 22 Nov 2026, after today \(Sat 21 Nov 2026\)\.$/m);
    expect(read(path, (db) => listGoals(db)).map((g) => g.ratings.map((r) => r.rating))).toEqual([[3], [2, 4]]);
  });

  it('M2: when every open goal was rated on a later day, goal rate is refused as before and nothing is written', async () => {
    const path = join(tempDir(), 'pace.db');
    await goalAdd(['climb the stairs'], { rating: '3' }, testContext(path, { today: '2026-11-22' as IsoDate }));
    await expect(goalRate([], {}, person(path))).rejects.toThrow(/goal 1 was last rated on Sun 22 Nov 2026, after today/);
    expect(read(path, (db) => listGoals(db)).map((g) => g.ratings.length)).toEqual([1]);
  });

  it('with every goal closed, goal rate asks nothing and is refused with the way to set one, not an empty walk-through', async () => {
    const path = join(tempDir(), 'pace.db');
    await goalAdd(['climb the stairs'], { rating: '3' }, testContext(path, { today: '2026-11-16' as IsoDate }));
    expect(await goalClose(['1'], { achieved: true }, testContext(path, { today: '2026-11-16' as IsoDate }))).toBe(0);
    const done = goalRate([], {}, person(path));
    await expect(done).rejects.toThrow(/there is no open goal to rate/);
    await expect(done).rejects.toMatchObject({ hint: expect.stringMatching(/pace goal add/) });
  });

  it('goal add asks the first rating when it was not given, and refuses 11 until corrected', async () => {
    const path = join(tempDir(), 'pace.db');
    const done = goalAdd(['touch', 'my', 'toes'], {}, person(path));
    await screen.next();
    expect(screen.getScreen()).toMatch(/touch my toes: how able are you to do it now\?/);
    await refuseThenCorrect('11', /not a whole number from 0 to 10/, '4');
    expect(await done).toBe(0);
    expect(read(path, (db) => getGoal(db, 1))).toMatchObject({ text: 'touch my toes', ratings: [{ date: '2026-11-21', rating: 4 }] });
  });
});

describe('W1: pace checkin asked by a person', () => {
  it('(seen) Enter at a question that needs an answer says what to type, not \'the answer "" is not ...\'', async () => {
    // A screen reader read the refusal as "the answer quote quote is not a whole number".
    const path = join(tempDir(), 'pace.db');
    const done = checkin([], { pain: '5', general: '4' }, person(path));
    await screen.next();
    await refuseThenCorrect('', /^> the answer is empty: type a whole number from 0 to 10\.$/m, '3');
    expect(screen.getScreen()).not.toMatch(/""/);
    expect(await done).toBe(0);
    expect(read(path, listPegCheckins)).toMatchObject([{ pain: 5, enjoyment: 3, general: 4 }]);
  });

  it('asks only the questions the flags left out', async () => {
    const path = join(tempDir(), 'pace.db');
    const done = checkin([], { pain: '5' }, person(path));
    const seen = await converse(done, [
      [/enjoyment of life/, '3'],
      [/general activity/, '4'],
    ]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(2);
    expect(read(path, listPegCheckins)).toMatchObject([{ pain: 5, enjoyment: 3, general: 4 }]);
  });

  it('F2: the day after a session it asks the next-day question first, and records the answer', async () => {
    const path = join(tempDir(), 'pace.db');
    await init([], { pem: 'no' }, testContext(path));
    await log(['walk', '10'], { date: '2026-11-20' }, testContext(path));
    const ctx = person(path);
    const done = checkin([], { pain: '5', enjoyment: '3', general: '4' }, ctx);
    const seen = await converse(done, [[/walk on Fri 20 Nov settled back/, 'n']]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(1);
    expect(read(path, (db) => listSessions(db)).map((x) => x.symptoms)).toEqual([['pain-over-24h']]);
    expect(ctx.stdout.text).toMatch(/has not settled after a day/);
    // Answered: the next check-in asks nothing more.
    const again = checkin([], { pain: '5', enjoyment: '3', general: '4' }, person(path));
    expect(await converse(again, [])).toEqual([]);
    expect(await again).toBe(0);
  });

  it('F2: Ctrl-C at the PEG questions after "not settled" says that answer was not kept either', async () => {
    const path = join(tempDir(), 'pace.db');
    await init([], { pem: 'no' }, testContext(path));
    await log(['walk', '10'], { date: '2026-11-20' }, testContext(path));
    const ctx = person(path);
    const done = checkin([], {}, ctx);
    await screen.next();
    screen.type('n');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/pain on average/);
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toBe(130);
    expect(ctx.stderr.text).toMatch(/had not settled was not kept either; to record it: pace log --settled no/);
    expect(read(path, (db) => listSessions(db)).map((x) => x.symptoms)).toEqual([[]]);
  });
});

describe('M1: pace goal add asked by a person', () => {
  it('(seen) pace goal add with no words asks for the goal, then its rating, instead of "missing required argument"', async () => {
    const path = await withHistory();
    const done = goalAdd([], {}, person(path));
    const seen = await converse(done, [
      [/What would you like to be able to do again/, 'walk to the park and back'],
      [/how able are you to do it now/, '3'],
    ]);
    expect(await done).toBe(0);
    expect(seen).toHaveLength(2);
    expect(read(path, (db) => listGoals(db))).toMatchObject([{ text: 'walk to the park and back' }]);
  });

  it('without a person to ask, no words is a usage error that shows how to write one, and nothing is added', async () => {
    const path = await withHistory();
    await expect(goalAdd([], { rating: '3' }, testContext(path))).rejects.toThrow(/the goal is empty/);
    expect(read(path, (db) => listGoals(db))).toEqual([]);
  });
});
