import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { log } from '../../src/commands/log.js';
import { InputError } from '../../src/core/errors.js';
import { sessionsIn, testContext } from '../helpers/context.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const journalAt = () => join(tempDir(), 'pace.db');


describe('pace log with flags', () => {
  it('records the session and prints it as one JSON document', async () => {
    const ctx = testContext(journalAt());
    const code = await log(['walk', '10'], { painBefore: '3', painAfter: '4', symptom: ['muscle-fatigue'], json: true }, ctx);
    expect(code).toBe(0);
    const out = JSON.parse(ctx.stdout.text);
    expect(out.session).toMatchObject({
      id: 1, date: '2026-11-21', activity: 'walk', category: 'aerobic', dose: 10, unit: 'min',
      pain_before: 3, pain_after: 4, effort: null, flare: false, symptoms: ['muscle-fatigue'],
    });
    expect(out.triage.class).toBe('continue');
    expect(sessionsIn(ctx.dbPath)).toHaveLength(1);
  });

  it('a typo in a known activity (wlak for walk) is named as a new activity, with the edit that fixes it', async () => {
    const path = journalAt();
    expect(await log(['walk', '10'], { date: '2026-11-18' }, testContext(path))).toBe(0);
    const typo = testContext(path);
    expect(await log(['wlak', '10'], {}, typo)).toBe(0);
    expect(typo.stdout.text).toMatch(/^wlak is a new activity, with a plan of its own\. If you meant walk: pace edit 2 --activity walk$/m);
    const other = testContext(path);
    expect(await log(['stretching', '5'], {}, other)).toBe(0);
    expect(other.stdout.text).toMatch(/^stretching is a new activity, with a plan of its own\.$/m);
    const again = testContext(path);
    expect(await log(['walk', '10'], {}, again)).toBe(0);
    expect(again.stdout.text).not.toMatch(/new activity/);
  });

  it('words the saved session as people write amounts: 1 rep, 12 reps', async () => {
    const ctx = testContext(journalAt());
    expect(await log(['sit-to-stand', '1reps'], { category: 'strength' }, ctx)).toBe(0);
    const second = testContext(ctx.dbPath);
    expect(await log(['sit-to-stand', '12reps'], {}, second)).toBe(0);
    expect(ctx.stdout.text).toMatch(/Saved: sit-to-stand 1 rep on /);
    expect(second.stdout.text).toMatch(/Saved: sit-to-stand 12 reps on /);
    expect(sessionsIn(ctx.dbPath).map((s) => s.dose)).toEqual([1, 12]);
  });

  it('says once, on first use, that pace is not a clinician', async () => {
    const ctx = testContext(journalAt());
    await log(['walk', '10'], {}, ctx);
    expect(ctx.stderr.text).toMatch(/not a substitute for a clinician/);
    const again = testContext(ctx.dbPath);
    await log(['walk', '12'], {}, again);
    expect(again.stderr.text).toBe('');
  });

  it('F4: confirms that a rise of 2 points is an expected response, not damage', async () => {
    const ctx = testContext(journalAt());
    await log(['walk', '10'], { painBefore: '3', painAfter: '5' }, ctx);
    expect(ctx.stdout.text).toMatch(/not a sign of damage/);
  });

  it('T3: a stop symptom leads with a stop message that names emergency services', async () => {
    const ctx = testContext(journalAt());
    await log(['walk', '10'], { symptom: ['chest-pain'] }, ctx);
    expect(ctx.stdout.text.split('\n')[0]).toMatch(/STOP NOW/);
    expect(ctx.stdout.text).toMatch(/emergency services/);
  });

  it('keeps the unit and category an activity was first logged with', async () => {
    const path = journalAt();
    await log(['sit-to-stand', '12reps'], { category: 'strength' }, testContext(path));
    await log(['Sit-To-Stand ', '10'], {}, testContext(path));
    expect(sessionsIn(path).map((s) => [s.activity, s.unit, s.category, s.dose])).toEqual([
      ['sit-to-stand', 'reps', 'strength', 12],
      ['sit-to-stand', 'reps', 'strength', 10],
    ]);
    await expect(log(['sit-to-stand', '10min'], {}, testContext(path))).rejects.toThrow(/recorded in reps/);
  });

  it.each([
    ['pain 11', ['walk', '10'], { painBefore: '11' }],
    ['dose 0', ['walk', '0'], {}],
    ['dose -5', ['walk', '-5'], {}],
    ['dose "ten"', ['walk', 'ten'], {}],
    ['1441 minutes', ['walk', '1441'], {}],
    ['30 February', ['walk', '10'], { date: '2026-02-30' }],
    ['a future date', ['walk', '10'], { date: '2026-11-22' }],
    ['an unknown unit', ['walk', '10'], { unit: 'furlong' }],
    ['an unknown category', ['walk', '10'], { category: 'cardio' }],
    ['an unknown symptom code', ['walk', '10'], { symptom: ['sore-toe'] }],
    ['no activity', [], {}],
    ['no dose', ['walk'], {}],
  ])('refuses %s with an input error and creates no journal', async (_what, args, flags) => {
    const ctx = testContext(journalAt());
    await expect(log(args, flags, ctx)).rejects.toBeInstanceOf(InputError);
    expect(existsSync(ctx.dbPath)).toBe(false);
  });

  it('refuses bad input without changing an existing journal', async () => {
    const path = journalAt();
    await log(['walk', '10'], {}, testContext(path));
    const before = fileHash(path);
    await expect(log(['walk', '10'], { painAfter: '11' }, testContext(path))).rejects.toBeInstanceOf(InputError);
    expect(fileHash(path)).toBe(before);
    expect(sessionsIn(path)).toHaveLength(1);
  });

  it('F2: --settled no marks yesterday\'s session with pain-over-24h', async () => {
    const path = journalAt();
    await log(['walk', '10'], { date: '2026-11-20' }, testContext(path));
    const ctx = testContext(path);
    await log(['walk', '10'], { settled: 'no', json: true }, ctx);
    expect(JSON.parse(ctx.stdout.text).checkin).toMatchObject({ session_id: 1, settled: false });
    expect(sessionsIn(path)[0]!.symptoms).toContain('pain-over-24h');
  });

  it('F2: the check asks about yesterday or the day before; a session three days back is no longer waiting', async () => {
    const path = journalAt();
    await log(['walk', '10'], { date: '2026-11-18' }, testContext(path));
    await log(['walk', '10'], { date: '2026-11-19' }, testContext(path));
    const ctx = testContext(path);
    await log(['walk', '10'], { settled: 'no', json: true }, ctx);
    expect(JSON.parse(ctx.stdout.text).checkin).toMatchObject({ session_ids: [2], date: '2026-11-19', settled: false });
    await expect(log(['walk', '10'], { settled: 'no' }, testContext(path))).rejects.toBeInstanceOf(InputError);
    expect(sessionsIn(path)[0]!.symptoms).not.toContain('pain-over-24h');
  });

  it('F2: refuses --settled when there is no recent session to answer for', async () => {
    await expect(log(['walk', '10'], { settled: 'yes' }, testContext(journalAt()))).rejects.toBeInstanceOf(InputError);
  });
});
