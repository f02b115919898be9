// How many writes asked for by the person (not the coach's checkpoints, not migrations) this process
// has committed; it only grows, so main compares it with its value when the run began. main reads
// it when the output fails: a write already committed stays committed and
// the run exits 0 with a note, so that a script which retries on failure does not record it twice
// (docs/decisions.md, "Output that fails after a write").
let count = 0;

export const committedWrites = (): number => count;

export function countCommit(): void {
  count++;
}
