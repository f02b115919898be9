import { describe, expect, it } from 'vitest';
import { minutesShown, statusTrends, weeklySessionDoses } from '../../src/core/trends.js';
import { statusLines } from '../../src/ui/statusView.js';
import type { IsoDate } from '../../src/core/types.js';
import { d, MON, session, times, week, weeks, weeksOf } from './coach/builders.js';

// Status's trends for activities counted in reps, metres or steps: never added to minutes, each
// shown on its own, so a person sees their sit-to-stand grow where they look every day.

describe('weekly session doses (status)', () => {
  const sts = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };

  it('gives each activity in reps its mean session by week, a week without one as null; minutes are left to the aim', () => {
    const s = [
      ...weeks(MON, times(3, 10), times(3, 11)),
      ...weeksOf(sts, MON, [5, 5, 6], []),
      ...weeksOf(sts, week(3), [7, 8]),
    ];
    expect(weeklySessionDoses(s, d('2026-01-25'), 3)).toEqual([
      { activity: 'sit-to-stand', unit: 'reps', weeks: [
        { weekStart: MON, meanDose: 5.3 },
        { weekStart: week(2), meanDose: null },
        { weekStart: week(3), meanDose: 7.5 },
      ] },
    ]);
  });

  it('leaves out an activity with no session in the weeks shown, and sessions after `through`', () => {
    const s = [...weeksOf(sts, MON, [5, 5, 5]), ...weeksOf(sts, week(4), [9])];
    expect(weeklySessionDoses(s, d('2026-01-25'), 1)).toEqual([]);
  });

  it('counts a session of the `through` day itself (today\'s sit-to-stand), and none after it', () => {
    const s = [session(week(3), 6, sts), session(d('2026-01-21'), 8, sts), session(d('2026-01-22'), 20, sts)];
    expect(weeklySessionDoses(s, d('2026-01-21'), 1)).toEqual([{ activity: 'sit-to-stand', unit: 'reps', weeks: [{ weekStart: week(3), meanDose: 7 }] }]);
  });
});

describe('status shows reps by week', () => {
  it('a line per activity in reps, with its sessions a week: "reps a session"', async () => {
    const { makeStyle } = await import('../../src/ui/style.js');
    const { statusOf } = await import('../../src/core/coach/index.js');
    const { settings } = await import('./coach/builders.js');
    const sessions = weeksOf({ activity: 'sit-to-stand', unit: 'reps', category: 'strength' }, MON, [5, 5, 5], [6, 6, 6], [7, 7, 7]);
    const today = d('2026-01-25');
    const s = statusOf({ sessions, settings: settings(), overrides: [], acceptances: [], triageRecords: [], today });
    const doses = weeklySessionDoses(sessions, today, 3);
    const text = statusLines(makeStyle(false), s, [], null, [], doses).join('\n');
    expect(text).toMatch(/Reps +\S{3} +sit-to-stand, reps a session, last 3 weeks: 5 6 7/);
  });
});

describe('B4: the load ratio says what it counts', () => {
  it('minutes only: reps are not in it, and the line says so', async () => {
    const { makeStyle } = await import('../../src/ui/style.js');
    const { statusOf } = await import('../../src/core/coach/index.js');
    const { settings } = await import('./coach/builders.js');
    const sessions = [
      ...weeks(MON, times(3, 10), times(3, 10), times(3, 11), times(3, 12), times(3, 13)),
      ...weeksOf({ activity: 'sit-to-stand', unit: 'reps', category: 'strength' }, MON, times(3, 5), times(3, 5), times(3, 6), times(3, 7), times(3, 8)),
    ];
    const today = d('2026-02-08');
    const s = statusOf({ sessions, settings: settings(), overrides: [], acceptances: [], triageRecords: [], today });
    expect(s.acwr).not.toBeNull();
    expect(statusLines(makeStyle(false), s, []).join('\n')).toContain(`Load ratio ${s.acwr!.ratio.toFixed(2)} (minutes in the last 7 days against the last 28)`);
  });
});

describe('R1, G3: minutes are shown only where a session is timed', () => {
  const sts = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };
  const first = { from: MON, to: d('2026-01-18') };
  const later = { from: week(5), to: d('2026-02-15') };

  it('not for sessions all in reps, metres or steps: "0 minutes" would read as nothing done', () => {
    const s = weeksOf(sts, MON, times(3, 5), times(3, 5), times(3, 6), times(3, 7), times(3, 8), times(3, 9));
    expect(minutesShown(s, [first, later])).toBe(false);
  });

  it('for one timed session in either span, and only within the spans', () => {
    const reps = weeksOf(sts, MON, times(3, 5), times(3, 5), times(3, 6), times(3, 7), times(3, 8), times(3, 9));
    expect(minutesShown([...reps, ...weeks(MON, [10])], [first, later])).toBe(true);
    expect(minutesShown([...reps, ...weeks(week(6), [10])], [first, later])).toBe(true);
    // A walk of week 3 lies in neither span.
    expect(minutesShown([...reps, ...weeks(week(3), [10])], [first, later])).toBe(false);
  });

  it('with no session at all in the spans: nothing else would stand in their place', () => {
    expect(minutesShown([], [first, later])).toBe(true);
    expect(minutesShown(weeksOf(sts, week(3), [5]), [first, later])).toBe(true);
  });
});

describe('G3: status for a person with no timed activity', () => {
  const sts = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };
  const hall = { activity: 'hallway walk', unit: 'm' as const, category: 'aerobic' as const };

  async function statusText(plain: boolean) {
    const { makeStyle } = await import('../../src/ui/style.js');
    const { statusOf } = await import('../../src/core/coach/index.js');
    const { settings } = await import('./coach/builders.js');
    const sessions = [...weeksOf(sts, MON, [5, 5, 5], [6, 6, 6], [7, 7, 7]), ...weeksOf(hall, MON, [200, 200], [250, 250], [300, 300])];
    const today = d('2026-01-25');
    const s = statusOf({ sessions, settings: settings(), overrides: [], acceptances: [], triageRecords: [], today });
    const trends = statusTrends(sessions, today, 3);
    expect(trends.minutesShown).toBe(false);
    return statusLines(makeStyle(false, undefined, plain), s, trends.minutesShown ? trends.minutes : null, null, [], trends.doses).join('\n');
  }

  it('G3: keeps the weekly aim, then their metres and reps, with no chart of weeks of zero minutes', async () => {
    const text = await statusText(false);
    expect(text).not.toMatch(/^Minutes|aerobic minutes a week|\b0 0 0\b/m);
    expect(text).toMatch(/^Weekly aim +\S{20} +0 of 150 aerobic minutes this week\nMetres +\S{3} +hallway walk, m a session, last 3 weeks: 200 250 300\nReps /m);
  });

  it('the same in plain words for a screen reader', async () => {
    const text = await statusText(true);
    expect(text).not.toMatch(/minutes a week/);
    expect(text).toMatch(/^Weekly aim: 0 of 150 aerobic minutes this week\.\nhallway walk, m a session, the last 3 weeks, oldest first: 200, 250, 300\.$/m);
  });
});

describe('G3: weeks before the program began are not weeks of nothing done', () => {
  // A person in week 2 of their program saw "0 0 0 0 0 0 15 20": six weeks of nothing done,
  // though pace knew nothing of those weeks. A week of the program with nothing logged stays 0.
  async function text(plain: boolean, start: IsoDate | null) {
    const { makeStyle } = await import('../../src/ui/style.js');
    const { statusOf } = await import('../../src/core/coach/index.js');
    const { settings } = await import('./coach/builders.js');
    const sessions = [...weeks(week(5), times(3, 10), []), ...weeks(week(7), times(3, 12))];
    const today = d('2026-02-22');
    const s = statusOf({ sessions, settings: settings({ startDate: start }), overrides: [], acceptances: [], triageRecords: [], today });
    const trends = statusTrends(sessions, today, 8);
    return statusLines(makeStyle(false, undefined, plain), s, trends.minutes, null, [], trends.doses).join('\n');
  }

  it('the chart shows them as "-" and leaves their ticks blank', async () => {
    expect(await text(false, null)).toMatch(/^Minutes {5} {5}\S{3} {2}aerobic minutes a week, last 8 weeks: - - - - - 30 0 36$/m);
  });

  it('--plain says "none" for them', async () => {
    expect(await text(true, null)).toMatch(/^Aerobic minutes a week, the last 8 weeks, oldest first: none, none, none, none, none, 30, 0, 36\.$/m);
  });

  it('counts from the start date when one is set, and keeps any minutes logged before it', async () => {
    expect(await text(false, week(6))).toMatch(/aerobic minutes a week, last 8 weeks: - - - - - 30 0 36$/m);
    expect(await text(false, week(3))).toMatch(/aerobic minutes a week, last 8 weeks: - - - 0 0 30 0 36$/m);
  });
});
