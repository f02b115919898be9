import { unlinkSync } from 'node:fs';

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
