// Makes docs/report-example.png, the README's picture of a clinic report, with the built CLI
// (npm run build first) and poppler's pdftoppm: `node scripts/report-example.mjs`. A made-up
// person's twelve weeks, logged day by day as the plan asks: walks on Monday, Wednesday and
// Friday, sit-to-stand from week 5, a flare in week 7, a weekly check-in, three goals re-rated,
// and a swollen joint the day before the report, which puts the plan on hold.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'pace-example-'));
const START = '2026-01-26';
const MADE = '2026-04-23';

const day = (from, n) => new Date(Date.parse(`${from}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monday = (week) => day(START, 7 * (week - 1));

function pace(today, ...args) {
  const env = { PATH: process.env.PATH, HOME: home, PACE_DB: join(home, 'pace.db'), PACE_TODAY: today, TZ: 'America/Chicago', NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [join(root, 'bin', 'pace.js'), ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pace ${args.join(' ')} on ${today}: ${r.stderr.trim()}`);
  return r.stdout;
}

const quotaOf = (week, activity, fallback) => {
  const plan = JSON.parse(pace(monday(week), 'plan', '--week', monday(week), '--json'));
  return plan.activities.find((a) => a.activity === activity)?.quota ?? fallback;
};

try {
  pace(START, 'init', '--start', START, '--pem', 'no', '--time', '08:00');
  pace(START, 'goal', 'add', 'climb the stairs to my flat without stopping', '--rating', '3');
  pace(START, 'goal', 'add', 'sit on the floor and get up', '--rating', '2');
  pace(START, 'goal', 'add', 'carry the shopping home from the corner shop', '--rating', '4');
  for (let week = 1; week <= 13; week++) {
    const m = monday(week);
    const before = Math.max(3, 5 - Math.floor(week / 4));
    const walk = week <= 2 ? 15 : quotaOf(week, 'walk', 15);
    for (const d of [0, 2, 4]) {
      const date = day(m, d);
      if (date >= MADE) break;
      // Week 7: a good Wednesday, twice the walk, and a flare that evening.
      const flare = week === 7 && d === 2;
      pace(date, 'log', 'walk', String(flare ? walk * 2 : walk), '--date', date, '--pain-before', String(before), '--pain-after', String(flare ? before + 4 : before + 1), ...(flare ? ['--flare'] : []));
      if (date === START) pace(START, 'schedule', 'walk', 'mon,wed,fri', '--at', '07:30');
    }
    if (week >= 5) {
      const reps = week <= 6 ? 6 : quotaOf(week, 'sit-to-stand', 6);
      for (const d of [1, 3]) if (day(m, d) < MADE) pace(day(m, d), 'log', 'sit-to-stand', `${reps}reps`, '--date', day(m, d), '--category', 'strength', '--pain-before', String(before), '--pain-after', String(before));
    }
    const sunday = day(m, 6);
    if (sunday < MADE) {
      const peg = week <= 6 ? ['7', '6', '7'] : week <= 9 ? ['5', '5', '5'] : ['4', '4', '5'];
      pace(sunday, 'checkin', '--pain', peg[0], '--enjoyment', peg[1], '--general', peg[2]);
      if (week === 8) for (const [id, r] of [['1', '5'], ['2', '3'], ['3', '5']]) pace(sunday, 'goal', 'rate', id, r);
      if (week === 12) for (const [id, r] of [['1', '7'], ['2', '4'], ['3', '6']]) pace(sunday, 'goal', 'rate', id, r);
    }
  }
  pace(day(MADE, -1), 'triage', '--symptom', 'joint-swelling');
  const pdf = join(home, 'report.pdf');
  pace(MADE, 'report', '--out', pdf, '--paper', 'a4');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, join(root, 'docs', 'report-example')]);
  console.log('wrote docs/report-example.png');
} finally {
  rmSync(home, { recursive: true, force: true });
}
