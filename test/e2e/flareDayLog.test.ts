import { afterAll, describe, expect, it } from 'vitest';
import { importRows, walks, weeksOf, times } from '../helpers/history.js';
import { answeredPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const START = '2026-11-02';

// Seen: after a flare on Monday, status said "do less rather than nothing: walk 6 min (half of
// 12 min)". Maria walked 5.5 min on Tuesday, and log answered "That is 46% of this week's 12 min.
// Shorter days happen", as if she had fallen short of the plan she had just followed.
describe('F3: a lighter session the day after a flare is the plan, and log says so', () => {
  function afterFlare() {
    const pace = answeredPace();
    importRows(pace, walks(START, times(3, 10), times(3, 10), times(3, 10)), '2026-11-22');
    const flared = pace.run(['log', 'walk', '12', '--pain-before', '3', '--pain-after', '7'], { PACE_TODAY: '2026-11-23' });
    expect(flared.stdout).toMatch(/do less rather than nothing: walk 6 min/);
    return pace;
  }

  it('the eased session is named as easing off after the flare, not as a short day', () => {
    const pace = afterFlare();
    const r = pace.run(['log', 'walk', '6', '--settled', 'yes'], { PACE_TODAY: '2026-11-24' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/That is 50% of this week's 12 min\. Easing off after a flare is part of the plan; it is still in your journal\./);
    expect(r.stdout).not.toMatch(/Shorter days happen/);
    const doc = JSON.parse(afterFlare().run(['log', 'walk', '6', '--json'], { PACE_TODAY: '2026-11-24' }).stdout);
    expect(doc.plan.flare_day_dose).toBe(6);
  });

  it('a short session with no flare before it is still a short day', () => {
    const pace = answeredPace();
    importRows(pace, walks(START, times(3, 10), times(3, 10), times(3, 10)), '2026-11-22');
    const r = pace.run(['log', 'walk', '5', '--pain-before', '3', '--pain-after', '3'], { PACE_TODAY: '2026-11-24' });
    expect(r.stdout).toMatch(/Shorter days happen/);
    const doc = JSON.parse(pace.run(['log', 'walk', '5', '--json'], { PACE_TODAY: '2026-11-25' }).stdout);
    expect(doc.plan.flare_day_dose).toBeNull();
  });

  // Seen: on the day after a flare, status offered "walk 6 min at 9:00 (still to do: a flare day)";
  // once that walk was logged it said "Planned today: walk 12 min at 9:00 (still to do)", a full
  // session on top of the eased one, because the eased session, not the flare, was now the latest.
  it('status: the eased session done, the day after a flare is not owed a full session more', () => {
    const pace = answeredPace();
    importRows(pace, walks(START, times(3, 10), times(3, 10), times(3, 10)), '2026-11-22');
    pace.run(['log', 'walk', '12', '--pain-before', '3', '--pain-after', '3'], { PACE_TODAY: '2026-11-23' });
    pace.run(['log', 'walk', '12', '--pain-before', '3', '--pain-after', '7'], { PACE_TODAY: '2026-11-24' });
    const before = pace.run(['status'], { PACE_TODAY: '2026-11-25' }).stdout;
    expect(before).toMatch(/Planned today: walk 6 min at 9:00 \(still to do: a flare day, half of 12 min\)/);
    expect(pace.run(['log', 'walk', '6', '--settled', 'yes'], { PACE_TODAY: '2026-11-25' }).status).toBe(0);
    const after = pace.run(['status'], { PACE_TODAY: '2026-11-25' }).stdout;
    expect(after).toMatch(/Planned today: walk 12 min at 9:00 \(done, a flare day\)/);
    expect(after).not.toMatch(/still to do/);
    const doc = JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: '2026-11-25' }).stdout);
    expect(doc.today_sessions).toMatchObject([{ activity: 'walk', done: true }]);
    // A second lighter session that day is easing off too, not a short day.
    expect(pace.run(['log', 'walk', '4'], { PACE_TODAY: '2026-11-25' }).stdout).toMatch(/Easing off after a flare is part of the plan/);
  });

  // Seen in review: walk and bike both planned; a flare on the walk on Tuesday, the bike logged
  // on Wednesday. The text still said "walk 5.5 min (still to do: a flare day, half of 11 min)",
  // while --json gave flare_day null and the walk at its full 11 min: a script owed the full walk.
  it('status --json gives each planned session its flare-day dose, as the text does', () => {
    const pace = answeredPace();
    const bike = { activity: 'bike', unit: 'min' as const, category: 'aerobic' as const };
    importRows(pace, [...walks(START, times(7, 10), times(7, 10), times(7, 10)), ...weeksOf(bike, START, times(7, 10), times(7, 10), times(7, 10))], '2026-11-22');
    pace.run(['log', 'walk', '12', '--pain-before', '3', '--pain-after', '7'], { PACE_TODAY: '2026-11-24' });
    pace.run(['log', 'bike', '5', '--settled', 'yes'], { PACE_TODAY: '2026-11-25' });
    const text = pace.run(['status'], { PACE_TODAY: '2026-11-25' }).stdout;
    expect(text).toMatch(/walk 5\.5 min at 9:00 \(still to do: a flare day, half of 11 min\)/);
    const doc = JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: '2026-11-25' }).stdout);
    expect(doc.today_sessions).toEqual([
      { activity: 'bike', unit: 'min', quota: 11, time: '09:00', done: true, flare_day_dose: 5.5 },
      { activity: 'walk', unit: 'min', quota: 11, time: '09:00', done: false, flare_day_dose: 5.5 },
    ]);
    // With no flare, no flare-day dose.
    expect(JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: '2026-11-27' }).stdout).today_sessions[0].flare_day_dose).toBeNull();
  });
});
