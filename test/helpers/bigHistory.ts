import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from './history.js';
import { answeredPace, type TempPace } from './pace.js';

// The page's worst case (C1: one page whatever the history): three years of near-daily sessions
// in three activities, a flare every week or so, a dozen holds and clearances, five goals of the
// longest length with many ratings, and long notes on many sessions.

export const BIG_START = '2024-01-01';
export const BIG_TODAY = '2026-12-30';

const LONG = 'walk to the bakery at the end of the road and back with the shopping bag, then up the stairs to the flat without a stop';

export function bigHistoryPace(): TempPace {
  const pace = answeredPace();
  const at = (today: string, args: string[]) => {
    const r = pace.run(args, { PACE_TODAY: today });
    if (r.status !== 0) throw new Error(`pace ${args.join(' ')} failed: ${r.stderr}`);
  };
  at(BIG_START, ['init', '--start', BIG_START, '--pem', 'no']);
  for (let g = 1; g <= 5; g++) at(BIG_START, ['goal', 'add', `${g}. ${LONG}`.slice(0, 120), '--rating', String(g)]);
  const rows = ['date,activity,category,dose,unit,pain_before,pain_after,flare,symptoms,note'];
  for (let day = 0; addDays(BIG_START, day) < BIG_TODAY; day++) {
    const date = addDays(BIG_START, day);
    if (day % 7 === 6) continue;
    const activity = ['walk', 'cycle', 'squats'][day % 3]!;
    const unit = activity === 'squats' ? 'reps' : 'min';
    const category = activity === 'squats' ? 'strength' : 'aerobic';
    const flare = day % 9 === 0 ? 'yes' : 'no';
    const note = day % 4 === 0 ? `"day ${day}: ${LONG}, ${LONG}"` : '';
    rows.push([date, activity, category, 10 + (day % 20), unit, 3 + (day % 3), 4 + (day % 4), flare, day % 13 === 0 ? 'pain-worsening' : '', note].join(','));
  }
  const csv = join(pace.home, 'big.csv');
  writeFileSync(csv, `${rows.join('\n')}\n`);
  at(BIG_TODAY, ['import', csv]);
  for (let w = 0; w < 12; w++) {
    const day = addDays(BIG_TODAY, -7 * (12 - w));
    at(day, ['triage', '--symptom', w % 3 === 0 ? 'dizziness' : 'pain-worsening']);
    if (w < 11) at(addDays(day, 2), ['triage', '--cleared']);
    at(addDays(day, 3), ['checkin', '--pain', '5', '--enjoyment', '4', '--general', String(w % 10)]);
    for (let g = 1; g <= 5; g++) at(addDays(day, 3), ['goal', 'rate', String(g), String((g + w) % 11)]);
  }
  return pace;
}
