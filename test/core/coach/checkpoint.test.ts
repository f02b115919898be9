import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_WEEKS_BACK, CheckpointMismatch, checkpointAt, checkpointReadsFrom, checkpointWeekFor, chooseCheckpoint, startFrom, type Checkpoint } from '../../../src/core/coach/checkpoint.js';
import { planAndCheckpoint, planHistory } from '../../../src/core/coach/plan.js';
import { statusAndCheckpoint, statusOf, statusPlansFrom, statusReadsFrom } from '../../../src/core/coach/status.js';
import type { Acceptance, Override, TriageRecord } from '../../../src/core/coach/types.js';
import { addDays, toDayNumber } from '../../../src/core/dates.js';
import type { IsoDate, Session, Settings } from '../../../src/core/types.js';
import { history, steadyHistory } from './arbitraries.js';
import { MON, settings, week, weeks, times } from './builders.js';

// Q9 says a plan is derived from the whole history. A checkpoint lets `status`, `plan` and `log`
// start the replay two weeks back instead of at the first session; these properties hold it to
// giving exactly what the replay from the start gives, for every week it can answer for.

const WEEKS = 16;
const anyHistory = fc.oneof(history(WEEKS, 90), steadyHistory(WEEKS));

interface Extras {
  settings: Settings;
  overrides: Override[];
  acceptances: Acceptance[];
  triageRecords: TriageRecord[];
}

const extras: fc.Arbitrary<Extras> = fc
  .record({
    pem: fc.constantFrom<boolean | null>(true, false, null),
    answerDay: fc.option(fc.integer({ min: 0, max: WEEKS * 7 })),
    start: fc.option(fc.integer({ min: -20, max: 30 })),
    target: fc.constantFrom(60, 150),
    // Q6: an earlier aim, changed on this day (none: one aim all along).
    aimChange: fc.option(fc.record({ day: fc.integer({ min: 0, max: WEEKS * 7 }), before: fc.constantFrom(30, 150) })),
    overrides: fc.array(
      fc.record({ n: fc.integer({ min: 1, max: WEEKS }), q: fc.option(fc.integer({ min: 4, max: 40 })), spw: fc.option(fc.integer({ min: 1, max: 7 })), who: fc.constantFrom('walk', 'bike') }),
      { maxLength: 2 },
    ),
    acceptances: fc.array(fc.record({ n: fc.integer({ min: 3, max: WEEKS }), q: fc.integer({ min: 10, max: 60 }) }), { maxLength: 2 }),
    records: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: WEEKS * 7 }), kind: fc.constantFrom('triage', 'triage', 'cleared'), cls: fc.constantFrom('continue', 'assess', 'stop') }),
      { maxLength: 3 },
    ),
  })
  .map((r) => ({
    settings: {
      ...settings({ pem: r.pem, targetMinutes: r.target, startDate: r.start === null ? null : addDays(MON, r.start) }),
      ...(r.answerDay === null ? {} : { pemAnswers: [{ since: addDays(MON, r.answerDay), pem: r.pem === true }] }),
      ...(r.aimChange === null ? {} : { aims: [{ since: '1900-01-01' as IsoDate, minutes: r.aimChange.before }, { since: addDays(MON, r.aimChange.day), minutes: r.target }] }),
    },
    overrides: r.overrides
      .filter((o) => o.q !== null || o.spw !== null)
      .map((o) => ({ activity: o.who, weekStart: week(o.n), quota: o.q, sessionsPerWeek: o.spw, setOn: week(o.n) })),
    acceptances: r.acceptances.map((a) => ({ activity: 'walk', weekStart: week(a.n), quota: a.q / 2, acceptedOn: addDays(week(a.n), -2) })),
    triageRecords: r.records.map((x) => ({
      date: addDays(MON, x.day),
      kind: x.kind as TriageRecord['kind'],
      class: x.kind === 'cleared' ? null : (x.cls as 'continue' | 'assess' | 'stop'),
      symptoms: x.cls === 'continue' || x.kind === 'cleared' ? [] : ['chest-pain'],
    })),
  }));

/** What the journal would keep: the checkpoint as stored and read back. */
const stored = (c: Checkpoint | null): Checkpoint => {
  expect(c).not.toBeNull();
  return JSON.parse(JSON.stringify(c)) as Checkpoint;
};

const from = (sessions: readonly Session[], date: IsoDate) => sessions.filter((s) => s.date >= date);
const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
/** The Monday after the week of `monday`: the weeks replayed are all past, each seen whole. */
const nextMonday = (monday: IsoDate) => addDays(monday, 7);

describe('checkpoints (Q9 replay resumed part way)', () => {
  it('a plan resumed from a checkpoint is the plan replayed from the first week', () => {
    fc.assert(
      fc.property(anyHistory, extras, fc.integer({ min: 1, max: WEEKS }), fc.integer({ min: 0, max: 4 }), (sessions, x, at, ahead) => {
        const capture = week(at);
        const until = week(Math.min(WEEKS + 1, at + ahead));
        const base = { ...x, sessions };
        const cp = stored(planAndCheckpoint({ ...base, weekStart: until, today: nextMonday(until), captureAt: capture }).checkpoint);
        const recent = from(sessions, checkpointReadsFrom(cp));
        for (let n = at; n <= WEEKS + 1; n++) {
          expect(planAndCheckpoint({ ...base, sessions: recent, checkpoint: cp, weekStart: week(n), today: nextMonday(week(n)) }).plan).toEqual(planAndCheckpoint({ ...base, weekStart: week(n), today: nextMonday(week(n)) }).plan);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('planHistory resumed from startFrom(checkpointAt(...)) plans every week from there as the empty start does', () => {
    fc.assert(
      fc.property(anyHistory, extras, fc.integer({ min: 1, max: WEEKS }), (sessions, x, at) => {
        const until = week(WEEKS + 1);
        const today = nextMonday(until);
        const full = planHistory({ ...x, sessions, until, before: until, today, captureAt: week(at) });
        const start = startFrom(stored(checkpointAt(full, week(at))));
        expect(start.week).toBe(toDayNumber(week(at)));
        const resumed = planHistory({ ...x, sessions: from(sessions, start.readsFrom!), until, before: until, today, start });
        expect(resumed.origin).toBe(full.origin);
        for (let n = at; n <= WEEKS + 1; n++) expect(resumed.weekPlan(week(n))).toEqual(full.weekPlan(week(n)));
      }),
      { numRuns: 150 },
    );
  });

  it('checkpointAt reads only a week the replay was asked to keep', () => {
    const sessions = weeks(MON, ...Array.from({ length: 6 }, () => times(3, 10)));
    const kept = planHistory({ sessions, ...noExtras, until: week(6), today: week(7), captureAt: week(4) });
    expect(checkpointAt(kept, week(4)).week).toBe(week(4));
    expect(() => checkpointAt(kept, week(5))).toThrow(/kept no state/);
    expect(() => checkpointAt(planHistory({ sessions, ...noExtras, until: week(6), today: week(7) }), week(4))).toThrow(/kept no state/);
  });

  it('status resumed from a checkpoint is the status replayed in full, trends and alerts included', () => {
    fc.assert(
      fc.property(anyHistory, extras, fc.integer({ min: 14, max: WEEKS * 7 + 6 }), fc.integer({ min: 2, max: 8 }), (sessions, x, day, back) => {
        const today = addDays(MON, day);
        const capture = addDays(checkpointWeekFor(today), 7 * (CHECKPOINT_WEEKS_BACK - back));
        fc.pre(capture >= MON);
        const base = { ...x, sessions, today };
        const full = statusAndCheckpoint({ ...base, captureAt: capture });
        const cp = stored(full.checkpoint);
        const recent = from(sessions, earlier(checkpointReadsFrom(cp), statusReadsFrom(today)));
        expect(statusOf({ ...base, sessions: recent, checkpoint: cp })).toEqual(full.status);
      }),
      { numRuns: 150 },
    );
  });

  it('a checkpoint taken from a resumed replay is as good as one taken from a full replay', () => {
    fc.assert(
      fc.property(anyHistory, extras, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 6 }), (sessions, x, first, gap) => {
        const base = { ...x, sessions };
        const second = week(first + gap);
        const target = week(WEEKS + 1);
        const today = nextMonday(target);
        const one = stored(planAndCheckpoint({ ...base, weekStart: target, today, captureAt: week(first) }).checkpoint);
        const viaOne = planAndCheckpoint({ ...base, sessions: from(sessions, checkpointReadsFrom(one)), checkpoint: one, weekStart: target, today, captureAt: second });
        const direct = planAndCheckpoint({ ...base, weekStart: target, today, captureAt: second });
        expect(stored(viaOne.checkpoint)).toEqual(stored(direct.checkpoint));
      }),
      { numRuns: 100 },
    );
  });

  it('B4: the spike ratio carries on from the averages saved in the checkpoint', () => {
    const sessions = weeks(MON, ...Array.from({ length: 12 }, (_, i) => times(4, 10 + i)));
    const today = addDays(MON, 7 * 12 - 1);
    const full = statusAndCheckpoint({ sessions, today, ...noExtras, captureAt: week(5) });
    const cp = stored(full.checkpoint);
    expect(cp.acwr?.first).toBeDefined();
    expect(full.status.acwr).not.toBeNull();
    const resumed = statusOf({ sessions: from(sessions, earlier(checkpointReadsFrom(cp), statusReadsFrom(today))), today, ...noExtras, checkpoint: cp });
    expect(resumed.acwr).toEqual(full.status.acwr);
  });

  it('asking a resumed replay about a week before its checkpoint is refused, not answered wrongly', () => {
    const sessions = weeks(MON, ...Array.from({ length: 10 }, () => times(3, 10)));
    const cp = stored(planAndCheckpoint({ sessions, ...noExtras, weekStart: week(10), today: week(11), captureAt: week(6) }).checkpoint);
    expect(() => planAndCheckpoint({ sessions, ...noExtras, checkpoint: cp, weekStart: week(5), today: week(6) })).toThrow(CheckpointMismatch);
  });
});

const noExtras = { settings: settings(), overrides: [], acceptances: [], triageRecords: [] };

describe('whether a replay resumes from the checkpoint, and whether it leaves one behind', () => {
  const at = (w: IsoDate): Checkpoint => ({ week: w, firstSession: null, activities: [], acwr: null });
  const today = '2026-11-19' as IsoDate; // a Thursday
  const monday = '2026-11-16' as IsoDate;
  const twoBack = '2026-11-02' as IsoDate;
  const fresh = at(twoBack);

  it('it sits two weeks back, at the first week status looks at, so that status can resume from it', () => {
    for (let day = 0; day < 21; day++) expect(checkpointWeekFor(addDays(today, day))).toBe(statusPlansFrom(addDays(today, day)));
  });

  it('status, and log and plan, which look at this week or later, resume from it and leave it alone', () => {
    expect(chooseCheckpoint(fresh, today, twoBack, monday, true)).toEqual({ resume: fresh, capture: null });
    expect(chooseCheckpoint(fresh, today, monday, monday, true)).toEqual({ resume: fresh, capture: null });
    expect(chooseCheckpoint(fresh, today, addDays(monday, 7), addDays(monday, 7), true)).toEqual({ resume: fresh, capture: null });
  });

  it('without one (or after a late entry removed it) the replay runs from the first week and leaves one', () => {
    expect(chooseCheckpoint(null, today, monday, monday, true)).toEqual({ resume: null, capture: twoBack });
  });

  it('in a new week it is renewed, from the one before', () => {
    const nextWeek = '2026-11-24' as IsoDate;
    expect(chooseCheckpoint(fresh, nextWeek, '2026-11-23' as IsoDate, '2026-11-23' as IsoDate, true)).toEqual({ resume: fresh, capture: '2026-11-09' });
  });

  it('nothing is captured when nothing may be written, or for a past week the replay stops before', () => {
    expect(chooseCheckpoint(null, today, monday, monday, false)).toEqual({ resume: null, capture: null });
    expect(chooseCheckpoint(at('2026-10-26' as IsoDate), today, monday, monday, false)).toEqual({ resume: at('2026-10-26' as IsoDate), capture: null });
    expect(chooseCheckpoint(null, today, '2026-03-02' as IsoDate, '2026-03-02' as IsoDate, true)).toEqual({ resume: null, capture: null });
    expect(chooseCheckpoint(fresh, today, '2026-03-02' as IsoDate, '2026-03-02' as IsoDate, true)).toEqual({ resume: null, capture: null });
  });

  it('never resumes after the week asked about or the week to capture, and is settled after one run', () => {
    const monday = fc.integer({ min: -6, max: 6 }).map((n) => addDays(MON, 7 * n));
    fc.assert(
      fc.property(fc.option(monday.map(at)), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -5, max: 1 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (saved, day, weekOffset, ahead, keep) => {
        const today = addDays(MON, day);
        const week = addDays(MON, 7 * weekOffset);
        const until = addDays(week, 7 * ahead);
        const choice = chooseCheckpoint(saved, today, week, until, keep);
        if (choice.resume !== null) {
          expect(choice.resume).toBe(saved);
          expect(choice.resume.week <= week).toBe(true);
        }
        if (choice.capture !== null) {
          expect(keep).toBe(true);
          expect(choice.capture).toBe(checkpointWeekFor(today));
          expect(choice.capture <= until).toBe(true);
          if (choice.resume !== null) expect(choice.resume.week <= choice.capture).toBe(true);
          // Keeping what it captured, the same command captures nothing the next time.
          expect(chooseCheckpoint(at(choice.capture), today, week, until, keep).capture).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
