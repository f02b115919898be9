import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh folder under the system temp dir; remove them all with removeTempDirs() in afterAll. */
export function tempDir(prefix = 'pace-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The file's SHA-256, or null when it does not exist: proves a file was left byte-for-byte alone. */
export function fileHash(path: string): string | null {
  if (!existsSync(path)) return null;
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Permission bits of a file or folder, e.g. 0o600. */
export function modeOf(stat: { mode: number }): number {
  return stat.mode & 0o777;
}
