import { join } from 'node:path';
import { ensureActivity } from '../../src/store/activities.js';
import { openJournal, write } from '../../src/store/open.js';
import { tempDir } from './tmp.js';

/** A journal file in a new temporary folder holding one activity (walk), closed again: its path. */
export function journalWithWalk(): string {
  const path = join(tempDir(), 'pace.db');
  const j = openJournal(path, { write: true });
  write(j.db, () => ensureActivity(j.db, { name: 'walk', unit: 'min', category: 'aerobic' }));
  j.close();
  return path;
}
