// A typo in an activity's name ("wlak") makes a new activity, with a baseline and a plan of its
// own, and the session counts for nothing in the plan the person meant. The closest known name is
// offered in the log's words, with the edit that moves the session.

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name `name` is most likely a typo of: one edit away (two for names of 6 letters or more). */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const most = name.length >= 6 ? 2 : 1;
  let best: { name: string; edits: number } | undefined;
  for (const k of known) {
    const edits = distance(name, k);
    if (edits > 0 && edits <= most && (!best || edits < best.edits)) best = { name: k, edits };
  }
  return best?.name;
}

/**
 * A name as a person types it in a command: as it is when it is one plain word, else in double
 * quotes; in single quotes when it holds what the shell reads inside double quotes (`$`, a
 * backquote, `"`, `\`, and `!` for bash's history), so that a suggested command pasted into the
 * shell names the activity and runs nothing else (a name can come from an imported file).
 */
export function typedName(name: string): string {
  if (/^[a-z0-9-]+$/.test(name)) return name;
  return /[$`"\\!]/.test(name) ? `'${name.replace(/'/g, "'\\''")}'` : `"${name}"`;
}

/** The second line for a name no activity has: the known name it is most likely a slip of, else where the names are. */
export function unknownNameHint(name: string, known: readonly string[]): string {
  const near = nearestName(name, known);
  return near ? `Did you mean ${typedName(near)}? pace list shows the names.` : 'Log it once first, or check the name with pace list.';
}
