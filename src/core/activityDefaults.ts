import type { Category, Unit } from './types.js';

// What a new activity most likely is, so that `pace log walk 10` needs no more flags.
// The person can always say otherwise with --unit and --category on first use.
const KNOWN: Record<string, { category: Category; unit?: Unit }> = {
  walk: { category: 'aerobic' },
  walking: { category: 'aerobic' },
  bike: { category: 'aerobic' },
  cycle: { category: 'aerobic' },
  cycling: { category: 'aerobic' },
  swim: { category: 'aerobic' },
  swimming: { category: 'aerobic' },
  'aqua-aerobics': { category: 'aerobic' },
  dance: { category: 'aerobic' },
  run: { category: 'aerobic' },
  jog: { category: 'aerobic' },
  elliptical: { category: 'aerobic' },
  stretching: { category: 'mobility' },
  stretch: { category: 'mobility' },
  mobility: { category: 'mobility' },
  yoga: { category: 'mind-body' },
  'tai-chi': { category: 'mind-body' },
  'tai chi': { category: 'mind-body' },
  pilates: { category: 'mind-body' },
  'sit-to-stand': { category: 'strength', unit: 'reps' },
  squat: { category: 'strength', unit: 'reps' },
  squats: { category: 'strength', unit: 'reps' },
  'wall-push-up': { category: 'strength', unit: 'reps' },
  'step-up': { category: 'strength', unit: 'reps' },
  'step-ups': { category: 'strength', unit: 'reps' },
  bridge: { category: 'strength', unit: 'reps' },
  'push-up': { category: 'strength', unit: 'reps' },
  'heel-raise': { category: 'strength', unit: 'reps' },
  'calf-raise': { category: 'strength', unit: 'reps' },
  lunge: { category: 'strength', unit: 'reps' },
};

export function guessActivity(name: string): { category: Category; unit: Unit } {
  // People count strength in the plural ("10 wall-push-ups", "bridges"): a plural of a known name is it.
  const known = KNOWN[name] ?? (name.endsWith('s') ? KNOWN[name.slice(0, -1)] : undefined);
  return { category: known?.category ?? 'other', unit: known?.unit ?? 'min' };
}
