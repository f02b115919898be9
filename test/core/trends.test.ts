import { describe, expect, it } from 'vitest';
import { weeklySessionDoses } from '../../src/core/trends.js';
import { statusLines } from '../../src/ui/statusView.js';
import { d, MON, times, week, weeks, weeksOf } from './coach/builders.js';

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
