import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';

/**
 * Files being built beside their final name (an export, a report, a backup). A run ended by
 * Ctrl-C, a closed terminal or a kill would leave them behind, hidden by their leading dot: for a
 * backup, a copy of the whole journal, notes included. While any is held, those signals remove
 * them, then end the run by the same signal, as it would have ended: a shell sees 130 for Ctrl-C,
 * and a loop of commands stops at it.
 */
const held = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGHUP', 'SIGTERM'];

function onSignal(signal: NodeJS.Signals): void {
  for (const file of held) removeQuietly(file);
  held.clear();
  for (const s of SIGNALS) process.off(s, onSignal);
  process.kill(process.pid, signal);
}

/** Holds `files` until the returned function is called (once they are renamed or removed). */
export function holdTempFiles(files: readonly string[]): () => void {
  if (held.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  for (const f of files) held.add(f);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const f of files) held.delete(f);
    if (held.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
  };
}

/**
 * Lets a signal that came while the run was busy be handled before a file is put in place:
 * a long export runs without yielding, so its Ctrl-C would otherwise be heard only after it.
 */
export function heedSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // not there
  }
}

/**
 * The name a run builds `dest` under, beside it and hidden (`.visit.pdf.1234.tmp`). Beside the
 * name as the system reads it: path.join would take `link/..` by its letters, another folder.
 */
export function tempNameOf(dest: string, pid = process.pid): string {
  return `${dirname(dest)}${sep}.${basename(dest)}.${pid}.tmp`;
}

/**
 * Removes what earlier runs killed outright (kill -9, a power cut: no signal to hear) left while
 * building `dest`: files named as `tempNameOf` names them, with one of `suffixes` (a backup's copy
 * has SQLite's files beside it), of a process no longer running, owned by this user and not links.
 * Called once `dest` is in place, so an unfinished copy of health data does not stay hidden
 * beside the finished one. Returns the names removed; a folder that cannot be read removes none.
 */
export function removeLeftovers(dest: string, suffixes: readonly string[] = ['']): string[] {
  const prefix = `.${basename(dest)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(dest));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^([1-9][0-9]*)\.tmp(.*)$/.exec(name.slice(prefix.length));
    if (!m || !suffixes.includes(m[2]!) || isRunning(Number(m[1]))) continue;
    const file = `${tempNameOf(dest, Number(m[1]))}${m[2]}`;
    try {
      const st = lstatSync(file);
      if (!st.isFile() || st.uid !== process.getuid?.()) continue;
      unlinkSync(file);
      removed.push(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** Whether a process with this id runs (one of another user's counts: EPERM). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}
