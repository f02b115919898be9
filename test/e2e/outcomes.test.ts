import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredPace, lines, stackLines, tempPace, type TempPace } from '../helpers/pace.js';
import { importRows, json, mondayOf, sundayOf, times, walks, weeksOf, type Bout } from '../helpers/history.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// As a new user would: two goals in week 1, the check-in on Sundays, fourteen weeks of walks that
// grow while pain barely moves.
const START = '2026-01-05'; // Monday of program week 1
const WEEK14 = sundayOf(START, 14);

const painful = (dose: number, before: number): Bout => ({ dose, painBefore: before, painAfter: before + 1 });

function fourteenWeeks(pace: TempPace): void {
  expect(pace.run(['goal', 'add', 'climb the stairs to my flat without stopping', '--rating', '3'], { PACE_TODAY: START }).status).toBe(0);
  expect(pace.run(['goal', 'add', 'sit on the floor and get up', '--rating', '2'], { PACE_TODAY: START }).status).toBe(0);
  const perWeek = Array.from({ length: 14 }, (_, w) => {
    const n = w < 2 ? 3 : w < 8 ? 4 : 5;
    return Array.from({ length: n }, (_, i) => painful(10 + w + Math.floor(w / 2), (w + i) % 3 === 0 ? 4 : 5));
  });
  importRows(pace, walks(START, ...perWeek), WEEK14);
  for (let w = 1; w <= 14; w++) {
    const sunday = sundayOf(START, w);
    const answers = w <= 7 ? ['6', '7', '7'] : ['5', '4', '4'];
    expect(pace.run(['checkin', '--pain', answers[0]!, '--enjoyment', answers[1]!, '--general', answers[2]!], { PACE_TODAY: sunday }).status).toBe(0);
    if (w % 4 === 0 || w === 14) {
      const stairs = String(3 + Math.ceil(w / 4));
      expect(pace.run(['goal', 'rate', '1', w === 14 ? '7' : stairs], { PACE_TODAY: sunday }).status).toBe(0);
      expect(pace.run(['goal', 'rate', '2', w >= 12 ? '3' : '2'], { PACE_TODAY: sunday }).status).toBe(0);
    }
  }
}

describe('fourteen weeks of goals, check-ins and walks', () => {
  let pace: TempPace;
  beforeAll(() => {
    pace = answeredPace();
    fourteenWeeks(pace);
  });

  it('R3: review --json says first that pain barely moved while minutes, sessions, PEG and the stairs goal improved', () => {
    type Review = { today: string; program_week: number; then: { from: string; to: string }; now: { from: string; to: string }; measures: { name: string; then: number | null; now: number | null; change: number | null; verdict: string }[]; goals: { id: number; text: string; verdict: string; first_rating: number; latest_rating: number; clear_change: boolean }[]; summary: string };
    const r = json<Review>(pace, ['review'], WEEK14);
    expect(r).toMatchObject({ today: WEEK14, program_week: 14, then: { from: START, to: sundayOf(START, 2) }, now: { from: mondayOf(START, 11), to: WEEK14 } });
    expect(r.measures.map((m) => m.name)).toEqual([
      'minutes_per_week', 'sessions_per_week', 'adherence_pct', 'pain_before', 'pain_change', 'peg', 'function_score', 'flares_per_4_weeks', 'boom_bust_cycles',
    ]);
    const v = Object.fromEntries(r.measures.map((m) => [m.name, m.verdict]));
    expect(v).toMatchObject({ minutes_per_week: 'better', sessions_per_week: 'better', pain_before: 'same', peg: 'better', function_score: 'better', flares_per_4_weeks: 'same' });
    expect(r.measures.find((m) => m.name === 'peg')).toMatchObject({ then: 6.7, now: 4.3, change: -2.4 });
    expect(r.goals.map((g) => [g.text, g.first_rating, g.latest_rating, g.verdict])).toEqual([
      ['climb the stairs to my flat without stopping', 3, 7, 'better'],
      ['sit on the floor and get up', 2, 3, 'same'],
    ]);
    expect(r.summary).toMatch(/^Your pain before sessions is about the same as in your first two weeks/);
    expect(r.summary).toMatch(/"climb the stairs to my flat without stopping" 3 -> 7/);
    expect(r.summary).not.toMatch(/because|thanks to|caused/i);
  });

  it('review for people puts the same words first, then each measure and goal', () => {
    const r = pace.run(['review'], { PACE_TODAY: WEEK14 });
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^Review, Sun 12 Apr 2026 - program week 14/);
    expect(out[1]).toMatch(/^Your pain before sessions is about the same/);
    expect(r.stdout).toMatch(/minutes of any activity a week .* better/);
    expect(r.stdout).toMatch(/3 -> 7 \(12 Apr\): a clear change for the better/);
    expect(r.stdout).toMatch(/2 -> 3 \(12 Apr\): about the same so far/);
  });

  it('status --json carries the goals, function score, latest PEG, check-in due and review ready (R2: week 14)', () => {
    const s = json<Record<string, unknown>>(pace, ['status'], WEEK14);
    expect(s).toMatchObject({
      program_week: 14,
      goals: [
        { id: 1, text: 'climb the stairs to my flat without stopping', latest_rating: 7, rating_due: false },
        { id: 2, text: 'sit on the floor and get up', latest_rating: 3, rating_due: false },
      ],
      function_score: 5,
      peg: { week_start: mondayOf(START, 14), score: 13 / 3 },
      checkin_due: false,
      review_ready: true,
    });
    const later = json<Record<string, unknown>>(pace, ['status'], mondayOf(START, 15));
    expect(later).toMatchObject({ program_week: 15, checkin_due: true, review_ready: false, peg: { week_start: mondayOf(START, 14) } });
    // M2: fourteen days after the last rating, both goals are due again.
    const due = json<{ goals: { rating_due: boolean }[] }>(pace, ['status'], sundayOf(START, 16));
    expect(due.goals.map((g) => g.rating_due)).toEqual([true, true]);
  });

  it('status for people names the goals, the check-in and the review', () => {
    const r = pace.run(['status'], { PACE_TODAY: mondayOf(START, 15) });
    expect(r.stdout).toMatch(/1\. climb the stairs to my flat without stopping: 7/);
    expect(r.stdout).toMatch(/Function score \(their mean\) 2\.5 -> 5\.0: a clear change for the better/);
    expect(r.stdout).toMatch(/Weekly check-in: PEG 4\.3 for the week of Mon 6 Apr; this week's is waiting/);
    expect(pace.run(['status'], { PACE_TODAY: WEEK14 }).stdout).toMatch(/A review is ready: pace review/);
  });

  it("W2, E2: export --weekly fills peg with each week's score, one decimal", () => {
    const r = pace.run(['export', '--weekly'], { PACE_TODAY: WEEK14 });
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\r\n').map((l) => l.split(','));
    const peg = new Map(rows.slice(1).map((cells) => [cells[0], cells[16]]));
    expect(peg.get(START)).toBe('6.7');
    expect(peg.get(mondayOf(START, 8))).toBe('4.3');
    expect(rows.slice(1).every((cells) => cells[16] !== '')).toBe(true);
  });

  it('goal list --json: the goals with their change and the function score (M3)', () => {
    const g = json<{ goals: Record<string, unknown>[]; function_score: number; function_change: number; clear_change: boolean }>(pace, ['goal', 'list'], WEEK14);
    expect(g).toMatchObject({ function_score: 5, function_change: 2.5, clear_change: true });
    // `pace goal` alone is `pace goal list`.
    expect(json(pace, ['goal'], WEEK14)).toEqual(g);
    expect(g.goals[0]).toEqual({
      id: 1, text: 'climb the stairs to my flat without stopping', status: 'open', first_rating: 3, latest_rating: 7, change: 4, clear_change: true,
      rating_due: false, created_on: START, closed_on: null,
      ratings: [
        { date: START, rating: 3 }, { date: sundayOf(START, 4), rating: 4 }, { date: sundayOf(START, 8), rating: 5 },
        { date: sundayOf(START, 12), rating: 6 }, { date: WEEK14, rating: 7 },
      ],
    });
  });

  it('the JSON backup brings goals, ratings and check-ins back, and a second import adds nothing', () => {
    const file = join(pace.home, 'backup.json');
    expect(pace.run(['export', '--format', 'json', '--out', file], { PACE_TODAY: WEEK14 }).status).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { goals: unknown[]; peg_checkins: unknown[] };
    expect(doc.goals).toHaveLength(2);
    expect(doc.peg_checkins).toHaveLength(14);

    const copy = tempPace(tempDir());
    const first = json<{ other_records_added: number }>(copy, ['import', file], WEEK14);
    expect(first.other_records_added).toBeGreaterThanOrEqual(2 + 7 + 14);
    for (const args of [['goal', 'list', '--all'], ['review'], ['status']]) {
      expect(json(copy, args, WEEK14)).toEqual(json(pace, args, WEEK14));
    }
    const hash = fileHash(copy.db);
    const again = json<{ sessions_added: number; other_records_added: number }>(copy, ['import', file], WEEK14);
    expect(again).toMatchObject({ sessions_added: 0, other_records_added: 0 });
    expect(json(copy, ['goal', 'list', '--all'], WEEK14)).toEqual(json(pace, ['goal', 'list', '--all'], WEEK14));
    expect(fileHash(copy.db)).toBe(hash);
  });
});

describe('goal, checkin and review: every JSON document, and bad input refused with nothing written', () => {
  let pace: TempPace;
  const TODAY = '2026-11-21';
  const refused = (args: string[], message: RegExp) => {
    const before = fileHash(pace.db);
    const r = pace.run(args, { PACE_TODAY: TODAY });
    expect(r.status, args.join(' ')).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stdout).toBe('');
    expect(fileHash(pace.db)).toBe(before);
  };

  beforeAll(() => {
    pace = answeredPace();
  });

  it('goal add, rate and close print {"goal": ...}; rate twice in a day keeps one rating', () => {
    const add = json<{ goal: Record<string, unknown> }>(pace, ['goal', 'add', 'touch', 'my', 'toes', '--rating', '4'], TODAY);
    expect(add.goal).toMatchObject({ id: 1, text: 'touch my toes', status: 'open', first_rating: 4, latest_rating: 4, change: 0, clear_change: false, ratings: [{ date: TODAY, rating: 4 }] });
    json(pace, ['goal', 'rate', '1', '6'], TODAY);
    const rate = json<{ goal: Record<string, unknown> }>(pace, ['goal', 'rate', '1', '7'], TODAY);
    expect(rate.goal).toMatchObject({ first_rating: 7, latest_rating: 7, ratings: [{ date: TODAY, rating: 7 }] });
    const close = json<{ goal: Record<string, unknown> }>(pace, ['goal', 'close', '1', '--achieved'], TODAY);
    expect(close.goal).toMatchObject({ id: 1, status: 'achieved', closed_on: TODAY });
    expect(json(pace, ['goal', 'list'], TODAY)).toEqual({ goals: [], function_score: null, function_change: null, clear_change: false });
  });

  it('refuses a rating of 11 or 3.5, an empty goal, a missing rating, an unknown id and closing twice (exit 2)', () => {
    json(pace, ['goal', 'add', 'carry the shopping', '--rating', '2'], TODAY);
    refused(['goal', 'add', 'sit cross-legged', '--rating', '11'], /--rating "11" is not a whole number from 0 to 10/);
    refused(['goal', 'add', 'sit cross-legged', '--rating', '3.5'], /--rating "3\.5" is not a whole number from 0 to 10/);
    refused(['goal', 'add', '   ', '--rating', '3'], /the goal is empty/);
    refused(['goal', 'add', 'sit cross-legged'], /the rating is missing/);
    refused(['goal', 'rate', '2', '11'], /not a whole number from 0 to 10/);
    refused(['goal', 'rate', '2'], /the rating is missing/);
    refused(['goal', 'rate'], /which goal/);
    refused(['goal', 'rate', '99', '5'], /there is no goal 99/);
    refused(['goal', 'close', '99', '--dropped'], /there is no goal 99/);
    refused(['goal', 'close', '1', '--dropped'], /goal 1 is already closed \(achieved on Sat 21 Nov 2026\)/);
    refused(['goal', 'rate', '1', '5'], /goal 1 is already closed/);
    refused(['goal', 'close', '2'], /--achieved or --dropped/);
    refused(['goal', 'close', 'x', '--dropped'], /"x" is not a goal id/);
    // M1, M3: a script run twice, or a goal typed again, would count twice in the function score.
    refused(['goal', 'add', 'Carry the  shopping', '--rating', '4', '--json'], /goal 2 is already open: "carry the shopping"[\s\S]*pace goal rate 2 <0-10>/);
  });

  it('M1: a sixth open goal is refused with a word about closing one', () => {
    for (const text of ['a', 'b', 'c', 'd']) json(pace, ['goal', 'add', `goal ${text}`, '--rating', '1'], TODAY);
    refused(['goal', 'add', 'a sixth', '--rating', '1'], /already have 5 open goals[\s\S]*Close one first: pace goal close/);
    expect(json<{ goals: unknown[] }>(pace, ['goal', 'list', '--all'], TODAY).goals).toHaveLength(6);
  });

  it('checkin --json prints the check-in with its exact PEG score; a second one that week replaces it', () => {
    const c = json<{ checkin: Record<string, unknown>; replaced: boolean }>(pace, ['checkin', '--pain', '4', '--enjoyment', '5', '--general', '5'], TODAY);
    expect(c).toEqual({ checkin: { week_start: '2026-11-16', date: TODAY, pain: 4, enjoyment: 5, general: 5, peg: 14 / 3 }, replaced: false, next_day: null });
    const again = json<{ checkin: Record<string, unknown>; replaced: boolean }>(pace, ['checkin', '--pain', '3', '--enjoyment', '3', '--general', '3'], '2026-11-22');
    expect(again).toMatchObject({ checkin: { week_start: '2026-11-16', date: '2026-11-22', peg: 3 }, replaced: true });
  });

  it('M1: goal add with no words and no person to ask exits 2 with how to write one; a person is asked instead', () => {
    const p = tempPace(tempDir());
    expect(p.run(['init', '--pem', 'no'], { PACE_TODAY: '2026-11-20' }).status).toBe(0);
    const before = fileHash(p.db);
    const r = p.run(['goal', 'add', '--rating', '3'], { PACE_TODAY: '2026-11-20' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the goal is empty/);
    expect(r.stderr).toMatch(/pace goal add "climb the stairs without stopping" --rating 3/);
    expect(fileHash(p.db)).toBe(before);
  });

  it('F2: the check-in takes the next-day answer too (--settled), for every session of that day', () => {
    const p = tempPace(tempDir());
    expect(p.run(['init', '--pem', 'no'], { PACE_TODAY: '2026-11-20' }).status).toBe(0);
    expect(p.run(['log', 'walk', '10', '--no-input'], { PACE_TODAY: '2026-11-20' }).status).toBe(0);
    expect(p.run(['log', 'bike', '15', '--no-input'], { PACE_TODAY: '2026-11-20' }).status).toBe(0);
    const c = json<{ next_day: { session_ids: number[]; settled: boolean; triage: { class: string } | null } }>(p, ['checkin', '--pain', '4', '--enjoyment', '5', '--general', '5', '--settled', 'no'], '2026-11-21');
    expect(c.next_day).toMatchObject({ session_ids: [1, 2], settled: false, triage: { class: 'assess' } });
    expect(p.sessions().map((x) => x.symptoms)).toEqual([['pain-over-24h'], ['pain-over-24h']]);
    // Answered once: a second --settled has nothing to answer, and nothing is written.
    const before = fileHash(p.db);
    const r = p.run(['checkin', '--pain', '4', '--enjoyment', '5', '--general', '5', '--settled', 'yes'], { PACE_TODAY: '2026-11-21' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--settled answers the next-day check, but there is no session/);
    expect(fileHash(p.db)).toBe(before);
  });

  it('F2: checkin --settled alone answers the next-day check only, as log --settled does on a rest day', () => {
    const p = tempPace(tempDir());
    expect(p.run(['init', '--pem', 'no'], { PACE_TODAY: '2026-11-20' }).status).toBe(0);
    expect(p.run(['log', 'walk', '10', '--no-input'], { PACE_TODAY: '2026-11-20' }).status).toBe(0);
    const c = json<{ checkin: unknown; replaced: boolean; next_day: { session_ids: number[]; settled: boolean; triage: { class: string } | null } }>(p, ['checkin', '--settled', 'no'], '2026-11-21');
    expect(c).toMatchObject({ checkin: null, replaced: false, next_day: { session_ids: [1], settled: false, triage: { class: 'assess' } } });
    expect(p.sessions().map((x) => x.symptoms)).toEqual([['pain-over-24h']]);
    // No weekly check-in was made of it: the week still has none.
    expect(JSON.parse(p.run(['status', '--json'], { PACE_TODAY: '2026-11-21' }).stdout)).toMatchObject({ peg: null });
    const text = tempPace(tempDir());
    expect(text.run(['init', '--pem', 'no'], { PACE_TODAY: '2026-11-20' }).status).toBe(0);
    expect(text.run(['log', 'walk', '10', '--no-input'], { PACE_TODAY: '2026-11-20' }).status).toBe(0);
    const r = text.run(['checkin', '--settled', 'yes'], { PACE_TODAY: '2026-11-21' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/settled/i);
    expect(r.stdout).not.toMatch(/PEG|check-in saved/i);
    // With nothing waiting, --settled alone is refused as before, and nothing is written.
    refused(['checkin', '--settled', 'no'], /--settled answers the next-day check, but there is no session/);
  });

  it('refuses a check-in missing an answer when not interactive, or with an answer out of range', () => {
    refused(['checkin', '--pain', '4', '--enjoyment', '5'], /missing: --general/);
    refused(['checkin'], /missing: --pain, --enjoyment, --general/);
    refused(['checkin', '--pain', '4', '--enjoyment', '5', '--general', '11'], /--general "11" is not a whole number/);
  });

  it('W1: an answer out of range is refused with that question\'s anchors, as checkin --help gives them', () => {
    // Seen: --enjoyment 12 answered with the pain anchors ("0 means none, 10 the worst you can imagine").
    refused(['checkin', '--pain', '4', '--enjoyment', '12', '--general', '5'], /--enjoyment "12" is not a whole number from 0 to 10\.\n {2}0 = did not interfere, 10 = completely interfered\./);
    refused(['checkin', '--pain', '4', '--enjoyment', '5', '--general', 'x'], /--general "x" [^\n]*\n {2}0 = did not interfere, 10 = completely interfered\./);
    refused(['checkin', '--pain', '11', '--enjoyment', '5', '--general', '5'], /--pain "11" [^\n]*\n {2}0 = no pain, 10 = pain as bad as you can imagine\./);
  });

  it('review --json on a first day: every measure says not enough data, and when a review can start', () => {
    const fresh = answeredPace();
    expect(fresh.run(['log', 'walk', '10'], { PACE_TODAY: TODAY }).status).toBe(0);
    const r = json<{ measures: { verdict: string }[]; summary: string; then: { from: string } }>(fresh, ['review'], TODAY);
    expect(r.then.from).toBe('2026-11-16');
    expect(r.measures.every((m) => m.verdict === 'not-enough-data')).toBe(true);
    expect(r.summary).toMatch(/^Not enough data yet\. .* it can start after Sun 6 Dec\.$/);
  });

  it('a backup with a bad goal rating or check-in is refused naming the record and field, and nothing is written', () => {
    const file = join(pace.home, 'bad.json');
    const base = { format: 'pace-backup', version: 1, sessions: [] };
    const goal = { uid: 'g-1', text: 'climb', status: 'open', created_on: '2026-11-01', closed_on: null, ratings: [{ date: '2026-11-01', rating: 3 }] };
    const cases: [unknown, RegExp][] = [
      [{ goals: [goal, { ...goal, uid: 'g-2', ratings: [{ date: '2026-11-01', rating: 11 }] }] }, /goals\[1\]\.ratings\[0\]\.rating: 11 is not a whole number from 0 to 10/],
      [{ goals: [{ ...goal, ratings: [{ date: '2026-11-01', rating: 3.5 }] }] }, /goals\[0\]\.ratings\[0\]\.rating/],
      [{ goals: [{ ...goal, text: ' ' }] }, /goals\[0\]\.text/],
      [{ goals: [{ ...goal, status: 'achieved' }] }, /goals\[0\]\.closed_on: must be a date when the goal is closed/],
      [{ goals: [{ ...goal, created_on: '2026-02-30' }] }, /goals\[0\]\.created_on: "2026-02-30" is not a real date/],
      // M2: the rating given when the goal was added is its first; M5: a closed goal is rated no more.
      [{ goals: [{ ...goal, ratings: [{ date: '2026-10-01', rating: 2 }, { date: '2026-11-01', rating: 3 }] }] }, /goals\[0\]\.ratings\[0\]\.date: 2026-10-01 is before the goal's created_on, 2026-11-01/],
      [{ goals: [{ ...goal, status: 'achieved', closed_on: '2026-11-05', ratings: [{ date: '2026-11-01', rating: 3 }, { date: '2026-11-10', rating: 9 }] }] }, /goals\[0\]\.ratings\[1\]\.date: 2026-11-10 is after the goal's closed_on, 2026-11-05/],
      [{ peg_checkins: [{ week_start: '2026-11-03', date: '2026-11-03', pain: 1, enjoyment: 1, general: 1 }] }, /peg_checkins\[0\]\.week_start: 2026-11-03 is not a Monday/],
      [{ peg_checkins: [{ week_start: '2026-11-02', date: '2026-11-04', pain: 1, enjoyment: '1', general: 1 }] }, /peg_checkins\[0\]\.enjoyment: "1" is not a whole number/],
      [{ goals: 'none' }, /^pace: goals: is not a list\./],
    ];
    for (const [extra, message] of cases) {
      writeFileSync(file, JSON.stringify({ ...base, ...(extra as object) }));
      refused(['import', file], message);
    }
  });
});

/** A journal with one goal, the stairs rated 3 on 2 Nov 2026, and `at` to run pace on a day. */
function stairsGoal() {
  const pace = tempPace(tempDir());
  const at = (day: string, args: string[]) => expect(pace.run(args, { PACE_TODAY: day }).status, args.join(' ')).toBe(0);
  at('2026-11-02', ['init', '--pem', 'no']);
  at('2026-11-02', ['goal', 'add', 'climb the stairs', '--rating', '3']);
  return { pace, at };
}

describe('M5: a backup from a copy of the journal, where a goal closed here stayed open', () => {
  it('a rating after this journal closed the goal is refused, naming the goal and both days, and nothing is written', () => {
    const { pace, at } = stairsGoal();
    const file = join(pace.home, 'copy.json');
    at('2026-11-10', ['export', '--format', 'json', '--out', file]);
    at('2026-11-12', ['goal', 'close', '1', '--achieved']);
    // The copy went on: the goal stayed open there and was rated later.
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { goals: { ratings: { date: string; rating: number }[] }[] };
    doc.goals[0]!.ratings.push({ date: '2026-11-20', rating: 8 });
    writeFileSync(file, JSON.stringify(doc));
    const before = fileHash(pace.db);
    const r = pace.run(['import', file], { PACE_TODAY: '2026-11-21' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the backup rates the goal "climb the stairs" on 2026-11-20, after this journal closed it on 2026-11-12; nothing was imported\./);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(fileHash(pace.db)).toBe(before);
  });
});

describe('M5: a backup of a journal that an earlier pace let hold a rating after the goal was closed', () => {
  it('is refused with a way forward that is true, not "import a file written by pace export, unchanged", which it is', () => {
    const { pace, at } = stairsGoal();
    at('2026-11-12', ['goal', 'close', '1', '--achieved']);
    // An earlier pace merged a copy's later rating into the closed goal (before imports checked it).
    const db = new Database(pace.db);
    db.prepare("INSERT INTO goal_ratings (goal_id, day, rating) VALUES (1, '2026-11-20', 8)").run();
    db.close();
    const file = join(pace.home, 'backup.json');
    at('2026-11-21', ['export', '--format', 'json', '--out', file]);
    const fresh = tempPace(tempDir());
    const r = fresh.run(['import', file], { PACE_TODAY: '2026-11-21' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/goals\[0\]\.ratings\[1\]\.date: 2026-11-20 is after the goal's closed_on, 2026-11-12/);
    expect(r.stderr).not.toMatch(/unchanged/);
    expect(r.stderr).toMatch(/An earlier pace could store such a rating .*remove the rating from the file/);
  });
});

describe('M3, M5: status and review with the day gone back before a goal was closed', () => {
  it('both count the goal open that day, with the same function score', () => {
    const pace = tempPace(tempDir());
    const at = (day: string, args: string[]) => expect(pace.run(args, { PACE_TODAY: day }).status, args.join(' ')).toBe(0);
    at('2026-11-02', ['init', '--pem', 'no', '--start', '2026-11-02']);
    at('2026-11-02', ['goal', 'add', 'climb the stairs', '--rating', '3']);
    at('2026-11-02', ['goal', 'add', 'a full squat', '--rating', '2']);
    at('2026-12-01', ['goal', 'rate', '1', '7']);
    at('2026-12-01', ['goal', 'rate', '2', '6']);
    at('2026-12-06', ['goal', 'close', '2', '--achieved']);
    const json = (args: string[]) => JSON.parse(pace.run([...args, '--json'], { PACE_TODAY: '2026-12-03' }).stdout) as Record<string, unknown>;
    const status = json(['status']) as { function_score: number; goals: { id: number }[] };
    const review = json(['review']) as { measures: { name: string; now: number }[] };
    // Seen: status 7 (the stairs alone), review 6.5 (both goals, open on 3 Dec).
    expect(status.goals.map((g) => g.id)).toEqual([1, 2]);
    expect(status.function_score).toBe(review.measures.find((m) => m.name === 'function_score')!.now);
  });
});

describe('R1/R3: the Monday of program week 3, with answers given that day', () => {
  // Seen: "PEG 8.0 -> 5.0 better; function 2.0 -> 6.0 better" from a week not yet over.
  const START3 = '2025-01-06';
  const WEEK3 = mondayOf(START3, 3);
  let pace: TempPace;
  beforeAll(() => {
    pace = answeredPace();
    expect(pace.run(['init', '--start', START3], { PACE_TODAY: START3 }).status).toBe(0);
    importRows(pace, walks(START3, times(3, 10), times(3, 10)), sundayOf(START3, 2));
    expect(pace.run(['checkin', '--pain', '8', '--enjoyment', '8', '--general', '8'], { PACE_TODAY: START3 }).status).toBe(0);
    expect(pace.run(['goal', 'add', 'climb the stairs', '--rating', '2'], { PACE_TODAY: START3 }).status).toBe(0);
    expect(pace.run(['checkin', '--pain', '5', '--enjoyment', '5', '--general', '5'], { PACE_TODAY: WEEK3 }).status).toBe(0);
    expect(pace.run(['goal', 'rate', '1', '6'], { PACE_TODAY: WEEK3 }).status).toBe(0);
  });

  it('review --json: every measure and the goal say not enough data, and the summary when a review can start', () => {
    const r = json<{ measures: { name: string; verdict: string; missing: string }[]; goals: { verdict: string }[]; summary: string }>(pace, ['review'], WEEK3);
    expect(r.measures.map((m) => [m.name, m.verdict, m.missing])).toEqual(r.measures.map((m) => [m.name, 'not-enough-data', 'no-week-after-start']));
    expect(r.goals.map((g) => g.verdict)).toEqual(['not-enough-data']);
    expect(r.summary).toMatch(/^Not enough data yet\. .* it can start after Sun 26 Jan\.$/);
  });

  it('review for people claims no change, for a measure or the goal', () => {
    const out = pace.run(['review'], { PACE_TODAY: WEEK3 }).stdout;
    expect(out).toMatch(/it can start after Sun 26 Jan/);
    const verdicts = out.split('\n').filter((l) => !l.startsWith('Better or worse means'));
    expect(verdicts.filter((l) => /better|worse/.test(l))).toEqual([]);
    expect(out).toMatch(/climb the stairs: 2 -> 6 \(20 Jan\), not enough data yet/);
    // The week still running is not called "over", and in weeks 1-2 that week has not begun.
    expect(out).toMatch(/now: {2}Mon 20 Jan to Sun 26 Jan \(not over yet\)/);
    expect(pace.run(['review'], { PACE_TODAY: '2025-01-15' }).stdout).toMatch(/now: {2}Mon 20 Jan to Sun 26 Jan \(not begun yet\)/);
  });
});

describe('a journal with no goals yet', () => {
  it('M4: from phase 3, status suggests a goal with examples', () => {
    const pace = answeredPace();
    importRows(pace, walks(START, ...Array.from({ length: 5 }, () => times(3, 10))), sundayOf(START, 5));
    const s = json<{ goals: unknown[]; function_score: null; peg: null; checkin_due: boolean; goal_suggestion: { rule: string; kind: string; examples: string[] } }>(pace, ['status'], mondayOf(START, 5));
    expect(s).toMatchObject({ goals: [], function_score: null, peg: null, checkin_due: true, goal_suggestion: { rule: 'M4', kind: 'set' } });
    expect(s.goal_suggestion.examples).toContain('a full squat');
    expect(pace.run(['status'], { PACE_TODAY: mondayOf(START, 5) }).stdout).toMatch(/Set a movement goal, for example a full squat/);
    const early = json<{ goal_suggestion: unknown }>(pace, ['status'], mondayOf(START, 4));
    expect(early.goal_suggestion).toBeNull();
  });

  it('M4: in phase 4, plan suggests setting a goal in the goals\' words, once; with open goals none is asked to be chosen', () => {
    const pace = answeredPace();
    importRows(pace, walks(START, ...Array.from({ length: 14 }, () => times(3, 10))), sundayOf(START, 14));
    const today = mondayOf(START, 14);
    const plan = json<{ phase: number; suggestion: unknown; goal_suggestion: { rule: string; kind: string } | null }>(pace, ['plan'], today);
    expect(plan.phase).toBe(4);
    expect(plan.suggestion).toBeNull();
    expect(plan.goal_suggestion).toMatchObject({ rule: 'M4', kind: 'set' });
    const words = pace.run(['plan'], { PACE_TODAY: today }).stdout;
    expect(words).toMatch(/Set a movement goal, for example/);
    expect(words).not.toMatch(/choose a goal/);
    expect(pace.run(['goal', 'add', 'climb the stairs to my flat without stopping', '--rating', '3'], { PACE_TODAY: today }).status).toBe(0);
    const after = json<{ goal_suggestion: unknown }>(pace, ['plan'], today);
    expect(after.goal_suggestion).toBeNull();
    expect(pace.run(['plan'], { PACE_TODAY: today }).stdout).not.toMatch(/choose a goal|Set a movement goal/);
    expect(pace.run(['status'], { PACE_TODAY: today }).stdout).not.toMatch(/choose a goal/);
  });
});

describe('M2, M5: a day earlier than the goal\'s last rating (a clock set back, a flight west over the date line)', () => {
  it('rating or closing is refused, naming both days, and nothing is written: the first rating stays the first', () => {
    const pace = answeredPace();
    json(pace, ['goal', 'add', 'climb the stairs', '--rating', '3'], '2026-03-10');
    for (const args of [['goal', 'rate', '1', '5'], ['goal', 'close', '1', '--achieved']]) {
      const before = fileHash(pace.db);
      const r = pace.run(args, { PACE_TODAY: '2026-03-09' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(lines(r.stderr)[0]).toMatch(/^pace: goal 1 was last rated on Tue 10 Mar 2026, after today \(Mon 9 Mar 2026\)\.$/);
      expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
      expect(fileHash(pace.db)).toBe(before);
    }
    expect(json<{ goal: Record<string, unknown> }>(pace, ['goal', 'rate', '1', '5'], '2026-03-10').goal).toMatchObject({ first_rating: 5, latest_rating: 5 });
  });
});

describe('M5: a goal closed with --dropped is shown as the help names it, "no longer relevant"', () => {
  it('M5 (seen): goal close, goal list --all and review said "(dropped ...)", a word for giving up, where --help says "no longer relevant"', () => {
    const pace = answeredPace();
    const ok = (args: string[]) => {
      const r = pace.run(args, { PACE_TODAY: '2026-11-21' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    ok(['goal', 'add', 'carry the shopping', '--rating', '2']);
    for (const out of [ok(['goal', 'close', '1', '--dropped']), ok(['goal', 'list', '--all']), ok(['review'])]) {
      expect(out).toMatch(/carry the shopping \(no longer relevant/);
      expect(out).not.toMatch(/dropped/);
    }
  });
});

describe('strength in reps, beside walks in minutes', () => {
  it('R1, Q2: review --json and status --json give sit-to-stand its own session then and now, never added to minutes', () => {
    const pace = answeredPace();
    const sts = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };
    const weeks = [times(3, 5), times(3, 5), times(3, 6), times(3, 7), times(3, 8), times(3, 9)];
    importRows(pace, [...walks(START, ...weeks.map(() => times(3, 10))), ...weeksOf(sts, START, ...weeks)], sundayOf(START, 6));
    const today = sundayOf(START, 6);
    const review = json<{ measures: { name: string; then: number; now: number }[]; activities: unknown[]; summary: string }>(pace, ['review'], today);
    expect(review.measures.find((m) => m.name === 'minutes_per_week')).toMatchObject({ then: 30, now: 30 });
    expect(review.activities).toEqual([
      { activity: 'sit-to-stand', unit: 'reps', then: 5, now: 7.5, change: 2.5, verdict: 'better', missing: null, then_from: START, then_to: sundayOf(START, 2), now_from: mondayOf(START, 3), now_to: today },
    ]);
    expect(review.summary).toContain('sit-to-stand 5 -> 7.5 reps a session');
    const status = json<{ doses_by_week: { activity: string; unit: string; weeks: { mean_dose: number | null }[] }[] }>(pace, ['status'], today);
    expect(status.doses_by_week.map((t) => [t.activity, t.unit, t.weeks.map((w) => w.mean_dose)])).toEqual([['sit-to-stand', 'reps', [null, null, 5, 5, 6, 7, 8, 9]]]);
  });
});
