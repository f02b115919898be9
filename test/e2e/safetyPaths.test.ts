import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace, lines, type TempPace } from '../helpers/pace.js';
import { addDays, importRows, json, mondayOf, planOn, sundayOf, times, walks, type Hold } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const TODAY = '2026-11-21'; // runPace's default PACE_TODAY, a Saturday
const START = '2026-01-05';

interface StatusDoc {
  paused: boolean;
  holds: Hold[];
  flare_day: { date: string; activity: string; doses: { activity: string; dose: number; unit: string; basis: string }[] } | null;
}
const statusOf = (pace: TempPace, today = TODAY) => json<StatusDoc>(pace, ['status'], today);

function csvFile(pace: TempPace, name: string, rows: string[]): string {
  const file = join(pace.home, name);
  writeFileSync(file, ['date,activity,category,dose,unit,pain_before,pain_after,flare,symptoms', ...rows].join('\r\n') + '\r\n');
  return file;
}

describe('F4 only when it is true; F3 on flare days', () => {
  it('F1, F3: a new user\'s walk with pain 2 -> 8 is named a flare, with a half dose, and no reassurance', () => {
    const r = answeredPace().run(['log', 'walk', '12', '--pain-before', '2', '--pain-after', '8']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/This counts as a flare: pain rose from 2 to 8/);
    expect(r.stdout).toMatch(/walk 6 min \(half/);
    expect(r.stdout).not.toMatch(/not a sign of damage|expected/i);
  });

  it('F4: pain 1 -> 7 with mild-pain-increase is not told "This is expected ... carry on"', () => {
    const r = answeredPace().run(['log', 'walk', '10', '--pain-before', '1', '--pain-after', '7', '--symptom', 'mild-pain-increase', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.triage.advice).not.toMatch(/not signs of harm|carry on/i);
    expect(doc.response).toMatchObject({ kind: 'flare', reasons: [{ rule: 'F1', kind: 'pain-rise', from: 1, to: 7 }], flare_day: { dose: 5, basis: 'session' } });
  });

  it('F3: with a plan, the flare-day dose is half this week\'s quota, and status shows it while the latest session is a flare', () => {
    const pace = answeredPace();
    const today = addDays(mondayOf(START, 4), 2); // Wednesday of week 4, planned at 12 min
    importRows(pace, walks(START, times(4, 10), times(4, 10), times(4, 11)), today);
    const r = pace.run(['log', 'walk', '12', '--pain-before', '2', '--pain-after', '8'], { PACE_TODAY: today });
    expect(r.stdout).toMatch(/walk 6 min \(half the quota of 12 min\)/);
    expect(statusOf(pace, today).flare_day).toMatchObject({ date: today, activity: 'walk', doses: [{ activity: 'walk', dose: 6, unit: 'min', basis: 'quota' }] });
    expect(pace.run(['status'], { PACE_TODAY: today }).stdout).toMatch(/was a flare\. On a flare day, do less rather than nothing: walk 6 min/);
    pace.run(['log', 'walk', '12', '--pain-before', '3', '--pain-after', '4'], { PACE_TODAY: today });
    expect(statusOf(pace, today).flare_day).toBeNull();
  });
});

describe('F3, T2: the day after a flare with a sign to have checked', () => {
  it('status says to ease off that activity, as the log did, rather than list its session as still to do and nothing more', () => {
    // Seen: the log said "Stop or ease off this activity, and talk to your physiotherapist or
    // doctor"; the next day status listed the walk as planned and said nothing of the flare.
    const pace = answeredPace();
    const monday = mondayOf(START, 4);
    importRows(pace, walks(START, times(4, 10), times(4, 10), times(4, 11)), monday);
    expect(pace.run(['log', 'walk', '12', '--pain-before', '3', '--pain-after', '5', '--symptom', 'pain-worsening'], { PACE_TODAY: monday }).status).toBe(0);
    const next = pace.run(['status'], { PACE_TODAY: addDays(monday, 1) }).stdout;
    expect(next).toMatch(/Your latest session \(walk, Mon 26 Jan\) was a flare \(pain-worsening\): ease off walk rather than build it up, until it has been checked\./);
    // Two days on, the flare is no longer "latest" news; the hold's own lines stay.
    expect(pace.run(['status'], { PACE_TODAY: addDays(monday, 2) }).stdout).not.toMatch(/was a flare/);
    // Checked and cleared the next day: nothing waits for a check any more.
    expect(pace.run(['triage', '--cleared'], { PACE_TODAY: addDays(monday, 1) }).status).toBe(0);
    expect(pace.run(['status'], { PACE_TODAY: addDays(monday, 1) }).stdout).not.toMatch(/until it has been checked/);
  });
});

describe('T5: every path triages', () => {
  it('T5, T3: adding chest pain by edit gives the unmistakable stop and a paused plan', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10']);
    const r = pace.run(['edit', '1', '--symptom', 'chest-pain']);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)[0]).toMatch(/^STOP NOW\. Call emergency services now/);
    expect(r.stdout).toMatch(/Updated session 1/);
    expect(planOn(pace, TODAY).paused).toBe(true);
    expect(statusOf(pace).holds).toEqual([{ kind: 'stop', since: TODAY, symptoms: ['chest-pain'] }]);
  });

  it('T5, T2: an edit that adds an assess symptom opens a hold; an edit that adds none says nothing new', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10']);
    expect(pace.run(['edit', '1', '--pain-after', '4']).stdout).not.toMatch(/checked|STOP/);
    const r = pace.run(['edit', '1', '--symptom', 'new-radiation', '--json']);
    expect(JSON.parse(r.stdout).triage).toMatchObject({ class: 'assess' });
    expect(statusOf(pace).holds).toEqual([{ kind: 'assess', since: TODAY, symptoms: ['new-radiation'] }]);
  });

  it('T5: a CSV import of a session from 3 days ago with a stop sign shows the advice and pauses; importing it again adds nothing', () => {
    const pace = answeredPace();
    const file = csvFile(pace, 'recent.csv', [`${addDays(TODAY, -3)},walk,aerobic,10,min,3,4,no,dizziness`]);
    const r = pace.run(['import', file]);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)[0]).toMatch(/^STOP NOW\. Stop and rest/);
    expect(r.stdout).toMatch(/Imported 1 session/);
    expect(statusOf(pace).paused).toBe(true);
    expect(pace.run(['triage', '--cleared']).status).toBe(0);
    const again = pace.run(['import', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ sessions_added: 0, triage: null });
    expect(statusOf(pace).paused).toBe(false);
  });

  it('T5: an imported session older than 7 days is history: it counts for F1 but opens nothing', () => {
    const pace = answeredPace();
    const file = csvFile(pace, 'old.csv', [`${addDays(TODAY, -8)},walk,aerobic,10,min,3,4,no,chest-pain`]);
    const r = pace.run(['import', file]);
    expect(r.stdout).not.toMatch(/STOP/);
    expect(statusOf(pace)).toMatchObject({ paused: false, holds: [] });
    // F1 still reads it (the export's flare column); F3's dose is only for a recent flare without a warning sign.
    expect(pace.run(['export']).stdout.split('\r\n')[1]!.split(',')[11]).toBe('yes');
    expect(statusOf(pace).flare_day).toBeNull();
  });

  it('T5: restoring a JSON backup does not reopen a pause that a clinician had ended', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10', '--symptom', 'chest-pain']);
    pace.run(['triage', '--cleared']);
    const backup = join(pace.home, 'backup.json');
    expect(pace.run(['export', '--format', 'json', '--out', backup]).status).toBe(0);
    const fresh = answeredPace();
    expect(fresh.run(['import', backup]).stdout).not.toMatch(/STOP/);
    expect(statusOf(fresh)).toMatchObject({ paused: false, holds: [] });
  });
});

describe('T3: advice by sign', () => {
  it('T3: a stroke sign is told to call now, with no waiting, on the first line and in the JSON', () => {
    const pace = answeredPace();
    const r = pace.run(['log', 'walk', '10', '--symptom', 'sudden-weakness']);
    expect(lines(r.stdout)[0]).toMatch(/^STOP NOW\. Call emergency services now\. Do not wait/);
    expect(r.stdout).not.toMatch(/few minutes/);
    const doc = JSON.parse(pace.run(['triage', '--symptom', 'confusion', '--json']).stdout);
    expect(doc.advice).toMatch(/^Call emergency services now/);
    expect(doc.advice_steps[0]).toEqual({ kind: 'emergency', symptoms: ['confusion'], advice: expect.stringMatching(/^Call emergency services now/) });
  });

  it('T3: several signs: the most urgent first, then every other that applies, then the pause', () => {
    const out = lines(answeredPace().run(['triage', '--symptom', 'joint-instability', '--symptom', 'irregular-heartbeat', '--symptom', 'chest-pain']).stdout);
    expect(out[0]).toMatch(/^STOP NOW\. Call emergency services now.*\(chest-pain\)$/);
    expect(out[1]).toMatch(/^Stop and rest.*\(irregular-heartbeat\)$/);
    expect(out[2]).toMatch(/^Stop using that joint.*\(joint-instability\)$/);
    expect(out[3]).toMatch(/paused.*pace triage --cleared/);
  });
});

describe('F2: the next-day check', () => {
  function twoYesterday(): TempPace {
    const pace = answeredPace();
    const yesterday = addDays(TODAY, -1);
    pace.run(['log', 'walk', '10', '--date', yesterday]);
    pace.run(['log', 'bike', '15', '--date', yesterday]);
    return pace;
  }

  it('F2: --settled no alone, on a rest day, marks every session of that day and opens a hold, and says so', () => {
    const pace = twoYesterday();
    const r = pace.run(['log', '--settled', 'no']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/walk and bike on Fri 20 Nov has not settled/);
    expect(r.stdout).toMatch(/hold/);
    expect(r.stdout).toMatch(/will not increase until you record that you have been assessed/);
    const list = pace.sessions();
    expect(list).toHaveLength(2);
    expect(list.map((s) => s.symptoms)).toEqual([['pain-over-24h'], ['pain-over-24h']]);
    expect(statusOf(pace).holds).toEqual([{ kind: 'assess', since: TODAY, symptoms: ['pain-over-24h'] }]);
  });

  it('F2: a session logged for that same day with --settled no is one of "all of them"', () => {
    const pace = twoYesterday();
    const r = pace.run(['log', 'swim', '20', '--date', addDays(TODAY, -1), '--settled', 'no', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).checkin.session_ids).toEqual([1, 2, 3]);
    expect(pace.sessions().map((s) => s.symptoms)).toEqual([['pain-over-24h'], ['pain-over-24h'], ['pain-over-24h']]);
  });

  it('T5/F2: log --json gives the advice of the hold that "not settled" opened, as the rest-day form does', () => {
    const withSession = JSON.parse(twoYesterday().run(['log', 'walk', '10', '--settled', 'no', '--json']).stdout);
    const restDay = JSON.parse(twoYesterday().run(['log', '--settled', 'no', '--json']).stdout);
    expect(withSession.triage).toBeNull(); // the new session itself had no symptoms
    expect(withSession.checkin.triage).toMatchObject({ class: 'assess', symptoms: [{ code: 'pain-over-24h', rule: 'T2' }] });
    expect(withSession.checkin.triage).toEqual(restDay.checkin.triage);
    expect(restDay.triage).toEqual(restDay.checkin.triage);
    expect(JSON.parse(twoYesterday().run(['log', '--settled', 'yes', '--json']).stdout).checkin.triage).toBeNull();
  });

  it('F1/F4: an edit that sets other symptoms keeps the next-day answer, so the session stays a flare', () => {
    const pace = twoYesterday();
    expect(pace.run(['log', '--settled', 'no']).status).toBe(0);
    const r = JSON.parse(pace.run(['edit', '1', '--symptom', 'muscle-fatigue', '--json']).stdout);
    expect(r.session.symptoms).toEqual(['muscle-fatigue', 'pain-over-24h']);
    expect(r.response.kind).toBe('flare');
    // The code it adds is triaged: continue on its own, but the session is a flare and the hold stays.
    expect(r.triage).toMatchObject({ class: 'continue', advice: expect.stringMatching(/counts as a flare.*stays on hold/) });
    // A session whose pain settled keeps only what the edit gives.
    const settled = twoYesterday();
    expect(settled.run(['log', '--settled', 'yes']).status).toBe(0);
    expect(JSON.parse(settled.run(['edit', '1', '--symptom', 'muscle-fatigue', '--json']).stdout).session.symptoms).toEqual(['muscle-fatigue']);
  });

  it('F4/T2: a session logged with --settled no gets no reassurance and no "carry on"; the hold that answer opens leads', () => {
    // Review: the log said "a hold opens ... Ease off and get this checked", then "not a sign of
    // damage" and "Carry on with your plan" for the session logged with it.
    const args = ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4', '--symptom', 'muscle-fatigue', '--settled', 'no'];
    const r = twoYesterday().run(args);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/not a sign of damage|carry on/i);
    expect(r.stdout).toMatch(/stays on hold/);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/has not settled after a day/);
    expect(out.findIndex((l) => /^Saved/.test(l))).toBeGreaterThan(out.findIndex((l) => /pain-over-24h: assess/.test(l)));
    const doc = JSON.parse(twoYesterday().run([...args, '--json']).stdout);
    expect(doc.response).toEqual({ kind: 'unsettled', pain_before: 3, pain_after: 4 });
    expect(doc.triage.advice).toMatch(/stays on hold/);
  });

  it('T3/F2: a stop sign logged with --settled no still pauses the plan, and the next-day advice says it stays paused', () => {
    const doc = JSON.parse(twoYesterday().run(['log', 'walk', '10', '--symptom', 'dizziness', '--settled', 'no', '--json']).stdout);
    expect(doc.triage.class).toBe('stop');
    expect(doc.checkin.triage.advice).toMatch(/stays paused/);
    expect(doc.checkin.triage.advice).not.toMatch(/will not increase/);
  });

  it('F2: --settled yes alone records the answer for the whole day, once', () => {
    const pace = twoYesterday();
    const r = pace.run(['log', '--settled', 'yes', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ session: null, checkin: { session_ids: [1, 2], settled: true } });
    expect(pace.sessions()).toHaveLength(2);
    expect(pace.run(['log', '--settled', 'no']).status).toBe(2);
  });
});

describe('Words (item 12) and the CSV flare column (E1)', () => {
  it('F4: no "small rise" for 3 -> 3 or 6 -> 2, yet "at most 2 above" is confirmed as expected, not damage', () => {
    const pace = answeredPace();
    const same = pace.run(['log', 'walk', '10', '--pain-before', '3', '--pain-after', '3']).stdout;
    const lower = pace.run(['log', 'walk', '10', '--pain-before', '6', '--pain-after', '2']).stdout;
    expect(same).not.toMatch(/rise like this/);
    expect(lower).not.toMatch(/rise like this/);
    expect(same).toMatch(/^Pain 3 -> 3: no rise with the effort, an expected response and not a sign of damage\.$/m);
    expect(lower).toMatch(/^Pain 6 -> 2: lower after than before, an expected response to effort and not a sign of damage\.$/m);
  });

  it('T1: muscle-fatigue beside a stop sign is never named as a warning sign in the pause', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10', '--symptom', 'muscle-fatigue', '--symptom', 'dizziness']);
    expect(lines(pace.run(['plan']).stdout)[0]).not.toMatch(/muscle-fatigue/);
    expect(statusOf(pace).holds[0]!.symptoms).toEqual(['dizziness']);
  });

  it('Q3: a log back-dated into last week does not speak of "this week\'s" plan', () => {
    const pace = answeredPace();
    const today = addDays(mondayOf(START, 4), 2);
    importRows(pace, walks(START, times(4, 10), times(4, 10), times(4, 11)), today);
    const r = pace.run(['log', 'walk', '11', '--date', sundayOf(START, 3)], { PACE_TODAY: today });
    expect(r.stdout).toMatch(/That is 100% of the 11 min planned for the week of Mon 19 Jan/);
    expect(r.stdout).not.toMatch(/this week's/);
  });

  it('E1: the flare column is F1\'s verdict; importing the export twice adds nothing and marks nothing by hand', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '12', '--pain-before', '2', '--pain-after', '8', '--date', addDays(TODAY, -20)]);
    const file = join(pace.home, 'clinic.csv');
    pace.run(['export', '--out', file]);
    const fresh = answeredPace();
    for (const n of [1, 0]) expect(JSON.parse(fresh.run(['import', file, '--json']).stdout).sessions_added).toBe(n);
    expect(JSON.parse(pace.run(['import', file, '--json']).stdout).sessions_added).toBe(0);
    expect(fresh.sessions()).toEqual([expect.objectContaining({ flare: true, flare_marked: false, pain_before: 2, pain_after: 8 })]);
    const out = fresh.run(['export']).stdout.split('\r\n')[1]!;
    expect(out.split(',')[11]).toBe('yes');
  });
});

describe('T3: the day going back does not let a clearance close a sign recorded after it', () => {
  it('chest pain logged on 9 Mar after a clearance given on 10 Mar keeps the plan paused from 10 Mar on', () => {
    const pace = answeredPace();
    const at = (today: string, args: string[]) => expect(pace.run(args, { PACE_TODAY: today }).status).toBe(0);
    at('2026-03-10', ['log', 'walk', '10', '--symptom', 'joint-swelling']);
    at('2026-03-10', ['triage', '--cleared']);
    // The clock goes back a day (a flight west over the date line), and a stop sign is recorded.
    at('2026-03-09', ['log', 'walk', '10', '--symptom', 'chest-pain']);
    for (const today of ['2026-03-09', '2026-03-10', '2026-03-12']) {
      expect(statusOf(pace, today)).toMatchObject({ paused: true, holds: [{ kind: 'stop', since: '2026-03-09', symptoms: ['chest-pain'] }] });
    }
    at('2026-03-12', ['triage', '--cleared']);
    expect(statusOf(pace, '2026-03-12')).toMatchObject({ paused: false, holds: [] });
  });

  it('a stop sign recorded on 12 Mar is open on 11 Mar when the day goes back, and a clearance then closes it', () => {
    const pace = answeredPace();
    const at = (today: string, args: string[]) => expect(pace.run(args, { PACE_TODAY: today }).status).toBe(0);
    at('2026-03-12', ['log', 'walk', '10', '--symptom', 'chest-pain']);
    // Seen: no pause, and triage --cleared said there was nothing to clear.
    expect(statusOf(pace, '2026-03-11')).toMatchObject({ paused: true, holds: [{ kind: 'stop', symptoms: ['chest-pain'] }] });
    at('2026-03-11', ['triage', '--cleared']);
    for (const today of ['2026-03-11', '2026-03-12', '2026-03-20']) expect(statusOf(pace, today)).toMatchObject({ paused: false, holds: [] });
  });
});
