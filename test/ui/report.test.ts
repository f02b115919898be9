import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { reportPeriod } from '../../src/core/report/period.js';
import { clinicReport } from '../../src/core/report/report.js';
import type { Session } from '../../src/core/types.js';
import { pegCheckin } from '../../src/core/outcomes/peg.js';
import { reportHtml } from '../../src/ui/report/html.js';
import { FITS, reportPage } from '../../src/ui/report/page.js';
import { cut, firstOf } from '../../src/ui/report/words.js';
import { dateWithin } from '../../src/core/dates.js';
import { doseChart, outcomeChart, painChart } from '../../src/ui/report/charts.js';
import { d, flare, MON, settings, times, week, weeks, weeksOf } from '../core/coach/builders.js';

// C1: the page's words and its cuts; C3: nothing in the HTML that a browser would run or fetch.

const TODAY = addDays(week(12), 6);

function report(sessions: Session[], notes: Map<number, string> | null = null, goalText = 'climb the stairs') {
  return clinicReport({
    sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today: TODAY, period: reportPeriod(TODAY), notes,
    goals: [{ id: 1, text: goalText, status: 'open', createdOn: MON, closedOn: null, ratings: [{ date: MON, rating: 3 }] }],
  });
}

describe('C1: lists are cut to fit one page', () => {
  it('firstOf keeps the first items and counts the rest in one line; never "and 1 more"', () => {
    expect(firstOf([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], more: null });
    expect(firstOf([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2], more: 'and 2 more' });
  });

  it('cut ends long text at a word with an ellipsis', () => {
    expect(cut('walk to the bakery and back', 100)).toBe('walk to the bakery and back');
    expect(cut('walk to the bakery and back', 16)).toBe('walk to the…');
  });

  it('many flares: the latest are listed, the earlier ones counted', () => {
    const many = weeks(MON, ...Array.from({ length: 12 }, () => [flare(10), flare(10), 10]));
    const page = reportPage(report(many), FITS[0]);
    expect(page.events.rows).toHaveLength(FITS[0].events - 1);
    expect(page.events.more).toBe(`and ${24 - (FITS[0].events - 1)} more, earlier`);
    expect(page.events.rows[0]!.slice(0, 2)).toEqual(['25 Mar 2026', 'Flare']); // week 12's second walk, the latest
  });

  it('T3, C1: a stop sign and its clearance stay listed when later flares fill the list; the flares left out are counted', () => {
    // Seen: dizziness (a stop, the plan paused) in week 4, cleared in week 5, then a flare a week:
    // the page listed the eight latest flares and the stop sign was only "and 3 more, earlier".
    const sessions = weeks(MON, ...Array.from({ length: 12 }, (_, w) => (w >= 2 ? [10, flare(10), 10] : times(3, 10))));
    const triageRecords = [
      { id: 1, date: addDays(week(4), 1), kind: 'triage' as const, class: 'stop' as const, symptoms: ['dizziness'] },
      { id: 2, date: addDays(week(5), 1), kind: 'cleared' as const, class: null, symptoms: [] },
    ];
    const r = clinicReport({
      sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords, checkins: [], goals: [], today: TODAY, period: reportPeriod(TODAY), notes: null,
    });
    for (const fit of FITS) {
      const page = reportPage(r, fit);
      const what = page.events.rows.map((row) => row[1]);
      expect(what).toContain('Stop');
      expect(what).toContain('Cleared');
      expect(page.events.rows).toHaveLength(fit.events - 1);
      // Latest first, as before.
      const dates = page.events.rows.map((row) => Date.parse(row[0]));
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      expect(page.events.more).toBe(`and ${10 - (fit.events - 3)} more flares`);
    }
  });
});

describe('C1, R1: the goals table', () => {
  it('M2: the ratings come with their scale, as the pain and PEG charts have theirs', () => {
    // Seen: "climb the stairs 3 7 +4 better" with nothing on the page saying what 3 and 7 are
    // out of, nor which end is able: pace review says it above its goals, the report did not.
    const page = reportPage(report(weeks(MON, times(3, 10))));
    expect(page.goals.heading).toBe('Goals (0 = unable, 10 = as well as before the pain problem)');
    expect(reportHtml(page, 'a4')).toContain('<h2>Goals (0 = unable, 10 = as well as before the pain problem)</h2>');
  });

  it('a goal re-rated before a whole week after weeks 1-2 is over is too early to say, not "not re-rated" nor a clear change', () => {
    const to = week(3);
    const r = clinicReport({
      sessions: weeks(MON, times(3, 10), times(3, 10)), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today: to, period: { from: MON, to }, notes: null,
      goals: [{ id: 1, text: 'climb the stairs', status: 'open', createdOn: MON, closedOn: null, ratings: [{ date: MON, rating: 2 }, { date: to, rating: 6 }] }],
    });
    expect(reportPage(r).goals.rows).toEqual([['climb the stairs', '2', '6 (19 Jan)', '+4', 'too early to say']]);
    // The score line agrees with the row: no "(a clear change)" beside "too early to say".
    expect(reportPage(r).goals.score).toBe('Function score 6.0 of 10 (too early to say whether it changed)');
  });

  it('M3: goals never re-rated give the score without a change: "change 0 (not a clear change)" reads as no progress', () => {
    // Seen: a goal added with its first rating, the report said "Function score 3.0 of 10, change 0
    // (not a clear change)" while the goal's own row said "not re-rated".
    const page = reportPage(report(weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10)))));
    expect(page.goals.rows[0]![4]).toBe('not re-rated');
    expect(page.goals.score).toBe('Function score 3.0 of 10 (no goal re-rated yet)');
  });

  it('M3: a goal rated once has no change in its row either: "0 not re-rated" reads as no progress', () => {
    // Seen in week 2: "climb the stairs 3 3 0 not re-rated", a change of 0 for a goal that had
    // not been rated a second time, beside a score line that rightly gave no change.
    const page = reportPage(report(weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10)))));
    expect(page.goals.rows).toEqual([['climb the stairs', '3', '3 (5 Jan)', '-', 'not re-rated']]);
  });

  it('M2, C1: the latest rating gives its date, so a rating of two months ago is not read as last week\'s', () => {
    // Seen: "First 3, Latest 7" with no date; the 7 could be from last week or from the period's start.
    const goals = [{ id: 1, text: 'climb the stairs', status: 'open' as const, createdOn: MON, closedOn: null, ratings: [{ date: MON, rating: 3 }, { date: week(4), rating: 7 }] }];
    const r = clinicReport({ sessions: weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10))), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today: TODAY, period: reportPeriod(TODAY), notes: null, goals });
    expect(reportPage(r).goals.rows[0]!.slice(1, 3)).toEqual(['3', '7 (26 Jan)']);
    expect(reportHtml(reportPage(r), 'a4')).toContain('<td class="n">7 (26 Jan)</td>');
  });

  it('C1: a latest rating in another year than the period\'s end gives its year', () => {
    const goals = [{ id: 1, text: 'climb the stairs', status: 'open' as const, createdOn: d('2025-12-29'), closedOn: null, ratings: [{ date: d('2025-12-29'), rating: 4 }] }];
    const r = clinicReport({ sessions: weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10))), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today: TODAY, period: reportPeriod(TODAY), notes: null, goals });
    expect(reportPage(r).goals.rows[0]!.slice(1, 3)).toEqual(['4', '4 (29 Dec 2025)']);
  });
});

describe('M3, C1: the goals table and the score say better, about the same or worse', () => {
  it('M3: a goal 3 to 7 reads "better", one 2 to 4 "about the same", one 8 to 4 "worse", as the review says; the score too', () => {
    // Seen at a 3-month review: the page said "+4 clear change" and "+2 no clear change" where
    // `pace review` said "a clear change for the better" and "about the same": M3 asks for words
    // that say better or worse, and a clinician should not have to read the sign to know which.
    const rated = (id: number, text: string, first: number, latest: number) => ({ id, text, status: 'open' as const, createdOn: MON, closedOn: null, ratings: [{ date: MON, rating: first }, { date: week(10), rating: latest }] });
    const run = (goals: ReturnType<typeof rated>[]) => reportPage(clinicReport({
      sessions: weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10))), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today: TODAY, period: reportPeriod(TODAY), notes: null, goals,
    })).goals;
    const g = run([rated(1, 'climb the stairs', 3, 7), rated(2, 'get up from the floor', 2, 4), rated(3, 'carry shopping', 8, 4)]);
    expect(g.rows.map((r) => r.slice(3))).toEqual([['+4', 'better'], ['+2', 'about the same'], ['-4', 'worse']]);
    expect(g.score).toBe('Function score 5.0 of 10, change +0.7 (about the same)');
    expect(run([rated(1, 'climb the stairs', 3, 7), rated(2, 'get up from the floor', 2, 4)]).score).toBe('Function score 5.5 of 10, change +3 (better)');
    expect(run([rated(1, 'carry shopping', 8, 4)]).score).toBe('Function score 4.0 of 10, change -4 (worse)');
  });
});

describe('C1, C2: a last week that is not over says so', () => {
  // Seen: a report made on a Monday ended its charts with a planned bar and nothing done, like the
  // two missed weeks before it: the week had begun that morning, which nothing on the page said.
  const sessions = weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10)));
  const page = (today: string, to = today) =>
    reportPage(clinicReport({ sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today: d(today), period: reportPeriod(d(today), undefined, d(to)), notes: null }));

  it('made on a Monday: the last week is in progress', () => {
    expect(page(week(12)).subtitle).toBe('5 Jan 2026 to 23 Mar 2026 (12 weeks; the last one is in progress)');
  });

  it('ended by --to on a Tuesday before today: the last week runs to its Tuesday', () => {
    expect(page(addDays(week(12), 3), addDays(week(11), 1)).subtitle).toMatch(/ to 17 Mar 2026 \(\d+ weeks; the last one only up to its Tuesday\)$/);
  });

  it('ended on a Sunday: whole weeks, nothing more to say', () => {
    expect(page(addDays(week(11), 6)).subtitle).toMatch(/ to 22 Mar 2026 \(\d+ weeks\)$/);
  });
});

describe('R1, C1: what has changed names the weeks it compares', () => {
  it('R1: at week 14 the first two weeks lie before the 12-week period, and the page says which weeks were compared', () => {
    // Seen at a 3-month review: the page ran from week 3 (C2's twelve weeks) and said "pain before
    // sessions 5.6 to 4.0", a 5.6 that no chart or table on the page shows; nothing said that it
    // was weeks 1-2 against the last four weeks over, as pace review says under its table.
    const today = addDays(week(14), 1);
    const r = clinicReport({
      sessions: weeks(MON, ...Array.from({ length: 14 }, () => times(3, 10))), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today, period: reportPeriod(today), notes: null,
    });
    const page = reportPage(r);
    expect(page.subtitle).toMatch(/^19 Jan 2026 to/);
    expect(page.changes.compared).toBe('Compared: program weeks 1-2 (5 Jan to 18 Jan 2026) with the last 4 weeks that are over (9 Mar to 5 Apr 2026); check-ins: the first against the mean of those weeks; goals: the first rating against the latest.');
    expect(reportHtml(page, 'a4')).toContain(page.changes.compared);
  });

  it('Q1, R1: a sit-to-stand begun in week 6 is said to be compared over its own weeks, as pace review says under its table', () => {
    // Seen: the page said "Compared: program weeks 1-2 (5 Jan to 18 Jan) with the last 4 weeks
    // that are over" above "sit-to-stand, reps a session 8 to 9 (better)", which compared 9 to 22
    // Feb with 23 Feb to 1 Mar: a clinician read a change over two months that was one of a week.
    const today = addDays(week(9), 4);
    const sts = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };
    const r = clinicReport({
      sessions: [...weeks(MON, ...Array.from({ length: 9 }, () => times(3, 10))), ...weeksOf(sts, week(6), times(2, 8), times(2, 8), times(2, 9))],
      settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today, period: reportPeriod(today), notes: null,
    });
    const page = reportPage(r);
    expect(page.summary).toContainEqual(['sit-to-stand, reps a session', '8 to 9 (better)']);
    expect(page.changes.compared).toContain('program weeks 1-2 (5 Jan to 18 Jan 2026) with the last 4 weeks that are over (2 Feb to 1 Mar 2026)');
    expect(page.changes.compared).toContain('sit-to-stand: its own first two weeks (9 Feb to 22 Feb 2026) with 23 Feb to 1 Mar 2026');
  });

  it('Q1, C1: the own weeks named are those of the activities the page shows, so many of them never push it past one page', () => {
    const today = addDays(week(9), 4);
    const later = ['band rows', 'bridges', 'calf raises', 'heel slides', 'sit-to-stand', 'wall push-ups'].flatMap((activity) =>
      weeksOf({ activity, unit: 'reps', category: 'strength' }, week(6), times(2, 8), times(2, 8), times(2, 9)),
    );
    const r = clinicReport({
      sessions: [...weeks(MON, ...Array.from({ length: 9 }, () => times(3, 10))), ...later],
      settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today, period: reportPeriod(today), notes: null,
    });
    for (const fit of FITS) {
      const page = reportPage(r, fit);
      const shown = page.summary.map(([label]) => label.split(',')[0]!).filter((x) => later.some((s) => s.activity === x));
      const named = [...(page.changes.compared ?? '').matchAll(/; ([a-z -]+): its own first two weeks/g)].map((m) => m[1]);
      expect(named).toEqual(shown);
      expect(named.length).toBeLessThan(6);
    }
  });

  it('R1: before a week after weeks 1-2 is over, the lead says why nothing is compared, and no windows are named', () => {
    const today = addDays(week(3), 2);
    const r = clinicReport({
      sessions: weeks(MON, times(3, 10), times(3, 10)), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today, period: reportPeriod(today), notes: null,
    });
    expect(reportPage(r).changes.compared).toBeNull();
  });
});

describe('B3, C1: the boom-bust cycles are dated', () => {
  // Seen at a 3-month review: "Boom-bust cycles 1" and nothing on the page said when: a clinician
  // could not tell whether it was last week or two months back, nor set it beside the flares.
  const steady = (activity: string, boomWeeks: number[]) =>
    weeksOf({ activity }, MON, ...Array.from({ length: 12 }, (_, w) => (w < 2 ? times(3, 10) : boomWeeks.includes(w) ? [{ dose: 25, day: 1 }] : times(3, 10))));
  const page = (sessions: Session[]) => reportPage(clinicReport({
    sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today: TODAY, period: reportPeriod(TODAY), notes: null,
  }));
  const row = (p: ReturnType<typeof page>) => p.summary.find(([k]) => k === 'Boom-bust cycles')?.[1];

  it('B3: one bust after booms of a walk and a ride on one day is one cycle, dated by its boom', () => {
    expect(row(page([...steady('walk', [4]), ...steady('ride', [4])]))).toBe('1 (boom on 3 Feb)');
  });

  it('B3: two cycles name both boom days; more name the latest', () => {
    expect(row(page(steady('walk', [4, 8])))).toBe('2 (booms on 3 Feb, 3 Mar)');
    expect(row(page(steady('walk', [4, 6, 8])))).toBe('3 (latest boom 3 Mar)');
  });

  it('none is 0, with no date', () => {
    expect(row(page(steady('walk', [])))).toBe('0');
  });
});

describe('M5: closed goals in the goals table', () => {
  it('a goal closed as no longer relevant says so in the words goal close --help uses, not "(dropped)"', () => {
    const to = TODAY;
    const closed = (status: 'achieved' | 'dropped') => clinicReport({
      sessions: weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10))), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today: to, period: reportPeriod(to), notes: null,
      goals: [{ id: 1, text: 'climb the stairs', status, createdOn: MON, closedOn: addDays(to, -3), ratings: [{ date: MON, rating: 3 }, { date: addDays(to, -3), rating: 8 }] }],
    });
    expect(reportPage(closed('dropped')).goals.rows[0]![0]).toBe('climb the stairs (no longer relevant)');
    expect(reportPage(closed('achieved')).goals.rows[0]![0]).toBe('climb the stairs (achieved)');
  });
});

describe('C1, R1: what has changed, cut as the goals table is', () => {
  it('goals that clearly changed for the worse are named with their text cut, and counted past the limit; every measure is named', () => {
    // Seen: five goals of 119 characters, each 9 -> 2, written out in full in the "Worse than at
    // the start" sentence (about 800 characters) while the goals table cut them: the page fell to
    // its tightest fit, listing three goals, three events and one note.
    const text = (i: number) => `${i} carry my grandchild up the stairs to the flat on the third floor without stopping to rest and without holding the rail`;
    const goals = [1, 2, 3, 4, 5].map((i) => ({ id: i, text: text(i), status: 'open' as const, createdOn: MON, closedOn: null, ratings: [{ date: MON, rating: 9 }, { date: week(10), rating: 2 }] }));
    const r = clinicReport({
      sessions: weeks(MON, times(3, 10), times(3, 10), ...Array.from({ length: 10 }, () => times(3, 20))), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], today: TODAY, period: reportPeriod(TODAY), notes: null, goals,
    });
    for (const fit of FITS) {
      const page = reportPage(r, fit);
      const said = [page.changes.lead, ...page.changes.items, ...page.changes.tail].join(' ');
      expect(said).toContain('minutes of any activity a week');
      for (const i of [1, 2, 3, 4, 5]) expect(said).not.toContain(text(i));
      expect(said).toContain(`"${cut(text(1), fit.goalText)}" 9 to 2`);
      // Every worse measure is still named; the goals past the limit are counted.
      const worse = page.changes.tail.find((t) => t.startsWith('Worse than at the start'))!;
      expect(worse).toMatch(/^Worse than at the start: planned sessions done \(mean of weeks\) 100% to 50%; function score \(your goals\) 9\.0 to 2\.0; "1 carry/);
      const shown = fit.changes >= 5 ? 5 : fit.changes - 1;
      expect(worse.match(/" 9 to 2/g)).toHaveLength(shown);
      if (shown < 5) expect(worse).toContain(`; and ${5 - shown} more goals. Setbacks happen`);
    }
  });
});

describe('C1, R1: planned sessions done', () => {
  it('in a period with no week over yet it says so, rather than "no plan" or a share of sessions not yet due', () => {
    const today = addDays(week(3), 2);
    const r = clinicReport({
      sessions: weeks(MON, times(3, 10), times(3, 10), [10]), settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today, period: { from: week(3), to: today }, notes: null,
    });
    expect(reportPage(r).summary).toContainEqual(['Planned sessions done (mean of weeks)', 'no week over yet']);
  });
});

describe('C3: the HTML', () => {
  it('escapes what the person wrote, and holds no script, link or external address', () => {
    const s = weeks(MON, times(3, 10), times(3, 10));
    const notes = new Map([[s[0]!.id, '<img src=x onerror=alert(1)> & "quotes"']]);
    const html = reportHtml(reportPage(report(s, notes, '<script>alert(1)</script> stairs')), 'a4');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; stairs');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@page { size: A4;');
    expect(reportHtml(reportPage(report(s)), 'letter')).toContain('@page { size: letter;');
  });

  it('an empty period says nothing was recorded', () => {
    const html = reportHtml(reportPage(clinicReport({
      sessions: [], settings: settings(), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today: TODAY, period: { from: d('2026-01-05'), to: d('2026-01-18') }, notes: null,
    })), 'a4');
    expect(html).toContain('Nothing was recorded between 5 Jan 2026 and 18 Jan 2026');
    expect(html).toContain('No movement goals recorded.');
  });
});

describe('S2, C1: the report says which mode was in force', () => {
  const base = { settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today: TODAY, period: reportPeriod(TODAY), notes: null };
  const sessions = weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10)));

  it('S2: a period that changed mode names each mode with the week it began, not only the last one', () => {
    // "yes" on the Wednesday of week 6: weeks up to 6 were graded, envelope from week 7's Monday.
    const pem = settings({ startDate: MON, pem: true, pemAnswers: [{ since: MON, pem: false }, { since: addDays(week(6), 2), pem: true }] });
    const r = clinicReport({ ...base, sessions, settings: pem });
    expect(r.modes).toEqual([{ mode: 'graded', from: week(1) }, { mode: 'envelope', from: week(7) }]);
    expect(reportPage(r).facts).toContain('graded mode, energy-envelope mode from 16 Feb 2026');
  });

  it('S2: a period in one mode says that mode alone', () => {
    const r = clinicReport({ ...base, sessions });
    expect(r.modes).toEqual([{ mode: 'graded', from: week(1) }]);
    expect(reportPage(r).facts).toContain(', graded mode.');
  });
});

describe('C1: the time axis under the charts', () => {
  it('T2, F1: a flare and the assess sign of the same day are both visible, not one drawn over the other', () => {
    // Seen: new radiation and a swollen joint logged with a walk: the walk is a flare (F1) and the
    // triage an assess (T2), both on 11 Mar; the white diamond covered the black triangle.
    const sessions = weeks(MON, ...Array.from({ length: 12 }, (_, w) => (w === 10 ? [10, flare(10, { symptoms: ['joint-swelling'] }), 10] : times(3, 10))));
    const day = sessions.find((s) => s.flare)!.date;
    const triageRecords = [{ id: 1, date: day, kind: 'triage' as const, class: 'assess' as const, symptoms: ['joint-swelling'] }];
    const r = clinicReport({
      sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords, checkins: [], goals: [], today: TODAY, period: reportPeriod(TODAY), notes: null,
    });
    expect(r.events.map((e) => e.kind)).toEqual(['flare', 'assess']);
    for (const svg of [doseChart(r), painChart(r), outcomeChart(r)]) {
      // The event band lies below the plot (y > 92): its polygons are the triangle and the diamond.
      const boxes = [...svg.matchAll(/<polygon points="([^"]+)"/g)]
        .map((m) => m[1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]))
        .filter((pts) => pts.every(([, y]) => y > 92))
        .map((pts) => ({ x0: Math.min(...pts.map((p) => p[0])), x1: Math.max(...pts.map((p) => p[0])), y0: Math.min(...pts.map((p) => p[1])), y1: Math.max(...pts.map((p) => p[1])) }));
      expect(boxes).toHaveLength(2);
      const [a, b] = boxes as [(typeof boxes)[0], (typeof boxes)[0]];
      const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      expect(overlap).toBe(false);
    }
  });
});

describe('C1: the HTML is readable without seeing it', () => {
  const sessions = weeks(MON, ...Array.from({ length: 12 }, (_, w) => (w === 10 ? [10, flare(12), 14] : times(3, 10 + w))));
  const html = () => reportHtml(reportPage(report(sessions)), 'a4');

  it('each chart is one image named by its heading, and the key says what each marker is', () => {
    // Seen: a screen reader read each chart's axis labels one by one ("80 60 40 20 0 2 Feb ..."),
    // with nothing saying what the chart showed.
    const svgs = [...html().matchAll(/<svg[^>]*>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) expect(svg).toContain('role="img"');
    const ids = [...html().matchAll(/<h3 id="([^"]+)">/g)].map((m) => m[1]);
    for (const [i, svg] of svgs.slice(0, 3).entries()) expect(svg).toContain(`aria-labelledby="${ids[i]}"`);
    expect(svgs[3]).toMatch(/aria-label="[^"]*filled triangle: flare[^"]*open diamond: see a clinician/);
  });

  it('the charts\' numbers are in a table beside them, one row a week, with column and row headers', () => {
    const table = /<div class="vh"><table>[^]*?<\/table><\/div>/.exec(html())?.[0] ?? '';
    expect(table).toContain('<caption>The figures behind the charts, by week</caption>');
    expect(table).toContain('<th scope="col">Week of</th>');
    expect(table.match(/<th scope="row">/g)).toHaveLength(12);
    // Week 11: 10 + 12 + 14 minutes done, one flare.
    expect(table).toMatch(/<th scope="row">16 Mar 2026<\/th><td class="n">[^<]*<\/td><td class="n">36<\/td>(<td class="n">[^<]*<\/td>){4}<td class="n">1<\/td><\/tr>/);
  });
});

describe('C1: the HTML tables read as tables', () => {
  it('every header cell names its column or row: none is empty, each has a scope', () => {
    // Seen: the goals' last column and the period's figures had an empty header, so a screen
    // reader read "100%" with no column name, and the period's rows had no row header.
    const s = weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10)));
    const notes = new Map([[s[0]!.id, 'stiff knee']]);
    const html = reportHtml(reportPage(report(s, notes)), 'a4');
    const ths = [...html.matchAll(/<th((?:\s[^>]*)?)>(.*?)<\/th>/g)];
    expect(ths.length).toBeGreaterThan(10);
    for (const [cell, attrs, inner] of ths) {
      expect(attrs ?? "", cell).toMatch(/scope="(col|row)"/);
      expect(inner!.replace(/<[^>]+>/g, '').trim(), cell).not.toBe('');
    }
    expect(html).toMatch(/<th scope="row"[^>]*>Planned sessions done \(mean of weeks\)<\/th><td class="n">/);
    expect(html).toMatch(/<th scope="row"[^>]*>climb the stairs<\/th>/);
    // Row headers look as the cells did: an event's date stays on one line.
    expect(html).toMatch(/<th scope="row" class="v">\d+ \w+ 2026<\/th>/);
    expect(html).toMatch(/th\.v \{ white-space: nowrap; \}/);
  });
});

describe('C1: the HTML zoomed in', () => {
  it('on a narrow screen (400% zoom, a phone) charts and tables stack in one column; the printed page keeps two', () => {
    // Seen: at 400% zoom the two columns stayed side by side: the chart legends shrank to about
    // 4 pixels and the events table ran off the right edge.
    const html = reportHtml(reportPage(report(weeks(MON, times(3, 10)))), 'a4');
    const narrow = /@media screen and \(max-width: ([\d.]+)em\) \{([^}]*\})*\s*\}/.exec(html);
    expect(narrow?.[0]).toMatch(/\.charts, \.cols \{ grid-template-columns: 1fr; \}/);
  });
});

describe('C1: a marker means one thing on the page', () => {
  it('the outcome chart\'s lines use neither the flare\'s triangle nor the assess sign\'s diamond', () => {
    // Seen: PEG was drawn with filled triangles and the function score with open diamonds, the
    // very marks the key gives to a flare and to "see a clinician", in the same chart.
    const sessions = weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10)));
    const checkins = sessions.filter((_, i) => i % 3 === 0).map((s) => pegCheckin({ pain: 5, enjoyment: 5, general: 5 }, s.date));
    const r = clinicReport({
      sessions, settings: settings({ startDate: MON }), overrides: [], acceptances: [], triageRecords: [], checkins, today: TODAY, period: reportPeriod(TODAY), notes: null,
      goals: [{ id: 1, text: 'stairs', status: 'open', createdOn: MON, closedOn: null, ratings: [{ date: MON, rating: 3 }] }],
    });
    expect(r.weeks.some((w) => w.peg !== null)).toBe(true);
    expect(outcomeChart(r)).not.toMatch(/<polygon/);
  });
});

describe('S1, S2, C1: a "yes" on the first day of the program', () => {
  it('S2: the report names envelope mode alone, not "graded mode" for week 1', () => {
    const sessions = weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10)));
    const pem = settings({ pem: true, pemAnswers: [{ since: MON, pem: true }] });
    const r = clinicReport({ sessions, settings: pem, overrides: [], acceptances: [], triageRecords: [], checkins: [], goals: [], today: TODAY, period: { from: MON, to: TODAY }, notes: null });
    expect(r.modes).toEqual([{ mode: 'envelope', from: week(1) }]);
  });
});

describe('C1: text the PDF cannot draw', () => {
  it('names the letters its font lacks, not the invisible marks beside them (an emoji\'s U+FE0F, a joiner)', async () => {
    const { undrawable } = await import('../../src/ui/report/pdf.js');
    const page = { goals: { rows: [['\u968e\u6bb5 \u2764\ufe0f caf\u00e9 \u{1f6b6}\u200d\u2640\ufe0f']] } } as unknown as Parameters<typeof undrawable>[0];
    expect(undrawable(page)).toEqual(['\u968e', '\u6bb5', '\u2764', '\u{1f6b6}', '\u2640']);
  });
});

describe('dates within a period (B3, R1)', () => {
  it('a date is "3 Feb" in a period of one year, "3 Feb 2026" in one that spans two', () => {
    expect(dateWithin(d('2026-02-03'), { from: d('2026-01-05'), to: d('2026-04-05') })).toBe('3 Feb');
    expect(dateWithin(d('2026-02-03'), { from: d('2025-11-10'), to: d('2026-02-08') })).toBe('3 Feb 2026');
  });
});

describe('C1, R1: the minutes chart says whose minutes it counts', () => {
  it('walks and stretching: "minutes of any activity", the review\'s words, not bare minutes a reader takes for the aerobic aim', () => {
    // Seen: status said "43.5 of 150 aerobic minutes" for a week the report charted as 54.5
    // "done minutes" (walks and stretching): the same week, two numbers, one of them unnamed.
    const stretch = { activity: 'stretching', unit: 'min' as const, category: 'mobility' as const };
    const page = reportPage(report([...weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10))), ...weeksOf(stretch, MON, ...Array.from({ length: 12 }, () => times(2, 5)))]));
    expect(page.charts[0]!.title).toBe('Planned and done minutes of any activity, by week');
    expect(page.figures.head.slice(1, 3)).toEqual(['Planned minutes (any activity)', 'Done minutes (any activity)']);
  });

  it('reps alone keep their own words', () => {
    const sts = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };
    const page = reportPage(report(weeksOf(sts, MON, ...Array.from({ length: 12 }, () => times(3, 8)))));
    expect(page.charts[0]!.title).toBe('Planned and done repetitions by week');
  });
});

describe('C1/R1: progress in reps is on the page', () => {
  it('sit-to-stand from 5 to 10 reps a session is in the period box beside the minutes chart, with the review\'s verdict', () => {
    // Seen: a walker's report charted minutes only, and "what has changed" cut the reps to "and 4 more":
    // the clinic saw nothing of a sit-to-stand that had doubled.
    const sts = { activity: 'sit-to-stand', unit: 'reps' as const, category: 'strength' as const };
    const walk = weeks(MON, ...Array.from({ length: 12 }, () => times(3, 10)));
    const reps = weeksOf(sts, MON, times(3, 5), times(3, 5), ...Array.from({ length: 6 }, () => times(3, 7)), ...Array.from({ length: 4 }, () => times(3, 10)));
    expect(reportPage(report([...walk, ...reps])).summary).toContainEqual(['sit-to-stand, reps a session', '5 to 10 (better)']);
  });
});
