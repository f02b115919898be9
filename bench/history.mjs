// Generates a plausible pacing history as a session CSV in `pace export`'s column layout.
// Deterministic (seeded), so every bench run measures the same journal.

const ACTIVITIES = [
  { name: 'walk', category: 'aerobic', unit: 'min', dose: (d) => 5 + Math.min(25, Math.floor(d / 40)) },
  { name: 'stretching', category: 'mobility', unit: 'min', dose: () => 10 },
  { name: 'sit-to-stand', category: 'strength', unit: 'reps', dose: (d) => 5 + Math.min(15, Math.floor(d / 60)) },
];

const COLUMNS = 'date,activity,category,dose,unit,pain_before,pain_after,effort,flare,symptoms';

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(epochDay) {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `sessions` rows, `perDay` a day, ending on the day before `today` (YYYY-MM-DD). Pain drifts
 * slowly between 2 and 7, rises a little after effort, and flares now and then.
 */
export function historyCsv({ sessions, perDay = 2, today = '2026-11-21', seed = 7 }) {
  const rnd = random(seed);
  const days = Math.ceil(sessions / perDay);
  const last = Math.floor(Date.parse(`${today}T00:00:00Z`) / 86_400_000) - 1;
  const first = last - days + 1;
  const lines = [COLUMNS];
  let level = 4;
  let written = 0;
  for (let d = 0; d < days && written < sessions; d++) {
    level = Math.max(2, Math.min(7, level + (rnd() < 0.1 ? (rnd() < 0.5 ? -1 : 1) : 0)));
    const flareDay = rnd() < 0.02;
    for (let k = 0; k < perDay && written < sessions; k++, written++) {
      const a = k === 0 ? ACTIVITIES[0] : ACTIVITIES[1 + ((d + k) % 2)];
      const before = Math.min(10, level + (flareDay ? 2 : 0));
      const after = Math.max(0, Math.min(10, before + [-1, 0, 0, 1, 1, 2][Math.floor(rnd() * 6)]));
      const effort = 2 + Math.floor(rnd() * 6);
      const symptoms = after - before >= 2 ? 'mild-pain-increase' : rnd() < 0.05 ? 'muscle-fatigue' : '';
      lines.push(`${isoDay(first + d)},${a.name},${a.category},${a.dose(d)},${a.unit},${before},${after},${effort},${flareDay ? 'yes' : 'no'},${symptoms}`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
