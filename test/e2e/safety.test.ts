import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, stackLines, answeredPace, tempPace, type RunResult, type TempPace } from '../helpers/pace.js';
import { addDays, flare, importRows, json, mondayOf, planOf, planOn, sundayOf, times, walks, type Hold } from '../helpers/history.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05'; // a Monday: program week 1
const VALID_CODES = [
  'muscle-fatigue', 'mild-pain-increase', 'effort-warmth', 'stiffness-easing', 'pain-worsening', 'pain-over-24h', 'new-radiation',
  'joint-swelling', 'chest-pain', 'severe-breathlessness', 'dizziness', 'sudden-weakness', 'joint-instability', 'irregular-heartbeat', 'confusion',
];

const fresh = answeredPace;

interface Backup {
  triage_records: { date: string; kind: string; class: string | null; symptoms: string[]; session_uid: string | null }[];
}
function triageRecords(pace: TempPace): Backup['triage_records'] {
  const r = pace.run(['export', '--format', 'json']);
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as Backup).triage_records;
}

interface StatusDoc {
  paused: boolean;
  holds: Hold[];
}

describe('pace triage from a script (T, T4)', () => {
  it('T3: --symptom chest-pain --json prints {class, symptoms: [{code, class}], advice}', () => {
    const r = fresh().run(['triage', '--symptom', 'chest-pain', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.class).toBe('stop');
    expect(doc.symptoms).toEqual([expect.objectContaining({ code: 'chest-pain', class: 'stop' })]);
    expect(typeof doc.advice).toBe('string');
    expect(doc.advice).toMatch(/emergency services/);
  });

  it('T: repeated --symptom flags: the highest class wins and every symptom is listed', () => {
    const r = fresh().run(['triage', '--symptom', 'effort-warmth', '--symptom', 'new-radiation', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.class).toBe('assess');
    expect(doc.symptoms.map((s: { code: string; class: string }) => `${s.code}:${s.class}`)).toEqual(['effort-warmth:continue', 'new-radiation:assess']);
  });

  it('T: an unknown code exits 2, and stderr lists every valid code without a stack trace', () => {
    const pace = tempPace(tempDir());
    const r = pace.run(['triage', '--symptom', 'chestpain']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/chestpain/);
    for (const code of VALID_CODES) expect(r.stderr).toContain(code);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(fileHash(pace.db)).toBeNull();
  });

  it('T: pace log --symptom checks codes the same way: exit 2, the valid codes listed, nothing saved', () => {
    const pace = tempPace(tempDir());
    const r = pace.run(['log', 'walk', '10', '--symptom', 'dizzy']);
    expect(r.status).toBe(2);
    for (const code of VALID_CODES) expect(r.stderr).toContain(code);
    expect(fileHash(pace.db)).toBeNull();
  });

  it('T4: without --symptom and without a terminal it exits 2 at once instead of waiting for input', () => {
    const pace = fresh();
    const before = fileHash(pace.db);
    const r = pace.run(['triage']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--symptom/);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('T3: the stop output starts with an unmistakable STOP line, followed at once by the emergency advice', () => {
    const out = lines(fresh().run(['triage', '--symptom', 'dizziness']).stdout);
    expect(out[0]).toMatch(/STOP/);
    expect(out.slice(0, 2).join(' ')).toMatch(/emergency services/);
  });

  it('T3: the first line alone, the one a person in trouble reads, names emergency services', () => {
    const out = lines(fresh().run(['triage', '--symptom', 'chest-pain']).stdout);
    expect(out[0]).toMatch(/STOP/);
    expect(out[0]).toMatch(/emergency/i);
  });

  it('T1: continue output is calm: no STOP, no emergency', () => {
    const r = fresh().run(['triage', '--symptom', 'muscle-fatigue', '--symptom', 'stiffness-easing']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/stop/i);
    expect(r.stdout).not.toMatch(/emergency/i);
  });

  it('T: every triage is stored, from pace triage and from pace log --symptom alike', () => {
    const pace = fresh();
    pace.run(['triage', '--symptom', 'effort-warmth']);
    pace.run(['log', 'walk', '10', '--symptom', 'pain-worsening']);
    pace.run(['triage', '--symptom', 'irregular-heartbeat']);
    expect(triageRecords(pace).map((t) => [t.date, t.kind, t.class, t.symptoms])).toEqual([
      ['2026-11-21', 'triage', 'continue', ['effort-warmth']],
      ['2026-11-21', 'triage', 'assess', ['pain-worsening']],
      ['2026-11-21', 'triage', 'stop', ['irregular-heartbeat']],
    ]);
  });
});

describe('T3: a stop symptom pauses the plan until a clinician clears the person', () => {
  const today = sundayOf(START, 3);
  let pace: TempPace;

  it('T3: logging a walk with chest pain gives the stop message first', () => {
    pace = fresh();
    importRows(pace, walks(START, times(4, 10), times(4, 10), times(3, 11)), today);
    const r = pace.run(['log', 'walk', '11', '--symptom', 'chest-pain'], { PACE_TODAY: today });
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/STOP/);
    expect(r.stdout).toMatch(/emergency services/);
  });

  it('T3: the plan is paused, with every quota null', () => {
    const plan = planOn(pace, today);
    expect(plan.paused).toBe(true);
    expect(plan.activities.length).toBeGreaterThan(0);
    for (const a of plan.activities) {
      expect(a.quota).toBeNull();
      expect(a.change).toBe('paused');
    }
  });

  it('T3: status shows the pause and the hold behind it', () => {
    const s = json<StatusDoc>(pace, ['status'], today);
    expect(s.paused).toBe(true);
    expect(s.holds).toEqual([{ kind: 'stop', since: today, symptoms: ['chest-pain'] }]);
  });

  it('T3: the human plan leads with the pause and the way out, and shows no quotas', () => {
    const out = lines(pace.run(['plan'], { PACE_TODAY: today }).stdout);
    expect(out[0]).toMatch(/PAUSED/);
    expect(out.find((l) => /\bwalk\b/.test(l) && /paused/.test(l))).toMatch(/│\s+-\s+│\s+-\s+│/);
    expect(out.join(' ')).not.toMatch(/bad day/);
    expect(out[0]).toMatch(/chest-pain/);
    expect(out.slice(0, 2).join(' ')).toMatch(/pace triage --cleared/);
  });

  it('T3: pace triage --cleared resumes the plan: not paused, quotas back', () => {
    expect(pace.run(['triage', '--cleared'], { PACE_TODAY: today }).status).toBe(0);
    const plan = planOn(pace, today);
    expect(plan.paused).toBe(false);
    expect(plan.hold).toBeNull();
    expect(plan.activities.every((a) => typeof a.quota === 'number' && a.quota > 0)).toBe(true);
    expect(json<StatusDoc>(pace, ['status'], today)).toMatchObject({ paused: false, holds: [] });
  });

  it('T2/T3: --cleared with nothing open exits 2 and records nothing (no false line for the clinic)', () => {
    const before = fileHash(pace.db);
    const again = pace.run(['triage', '--cleared'], { PACE_TODAY: today });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^pace: no hold or pause is open, so there is nothing to clear; nothing was recorded\.\n/);
    expect(fileHash(pace.db)).toBe(before);
    // A journal that does not exist yet is not created by it either.
    const empty = tempPace(tempDir());
    expect(empty.run(['triage', '--cleared']).status).toBe(2);
    expect(fileHash(empty.db)).toBeNull();
  });
});

describe('T2: an assess symptom holds the plan until the person records an assessment', () => {
  // Weeks 1-3 at 10, 10, 11; week 4 planned at 12. On Saturday of week 4 a walk brings joint swelling.
  const swollen = addDays(mondayOf(START, 4), 5);
  let pace: TempPace;
  let logged: RunResult;
  beforeAll(() => {
    pace = fresh();
    const week4 = walks(mondayOf(START, 4), [{ dose: 12, day: 0 }, { dose: 12, day: 1 }, { dose: 12, day: 3 }]);
    importRows(pace, [...walks(START, times(4, 10), times(4, 10), times(4, 11)), ...week4], swollen);
    logged = pace.run(['log', 'walk', '12', '--symptom', 'joint-swelling'], { PACE_TODAY: swollen });
  });

  it('T2: the log says to get it checked, without emergency words', () => {
    expect(logged.status).toBe(0);
    expect(logged.stdout).toMatch(/joint-swelling: assess, rule T2/);
    expect(logged.stdout).not.toMatch(/emergency/i);
  });

  it('T2: while the hold is open, no week increases, even after completed weeks', () => {
    const changes: string[] = [];
    const quotas: (number | null)[] = [];
    for (let n = 4; n <= 6; n++) {
      const plan = planOn(pace, sundayOf(START, n));
      expect(plan.hold).toMatchObject({ kind: 'assess', since: swollen, symptoms: ['joint-swelling'] });
      const [quota, sessions, change] = planOf(plan);
      changes.push(change);
      quotas.push(quota);
      // Complete the coming week in full, at its quota.
      importRows(pace, walks(mondayOf(START, n + 1), times(sessions, quota!)), sundayOf(START, n + 1));
    }
    expect(changes.every((c) => c === 'hold' || c === 'drop-back')).toBe(true);
    expect(changes[0]).toBe('drop-back'); // F1: an assess symptom also marks the session as a flare (Q5)
    expect(quotas).toEqual([11, 11, 11]);
  });

  it('T2: the human plan shows the hold on its first line, with the date and the symptom, and how to clear it', () => {
    const out = lines(pace.run(['plan'], { PACE_TODAY: sundayOf(START, 7) }).stdout);
    expect(out[0]).toMatch(/hold/i);
    expect(out[0]).toMatch(/31 Jan/);
    expect(out[0]).toMatch(/joint-swelling/);
    const beforeTable = out.slice(0, out.findIndex((l) => /^Plan for the week/.test(l)));
    expect(beforeTable.join(' ')).toMatch(/pace triage --cleared/);
  });

  it('T2: after pace triage --cleared, a completed week grows again', () => {
    const today = sundayOf(START, 7);
    expect(pace.run(['triage', '--cleared'], { PACE_TODAY: today }).status).toBe(0);
    const plan = planOn(pace, today);
    expect(plan.hold).toBeNull();
    expect(planOf(plan)).toEqual([12, 4, 'increase']);
  });
});

describe('S1: the safety question about post-exertional malaise', () => {
  const aboutPem = (stderr: string) => lines(stderr).filter((l) => /pace init --pem/.test(l));

  it('S1: the first use from a script says, in one line on stderr, how to answer it; later uses do not', () => {
    const pace = tempPace(tempDir());
    const first = pace.run(['log', 'walk', '10']);
    expect(first.status).toBe(0);
    expect(aboutPem(first.stderr)).toHaveLength(1);
    expect(aboutPem(pace.run(['log', 'walk', '10']).stderr)).toEqual([]);
  });

  it('S1: a first use through pace triage also says how to answer the safety question', () => {
    const pace = tempPace(tempDir());
    const first = pace.run(['triage', '--symptom', 'muscle-fatigue']);
    expect(first.status).toBe(0);
    const later = pace.run(['log', 'walk', '10']);
    expect(aboutPem(first.stderr + later.stderr)).toHaveLength(1);
  });

  it('S1: the plan is graded until the question is answered yes, then envelope', () => {
    const pace = tempPace(tempDir());
    importRows(pace, walks(START, times(4, 10)), sundayOf(START, 1));
    expect(planOn(pace, sundayOf(START, 1)).mode).toBe('graded');
    expect(pace.run(['init', '--pem', 'yes']).status).toBe(0);
    expect(planOn(pace, sundayOf(START, 1)).mode).toBe('envelope');
    expect(pace.run(['init', '--pem', 'no']).status).toBe(0);
    expect(planOn(pace, sundayOf(START, 1)).mode).toBe('graded');
  });

  it('S2: in envelope mode the plan never increases on its own over many completed weeks; it offers', () => {
    const pace = fresh('yes');
    importRows(pace, walks(START, ...Array.from({ length: 8 }, () => times(4, 10))), sundayOf(START, 8));
    const weeks = [];
    for (let n = 1; n <= 8; n++) weeks.push(planOf(planOn(pace, sundayOf(START, n))));
    expect(weeks.every(([quota, , change]) => quota === 10 && change !== 'increase')).toBe(true);
    const offered = planOn(pace, sundayOf(START, 8)).activities[0]!;
    expect(offered).toMatchObject({ change: 'offer', quota: 10, offer: 11 });
  });

  it('S2: --accept-increase applies the offer; the plan then asks for it', () => {
    const pace = fresh('yes');
    const today = sundayOf(START, 6);
    importRows(pace, walks(START, ...Array.from({ length: 6 }, () => times(4, 10))), today);
    expect(planOf(planOn(pace, today))[2]).toBe('offer');
    const accepted = planOn(pace, today, '--accept-increase');
    expect(planOf(accepted)).toEqual([11, 4, 'increase']);
    expect(planOf(planOn(pace, today))).toEqual([11, 4, 'increase']);
  });

  it('S2: in envelope mode a flare drops back like Q5: from an accepted 11 back to 10', () => {
    const pace = fresh('yes');
    const today = sundayOf(START, 6);
    importRows(pace, walks(START, ...Array.from({ length: 6 }, () => times(4, 10))), today);
    planOn(pace, today, '--accept-increase');
    importRows(pace, walks(mondayOf(START, 7), [11, flare(11), 11, 11]), sundayOf(START, 7));
    expect(planOf(planOn(pace, sundayOf(START, 7)))).toEqual([10, 4, 'drop-back']);
  });

  it('S2: in graded mode nothing is ever on offer: --accept-increase exits 2', () => {
    const pace = fresh('no');
    const today = sundayOf(START, 6);
    importRows(pace, walks(START, ...Array.from({ length: 6 }, () => times(4, 10))), today);
    expect(pace.run(['plan', '--accept-increase'], { PACE_TODAY: today }).status).toBe(2);
  });

  it('S2: --accept-increase with nothing on offer exits 2 and changes nothing', () => {
    const pace = fresh('yes');
    const today = sundayOf(START, 3);
    importRows(pace, walks(START, times(4, 10), times(4, 10), times(4, 10)), today);
    const before = fileHash(pace.db);
    const r = pace.run(['plan', '--accept-increase'], { PACE_TODAY: today });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/offer/);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('T2/S2: a hold opened this week withdraws the offer, and --accept-increase exits 2 until assessed', () => {
    const pace = fresh('yes');
    const monday = mondayOf(START, 7);
    importRows(pace, walks(START, ...Array.from({ length: 6 }, () => times(4, 10))), monday);
    expect(planOf(planOn(pace, monday, '--week', monday))[2]).toBe('offer');
    expect(pace.run(['triage', '--symptom', 'new-radiation'], { PACE_TODAY: monday }).status).toBe(0);
    const held = planOn(pace, monday, '--week', monday);
    expect(held.activities[0]).toMatchObject({ quota: 10, change: 'hold', offer: null, rule: 'T2' });
    const before = fileHash(pace.db);
    const r = pace.run(['plan', '--week', monday, '--accept-increase'], { PACE_TODAY: monday });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/on hold since .*new-radiation.*no increase can be accepted until you have been assessed \(T2, S2\)/);
    expect(fileHash(pace.db)).toBe(before);
    expect(pace.run(['triage', '--cleared'], { PACE_TODAY: monday }).status).toBe(0);
    expect(planOf(planOn(pace, monday, '--week', monday, '--accept-increase'))).toEqual([11, 4, 'increase']);
  });

  it('T3/S2: an increase accepted with the day gone back, after a clearance dated the later day, stands', () => {
    // Seen: a pause cleared on Sunday in Auckland, the offer accepted on Saturday in Los Angeles:
    // pace saved the acceptance, dated Saturday, when the pause was open by the dates, so the plan
    // went on offering 11 "until you accept", then and on every day after.
    const pace = fresh('yes');
    const sunday = sundayOf(START, 6);
    const saturday = addDays(sunday, -1);
    // Week 6's walks are done by Thursday, before the pause opens on Friday.
    importRows(pace, walks(START, ...Array.from({ length: 5 }, () => times(4, 10)), [0, 1, 2, 3].map((day) => ({ dose: 10, day }))), sunday);
    expect(pace.run(['triage', '--symptom', 'chest-pain'], { PACE_TODAY: addDays(sunday, -2) }).status).toBe(0);
    expect(pace.run(['triage', '--cleared'], { PACE_TODAY: sunday }).status).toBe(0);
    expect(planOf(planOn(pace, saturday))[2]).toBe('offer');
    expect(planOf(planOn(pace, saturday, '--accept-increase'))).toEqual([11, 4, 'increase']);
    expect(planOf(planOn(pace, sunday))).toEqual([11, 4, 'increase']);
  });
});
