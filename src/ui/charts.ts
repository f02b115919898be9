// Small terminal charts: people should see the trend at a glance, not read it (status).

const TICKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A sparkline over a fixed scale (0..max); a missing value is a gap. */
export function sparkline(values: readonly (number | null)[], max: number): string {
  return values
    .map((v) => (v === null ? ' ' : TICKS[Math.round((Math.max(0, Math.min(v, max)) / max) * (TICKS.length - 1))]))
    .join('');
}

/** A horizontal bar of `width` cells showing value out of max. */
export function bar(value: number, max: number, width: number): string {
  const n = max > 0 ? Math.round((Math.min(value, max) / max) * width) : 0;
  return '█'.repeat(n) + '░'.repeat(width - n);
}
