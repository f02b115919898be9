import { lstatSync, mkdirSync, readlinkSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalError } from './errors.js';

const FIX = 'Point --db or PACE_DB at a file in a folder you can write to.';

/**
 * Makes the journal's folder and any missing folders above it, each 0700, one level at a time.
 * Not `mkdirSync(..., { recursive: true })`: Node's own walk never ends under /proc, where mkdir
 * answers ENOENT although the parent exists, and its errors name neither the folder at fault nor
 * a fix.
 */
export function makeJournalFolder(dir: string): void {
  const kind = whatIsAt(dir);
  if (kind === 'folder') return;
  if (kind === 'file') throw new JournalError(`${dir} is a file, not a folder, so the journal cannot go in it.`, FIX);
  if (kind === 'dangling') throw new JournalError(`${dir} is a link to ${readlinkSync(dir)}, which does not exist (a disk not mounted?).`, FIX);
  const parent = dirname(dir);
  if (parent !== dir) makeJournalFolder(parent);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST' && whatIsAt(dir) === 'folder') return; // another pace made it just now
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'the file system is read-only' : code === 'ENOSPC' ? 'the disk is full' : 'no folder can be made there';
    throw new JournalError(`cannot make the folder ${dir} for the journal: ${why}.`, FIX);
  }
}

/**
 * The journal named by a link whose target does not exist (a disk not mounted, a synced folder not
 * there yet), or lying in a folder that is such a link, is refused, for reads as for writes: a read
 * would see an empty journal ("nothing logged yet", an empty export written over a good one) and a
 * write would start a new journal wherever the link points, under the mount point.
 */
export function refuseDanglingLink(path: string): void {
  const problem = danglingProblem(path);
  if (problem === null) return;
  throw new JournalError(`${problem}; nothing was read or written.`, 'Mount the disk the journal is on, or point --db or PACE_DB at the journal itself.');
}

/**
 * "<link> is a link to <target>, which does not exist (a disk not mounted?)" for the link to
 * nothing on the way to a journal that does not exist (the file itself, called `pathCalled`, or the
 * nearest folder above it that is not there); null when there is none.
 */
export function danglingProblem(path: string, pathCalled = path): string | null {
  for (let p = path; ; p = dirname(p)) {
    const kind = whatIsAt(p);
    if (kind === 'dangling') return `${p === path ? pathCalled : p} is a link to ${readlinkSync(p)}, which does not exist (a disk not mounted?)`;
    if (kind !== 'none' || dirname(p) === p) return null;
  }
}

function whatIsAt(path: string): 'folder' | 'file' | 'dangling' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    try {
      return lstatSync(path).isSymbolicLink() ? 'dangling' : 'none';
    } catch {
      return 'none';
    }
  }
}
