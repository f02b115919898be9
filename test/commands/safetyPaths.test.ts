import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { edit } from '../../src/commands/edit.js';
import { importCmd } from '../../src/commands/import.js';
import { log } from '../../src/commands/log.js';
import { status } from '../../src/commands/status.js';
import { triageCmd } from '../../src/commands/triage.js';
import { isFlareSession } from '../../src/core/coach/flares.js';
import { addDays } from '../../src/core/dates.js';
import { decideTriage } from '../../src/core/safety.js';
import { sessionResponse } from '../../src/core/sessionResponse.js';
import { SYMPTOM_CODES, SYMPTOMS } from '../../src/core/symptoms.js';
import type { Session } from '../../src/core/types.js';
import { logLines } from '../../src/ui/logView.js';
import { TODAY, testContext } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const STOP_CODES = SYMPTOMS.filter((s) => s.class === 'stop').map((s) => s.code);
const CONTINUE_CODES = SYMPTOMS.filter((s) => s.class === 'continue').map((s) => s.code);
// F4's words: the reassurance that a response is expected and no sign of damage or harm.
const F4_WORDS = /not a sign of damage|not signs of harm|is expected|an expected|carry on/i;

describe('F4: a flare session never gets F4\'s words (property)', () => {
  const scale = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
  const session: fc.Arbitrary<Session> = fc.record({
    id: fc.constant(7), date: fc.constant(TODAY), activity: fc.constant('walk'), unit: fc.constant('min' as const),
    category: fc.constant('aerobic' as const), dose: fc.integer({ min: 1, max: 60 }), painBefore: scale, painAfter: scale,
    effort: fc.constant(null), flare: fc.boolean(), symptoms: fc.subarray([...SYMPTOM_CODES]), note: fc.constant(null),
  });

  it('F4, F1: whatever its symptoms, quota or pause, a flare is never told it is expected (words and JSON)', () => {
    fc.assert(
      fc.property(session, fc.option(fc.integer({ min: 2, max: 60 }), { nil: null }), fc.boolean(), (s, quota, paused) => {
        const d = decideTriage(TODAY, 'log', [{ sessionId: s.id, sessionDate: s.date, codes: s.symptoms, flare: isFlareSession(s) }], paused ? 'stop' : null);
        const response = sessionResponse(s, quota, paused);
        const text = [...logLines(false, s, d.result, null, response), JSON.stringify(d.result), JSON.stringify(response)].join('\n');
        if (isFlareSession(s)) expect(text).not.toMatch(F4_WORDS);
        else if (s.painBefore !== null && s.painAfter !== null && s.painAfter > s.painBefore) expect(text).toMatch(/not a sign of damage/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('F4 on edit: the advice reads the session as the edit leaves it', () => {
  /** Logs a walk with pain 2 -> `before`, then edits pain after to `after` and adds mild-pain-increase: what the edit prints. */
  async function editPainAfter(before: number, after: number): Promise<string> {
    const db = join(tempDir(), 'pace.db');
    expect(await log(['walk', '10'], { painBefore: '2', painAfter: String(before) }, testContext(db))).toBe(0);
    const ctx = testContext(db);
    expect(await edit(['1'], { painAfter: String(after), symptom: ['mild-pain-increase'] }, ctx)).toBe(0);
    return ctx.stdout.text;
  }

  it('F4, F1: an edit that makes a session a flare (pain 2 -> 8) gets no calm words with its continue symptom', async () => {
    const text = await editPainAfter(3, 8);
    expect(text).toMatch(/counts as a flare/);
    expect(text).not.toMatch(F4_WORDS);
  });

  it('F4: an edit that takes the flare away (pain 2 -> 8 corrected to 2 -> 3) gets the calm words', async () => {
    const text = await editPainAfter(8, 3);
    expect(text).toMatch(/not signs of harm/);
    expect(text).not.toMatch(/^This counts as a flare/m);
    // F1: with no mark of the person's own, the edit says how to keep one.
    expect(text).toMatch(/It no longer counts as a flare/);
  });
});

describe('T5: every path that records a stop symptom for the last 7 days leaves the plan paused (property)', () => {
  type Path = 'log' | 'edit' | 'triage' | 'import';
  async function record(path: Path, db: string, date: string, codes: string[]): Promise<void> {
    const ctx = () => testContext(db);
    if (path === 'log') expect(await log(['walk', '10'], { date, symptom: codes }, ctx())).toBe(0);
    else if (path === 'import') {
      const file = join(tempDir(), 'rows.csv');
      writeFileSync(file, `date,activity,category,dose,unit,pain_before,pain_after,flare,symptoms\r\n${date},walk,aerobic,10,min,3,4,no,${codes.join(';')}\r\n`);
      expect(await importCmd([file], {}, ctx())).toBe(0);
    } else {
      expect(await log(['walk', '10'], { date }, ctx())).toBe(0);
      if (path === 'edit') expect(await edit(['1'], { symptom: codes }, ctx())).toBe(0);
      else expect(await triageCmd([], { symptom: codes, session: '1' }, ctx())).toBe(0);
    }
  }

  it('T5, T3: log, edit, triage and import alike: paused, with the stop sign named in the hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Path>('log', 'edit', 'triage', 'import'),
        fc.constantFrom(...STOP_CODES),
        fc.subarray(CONTINUE_CODES),
        fc.integer({ min: 0, max: 7 }),
        async (path, stop, extra, daysAgo) => {
          const db = join(tempDir(), 'pace.db');
          await record(path, db, addDays(TODAY, -daysAgo), [...extra, stop]);
          const ctx = testContext(db);
          await status([], { json: true }, ctx);
          const doc = JSON.parse(ctx.stdout.text) as { paused: boolean; holds: { kind: string; symptoms: string[] }[] };
          expect(doc.paused).toBe(true);
          expect(doc.holds).toEqual([{ kind: 'stop', since: TODAY, symptoms: [stop] }]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
