// A run killed outright (kill -9, a power cut) hears no signal, so the hidden file it was building
// stays beside the name it was for: for a backup, a copy of the whole journal, notes included.
// The next export or backup to that name, once its own file is in place, removes it.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempPace } from '../helpers/pace.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

// Linux's pid_max is at most 4194304 (2^22): no process can have this id.
const GONE = 4194999;

describe('what a run killed outright left behind', () => {
  it('goes when the next export or backup to the same name is in place; other files stay', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['log', 'walk', '10', '--note', 'private']).status).toBe(0);
    const out = tempDir();
    const left = [`.visit.csv.${GONE}.tmp`, `.copy.db.${GONE}.tmp`, `.copy.db.${GONE}.tmp-journal`];
    for (const name of [...left, '.other.csv.4194999.tmp']) writeFileSync(join(out, name), 'half', { mode: 0o600 });

    expect(pace.run(['export', '--out', join(out, 'visit.csv')])).toMatchObject({ status: 0 });
    expect(existsSync(join(out, left[0]!))).toBe(false);
    expect(pace.run(['backup', join(out, 'copy.db')])).toMatchObject({ status: 0 });
    expect(readdirSync(out).sort()).toEqual(['.other.csv.4194999.tmp', 'copy.db', 'visit.csv']);
  });
});
