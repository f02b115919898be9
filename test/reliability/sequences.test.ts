// A model-based test: random sequences of 5-25 commands (log, edit, delete, triage, checkin, plan
// --set, a raise by hand under a hold or pause, plan --accept-increase, schedule, init --target-minutes,
// goal add and rate, a week done as planned, init --time, refused input, days passing) on a fresh journal, run through main()
// in this process with today set per command, and after each step the invariants below. The model
// is small on purpose: it tracks only what the spec makes certain (a stop or assess sign recorded and
// not yet cleared, the days, times and aim the person set); everything else is checked as agreement
// between views. A quarter of the runs are mostly weeks done as planned in envelope mode (S2). A longer hunt:
// SEED=7 RUNS=200 STEPS=40 npx vitest run test/reliability/sequences.test.ts (STATS=1: which states were reached)
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday, mondayOf, nextMonday } from '../../src/core/dates.js';
import { parseCsv } from '../../src/core/csv.js';
import { openDatabase } from '../../src/store/sqlite.js';
import type { IsoDate } from '../../src/core/types.js';
import { pace, type Ran } from '../helpers/inProcess.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const savedUmask = process.umask();
afterAll(() => {
  process.umask(savedUmask);
  removeTempDirs();
});

const START = '2026-09-07' as IsoDate;

/** How often each interesting state was reached: STATS=1 prints it, to see that the runs have bite. */
const seen: Record<string, number> = {};
const saw = (what: string) => void (seen[what] = (seen[what] ?? 0) + 1);
afterAll(() => {
  if (process.env.STATS) console.log(seen);
});

// pacing-model.md T: the classes, written out here from the spec rather than imported from src/.
const CONTINUE = ['muscle-fatigue', 'mild-pain-increase'];
const ASSESS = ['pain-worsening', 'joint-swelling', 'pain-over-24h'];
const STOP = ['dizziness', 'chest-pain', 'joint-instability'];
const isStop = (c: string) => STOP.includes(c);
const isWarning = (c: string) => ASSESS.includes(c) || STOP.includes(c);

const ACTIVITIES = [
  { name: 'walk', unit: 'min', category: 'aerobic', doses: ['5', '8', '10', '11', '12.5', '20'] },
  { name: 'sit-to-stand', unit: 'reps', category: 'strength', doses: ['5', '8', '10', '12'] },
] as const;

type Kind =
  | 'pem' | 'log' | 'edit' | 'delete' | 'triage' | 'clear' | 'settled' | 'checkin' | 'set' | 'accept' | 'bad' | 'roundtrip' | 'csvimport'
  | 'week' | 'schedule' | 'unschedule' | 'target' | 'time' | 'goal' | 'rate' | 'reimport' | 'raise';
/** Steps that change a setting, the days or the goals, and no session or sign. */
const SETTINGS: readonly Kind[] = ['target', 'time', 'pem', 'schedule', 'unschedule', 'goal', 'rate'];
/** One step: days to advance first, then argv, where `@-n` is n days before that day and `@+n` after it. */
interface Step {
  advance: number;
  kind: Kind;
  argv: readonly string[];
}

const scale = fc.integer({ min: 0, max: 10 });
// Warning signs now and then, not in every other session: the plan must get far enough to grow.
const symptoms = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string[]>([]) },
  { weight: 2, arbitrary: fc.subarray(CONTINUE, { minLength: 1 }) },
  { weight: 1, arbitrary: fc.subarray([...ASSESS.slice(0, 2), ...STOP], { minLength: 1, maxLength: 2 }) },
);
const sessionId = fc.integer({ min: 1, max: 8 }).map(String);

const logStep = fc
  .record({
    a: fc.constantFrom(...ACTIVITIES),
    dose: fc.nat(5),
    // Now and then a forgotten session of last week (Q9: this week's plan follows it).
    back: fc.constantFrom(0, 0, 0, 0, 1, 2, 3, 9),
    before: fc.option(scale),
    after: fc.option(scale),
    symptoms,
    flare: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    settled: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('yes', 'no') }),
  })
  .map(
    (r): Step => ({
      advance: 0,
      kind: 'log',
      argv: [
        'log', r.a.name, r.a.doses[r.dose % r.a.doses.length]!, '--unit', r.a.unit, '--category', r.a.category,
        ...(r.back > 0 ? ['--date', `@-${r.back}`] : []),
        ...(r.before !== null ? ['--pain-before', String(r.before)] : []),
        ...(r.after !== null ? ['--pain-after', String(r.after)] : []),
        ...r.symptoms.flatMap((c) => ['--symptom', c]),
        ...(r.flare ? ['--flare'] : []),
        ...(r.settled !== null ? ['--settled', r.settled] : []),
      ],
    }),
  );

const editStep = fc
  .record({
    id: sessionId,
    dose: fc.option(fc.constantFrom('6', '10', '13')),
    before: fc.option(scale),
    after: fc.option(scale),
    symptoms: fc.option(symptoms, { freq: 3 }),
    noFlare: fc.boolean(),
    // Up to 13 days back: a session moved into last week changes this week's plan (Q9).
    back: fc.option(fc.nat(13), { freq: 3 }),
    settled: fc.option(fc.constantFrom('yes', 'no'), { freq: 4 }),
    // A session filed under the wrong activity, moved to the right one (or to a new one).
    activity: fc.option(fc.constantFrom('walk', 'sit-to-stand', 'bike'), { freq: 6 }),
  })
  .map(
    (r): Step => ({
      advance: 0,
      kind: 'edit',
      argv: [
        'edit', r.id,
        ...(r.dose !== null ? ['--dose', r.dose] : []),
        ...(r.before !== null ? ['--pain-before', String(r.before)] : []),
        ...(r.after !== null ? ['--pain-after', String(r.after)] : []),
        ...(r.symptoms ?? []).flatMap((c) => ['--symptom', c]),
        ...(r.noFlare ? ['--no-flare'] : []),
        ...(r.back !== null ? ['--date', `@-${r.back}`] : []),
        ...(r.settled !== null ? ['--settled', r.settled] : []),
        ...(r.activity === null ? [] : ['--activity', r.activity, ...(r.activity === 'bike' ? ['--unit', 'min', '--category', 'aerobic'] : [])]),
      ],
    }),
  );

/** Input that must be refused: exit 2, one or two lines, nothing written. */
const badStep = fc
  .constantFrom<readonly string[]>(
    ['log', 'walk', '0'],
    ['log', 'walk', '-5'],
    ['log', 'walk', '1441'],
    ['log', 'walk', '10', '--pain-before', '11'],
    ['log', 'walk', '10', '--symptom', 'no-such-sign'],
    ['log', 'walk', '10', '--date', '@+1'],
    ['log', 'walk', '10', '--date', '2026-02-30'],
    ['edit', '999', '--dose', '5'],
    ['edit', '1', '--pain-after', 'eleven'],
    ['edit', '1', '--dose', '0'],
    ['delete', '999', '--yes'],
    ['triage', '--session', '999', '--symptom', 'dizziness'],
    ['triage', '--symptom', 'no-such-sign'],
    ['checkin', '--pain', '11', '--enjoyment', '2', '--general', '2'],
    ['plan', '--set', 'walk=abc'],
    ['plan', '--week', '2026-13-01', '--json'],
  )
  .map((argv): Step => ({ advance: 0, kind: 'bad', argv }));

/** D1, D2: days and a time for an activity, or its days taken away. */
const DAY_SETS: Record<string, readonly string[]> = {
  'mon,wed,fri': ['mon', 'wed', 'fri'],
  'tue,thu': ['tue', 'thu'],
  fri: ['fri'],
  'sat,sun': ['sat', 'sun'],
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  daily: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
};
const scheduleStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc
    .record({ a: fc.constantFrom('walk', 'sit-to-stand'), days: fc.constantFrom(...Object.keys(DAY_SETS)), at: fc.option(fc.constantFrom('07:30', '18:05')) })
    .map(({ a, days, at }): Step => ({ advance: 0, kind: 'schedule', argv: ['schedule', a, days, ...(at === null ? [] : ['--at', at])] })) },
  { weight: 1, arbitrary: fc.constantFrom('walk', 'sit-to-stand').map((a): Step => ({ advance: 0, kind: 'unschedule', argv: ['schedule', a, '--clear'] })) },
  // D2: the default time, for every activity without a time of its own.
  { weight: 1, arbitrary: fc.constantFrom('06:45', '09:00').map((t): Step => ({ advance: 0, kind: 'time', argv: ['init', '--time', t] })) },
);

/** Q7: a quota or sessions per week set by hand (with the yes a boom asks for). */
const setStep = fc
  .record({ a: fc.constantFrom('walk', 'sit-to-stand'), q: fc.constantFrom(5, 8, 10, 15, 30), n: fc.option(fc.constantFrom(2, 3, 5)) })
  .map(({ a, q, n }): Step => ({ advance: 0, kind: 'set', argv: ['plan', '--set', `${a}=${q}${n === null ? '' : `x${n}`}`, '--yes'] }));

/**
 * Q7, T2, T3: a quota set by hand above any level the run has had, while a hold or pause is open
 * today: it must be refused. Run only while the model has one open (skipped otherwise), so that
 * the sequences reach it; the quota is chosen when it runs (Model.topQuota).
 */
const raiseStep = fc.constantFrom('walk', 'sit-to-stand').map((a): Step => ({ advance: 0, kind: 'raise', argv: [a] }));

const otherStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: editStep },
  // S1, S2: the safety answer changed in the middle of the program.
  fc.constantFrom('yes', 'no').map((p): Step => ({ advance: 0, kind: 'pem', argv: ['init', '--pem', p] })),
  sessionId.map((id): Step => ({ advance: 0, kind: 'delete', argv: ['delete', id, '--yes'] })),
  // The safety net's paths are drawn more often than the rest: a sign, then a clearance, then another.
  {
    weight: 2,
    arbitrary: fc
      .record({ id: fc.option(sessionId), c: fc.constantFrom(...CONTINUE, ...ASSESS.slice(0, 2), ...STOP) })
      .map(({ id, c }): Step => ({ advance: 0, kind: 'triage', argv: ['triage', ...(id ? ['--session', id] : []), '--symptom', c] })),
  },
  { weight: 2, arbitrary: fc.constant<Step>({ advance: 0, kind: 'clear', argv: ['triage', '--cleared'] }) },
  fc.tuple(fc.constantFrom('log', 'checkin'), fc.constantFrom('yes', 'no')).map(([c, s]): Step => ({ advance: 0, kind: 'settled', argv: [c, '--settled', s] })),
  fc.tuple(scale, scale, scale).map(([p, e, g]): Step => ({ advance: 0, kind: 'checkin', argv: ['checkin', '--pain', String(p), '--enjoyment', String(e), '--general', String(g)] })),
  { weight: 2, arbitrary: setStep },
  { weight: 2, arbitrary: raiseStep },
  fc.constant<Step>({ advance: 0, kind: 'accept', argv: ['plan', '--accept-increase'] }),
  fc.constant<Step>({ advance: 0, kind: 'roundtrip', argv: [] }),
  { weight: 2, arbitrary: fc.constant<Step>({ advance: 0, kind: 'csvimport', argv: [] }) },
  fc.constantFrom('csv', 'json').map((f): Step => ({ advance: 0, kind: 'reimport', argv: [f] })),
  { weight: 2, arbitrary: scheduleStep },
  // G3, Q6: a small aim is reached within weeks, so the aerobic ceiling is met in a short run.
  fc.constantFrom(20, 40, 150).map((t): Step => ({ advance: 0, kind: 'target', argv: ['init', '--target-minutes', String(t)] })),
  fc.tuple(fc.constantFrom('stairs', 'touch my toes'), scale).map(([t, r]): Step => ({ advance: 0, kind: 'goal', argv: ['goal', 'add', t, '--rating', String(r)] })),
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 2 }), scale).map(([id, r]): Step => ({ advance: 0, kind: 'rate', argv: ['goal', 'rate', String(id), String(r)] })) },
);

/** The usual day: the planned walk or sit-to-stand, done, pain a little up and settled. */
const routineStep = fc
  .record({ a: fc.constantFrom(...ACTIVITIES), dose: fc.nat(5), before: fc.integer({ min: 2, max: 5 }), rise: fc.integer({ min: 0, max: 2 }) })
  .map(
    (r): Step => ({
      advance: 0,
      kind: 'log',
      argv: ['log', r.a.name, r.a.doses[r.dose % r.a.doses.length]!, '--unit', r.a.unit, '--category', r.a.category, '--pain-before', String(r.before), '--pain-after', String(r.before + r.rise)],
    }),
  );

/**
 * A week done as planned: the journal moves to that week's Sunday and logs each planned session on
 * its day at its quota, pain steady (or three walks when nothing is planned yet). Weeks like this
 * are what completes weeks (Q3), so they are what reaches progression, the ceilings and S2's offer.
 */
const weekStep = fc.constant<Step>({ advance: 0, kind: 'week', argv: [] });

const step: fc.Arbitrary<Step> = fc
  .tuple(
    fc.constantFrom(0, 0, 1, 1, 1, 2, 2, 3, 4, 7, 15),
    fc.oneof({ weight: 6, arbitrary: routineStep }, { weight: 3, arbitrary: logStep }, { weight: 4, arbitrary: otherStep }, { weight: 1, arbitrary: badStep }, { weight: 1, arbitrary: weekStep }),
  )
  .map(([advance, s]) => ({ ...s, advance }));

/**
 * Q7, T2, T3: now and then a warning sign, assess or stop, and a raise right after it, so that a
 * raise under a pause is reached as well as under a hold (pauses are otherwise rare and brief).
 */
const signThenRaise = fc
  .record({ advance: fc.constantFrom(0, 1, 2, 7), c: fc.constantFrom(...ASSESS.slice(0, 2), ...STOP), raise: raiseStep })
  .map(({ advance, c, raise }): Step[] => [{ advance, kind: 'triage', argv: ['triage', '--symptom', c] }, raise]);

/** A hunt with STEPS set draws lengths up to it; fast-check's default size keeps arrays short. */
const hunt = process.env.STEPS ? 'max' : undefined;
// G3, Q6: an aim a few weeks of walks reach, now and then, so that the shared ceiling is met.
const aim = fc.constantFrom(150, 150, 150, 60, 30);
const randomJournal = fc.record({
  pem: fc.constantFrom('yes', 'no'),
  target: aim,
  goal: fc.option(scale),
  steps: fc
    .array(fc.oneof({ weight: 20, arbitrary: step.map((x) => [x]) }, { weight: 1, arbitrary: signThenRaise }), { minLength: 5, maxLength: Number(process.env.STEPS ?? 25), size: hunt })
    .map((groups) => groups.flat()),
});
/** Mostly weeks done as planned in envelope mode, so S2's offer is reached and accepted (or not). */
const steadyJournal = fc.record({
  pem: fc.constant('yes'),
  target: aim,
  goal: fc.option(scale),
  steps: fc.array(
    fc.oneof(
      { weight: 6, arbitrary: weekStep },
      { weight: 3, arbitrary: fc.constant<Step>({ advance: 0, kind: 'accept', argv: ['plan', '--accept-increase'] }) },
      { weight: 1, arbitrary: scheduleStep },
      { weight: 1, arbitrary: setStep },
      { weight: 1, arbitrary: step },
    ),
    { minLength: 8, maxLength: Number(process.env.STEPS ?? 14), size: hunt },
  ),
});
const journal = fc.oneof({ weight: 3, arbitrary: randomJournal }, { weight: 1, arbitrary: steadyJournal });

const argvOn = (argv: readonly string[], today: IsoDate) =>
  argv.map((a) => (/^@[-+]\d+$/.test(a) ? addDays(today, (a[1] === '-' ? -1 : 1) * Number(a.slice(2))) : a));

const show = (argv: readonly string[], r: Ran) => `pace ${argv.join(' ')} -> ${r.code}\n${r.stderr}`;

/** Invariant 1 (cli.md "Global behaviour"): exit 0 or 2 only, never a stack trace or a catch-all message. */
function noCrash(argv: readonly string[], r: Ran): void {
  expect([0, 2], show(argv, r)).toContain(r.code);
  expect(r.stderr, show(argv, r)).not.toMatch(/something went wrong|\n\s+at .+:\d+:\d+|Error: /i);
  if (r.code === 2) {
    const lines = r.stderr.trim().split('\n').filter((l) => l.trim() !== '');
    expect(lines.length, show(argv, r)).toBeGreaterThanOrEqual(1);
    expect(lines.length, show(argv, r)).toBeLessThanOrEqual(2);
  }
}

async function ok(db: string, today: string, argv: readonly string[]): Promise<string> {
  const r = await pace(db, today, argv);
  expect(r.code, show(argv, r)).toBe(0);
  return r.stdout;
}

/** The whole journal as its JSON backup, without the moment of export (the one field that must differ). */
async function backup(db: string, today: string): Promise<Record<string, unknown>> {
  const doc = JSON.parse(await ok(db, today, ['export', '--json', '--include-notes'])) as Record<string, unknown>;
  delete doc.exported_on;
  return doc;
}

interface Session {
  id: number;
  date: string;
  activity: string;
  pain_before: number | null;
  pain_after: number | null;
  flare: boolean;
  flare_marked: boolean;
  symptoms: string[];
}
interface PlanRow {
  activity: string;
  quota: number | null;
  sessions_per_week: number | null;
  change: string;
}

const rows = (csv: string) => {
  const [head, ...body] = [...parseCsv(csv)].map((r) => r.fields);
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
};
const num = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));

/** What the test knows for certain from the commands that succeeded. */
interface Model {
  /** A stop-class symptom was recorded and no clearance came after it (T3). */
  stopOpen: boolean;
  /** An assess-class sign was recorded and no clearance came after it (T2). */
  assessOpen: boolean;
  /** An offered increase was accepted (S2). */
  accepted: boolean;
  /** The days and time each activity was given by `pace schedule` (D1); none after --clear. */
  schedules: Map<string, { days: readonly string[]; time: string | null }>;
  /** A stop sign was recorded at some time in the run (then paused days may not count, T3). */
  everStopped: boolean;
  /** D2: the time of sessions whose activity has none of its own, 09:00 until `init --time`. */
  defaultTime: string;
  /** The weekly aim (G3, Q6), 150 until `init --target-minutes`. */
  target: number;
  /**
   * Q7: above every quota the plan can have had: the rules stop at the Q6 ceilings (30) and the
   * doses logged are below them, so only a setting by hand goes past, and this follows those.
   */
  topQuota: number;
}

const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const dayCode = (date: string) => DAY_CODES[isoWeekday(date as IsoDate) - 1]!;
interface Planned extends PlanRow {
  unit: string;
  category: string;
  offer: number | null;
  sessions: { date: string; time: string }[];
}

/**
 * D1, D2 in one plan (plan --json): a paused activity has no sessions; any other has one a planned
 * session, on distinct days of that week, all at the activity's time; on its own days when it has
 * enough of them, and on every one of them plus added ones when it has fewer.
 */
function checkDays(plan: { week_start: string; paused: boolean; activities: Planned[] }, model: Model, context: string): void {
  for (const a of plan.activities) {
    const at = `${context}\nD1, D2 for ${JSON.stringify(a)} in the week of ${plan.week_start}`;
    if (plan.paused || a.quota === null) {
      expect(a.sessions, at).toEqual([]);
      continue;
    }
    const dates = a.sessions.map((x) => x.date);
    expect(dates.length, at).toBe(a.sessions_per_week);
    expect(new Set(dates).size, at).toBe(dates.length);
    for (const d of dates) expect(d >= plan.week_start && d <= addDays(plan.week_start as IsoDate, 6), at).toBe(true);
    const own = model.schedules.get(a.activity);
    for (const x of a.sessions) expect(x.time, at).toBe(own?.time ?? model.defaultTime);
    if (own === undefined) continue;
    saw('scheduled days checked');
    const days = dates.map(dayCode);
    if (own.days.length >= dates.length) for (const d of days) expect(own.days, at).toContain(d);
    else for (const d of own.days) expect(days, at).toContain(d);
  }
}

/** D3: the calendar of the coming week is plan --json's sessions, each with its quota in the title. */
async function checkCalendar(db: string, today: IsoDate, plan: { paused: boolean; activities: Planned[] }, context: string): Promise<void> {
  const r = await pace(db, today, ['plan', '--ics', '-']);
  noCrash(['plan', '--ics', '-'], r);
  expect(r.code, show(['plan', '--ics', '-'], r)).toBe(0);
  const unfolded = r.stdout.replace(/\r?\n[ \t]/g, '');
  const events = unfolded.split('BEGIN:VEVENT').slice(1).map((e) => {
    const start = /DTSTART:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(e)!;
    return `${start[1]}-${start[2]}-${start[3]} ${start[4]}:${start[5]} ${/SUMMARY:(.*)/.exec(e)![1]!.trim()}`;
  });
  const planned = plan.activities.flatMap((a) => a.sessions.map((x) => `${x.date} ${x.time} ${a.activity} ${a.quota} ${a.unit}`));
  saw('calendar checked');
  expect(events.sort(), `${context}\nD3: plan --ics against plan --json`).toEqual(planned.sort());
}

/** The invariants that hold after every step, whatever it was. `stopOpen` is the model's word. */
async function checkViews(db: string, today: IsoDate, model: Model, context: string): Promise<void> {
  const { stopOpen } = model;
  const status = JSON.parse(await ok(db, today, ['status', '--json']));
  const weekPlan = JSON.parse(await ok(db, today, ['plan', '--week', today, '--json']));
  const nextPlan = JSON.parse(await ok(db, today, ['plan', '--json']));
  const weekly = rows(await ok(db, today, ['export', '--weekly']));
  const sessions = JSON.parse(await ok(db, today, ['list', '--json'])) as Session[];
  const csv = rows(await ok(db, today, ['export']));
  const monday = mondayOf(today);

  // 2. One truth (engineering: plan, status and the exports compute from the same core functions):
  // this week's quota and sessions per week are the same in plan --week, status and export --weekly.
  expect(status.this_week.week_start, context).toBe(monday);
  expect(weekPlan.week_start, context).toBe(monday);
  const fromPlan = new Map((weekPlan.activities as PlanRow[]).map((a) => [a.activity, [a.quota, a.sessions_per_week]]));
  const fromStatus = new Map((status.this_week.activities as PlanRow[]).map((a) => [a.activity, [a.quota, a.sessions_per_week]]));
  const fromWeekly = new Map(weekly.filter((w) => w.week_start === monday).map((w) => [w.activity!, [num(w.quota), num(w.sessions_planned)]]));
  for (const name of new Set([...fromPlan.keys(), ...fromStatus.keys(), ...fromWeekly.keys()])) {
    const p = fromPlan.get(name) ?? [null, null];
    const s = fromStatus.get(name) ?? [null, null];
    const w = fromWeekly.get(name) ?? [null, null];
    expect({ activity: name, status: s, weekly: w }, `${context}\nthis week's plan for ${name}`).toEqual({ activity: name, status: p, weekly: p });
  }
  // 2. What was done this week is the same in status and export --weekly (E2), and its flares are
  // list's flare sessions of that week and activity (E1 and E2 agree).
  for (const a of status.this_week.activities as (PlanRow & { sessions_done: number; dose_done: number })[]) {
    const w = weekly.find((r) => r.week_start === monday && r.activity === a.activity);
    expect([a.activity, num(w?.sessions_done), num(w?.total_dose)], `${context}\nthis week's doing`).toEqual([a.activity, a.sessions_done, a.dose_done]);
  }
  // A week with a check-in or a triage record and no session has a row with every activity cell
  // empty (docs/decisions.md, weekly export): not a row about an activity.
  for (const w of weekly.filter((r) => r.activity !== '')) {
    const end = addDays(w.week_start! as IsoDate, 7);
    const flares = sessions.filter((s) => s.activity === w.activity && s.date >= w.week_start! && s.date < end && s.flare).length;
    expect([w.week_start, w.activity, num(w.flares)], `${context}\nE2 flares`).toEqual([w.week_start, w.activity, flares]);
  }
  // A week is paused in every view or in none (T3).
  expect(weekPlan.paused, context).toBe(status.paused);

  // 2. The per-session flare of list --json is the CSV's flare column (E1: "so that it agrees").
  const byDate = [...sessions].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  expect(csv.map((r) => [r.date, r.activity, r.flare]), context).toEqual(byDate.map((s) => [s.date, s.activity, s.flare ? 'yes' : 'no']));

  // One truth (E1, E2): each session's planned quota in the CSV is its week's quota in export
  // --weekly, and this week's sessions done count those at 90% of it or more (Q3) while no stop
  // sign was ever recorded (a paused day counts for nothing, T3).
  const quotaOf = new Map(weekly.map((w) => [`${w.week_start} ${w.activity}`, num(w.quota)]));
  for (const row of csv) {
    saw('session quota checked');
    expect([row.date, row.activity, num(row.quota)], `${context}\nE1 quota against E2`).toEqual([row.date, row.activity, quotaOf.get(`${mondayOf(row.date as IsoDate)} ${row.activity}`) ?? null]);
  }
  if (!model.everStopped) {
    for (const a of status.this_week.activities as (PlanRow & { sessions_done: number })[]) {
      const mine = csv.filter((row) => row.activity === a.activity && row.date! >= monday);
      const counted = mine.filter((row) => a.quota === null || Number(row.dose) * 10 >= a.quota * 9 - 1e-9).length;
      saw('sessions done checked');
      expect([a.activity, a.sessions_done], `${context}\nQ3: sessions done this week`).toEqual([a.activity, counted]);
    }
  }
  // 5. F1: a session is a flare exactly when it is marked, its pain rose by 3 or more, or it carries an
  // assess or stop symptom (F2's "not settled" is the assess symptom pain-over-24h on it).
  for (const s of sessions) {
    const rose = s.pain_before !== null && s.pain_after !== null && s.pain_after - s.pain_before >= 3;
    expect(s.flare, `${context}\nF1 for session ${JSON.stringify(s)}`).toBe(s.flare_marked || rose || s.symptoms.some(isWarning));
  }
  // 5. E1: pain_change is after minus before, empty when either is missing (never 0).
  for (const r of csv) {
    const [b, a] = [num(r.pain_before), num(r.pain_after)];
    expect(num(r.pain_change), context).toBe(b !== null && a !== null ? a - b : null);
  }

  // 3. Every path (T3, T5): a stop-class symptom recorded by any command pauses the plan until cleared,
  // and a pause comes from nothing else. Paused: no quotas, and nothing offered or increased (T2, S2).
  saw(stopOpen ? 'paused' : 'not paused');
  if (status.holds.some((h: { kind: string }) => h.kind !== 'stop')) saw('assess hold');
  for (const a of [...weekPlan.activities, ...nextPlan.activities] as PlanRow[]) saw(`change ${a.change}`);
  if (sessions.some((s) => s.flare)) saw('a flare');
  expect(status.paused, `${context}\nstatus.paused (the model says ${stopOpen})`).toBe(stopOpen);
  // T2, T3: a hold or pause is open exactly while a sign recorded by any path is not cleared.
  expect(status.holds.length > 0, `${context}\nstatus.holds ${JSON.stringify(status.holds)} (the model says ${model.assessOpen || stopOpen})`).toBe(model.assessOpen || stopOpen);
  expect(nextPlan.paused, context).toBe(stopOpen);
  if (stopOpen) {
    for (const plan of [weekPlan, nextPlan]) {
      for (const a of plan.activities as PlanRow[]) expect(a.quota, `${context}\npaused but a quota`).toBeNull();
    }
  }
  // T2/T3: while any hold or pause is open, next week's plan offers and increases nothing.
  if (status.holds.length > 0) {
    for (const a of nextPlan.activities as PlanRow[]) expect(['increase', 'offer'], `${context}\nhold open: ${JSON.stringify(a)}`).not.toContain(a.change);
  }
  // F3: the flare-day dose is half the quota, to the unit's step.
  for (const a of [...weekPlan.activities, ...nextPlan.activities] as (Planned & { flare_day_dose: number | null })[]) {
    if (a.quota === null || a.flare_day_dose === null) continue;
    const step = a.unit === 'min' ? 0.5 : 1;
    expect(Math.abs(a.flare_day_dose - a.quota / 2), `${context}\nF3: ${JSON.stringify(a)}`).toBeLessThanOrEqual(step / 2 + 1e-9);
  }
  // D1, D2: both weeks' sessions follow the days; status's sessions of today are this week's plan's.
  checkDays(weekPlan, model, context);
  checkDays(nextPlan, model, context);
  const plannedToday = (weekPlan.activities as Planned[]).flatMap((a) => a.sessions.filter((x) => x.date === today).map((x) => `${a.activity} ${x.time} ${a.quota}`));
  for (const t of status.today_sessions as { activity: string; time: string; quota: number; done: boolean }[]) {
    expect(plannedToday, `${context}\nstatus.today_sessions against plan --week`).toContain(`${t.activity} ${t.time} ${t.quota}`);
    // Q3: done when a session of that activity today counts toward the quota; any dose on a flare day (F3).
    if (model.everStopped || status.flare_day !== null) continue;
    saw('today done checked');
    const counts = csv.some((row) => row.activity === t.activity && row.date === today && Number(row.dose) * 10 >= t.quota * 9 - 1e-9);
    expect([t.activity, t.done], `${context}\ntoday's session done`).toEqual([t.activity, counts]);
  }
  // G3: the aim is the one last set, and the minutes toward it are this week's aerobic minutes.
  expect(status.target_minutes, context).toBe(model.target);
  const minutes = csv.filter((row) => row.date! >= monday && row.unit === 'min' && row.category === 'aerobic').reduce((sum, row) => sum + Number(row.dose), 0);
  expect(status.weekly_minutes, `${context}\nG3: minutes toward the aim`).toBeCloseTo(minutes, 6);
  // Q6: once this week's aerobic plan reaches the weekly aim, no aerobic activity grows or is offered
  // more. Not from a baseline week, whose plan is the sessions seen so far, not the level (Q1).
  const aerobic = (weekPlan.activities as Planned[]).filter((a) => a.category === 'aerobic' && a.quota !== null);
  const aerobicMinutes = aerobic.reduce((sum, a) => sum + a.quota! * (a.sessions_per_week ?? 0), 0);
  const levels = aerobic.length > 0 && aerobic.every((a) => a.change !== 'baseline');
  if (nextPlan.week_start === addDays(monday, 7) && levels && aerobicMinutes >= model.target) {
    for (const a of (nextPlan.activities as Planned[]).filter((x) => x.category === 'aerobic')) {
      saw('aim reached checked');
      expect(['increase', 'offer'], `${context}\nQ6: this week's aerobic plan is ${aerobicMinutes} min of ${model.target}: ${JSON.stringify(a)}`).not.toContain(a.change);
    }
  }
  // Q5, Q7: after a week with a flare, next week's quota is no higher than this week's (it drops
  // back, and an override cannot raise it above that), and nothing grows or is offered.
  if (nextPlan.week_start === addDays(monday, 7) && !nextPlan.paused) {
    for (const a of weekPlan.activities as Planned[]) {
      const flared = sessions.some((x) => x.activity === a.activity && x.date >= monday && x.flare);
      const then = (nextPlan.activities as Planned[]).find((x) => x.activity === a.activity);
      if (!flared || a.quota === null || a.change === 'baseline' || then?.quota == null || then.change === 'baseline') continue;
      // A week that was itself an increase has a level below it to return to.
      const below = a.change === 'increase';
      saw(below ? 'flare drop-back after an increase checked' : 'flare drop-back checked');
      const ok = (below ? then.quota < a.quota : then.quota <= a.quota) && !['increase', 'offer'].includes(then.change);
      expect(ok, `${context}\nQ5: a flare this week, yet ${JSON.stringify(a)} -> ${JSON.stringify(then)}`).toBe(true);
    }
  }
  // Q10: an activity with no session in the two whole weeks before next week does not come back
  // higher than this week's plan, nor grows; a change by hand (Q7) is the person's.
  if (nextPlan.week_start === addDays(monday, 7) && addDays(monday, -7) >= START && !nextPlan.paused) {
    for (const a of nextPlan.activities as Planned[]) {
      const idle = !sessions.some((x) => x.activity === a.activity && x.date >= addDays(monday, -7));
      const now = (weekPlan.activities as Planned[]).find((x) => x.activity === a.activity);
      if (!idle || a.change === 'override' || a.quota === null) continue;
      saw('a break checked');
      // It steps down (return), starts over (baseline), or a flare's drop-back is lower still (Q5).
      expect(['return', 'baseline', 'drop-back', 'step-down'], `${context}\nQ10: back after a break: ${JSON.stringify(a)}`).toContain(a.change);
      if (now?.quota != null && now.change !== 'baseline') expect(a.quota, `${context}\nQ10: ${JSON.stringify(now)} -> ${JSON.stringify(a)}`).toBeLessThanOrEqual(now.quota);
    }
  }
  // 5. S2: in envelope mode the plan never increases on its own (only an accepted offer raises it).
  if (nextPlan.mode === 'envelope' && !model.accepted) {
    for (const a of nextPlan.activities as PlanRow[]) expect(a.change, `${context}\nenvelope mode: ${JSON.stringify(a)}`).not.toBe('increase');
  }
  // 5. Q2/Q6: an increase is next(this week's quota), or at the ceiling one more session a week.
  if (nextPlan.week_start === addDays(monday, 7)) {
    for (const a of nextPlan.activities as (PlanRow & { unit: string })[]) {
      const now = (weekPlan.activities as PlanRow[]).find((w) => w.activity === a.activity);
      // The first increase after the baseline is next(baseline) over the whole two-week window (Q1),
      // which this week's "comfortable amount so far" need not be: that step is not checked here.
      if (a.change !== 'increase' || now?.quota == null || a.quota === null || now.change === 'baseline') continue;
      saw('increase checked');
      const step = a.unit === 'min' ? 0.5 : 1;
      const next = Math.max(Math.round((now.quota * 1.1) / step) * step, now.quota + step);
      const ok =
        (a.quota === next && a.sessions_per_week === now.sessions_per_week) ||
        (a.quota === 30 && now.quota < 30 && next > 30 && a.sessions_per_week === now.sessions_per_week) ||
        (a.quota === now.quota && now.quota >= 30 && a.sessions_per_week === (now.sessions_per_week ?? 0) + 1);
      expect(ok, `${context}\nQ2: ${JSON.stringify(now)} -> ${JSON.stringify(a)}`).toBe(true);
    }
  }
}

/** Invariant 4: the backup into a fresh journal is the same backup, with the same status. */
async function roundTrip(dir: string, db: string, today: IsoDate, context: string): Promise<void> {
  const file = join(dir, `backup-${today}.json`);
  writeFileSync(file, await ok(db, today, ['export', '--json', '--include-notes']));
  const fresh = join(dir, `fresh-${today}-${Math.random().toString(36).slice(2)}.db`);
  const r = await pace(fresh, today, ['import', file]);
  noCrash(['import', file], r);
  expect(r.code, show(['import', file], r)).toBe(0);
  expect(await backup(fresh, today), context).toEqual(await backup(db, today));
  for (const day of [today, nextMonday(today)]) {
    expect(await statusByPlace(fresh, day), `${context}\nstatus on ${day} after the round trip`).toEqual(await statusByPlace(db, day));
    // The plan and the weekly export read the same history, so they come back alike too (Q9, E2).
    for (const view of [['plan', '--json'], ['export', '--weekly']]) {
      expect(withoutCalendar(await ok(fresh, day, view)), `${context}\n${view.join(' ')} on ${day} after the round trip`).toBe(withoutCalendar(await ok(db, day, view)));
    }
  }
}

/**
 * 3. Every path, import (T5; docs/decisions.md "Import triages recent symptoms"): a session CSV carries
 * no triage records, so in a fresh journal a stop sign on a session dated today or in the 7 days
 * before opens a pause, and older ones open nothing.
 */
async function csvImport(dir: string, db: string, today: IsoDate, context: string): Promise<void> {
  const csv = await ok(db, today, ['export']);
  const file = join(dir, `sessions-${today}.csv`);
  writeFileSync(file, csv);
  const fresh = join(dir, `csv-${today}-${Math.random().toString(36).slice(2)}.db`);
  const r = await pace(fresh, today, ['import', file]);
  noCrash(['import', file], r);
  expect(r.code, show(['import', file], r)).toBe(0);
  const recent = rows(csv).some((row) => row.date! >= addDays(today, -7) && row.symptoms!.split(';').some(isStop));
  if (recent) saw('csv import with a recent stop sign');
  const status = JSON.parse(await ok(fresh, today, ['status', '--json']));
  expect(status.paused, `${context}\nafter importing the session CSV into a fresh journal`).toBe(recent);
  // T2, T5: an assess sign there (pain-over-24h included) opens a hold the same way.
  const warned = rows(csv).some((row) => row.date! >= addDays(today, -7) && row.symptoms!.split(';').some(isWarning));
  if (warned && !recent) saw('csv import with a recent assess sign');
  expect(status.holds.length > 0, `${context}\nholds after importing the session CSV into a fresh journal: ${JSON.stringify(status.holds)}`).toBe(warned);
}

/**
 * cli.md import: "Importing the same file twice does not duplicate sessions". The journal's own
 * export imported back into it changes nothing: the same backup, and the same views.
 */
async function reimport(dir: string, db: string, today: IsoDate, format: string, context: string): Promise<void> {
  const file = join(dir, `again-${today}.${format}`);
  writeFileSync(file, await ok(db, today, format === 'json' ? ['export', '--json', '--include-notes'] : ['export']));
  const before = await backup(db, today);
  const status = await ok(db, today, ['status', '--json']);
  const r = await pace(db, today, ['import', file]);
  noCrash(['import', file], r);
  saw(`reimport ${format} exit ${r.code}`);
  expect(r.code, show(['import', file], r)).toBe(0);
  expect(await backup(db, today), `${context}\nits own ${format} export imported back changed the journal`).toEqual(before);
  expect(await ok(db, today, ['status', '--json']), context).toBe(status);
}

/**
 * status --json with each session id replaced by the session's place in the journal's order (day,
 * then entry): the local id (`pace edit <id>`) is not carried by a backup, which names sessions by
 * uid and restores them in that order, so it is the one thing that may differ after a round trip.
 */
/**
 * D3: what the journal's exports put in a calendar app is about that app, not the person's history,
 * and a backup does not carry it (docs/decisions.md): a restored journal has no record of them.
 */
const CALENDAR = 'calendar_out_of_step';
const withoutCalendar = (text: string) => (text.startsWith('{') ? JSON.stringify({ ...(JSON.parse(text) as object), [CALENDAR]: undefined }) : text);

async function statusByPlace(db: string, today: string): Promise<unknown> {
  const j = openDatabase(db, { readonly: true });
  const ids = (j.prepare('SELECT id FROM sessions ORDER BY day, id').raw(true).all() as [number][]).map(([id]) => id);
  j.close();
  const place = (id: unknown) => (typeof id === 'number' ? `#${ids.indexOf(id)}` : id);
  return JSON.parse(await ok(db, today, ['status', '--json']), (key, value) => {
    if (key === CALENDAR) return undefined;
    if (key === 'session_id') return place(value);
    if (key === 'session_ids' && Array.isArray(value)) return value.map(place);
    return value;
  });
}

/** The log commands of a week done as planned, up to `sunday`: each planned session at its quota. */
async function plannedWeek(db: string, sunday: IsoDate): Promise<string[][]> {
  const plan = JSON.parse(await ok(db, sunday, ['plan', '--week', sunday, '--json']));
  const steady = ['--pain-before', '3', '--pain-after', '3'];
  if (plan.paused) return [];
  const planned = (plan.activities as Planned[]).filter((a) => a.quota !== null);
  if (planned.length === 0) return [-6, -4, -2].map((d) => ['log', 'walk', '10', '--unit', 'min', '--category', 'aerobic', '--date', addDays(sunday, d), ...steady]);
  // A planned day already logged (the random steps before) is not done twice.
  const logged = new Set((JSON.parse(await ok(db, sunday, ['list', '--json'])) as Session[]).map((s) => `${s.activity} ${s.date}`));
  return planned.flatMap((a) => a.sessions.filter((x) => !logged.has(`${a.activity} ${x.date}`)).map((x) => ['log', a.activity, String(a.quota), '--date', x.date, ...steady]));
}

/**
 * One truth over the whole history (Q9, E2): each week's quota and sessions per week in
 * `export --weekly` are `plan --week` of that week, read afterwards.
 */
async function checkHistory(db: string, today: IsoDate, context: string): Promise<void> {
  const weekly = rows(await ok(db, today, ['export', '--weekly'])).filter((w) => w.activity !== '');
  for (const ws of new Set(weekly.map((w) => w.week_start!))) {
    const plan = JSON.parse(await ok(db, today, ['plan', '--week', ws, '--json']));
    for (const w of weekly.filter((x) => x.week_start === ws)) {
      const a = (plan.activities as PlanRow[]).find((x) => x.activity === w.activity);
      saw('a past week checked');
      expect([ws, w.activity, num(w.quota), num(w.sessions_planned)], `${context}\nexport --weekly against plan --week ${ws}`).toEqual([ws, w.activity, a?.quota ?? null, a?.sessions_per_week ?? null]);
    }
  }
}

/** M2, M3: status, goal list and review say the same of each open goal and of the function score. */
async function checkGoals(db: string, today: IsoDate, context: string): Promise<void> {
  const status = JSON.parse(await ok(db, today, ['status', '--json']));
  const list = JSON.parse(await ok(db, today, ['goal', 'list', '--json']));
  const review = JSON.parse(await ok(db, today, ['review', '--json']));
  const latest = (goals: { id: number; latest_rating: number; status?: string }[]) =>
    goals.filter((g) => g.status === undefined || g.status === 'open').map((g) => [g.id, g.latest_rating]);
  saw('goals checked');
  expect(latest(status.goals), `${context}\ngoals in status against goal list`).toEqual(latest(list.goals));
  expect(latest(review.goals), `${context}\ngoals in review against goal list`).toEqual(latest(list.goals));
  expect(status.function_score, context).toBe(list.function_score);
  const score = review.measures.find((m: { name: string }) => m.name === 'function_score');
  // R1: before a whole week after the first two is over, the review has no "now" to compare; its
  // figures are rounded to one decimal (docs/decisions.md, "Verdicts follow the figures shown").
  const oneDecimal = (x: number) => Math.sign(x) * Math.round(Math.abs(x) * 10) / 10;
  if (score.now !== null) expect(score.now, `${context}\nreview's function score now`).toBe(oneDecimal(list.function_score));
}

/** What the session with this id carries now, from list --json, or undefined. */
async function sessionById(db: string, today: string, id: string): Promise<Session | undefined> {
  const sessions = JSON.parse(await ok(db, today, ['list', '--json'])) as Session[];
  return sessions.find((s) => String(s.id) === id);
}

async function run(j: { pem: string; target: number; goal: number | null; steps: Step[] }): Promise<void> {
  const dir = tempDir();
  const db = join(dir, 'journal.db');
  let today = START;
  await ok(db, today, ['init', '--pem', j.pem, '--start', START, '--target-minutes', String(j.target)]);
  const model: Model = { stopOpen: false, assessOpen: false, everStopped: false, accepted: false, schedules: new Map(), defaultTime: '09:00', target: j.target, topQuota: 30 };
  const done: string[] = [`init --pem ${j.pem} --start ${START} --target-minutes ${j.target} on ${START}`];
  // M1: a goal from the first day, half the time, so that re-ratings (M2) have one to rate.
  if (j.goal !== null) {
    await ok(db, today, ['goal', 'add', 'sit on the floor and get up', '--rating', String(j.goal)]);
    done.push(`goal add "sit on the floor and get up" --rating ${j.goal} on ${START}`);
  }
  for (const s of j.steps) {
    today = addDays(today, s.advance);
    // Q7: a raise is looked at only under a hold or pause; without one it is an ordinary setting.
    if (s.kind === 'raise' && !model.assessOpen && !model.stopOpen) continue;
    const argv = argvOn(s.kind === 'raise' ? ['plan', '--set', `${s.argv[0]}=${model.topQuota + 5}`, '--yes'] : s.argv, today);
    done.push(
      s.kind === 'roundtrip' ? `export --json | import (on ${today})`
      : s.kind === 'csvimport' ? `export | import (CSV, on ${today})`
      : s.kind === 'reimport' ? `export --format ${argv[0]} | import into the same journal (on ${today})`
      : `${argv.join(' ')} (on ${today})`,
    );
    const context = done.join('\n');
    if (s.kind === 'roundtrip') {
      await roundTrip(dir, db, today, context);
      continue;
    }
    if (s.kind === 'csvimport') {
      await csvImport(dir, db, today, context);
      continue;
    }
    if (s.kind === 'reimport') {
      await reimport(dir, db, today, argv[0]!, context);
      continue;
    }
    if (s.kind === 'week') {
      today = addDays(mondayOf(addDays(today, 1)), 6);
      for (const argv of await plannedWeek(db, today)) {
        done.push(`${argv.join(' ')} (on ${today}, a week as planned)`);
        const r = await pace(db, today, argv);
        noCrash(argv, r);
        expect(r.code, show(argv, r)).toBe(0);
      }
      const context = done.join('\n');
      await checkViews(db, today, model, context);
      await checkCalendar(db, today, JSON.parse(await ok(db, today, ['plan', '--json'])), context);
      continue;
    }
    const old = s.kind === 'edit' || s.kind === 'delete' ? await sessionById(db, today, argv[1]!) : undefined;
    const before = await backup(db, today);
    const weekBefore = !['bad', 'set', 'accept', 'raise'].includes(s.kind) ? JSON.parse(await ok(db, today, ['plan', '--week', today, '--json'])) : undefined;
    // Settings, days and goals: neither week's numbers are theirs to change (Q9, D, M, G3, S2).
    const asBefore = SETTINGS.includes(s.kind);
    const nextBefore2 = asBefore ? JSON.parse(await ok(db, today, ['plan', '--json'])) : undefined;
    const nextBefore = s.kind === 'set' || s.kind === 'accept' ? JSON.parse(await ok(db, today, ['plan', '--json'])) : undefined;
    const holdsBefore = s.kind === 'set' ? JSON.parse(await ok(db, today, ['status', '--json'])).holds.length : 0;
    const r = await pace(db, today, argv);
    noCrash(argv, r);
    saw(`${s.kind} exit ${r.code}`);
    if (process.env.STATS && r.code === 2 && s.kind !== 'bad') saw(`${s.kind}: ${r.stderr.split('\n')[0]!.replace(/\d+/g, 'N')}`);
    // 1. A refused command writes nothing (cli.md: "A command that fails writes nothing").
    if (r.code === 2) expect(await backup(db, today), `${context}\nrefused, yet the journal changed`).toEqual(before);
    if (s.kind === 'bad') expect(r.code, show(argv, r)).toBe(2);
    if (s.kind === 'raise') {
      // Q7, T2, T3 (docs/decisions.md: a raise of the quota or the sessions per week is refused
      // while a hold or pause is open today): exit 2, nothing written (checked above for every 2),
      // and the refusal names the hold, unless there is no such activity yet to set.
      expect(r.code, `${context}\nQ7: a raise under a ${model.stopOpen ? 'pause' : 'hold'} was not refused\n${show(argv, r)}`).toBe(2);
      if (/there is no activity named/.test(r.stderr)) saw('raise of an activity not yet logged');
      else {
        expect(r.stderr, `${context}\nQ7: refused, but not for the hold`).toMatch(/the plan cannot be raised until (a clinician has cleared you|you have been assessed)/);
        saw(model.stopOpen ? 'raise refused under a pause' : 'raise refused under a hold');
      }
    }
    if (r.code === 0 && s.kind === 'set') model.topQuota = Math.max(model.topQuota, Number(/=(\d+)/.exec(argv[2]!)![1]));
    if (r.code === 0) {
      // The model (T3, T5): a stop symptom recorded by log, edit (one the edit adds) or triage opens
      // the pause; --cleared ends it.
      const given = argv.filter((_, i) => argv[i - 1] === '--symptom');
      if (s.kind === 'clear') model.stopOpen = false;
      else if ((s.kind === 'log' || s.kind === 'triage') && given.some(isStop)) model.stopOpen = true;
      else if (s.kind === 'edit' && given.some((c) => isStop(c) && !old!.symptoms.includes(c))) model.stopOpen = true;
      else if (s.kind === 'accept') model.accepted = true;
      // T2, T5, F2: an assess sign recorded by any path opens a hold, the next-day answer "not
      // settled" too (pain-over-24h), unless it was said before and not recorded again.
      const sign = (c: string) => ASSESS.includes(c) && (s.kind !== 'edit' || !old!.symptoms.includes(c));
      if (s.kind !== 'clear' && ['log', 'triage', 'edit'].includes(s.kind) && given.some(sign)) model.assessOpen = true;
      if (argv[argv.indexOf('--settled') + 1] === 'no' && argv.includes('--settled') && !/already/i.test(r.stdout)) model.assessOpen = true;
      if (s.kind === 'clear') model.assessOpen = false;
      else if (s.kind === 'target') model.target = Number(argv[2]);
      else if (s.kind === 'time') model.defaultTime = argv[2]!;
      else if (s.kind === 'unschedule') model.schedules.delete(argv[1]!);
      else if (s.kind === 'schedule') {
        // Days given without --at keep the activity's own time (docs/decisions.md, Days and times).
        const at = argv.includes('--at') ? argv[argv.indexOf('--at') + 1]! : (model.schedules.get(argv[1]!)?.time ?? null);
        model.schedules.set(argv[1]!, { days: DAY_SETS[argv[2]!]!, time: at });
      }
    }
    if (model.stopOpen) model.everStopped = true;
    await checkViews(db, today, model, context);
    const nextAfter = ['set', 'accept', 'schedule', 'unschedule', 'time'].includes(s.kind) ? JSON.parse(await ok(db, today, ['plan', '--json'])) : undefined;
    if (nextAfter) await checkCalendar(db, today, nextAfter, context);
    if (r.code === 0 && s.kind === 'accept') {
      // S2: an accepted offer is next week's quota, reached by the accept and by nothing else.
      const offered = (nextBefore.activities as Planned[]).filter((a) => a.change === 'offer');
      expect(offered.length, `${context}\naccepted, but nothing was on offer`).toBeGreaterThan(0);
      for (const a of offered) {
        saw('offer accepted');
        const now = (nextAfter.activities as Planned[]).find((x) => x.activity === a.activity);
        expect([now?.quota, now?.change], `${context}\nS2: accepted ${JSON.stringify(a)}`).toEqual([a.offer, 'increase']);
      }
    }
    if (r.code === 0 && s.kind === 'set' && holdsBefore > 0) {
      // Q7: while a hold or pause is open, an override that raises the plan is refused.
      for (const a of nextAfter.activities as Planned[]) {
        const b = (nextBefore.activities as Planned[]).find((x) => x.activity === a.activity);
        if (b?.quota == null || a.quota === null) continue;
        saw('override under a hold checked');
        expect(a.quota * (a.sessions_per_week ?? 1) <= b.quota * (b.sessions_per_week ?? 1), `${context}\nQ7: raised under a hold: ${JSON.stringify(b)} -> ${JSON.stringify(a)}`).toBe(true);
      }
    }
    if (s.kind === 'goal' || s.kind === 'rate') await checkGoals(db, today, context);
    if (r.code === 0 && s.kind === 'schedule') {
      // D2: what `schedule --json` says of the coming week is that week's plan (one truth).
      const said = JSON.parse((await pace(db, today, [...argv, '--json'])).stdout).plan;
      const planned = (nextAfter.activities as Planned[]).find((a) => a.activity === argv[1]);
      if (said !== null) {
        saw('schedule --json plan checked');
        expect([said.week_start, said.sessions_per_week, said.sessions], `${context}\nschedule --json against plan --json`).toEqual([nextAfter.week_start, planned?.sessions_per_week, planned?.sessions]);
      }
    }
    // 5. Q9, T2: this week's plan is a function of the history before its Monday, so a step that
    // records only this week (a session dated this week, a sign on today's session, a check-in, a
    // clearance) leaves its quotas as they were; not while paused (T3 shows none), and not an
    // activity still in its baseline, whose plan is the comfortable amount so far (Q1).
    const monday = mondayOf(today);
    const dated = argv[argv.indexOf('--date') + 1];
    const thisWeekOnly =
      r.code === 0 && !argv.includes('--settled') &&
      ((s.kind === 'log' && (!argv.includes('--date') || dated! >= monday)) || s.kind === 'checkin' || s.kind === 'clear' || (s.kind === 'triage' && !argv.includes('--session')) ||
        // A session of this week deleted, or edited and kept in this week.
        ((s.kind === 'delete' || s.kind === 'edit') && old !== undefined && old.date >= monday && (!argv.includes('--date') || dated! >= monday)) ||
        asBefore);
    if (thisWeekOnly && weekBefore) {
      const weekAfter = JSON.parse(await ok(db, today, ['plan', '--week', today, '--json']));
      if (asBefore) {
        saw('setting leaves this week checked');
        const plain = (p: { paused: boolean; activities: PlanRow[] }) => [p.paused, p.activities.map((a) => [a.activity, a.quota, a.sessions_per_week, a.change])];
        expect(plain(weekAfter), `${context}\nthis week's plan changed by ${argv.join(' ')}`).toEqual(plain(weekBefore));
      }
      if (asBefore && !['target', 'pem'].includes(s.kind) && nextBefore2) {
        const nextNow = JSON.parse(await ok(db, today, ['plan', '--json']));
        const plain = (p: { paused: boolean; activities: PlanRow[] }) => [p.paused, p.activities.map((a) => [a.activity, a.quota, a.sessions_per_week, a.change])];
        saw('days and goals leave next week checked');
        expect(plain(nextNow), `${context}\nnext week's plan changed by ${argv.join(' ')}`).toEqual(plain(nextBefore2));
      }
      if (!weekBefore.paused && !weekAfter.paused) {
        for (const a of weekBefore.activities as PlanRow[]) {
          const b = (weekAfter.activities as PlanRow[]).find((x) => x.activity === a.activity);
          if (a.change === 'baseline' || b === undefined || b.change === 'baseline') continue;
          saw('Q9 checked');
          expect([b.quota, b.sessions_per_week], `${context}\nQ9: this week's plan for ${a.activity} changed: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`).toEqual([a.quota, a.sessions_per_week]);
        }
      }
    }
  }
  await checkGoals(db, today, done.join('\n'));
  await checkHistory(db, today, done.join('\n'));
  await roundTrip(dir, db, today, done.join('\n'));
  // The views read once a sequence: they must not fail on any journal the commands can make.
  for (const argv of [['review', '--json'], ['report', '--format', 'html', '--out', '-'], ['status'], ['plan']]) {
    const r = await pace(db, today, argv);
    noCrash(argv, r);
    expect(r.code, show(argv, r)).toBe(0);
  }
}

describe('random command sequences keep the journal honest (model-based)', () => {
  it('exit codes, one truth, every path to a pause, and the backup round trip hold after each step', async () => {
    await fc.assert(fc.asyncProperty(journal, run), {
      numRuns: Number(process.env.RUNS ?? 40),
      seed: Number(process.env.SEED ?? 20261207),
      endOnFailure: false,
    });
    // The default runs reach the rare states the invariants are about (another seed may not).
    if (process.env.SEED === undefined && process.env.RUNS === undefined) {
      for (const state of ['raise refused under a hold', 'raise refused under a pause']) expect(seen[state] ?? 0, `${state}: not reached on the default seed`).toBeGreaterThan(0);
    }
  }, 600_000);
});

// Cases the sequences found, kept as plain tests.
describe('found by the sequences', () => {
  it('F2: a "not settled" a session brought with it from another day is named by the session, not as that day\'s answer given before the day', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    await ok(db, '2026-09-07', ['init', '--pem', 'no', '--start', '2026-09-07']);
    await ok(db, '2026-09-07', ['log', 'walk', '10']);
    await ok(db, '2026-09-08', ['log', '--settled', 'no']);
    // Session 1, answered "not settled" on 8 Sep about 7 Sep, moves to 1 Oct: the answer was not about 1 Oct.
    await ok(db, '2026-10-01', ['edit', '1', '--date', '2026-10-01']);
    const r = await pace(db, '2026-10-02', ['edit', '1', '--settled', 'yes']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('pace: session 1 on Thu 1 Oct is recorded as not settled (answered on Tue 8 Sep), and that answer stays.');
  });

  it('a backup restores a day as it was: a session moved onto a day keeps its own "not settled", and the other session there stays no flare (F2, E1)', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.db');
    await ok(a, '2026-09-07', ['init', '--pem', 'no', '--start', '2026-09-07']);
    await ok(a, '2026-09-07', ['log', 'walk', '5']);
    // The next-day check for 7 Sep: not settled (session 1 takes pain-over-24h); session 2 is on 8 Sep.
    await ok(a, '2026-09-08', ['log', 'walk', '5', '--settled', 'no']);
    // Session 1 moves onto 8 Sep with its own answer, about the day it left: session 2 is not answered.
    await ok(a, '2026-09-10', ['edit', '1', '--date', '2026-09-08']);
    const flares = async (db: string) => rows(await ok(db, '2026-09-10', ['export'])).map((r) => r.flare);
    expect(await flares(a)).toEqual(['yes', 'no']);
    const file = join(dir, 'backup.json');
    writeFileSync(file, await ok(a, '2026-09-10', ['export', '--json', '--include-notes']));
    const b = join(dir, 'b.db');
    await ok(b, '2026-09-10', ['import', file]);
    expect(await flares(b)).toEqual(['yes', 'no']);
    expect(await backup(b, '2026-09-10')).toEqual(await backup(a, '2026-09-10'));
  });
});
