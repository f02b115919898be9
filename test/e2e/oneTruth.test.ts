// One truth across views: plan, status and the exports of the same week say the same thing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { addDays, flare, importRows, json, mondayOf, planOf, planOn, times, walks, weeksOf, type Week } from '../helpers/history.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-01-05'; // Monday of program week 1

/** Parses a CSV without quoted cells (these exports have none) into objects keyed by the header. */
function table(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n');
  const keys = header!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i], v])));
}

interface StatusDoc {
  paused: boolean;
  this_week: { week_start: string; activities: { activity: string; quota: number | null; sessions_per_week: number | null }[] };
}

describe('T3 with the day gone back: every view of this week shows the pause open now', () => {
  it('status, plan --week, export --weekly and the session CSV agree that the week is paused', () => {
    const pace = answeredPace();
    const week3 = mondayOf(START, 3);
    const tuesday = addDays(week3, 1);
    const wednesday = addDays(week3, 2);
    importRows(pace, walks(START, times(3, 10), times(3, 10), [{ dose: 11, day: 0 }, { dose: 11, day: 1 }]), tuesday);
    // A stop sign recorded "tomorrow": the clock was later set back a day (holdNow, decisions.md).
    expect(pace.run(['triage', '--symptom', 'chest-pain'], { PACE_TODAY: wednesday }).status).toBe(0);

    const status = json<StatusDoc>(pace, ['status'], tuesday);
    expect(status.paused).toBe(true);
    expect(status.this_week.activities[0]).toMatchObject({ activity: 'walk', quota: null });
    expect(planOf(planOn(pace, tuesday, '--week', week3))).toEqual([null, 0, 'paused']);

    const weekly = table(pace.run(['export', '--weekly'], { PACE_TODAY: tuesday }).stdout).find((r) => r.week_start === week3 && r.activity === 'walk');
    expect([weekly?.quota, weekly?.sessions_planned]).toEqual(['', '0']);
    const sessions = table(pace.run(['export'], { PACE_TODAY: tuesday }).stdout).filter((r) => (r.date ?? '') >= week3);
    expect(sessions.map((r) => r.quota)).toEqual(['', '']);
  });

  it('the report made that day, its period ending today, shows the pause open as status does', () => {
    // Seen: status and plan said PLAN PAUSED, while the clinic report made the same day had no
    // pause, no sign among its events, and this week's planned bar: it read the records as they
    // stood on its last day, and the sign is dated the day after.
    const pace = answeredPace();
    const week3 = mondayOf(START, 3);
    const tuesday = addDays(week3, 1);
    importRows(pace, walks(START, times(3, 10), times(3, 10), [{ dose: 11, day: 0 }, { dose: 11, day: 1 }]), tuesday);
    expect(pace.run(['triage', '--symptom', 'chest-pain'], { PACE_TODAY: addDays(week3, 2) }).status).toBe(0);
    expect(json<StatusDoc>(pace, ['status'], tuesday).paused).toBe(true);
    const out = join(pace.home, 'today.html');
    const r = pace.run(['report', '--format', 'html', '--out', out], { PACE_TODAY: tuesday });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<strong>PLAN PAUSED since [^<]*<\/strong><p>[^<]*gives no quotas until/);
    // Among the events too, with its own day.
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toMatch(/Flares and warning symptoms .*21 Jan 2026 Stop chest pain, pressure or tightness/);
  });
});

describe('B3, R1, C1: one flare after booms of a walk and a ride on the same day is one cycle for the person', () => {
  // Both planned at 13 min in week 5; on its Tuesday a 20 min walk and a 20 min ride, and a flare on
  // Wednesday. On the Monday of week 7 the boom is in status's 14 days and the review's weeks 3-6.
  const week5 = mondayOf(START, 5);
  const today = mondayOf(START, 7);
  const weeks: Week[] = [times(3, 10), times(3, 10), times(3, 11), times(3, 12), [{ dose: 13, day: 0 }, { dose: 20, day: 1 }, { dose: 13, day: 4 }], times(3, 12)];
  const setUp = () => {
    const pace = answeredPace();
    const ride = weeksOf({ activity: 'ride', unit: 'min', category: 'aerobic' }, START, ...weeks);
    importRows(pace, [...walks(START, ...weeks), ...ride, ...walks(week5, [flare(5, { day: 2 })])], today);
    return pace;
  };

  it('status, review --json and the report count 1; export --weekly keeps 1 in each activity\'s row', () => {
    const pace = setUp();
    expect(json<{ boom_bust: { cycles_14d: number } }>(pace, ['status'], today).boom_bust.cycles_14d).toBe(1);
    const review = json<{ measures: { name: string; then: number | null; now: number | null }[] }>(pace, ['review'], today);
    expect(review.measures.find((m) => m.name === 'boom_bust_cycles')).toMatchObject({ then: 0, now: 1 });
    const out = join(pace.home, 'cycles.html');
    const r = pace.run(['report', '--format', 'html', '--out', out], { PACE_TODAY: today });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    // B3, C1: dated by its boom (Tue of week 5), so a clinician can tell when it was.
    expect(text).toMatch(/Boom-bust cycles 1 \(boom on 3 Feb\)/);
    expect(text).toMatch(/boom-bust cycles per 4 weeks 0\.0 \(0 in 2 weeks\) to 1\.0 \(1 in \d weeks?\)/i);
    // E2: the weekly export is per activity: the walk's row and the ride's row each count theirs.
    const weekly = table(pace.run(['export', '--weekly'], { PACE_TODAY: today }).stdout).filter((x) => x.week_start === week5);
    expect(weekly.map((x) => [x.activity, x.boom_bust_cycles])).toEqual([['ride', '1'], ['walk', '1']]);
  });
});

describe('C2, E2: a period that ends on a Tuesday: the report and export --weekly --to read that week alike', () => {
  // Seen: `report --to` a Tuesday charted that week as "done 24 minutes" (its Monday and Tuesday),
  // while `export --weekly --to` the same Tuesday gave the week's row the walks of Wednesday to
  // Sunday too (48), and the check-in of its Sunday: one week, two totals, in the files a clinic gets
  // together. Both now read the journal as it stood at the end of that Tuesday.
  it('total dose, sessions done and PEG of the last week agree, and match the session export of the same days', () => {
    const pace = answeredPace();
    const week4 = mondayOf(START, 4);
    const tuesday = addDays(week4, 1);
    const today = mondayOf(START, 7);
    importRows(pace, walks(START, times(3, 10), times(3, 10), times(3, 11), [{ dose: 12, day: 0 }, { dose: 12, day: 1 }, { dose: 12, day: 3 }, { dose: 12, day: 5 }], times(3, 13)), today);
    expect(pace.run(['checkin', '--pain', '5', '--enjoyment', '4', '--general', '4'], { PACE_TODAY: addDays(week4, 6) }).status).toBe(0);

    const weekly = table(pace.run(['export', '--weekly', '--to', tuesday], { PACE_TODAY: today }).stdout).filter((r) => r.week_start === week4);
    expect(weekly.map((r) => [r.activity, r.sessions_done, r.total_dose, r.peg])).toEqual([['walk', '2', '24', '']]);

    const sessions = table(pace.run(['export', '--from', week4, '--to', tuesday], { PACE_TODAY: today }).stdout);
    expect(sessions.reduce((a, r) => a + Number(r.dose), 0)).toBe(24);

    const out = join(pace.home, 'tuesday.html');
    expect(pace.run(['report', '--format', 'html', '--out', out, '--to', tuesday], { PACE_TODAY: today }).status).toBe(0);
    const text = readFileSync(out, 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    // The figures by week: week of, planned, done, pain before, pain after, PEG, function, flares.
    expect(text).toMatch(/26 Jan 2026 36 24 3\.0 4\.0 - - 0/);
  });
});

describe('W2, E2 with the day gone back: a check-in dated after today is not yet this week\'s', () => {
  // A check-in answered on Friday, then the clock set back to Wednesday: status shows no PEG for
  // this week and the report made that day has none in its figures; export --weekly must agree.
  it('status, the report and export --weekly leave it out alike', () => {
    const pace = answeredPace();
    const week3 = mondayOf(START, 3);
    const wednesday = addDays(week3, 2);
    importRows(pace, walks(START, times(3, 10), times(3, 10), [{ dose: 11, day: 0 }, { dose: 11, day: 1 }]), wednesday);
    expect(pace.run(['checkin', '--pain', '5', '--enjoyment', '4', '--general', '4'], { PACE_TODAY: addDays(week3, 4) }).status).toBe(0);

    expect(json<{ peg: unknown }>(pace, ['status'], wednesday).peg).toBeNull();
    const out = join(pace.home, 'wednesday.html');
    expect(pace.run(['report', '--format', 'html', '--out', out], { PACE_TODAY: wednesday }).status).toBe(0);
    const text = readFileSync(out, 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    // The figures by week: week of, planned, done, pain before, pain after, PEG, function, flares.
    expect(text).toMatch(/19 Jan 2026 33 22 3\.0 4\.0 - - 0/);
    const weekly = table(pace.run(['export', '--weekly'], { PACE_TODAY: wednesday }).stdout).filter((r) => r.week_start === week3);
    expect(weekly.map((r) => [r.activity, r.total_dose, r.peg])).toEqual([['walk', '22', '']]);
  });
});
