import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Seen: Jo's nightly "pace backup ~/backups/pace.db" worked once, then failed every night with
// "already exists ... choose a new name", a line no one reads in a cron job's mail.
describe('backup to a name that exists says how a daily script names its copies', () => {
  it('the second line gives a dated name', () => {
    const pace = answeredPace();
    pace.run(['log', 'walk', '10']);
    const dest = join(pace.home, 'pace-copy.db');
    expect(pace.run(['backup', dest]).status).toBe(0);
    const r = pace.run(['backup', dest]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/already exists; pace backup never overwrites a file, so choose a new name\./);
    expect(lines[1]).toBe('  In a script run each day, put the date in the name: pace backup "pace-$(date +%F).db"');
  });
});
