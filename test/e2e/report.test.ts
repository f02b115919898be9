import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredPace, lines, stackLines, type TempPace } from '../helpers/pace.js';
import { flare, importRows, sundayOf, walks, addDays, mondayOf } from '../helpers/history.js';
import { A4, LETTER, readPdf } from '../helpers/pdf.js';
import { BIG_TODAY, bigHistoryPace } from '../helpers/bigHistory.js';
import { modeOf, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// As a new user would (issue 14's "done when"): sixteen weeks with goals, weekly check-ins, a
// flare and an open hold, then `pace report`.
const START = '2026-01-05';
const TODAY = addDays(mondayOf(START, 16), 3); // Thursday of program week 16
const HOLD_DAY = addDays(mondayOf(START, 15), 2);

function sixteenWeeks(pace: TempPace): void {
  expect(pace.run(['init', '--start', START, '--pem', 'no'], { PACE_TODAY: START }).status).toBe(0);
  expect(pace.run(['goal', 'add', 'climb the stairs to my flat without stopping', '--rating', '3'], { PACE_TODAY: START }).status).toBe(0);
  expect(pace.run(['goal', 'add', 'sit on the floor and get up', '--rating', '2'], { PACE_TODAY: START }).status).toBe(0);
  const perWeek = Array.from({ length: 15 }, (_, w) => (w === 9 ? [10 + w, flare(10 + w), 10 + w] : Array.from({ length: w < 2 ? 3 : 4 }, () => 10 + w)));
  importRows(pace, walks(START, ...perWeek), sundayOf(START, 15));
  for (let w = 1; w <= 14; w++) {
    const answers = w <= 7 ? ['6', '7', '7'] : ['5', '4', '4'];
    expect(pace.run(['checkin', '--pain', answers[0]!, '--enjoyment', answers[1]!, '--general', answers[2]!], { PACE_TODAY: sundayOf(START, w) }).status).toBe(0);
  }
  expect(pace.run(['goal', 'rate', '1', '7'], { PACE_TODAY: sundayOf(START, 14) }).status).toBe(0);
  expect(pace.run(['goal', 'rate', '2', '3'], { PACE_TODAY: sundayOf(START, 14) }).status).toBe(0);
  expect(pace.run(['triage', '--symptom', 'joint-swelling'], { PACE_TODAY: HOLD_DAY }).status).toBe(0);
}

const pdfsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.pdf') || f.endsWith('.html') || f.endsWith('.tmp'));

describe('pace report after sixteen weeks with goals, check-ins, a flare and an open hold', () => {
  let pace: TempPace;
  beforeAll(() => {
    pace = answeredPace();
    sixteenWeeks(pace);
  });

  it('C1: writes pace-report-<today>.pdf here, prints its path, one A4 page of real text with the hold first', async () => {
    const r = pace.run(['report'], { PACE_TODAY: TODAY, LANG: 'en_GB.UTF-8', LC_ALL: undefined, LC_PAPER: undefined });
    expect(r.status, r.stderr).toBe(0);
    const file = join(pace.home, `pace-report-${TODAY}.pdf`);
    expect(lines(r.stdout)).toEqual([file]);
    expect(modeOf(statSync(file))).toBe(0o600);
    const pdf = await readPdf(file);
    expect(pdf.pages).toBe(1);
    expect(pdf.sizes[0]).toEqual(A4);
    const text = pdf.text[0]!;
    // The period (C2: twelve weeks by default), the header, the hold with its date and symptom.
    expect(text).toContain('2 Feb 2026 to 23 Apr 2026 (12 weeks; the last one is in progress)');
    expect(text).toContain('Program week 16, phase 4');
    expect(text).toMatch(/PLAN ON HOLD since 15 Apr 2026/);
    expect(text).toContain('a joint that is clearly swollen');
    expect(text.indexOf('PLAN ON HOLD')).toBeLessThan(text.indexOf('What has changed'));
    // R1 in the review's words, the goals with their ratings, the flare, the figures.
    expect(text).toMatch(/minutes of any activity a week/);
    // R1: the weeks compared, weeks 1-2 lying before this twelve-week period.
    expect(text).toMatch(/Compared: program weeks 1-2 \(5 Jan to 18 Jan 2026\) with the last 4 weeks that are over \(23 Mar to 19 Apr 2026\)/);
    // M2, C1: the latest rating with its day.
    expect(text).toMatch(/climb the stairs to my flat without stopping 3 7 \(12 Apr\) \+4 better/);
    expect(text).toMatch(/sit on the floor and get up 2 3 \(12 Apr\) \+1 about the same/);
    expect(text).toMatch(/Flare walk: marked as a flare/);
    expect(text).toMatch(/Assess a joint that is clearly swollen/);
    expect(text).toMatch(/Sessions 43 /);
    expect(text).toMatch(/Function score 5\.0 of 10, change \+2\.5 \(better\)/);
    expect(text).toMatch(/not a medical device/);
    expect(text).toMatch(/on the person's own computer/);
    expect(text).not.toContain('Notes (shared');
    // E3: this journal has no notes, so there is nothing to say was left out.
    expect(r.stderr).toBe('');
  });

  it('C1: --paper letter, or a US locale, gives a Letter page', async () => {
    for (const [args, env] of [[['--paper', 'letter'], { LANG: 'en_GB.UTF-8' }], [[], { LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_PAPER: undefined }]] as const) {
      const out = join(pace.home, 'letter.pdf');
      expect(pace.run(['report', '--out', out, ...args], { PACE_TODAY: TODAY, ...env }).status).toBe(0);
      const pdf = await readPdf(out);
      expect([pdf.pages, pdf.sizes[0]]).toEqual([1, LETTER]);
    }
  });

  it('--out - writes the PDF to stdout and nothing else there', async () => {
    const r = pace.run(['report', '--out', '-', '--format', 'pdf'], { PACE_TODAY: TODAY });
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('%PDF-')).toBe(true);
  });

  it('C3: --out visit.html is one file with inline CSS and SVG: no scripts, nothing fetched', () => {
    const out = join(pace.home, 'visit.html');
    const r = pace.run(['report', '--out', out], { PACE_TODAY: TODAY });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('PLAN ON HOLD');
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('C3, E3: notes appear only with --include-notes', async () => {
    expect(pace.run(['log', 'walk', '20', '--pain-before', '3', '--pain-after', '3', '--note', 'left knee a little stiff on the stairs', '--no-input'], { PACE_TODAY: TODAY }).status).toBe(0);
    const without = join(pace.home, 'without.pdf');
    const withNotes = join(pace.home, 'with.pdf');
    expect(pace.run(['report', '--out', without], { PACE_TODAY: TODAY }).status).toBe(0);
    expect(pace.run(['report', '--out', withNotes, '--include-notes'], { PACE_TODAY: TODAY }).status).toBe(0);
    expect((await readPdf(without)).text[0]).not.toContain('knee a little stiff');
    expect((await readPdf(withNotes)).text[0]).toContain('walk: left knee a little stiff on the stairs');
  });

  it('C1: a period with nothing in it gives a page that says so', async () => {
    const out = join(pace.home, 'empty.pdf');
    const r = pace.run(['report', '--out', out, '--from', '2025-03-03', '--to', '2025-03-30'], { PACE_TODAY: TODAY });
    expect(r.status, r.stderr).toBe(0);
    const pdf = await readPdf(out);
    expect(pdf.pages).toBe(1);
    expect(pdf.text[0]).toContain('Nothing was recorded between 3 Mar 2025 and 30 Mar 2025');
  });
});

describe('C1, R1: planned sessions done, on the Monday after four weeks at the quota', () => {
  it('the report counts the weeks that are over, as the review does: 100%, not 75%', () => {
    // Seen: "Planned sessions done 75%" (week 5, just begun, at 0%) while review said 100.
    const pace = answeredPace();
    const start = '2025-01-06';
    expect(pace.run(['init', '--start', start], { PACE_TODAY: start }).status).toBe(0);
    importRows(pace, walks(start, [10, 10, 10], [10, 10, 10], [12, 12, 12], [13, 13, 13]), sundayOf(start, 4));
    const monday = mondayOf(start, 5);
    const out = join(pace.home, 'visit.html');
    expect(pace.run(['report', '--out', out], { PACE_TODAY: monday }).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<th scope="row">Planned sessions done (mean of weeks)</th><td class="n">100%</td>');
    const review = JSON.parse(pace.run(['review', '--json'], { PACE_TODAY: monday }).stdout) as { measures: { name: string; now: number }[] };
    expect(review.measures.find((m) => m.name === 'adherence_pct')!.now).toBe(100);
  });
});

describe('C2: a program younger than 12 weeks', () => {
  it('C2: the report starts with program week 1, not ten empty weeks before it; --from still reaches back', () => {
    // Seen: a journal begun on Mon 23 Nov 2026 reported "14 Sep 2026 to 3 Dec 2026 (12 weeks)".
    const pace = answeredPace();
    const start = '2026-11-23';
    importRows(pace, walks(start, [10, 10, 10], [10, 10]), '2026-12-03');
    const out = join(pace.home, 'young.html');
    expect(pace.run(['report', '--out', out], { PACE_TODAY: '2026-12-03' }).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('23 Nov 2026 to 3 Dec 2026 (2 weeks; the last one is in progress)');
    expect(pace.run(['report', '--out', out, '--from', '2026-11-01'], { PACE_TODAY: '2026-12-03' }).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('1 Nov 2026 to 3 Dec 2026');
  });
});

describe('C1, T3: a pause open at the end of a past period, cleared before the report was made', () => {
  it('says the plan was paused at the period\'s end, not that it is paused now', () => {
    // Seen: a report for 5 Jan - 25 Jan made on 8 Feb, after the clearance of 29 Jan, read
    // "PLAN PAUSED since 21 Jan 2026 ... pace gives no quotas until a clinician has seen the
    // person": a clinician took the person for one still waiting to be cleared.
    const pace = answeredPace();
    importRows(pace, walks(START, [10, 10, 10], [10, 10, 10], [10]), '2026-01-20');
    expect(pace.run(['triage', '--symptom', 'dizziness'], { PACE_TODAY: '2026-01-21' }).status).toBe(0);
    const out = join(pace.home, 'past.html');
    // Made on the period's last day, before the clearance, the pause is now, in the present tense.
    const now = pace.run(['report', '--out', out, '--to', '2026-01-25'], { PACE_TODAY: '2026-01-25' });
    expect(now.status, now.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/<strong>PLAN PAUSED since 21 Jan 2026: a stop symptom was recorded<\/strong><p>[^<]*gives no quotas until/);
    expect(pace.run(['triage', '--cleared'], { PACE_TODAY: '2026-01-29' }).status).toBe(0);
    const r = pace.run(['report', '--out', out, '--to', '2026-01-25'], { PACE_TODAY: '2026-02-08' });
    expect(r.status, r.stderr).toBe(0);
    const hold = /<section class="hold stop"><strong>([^<]*)<\/strong><p>([^<]*)<\/p>/.exec(readFileSync(out, 'utf8'));
    expect(hold).not.toBeNull();
    expect(hold![1]).toMatch(/^At the end of this period \(25 Jan 2026\): PLAN PAUSED since 21 Jan 2026/);
    expect(hold![2]).not.toMatch(/gives no quotas until/);
    expect(hold![2]).toMatch(/after 25 Jan 2026, a clearance included, is not in this report/);
  });
});

describe('pace report refuses bad input and leaves nothing half-written', () => {
  let pace: TempPace;
  beforeAll(() => {
    pace = answeredPace();
    expect(pace.run(['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4', '--no-input'], { PACE_TODAY: START }).status).toBe(0);
  });

  it.each([
    [['--from', '2026-03-01', '--to', '2026-02-01'], 2, /--from 2026-03-01 is after --to 2026-02-01/],
    [['--from', '2099-01-05'], 2, /--from 2099-01-05 is after the period's end, Mon 5 Jan 2026\./],
    [['--format', 'docx'], 2, /--format.*docx.*(pdf|choices)/i],
    [['--paper', 'a5'], 2, /--paper/],
    [['--from', '2026-02-30'], 2, /--from/],
    [['--out', 'no/such/folder/visit.pdf'], 2, /does not exist/],
    [['--out', '.'], 2, /is a folder|folder/],
  ])('%j exits %d with a plain message', (args, code, message) => {
    const before = pdfsIn(pace.home);
    const r = pace.run(['report', ...args], { PACE_TODAY: START });
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stdout).toBe('');
    expect(pdfsIn(pace.home)).toEqual(before);
  });

  it('never writes over the journal', () => {
    const r = pace.run(['report', '--out', pace.db], { PACE_TODAY: START });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/journal itself/);
  });

  it('an --out in a folder it may not write to exits 1, leaving nothing there', () => {
    // As root a folder's mode is no obstacle, but sysfs refuses to create files even for root.
    const dir = join(pace.home, 'locked');
    mkdirSync(dir);
    const root = process.getuid?.() === 0;
    if (!root) chmodSync(dir, 0o500);
    const locked = root ? '/sys/pace-report.pdf' : join(dir, 'visit.pdf');
    const r = pace.run(['report', '--out', locked], { PACE_TODAY: START });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*permission denied/);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(existsSync(locked)).toBe(false);
    if (!root) expect(readdirSync(dir)).toEqual([]);
  });
});

describe('C1: one page whatever the history', () => {
  let pace: TempPace;
  beforeAll(() => {
    pace = bigHistoryPace();
  }, 120_000);

  it.each(['a4', 'letter'] as const)('three years, five long goals, many flares, holds and notes: one %s page, lists cut with "and N more"', async (paper) => {
    const out = join(pace.home, `big-${paper}.pdf`);
    const r = pace.run(['report', '--out', out, '--paper', paper, '--include-notes', '--from', '2024-01-01'], { PACE_TODAY: BIG_TODAY });
    expect(r.status, r.stderr).toBe(0);
    const pdf = await readPdf(out);
    expect(pdf.pages).toBe(1);
    expect(pdf.sizes[0]).toEqual(paper === 'a4' ? A4 : LETTER);
    const text = pdf.text[0]!;
    expect(text).toMatch(/PLAN ON HOLD since 23 Dec 2026/);
    expect(text).toMatch(/and \d+ more, earlier/);
    expect(text).toContain('Notes (shared by the person)');
    expect(text).toContain('…');
    expect(text).toContain('not a medical device');
  });
});

describe('C1: the paper set once with pace init --paper', () => {
  it('gives Letter whatever the locale; report --paper still wins; auto goes back to the locale', async () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'walk', '10', '--pain-before', '3', '--pain-after', '3']).status).toBe(0);
    const british = { LANG: 'en_GB.UTF-8', LC_ALL: undefined, LC_PAPER: undefined };
    const sizeOf = async (args: string[]) => {
      const out = join(pace.home, 'paper.pdf');
      const r = pace.run(['report', '--out', out, ...args], british);
      expect(r.status, r.stderr).toBe(0);
      return (await readPdf(out)).sizes[0];
    };
    expect(await sizeOf([])).toEqual(A4);
    const set = pace.run(['init', '--paper', 'letter'], british);
    expect(set.status).toBe(0);
    expect(set.stdout).toMatch(/^Clinic report paper: US Letter$/m);
    expect(await sizeOf([])).toEqual(LETTER);
    expect(await sizeOf(['--paper', 'A4'])).toEqual(A4);
    expect(await sizeOf(['--paper', 'auto'])).toEqual(A4);
    const auto = pace.run(['init', '--paper', 'auto'], british);
    expect(auto.status).toBe(0);
    expect(auto.stdout).toMatch(/^Clinic report paper: A4 \(from your locale; pace init --paper a4\|letter chooses one\)$/m);
    expect(await sizeOf([])).toEqual(A4);
  });

  it('the setting wins over the locale the other way too: A4 in a US locale', async () => {
    const pace = answeredPace();
    const american = { LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_PAPER: undefined };
    expect(pace.run(['init', '--paper', 'a4'], american).status).toBe(0);
    const out = join(pace.home, 'a4.pdf');
    expect(pace.run(['report', '--out', out], american).status).toBe(0);
    expect((await readPdf(out)).sizes[0]).toEqual(A4);
  });

  it('a size it does not know is refused in one line, exit 2, and the journal keeps its paper', () => {
    const pace = answeredPace();
    expect(pace.run(['init', '--paper', 'letter']).status).toBe(0);
    for (const command of [['init', '--paper', 'a5'], ['report', '--paper', 'a5', '--out', 'x.pdf']]) {
      const r = pace.run(command);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('pace: --paper "a5" is not a paper size pace knows.\n  Give a4, letter, or auto for the one your locale uses.\n');
    }
    expect(existsSync(join(pace.home, 'x.pdf'))).toBe(false);
    expect(JSON.parse(pace.run(['init', '--json']).stdout)).toMatchObject({ paper: 'letter', report_paper: 'letter' });
  });
});
