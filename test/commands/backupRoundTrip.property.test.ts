// A JSON backup is the whole journal and comes back whole (cli.md `export`, `import`;
// docs/decisions.md "Export and import"). Random journals are built through the real commands,
// run through main() in this process, then backed up and restored. A longer hunt:
// RUNS=300 STEPS=40 npx vitest run test/commands/backupRoundTrip.property.test.ts
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite.js';
import { addDays } from '../../src/core/dates.js';
import { parseCsv } from '../../src/core/csv.js';
import type { IsoDate } from '../../src/core/types.js';
import { pace } from '../helpers/inProcess.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const savedUmask = process.umask();
afterAll(() => {
  process.umask(savedUmask);
  removeTempDirs();
});

async function ok(db: string, today: string, argv: string[]): Promise<string> {
  const r = await pace(db, today, argv);
  expect(r.code, `pace ${argv.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

const START = '2026-09-07' as IsoDate;

const ACTIVITIES = [
  { name: 'walk', unit: 'min', category: 'aerobic', doses: [5, 8, 10, 12.5, 20] },
  { name: 'Sit to stand', unit: 'reps', category: 'strength', doses: [5, 8, 12] },
  { name: 'swim', unit: 'm', category: 'aerobic', doses: [200, 400] },
  { name: 'stretch', unit: 'min', category: 'mobility', doses: [5, 10] },
  { name: 'steps', unit: 'steps', category: 'other', doses: [500, 1500] },
  { name: '@home yoga, "slow"', unit: 'min', category: 'mind-body', doses: [10, 15] },
  { name: "'Café' +stairs", unit: 'reps', category: 'strength', doses: [3, 30] },
] as const;
const CODES = ['muscle-fatigue', 'mild-pain-increase', 'pain-worsening', 'joint-swelling', 'dizziness', 'chest-pain'];

const scale = fc.integer({ min: 0, max: 10 });
const noteText = fc.oneof(
  fc.constantFrom('first walk', 'knee ok\nback sore', 'said "no", then, yes', '@mention', '+1 day', '\ttabbed', 'ça va, très bien 🙂', 'line one\r\nline two\tend', '=SUM(A1)', "'quoted", '-3 worse', '日本語のメモ'),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^[\p{L}\p{N} .,!?\n]+$/u.test(s) && s.trim() !== ''),
);

/** One command of the journal's life: its argv, where `@-n` is the day n days before the day it runs. */
type Step = { advance: number; argv: readonly string[] };
const argvOn = (argv: readonly string[], today: IsoDate) => argv.map((a) => (/^@-\d+$/.test(a) ? addDays(today, -Number(a.slice(2))) : a));

const logStep = fc
  .record({
    a: fc.constantFrom(...ACTIVITIES),
    doseIx: fc.nat(4),
    back: fc.nat(3),
    before: fc.option(scale),
    after: fc.option(scale),
    effort: fc.option(scale),
    symptoms: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(CODES, { maxLength: 2 }) }),
    flare: fc.boolean(),
    note: fc.option(noteText),
    settled: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('yes', 'no') }),
  })
  .map((r): string[] => [
    'log', r.a.name, String(r.a.doses[r.doseIx % r.a.doses.length]), '--unit', r.a.unit, '--category', r.a.category,
    '--date', `@-${r.back}`,
    ...(r.before !== null ? ['--pain-before', String(r.before)] : []),
    ...(r.after !== null ? ['--pain-after', String(r.after)] : []),
    ...(r.effort !== null ? ['--effort', String(r.effort)] : []),
    ...r.symptoms.flatMap((c) => ['--symptom', c]),
    ...(r.flare ? ['--flare'] : []),
    ...(r.note !== null ? ['--note', r.note] : []),
    ...(r.settled !== null ? ['--settled', r.settled] : []),
  ]);

const sessionId = fc.integer({ min: 1, max: 6 }).map(String);
const editStep = fc
  .record({
    id: sessionId,
    after: fc.option(scale),
    symptoms: fc.subarray(CODES, { maxLength: 1 }),
    flare: fc.constantFrom<readonly string[]>([], ['--flare'], ['--no-flare']),
    note: fc.option(noteText),
    back: fc.option(fc.nat(9)),
  })
  .map((r): string[] => [
    'edit', r.id,
    ...(r.after !== null ? ['--pain-after', String(r.after)] : []),
    ...r.symptoms.flatMap((c) => ['--symptom', c]),
    ...r.flare,
    ...(r.note !== null ? ['--note', r.note] : []),
    ...(r.back !== null ? ['--date', `@-${r.back}`] : []),
  ]);

const otherStep = fc.oneof(
  editStep,
  sessionId.map((id) => ['delete', id, '--yes']),
  fc.record({ id: sessionId, c: fc.constantFrom(...CODES) }).map(({ id, c }) => ['triage', '--session', id, '--symptom', c]),
  fc.constantFrom('yes', 'no').map((s) => ['log', '--settled', s]),
  // Few choices, so that the same record is often made twice on one day (a sign, a clearance, the sign again).
  fc.constantFrom('dizziness', 'joint-swelling').map((c) => ['triage', '--symptom', c]),
  fc.constant(['triage', '--cleared']),
  fc.record({ q: fc.constantFrom(8, 10), n: fc.option(fc.constantFrom(2, 3)) }).map(({ q, n }) => ['plan', '--set', `walk=${q}${n === null ? '' : `x${n}`}`, '--yes']),
  fc.constant(['plan', '--accept-increase']),
  fc.record({ days: fc.constantFrom('mon,wed,fri', 'weekdays', 'daily', 'tue,sat'), at: fc.option(fc.constantFrom('07:30', '18:05')) }).map(
    ({ days, at }) => ['schedule', 'walk', days, ...(at ? ['--at', at] : [])],
  ),
  fc.constant(['schedule', 'walk', '--clear']),
  fc.constantFrom('yes', 'no').map((p) => ['init', '--pem', p]),
  fc.constantFrom(60, 150).map((m) => ['init', '--target-minutes', String(m)]),
  fc.constantFrom('a4', 'letter', 'auto').map((p) => ['init', '--paper', p]),
  fc.constantFrom('07:00', '17:45').map((t) => ['init', '--time', t]),
  fc.nat(20).map((n) => ['init', '--start', `@-${n}`]),
  fc.record({ text: fc.constantFrom('walk to the shop', 'carry the shopping', 'play with my niece, 30 min', 'Climb the stairs 🙂'), rating: scale }).map(
    ({ text, rating }) => ['goal', 'add', text, '--rating', String(rating)],
  ),
  fc.record({ id: fc.integer({ min: 1, max: 3 }), rating: scale }).map(({ id, rating }) => ['goal', 'rate', String(id), String(rating)]),
  fc.record({ id: fc.integer({ min: 1, max: 3 }), how: fc.constantFrom('--achieved', '--dropped') }).map(({ id, how }) => ['goal', 'close', String(id), how]),
  fc.tuple(scale, scale, scale).map(([p, e, g]) => ['checkin', '--pain', String(p), '--enjoyment', String(e), '--general', String(g)]),
);

/** Records that are easily made twice on one day, identical: each copy is part of the journal. */
const twiceStep = fc.oneof(
  fc.constantFrom('dizziness', 'joint-swelling').map((c) => ['triage', '--symptom', c]),
  fc.constant(['triage', '--cleared']),
  fc.constantFrom('walk=8', 'walk=10x3').map((set) => ['plan', '--set', set, '--yes']),
  fc.constantFrom('yes', 'no').map((p) => ['init', '--pem', p]),
  fc.constantFrom(60, 150).map((m) => ['init', '--target-minutes', String(m)]),
);

const step: fc.Arbitrary<Step> = fc.record({
  advance: fc.constantFrom(0, 0, 0, 1, 1, 2, 3, 5),
  argv: fc.oneof({ weight: 3, arbitrary: logStep }, { weight: 2, arbitrary: otherStep }, { weight: 2, arbitrary: twiceStep }),
});

const journalSteps = fc.record({
  init: fc.record({ pem: fc.constantFrom('yes', 'no'), aim: fc.constantFrom(60, 150) }),
  steps: fc.array(step, { minLength: 3, maxLength: Number(process.env.STEPS ?? 14) }),
});

type JournalSteps = typeof journalSteps extends fc.Arbitrary<infer T> ? T : never;

/** Builds the journal; commands may be refused (a clearance with nothing open): those write nothing. */
async function build(db: string, j: JournalSteps): Promise<IsoDate> {
  let today = START;
  await ok(db, today, ['init', '--pem', j.init.pem, '--start', START, '--target-minutes', String(j.init.aim)]);
  await ok(db, today, ['log', 'walk', '10', '--pain-before', '2', '--pain-after', '3']);
  for (const s of j.steps) {
    today = addDays(today, s.advance);
    const argv = argvOn(s.argv, today);
    const r = await pace(db, today, argv);
    expect([0, 2], `pace ${argv.join(' ')}: ${r.stderr}`).toContain(r.code);
  }
  return today;
}

const VIEWS: string[][] = [
  ['status', '--json'],
  ['plan', '--json'],
  ['review', '--json'],
  ['export', '--weekly'],
  ['export', '--include-notes'],
  ['schedule', '--json'],
  ['goal', 'list', '--all', '--json'],
  ['list', '--json'],
  ['status'],
  ['plan'],
  ['plan', '--json', '--week', START],
  ['plan', '--json', '--week', addDays(START, 14)],
  ['plan', '--json', '--week', addDays(START, 28)],
];

/**
 * The views, with each session id (local to a journal: `pace edit <id>`) replaced by the session's
 * place in the journal's order (day, then entry), which is the order a backup lists and restores
 * them in. The backup names sessions by uid; the local id is not carried.
 */
async function views(db: string, today: string): Promise<Record<string, string>> {
  const j = openDatabase(db, { readonly: true });
  const ids = (j.prepare('SELECT id FROM sessions ORDER BY day, id').raw(true).all() as [number][]).map(([id]) => id);
  j.close();
  const place = (id: unknown) => (typeof id === 'number' ? `#${ids.indexOf(id)}` : id);
  const out: Record<string, string> = {};
  for (const v of VIEWS) {
    const text = await ok(db, today, v);
    out[v.join(' ')] = v.includes('--json')
      ? JSON.stringify(JSON.parse(text, function (key, value) {
          if (key === 'session_id' || (key === 'id' && typeof this === 'object' && this !== null && 'activity' in this && 'dose' in this)) return place(value);
          if (key === 'session_ids' && Array.isArray(value)) return value.map(place);
          return value;
        }), null, 1)
      : text;
  }
  return out;
}

/** The backup, with the one field that is the moment of export left out. */
async function backup(db: string, today: string): Promise<Record<string, unknown>> {
  const doc = JSON.parse(await ok(db, today, ['export', '--format', 'json', '--include-notes'])) as Record<string, unknown>;
  delete doc.exported_on;
  return doc;
}

async function importFile(db: string, today: string, file: string): Promise<{ sessions_added: number; other_records_added: number }> {
  return JSON.parse(await ok(db, today, ['import', file, '--json']));
}

describe('a JSON backup is the whole journal and comes back whole (property)', () => {
  it('export -> import into an empty journal -> export gives the same backup and the same views; a second import adds nothing; importing into its own journal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(journalSteps, fc.constantFrom(0, 0, 1, 3, 8), async (j, wait) => {
        const dir = tempDir();
        const a = join(dir, 'a.db');
        const made = await build(a, j);
        const file = join(dir, 'backup.json');
        writeFileSync(file, await ok(a, made, ['export', '--format', 'json', '--include-notes']));
        // Restored on the day it was made, or some days later (a new computer).
        const today = addDays(made, wait);
        const first = await backup(a, today);
        // The views are read on a later day too, so that weeks after the last entry are compared.
        const later = addDays(today, 9);

        // 1. Into an empty journal: the same backup, the same views.
        const b = join(dir, 'b.db');
        await importFile(b, today, file);
        expect(await backup(b, today)).toEqual(first);
        for (const day of [today, later]) expect(await views(b, day)).toEqual(await views(a, day));

        // 2. A second import adds nothing.
        const again = await importFile(b, today, file);
        expect(again).toMatchObject({ sessions_added: 0, other_records_added: 0 });
        expect(await backup(b, today)).toEqual(first);

        // 3. Into the journal it came from: nothing added, no view changed.
        const before = await views(a, today);
        const own = await importFile(a, today, file);
        expect(own).toMatchObject({ sessions_added: 0, other_records_added: 0 });
        expect(await views(a, today)).toEqual(before);
        expect(await backup(a, today)).toEqual(first);
      }),
      { numRuns: Number(process.env.RUNS ?? 15) },
    );
  }, 600_000);
});

/** The columns a session CSV carries (the derived ones, quota, pct_of_quota and triage, are not read back). */
const CARRIED = ['date', 'activity', 'category', 'dose', 'unit', 'pain_before', 'pain_after', 'pain_change', 'effort', 'flare', 'symptoms', 'note'];

function carried(csv: string): string[][] {
  const [head, ...rows] = [...parseCsv(csv)].map((r) => r.fields);
  const keep = CARRIED.map((c) => head!.indexOf(c)).filter((i) => i >= 0);
  return rows.map((r) => keep.map((i) => r[i]!));
}

describe('a session CSV comes back as the same sessions (property)', () => {
  it('export (with and without notes) -> import into an empty journal gives the same rows in the columns the CSV carries', async () => {
    await fc.assert(
      fc.asyncProperty(journalSteps, fc.boolean(), async (j, notes) => {
        const dir = tempDir();
        const a = join(dir, 'a.db');
        const today = await build(a, j);
        const flags = notes ? ['--include-notes'] : [];
        const csv = await ok(a, today, ['export', ...flags]);
        const file = join(dir, 'sessions.csv');
        writeFileSync(file, csv);
        const b = join(dir, 'b.db');
        await ok(b, today, ['import', file]);
        expect(carried(await ok(b, today, ['export', ...flags]))).toEqual(carried(csv));
        // Twice adds nothing; into the journal it came from, nothing either.
        expect(JSON.parse(await ok(b, today, ['import', file, '--json']))).toMatchObject({ sessions_added: 0 });
        expect(JSON.parse(await ok(a, today, ['import', file, '--json']))).toMatchObject({ sessions_added: 0 });
      }),
      { numRuns: Number(process.env.RUNS ?? 15) },
    );
  }, 600_000);
});
