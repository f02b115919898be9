import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Seen: a walk from four days ago, logged late with pain 4 -> 8, was told "On a flare day, do less
// rather than nothing: walk 5 min" and "If the pain has not settled by tomorrow", while status the
// same moment gave no flare-day dose (that flare is history, F3): a dose for today from a day long
// gone, and a "tomorrow" already past.
describe('F3: a flare logged days later gives no flare-day dose for today', () => {
  const TODAY = '2026-11-21';
  const OLD = '2026-11-17';

  it('log --date four days back names the flare, gives no dose, and asks after the pain without a "tomorrow"', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'walk', '10', '--date', '2026-11-16'], { PACE_TODAY: TODAY }).status).toBe(0);
    const r = pace.run(['log', 'walk', '10', '--date', OLD, '--pain-before', '4', '--pain-after', '8'], { PACE_TODAY: TODAY });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/This counts as a flare: pain rose from 4 to 8\./);
    expect(r.stdout).not.toMatch(/On a flare day/);
    expect(r.stdout).not.toMatch(/tomorrow/);
    expect(r.stdout).toMatch(/^If the pain from that day has not settled since, or it worries you, talk to your physiotherapist or doctor\.$/m);
    const json = JSON.parse(pace.run(['log', 'bike', '10', '--date', OLD, '--flare', '--json'], { PACE_TODAY: TODAY }).stdout) as { response: { flare_day: unknown } };
    expect(json.response.flare_day).toBeNull();
    const status = JSON.parse(pace.run(['status', '--json'], { PACE_TODAY: TODAY }).stdout) as Record<string, unknown>;
    expect(status.flare_day ?? null).toBeNull();
  });

  it('yesterday is still the flare day: the dose and the next-day words stay', () => {
    const pace = answeredPace();
    const r = pace.run(['log', 'walk', '10', '--date', '2026-11-20', '--pain-before', '4', '--pain-after', '8'], { PACE_TODAY: TODAY });
    expect(r.stdout).toMatch(/On a flare day, do less rather than nothing: walk 5 min/);
    expect(r.stdout).toMatch(/If the pain has not settled by tomorrow/);
  });

  it('edit that makes an old session a flare says the same as log', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'walk', '10', '--date', OLD, '--pain-before', '4', '--pain-after', '5'], { PACE_TODAY: TODAY }).status).toBe(0);
    const r = pace.run(['edit', '1', '--pain-after', '9'], { PACE_TODAY: TODAY });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/This counts as a flare: pain rose from 4 to 9\./);
    expect(r.stdout).not.toMatch(/On a flare day|tomorrow/);
  });
});
