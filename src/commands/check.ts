import { resolve } from 'node:path';
import { JournalError } from '../store/errors.js';
import { inspectJournal, type JournalHealth } from '../store/maintenance.js';
import { unreadableError } from '../store/open.js';
import { print, printJson, type Context } from './context.js';

export interface CheckFlags {
  json?: boolean;
}

/** `pace check`: reads every page of the journal and reports whether it is sound. Writes nothing. */
export async function check(_args: string[], flags: CheckFlags, ctx: Context): Promise<number> {
  const health = inspectJournal(resolve(ctx.dbPath));
  if (flags.json) printJson(ctx, toJson(health));
  else if (health.ok) print(ctx, describe(health));
  if (!health.ok) throw problem(health);
  return 0;
}

function toJson(h: JournalHealth) {
  return {
    ok: h.ok,
    path: h.path,
    exists: h.exists,
    empty: h.empty,
    writable: h.writable,
    schema_version: h.schemaVersion,
    sessions: h.sessions,
    activities: h.activities,
    triage_records: h.triageRecords,
    problems: h.problems,
  };
}

function describe(h: JournalHealth): string {
  if (!h.exists) {
    // The first log would fail there: said now, rather than after its questions.
    const cannot = h.writable ? '' : '\npace could not start one there: the folder it would go in cannot be written or made from here. Check the permissions of the folders above it, or use --db to pick another place.';
    return `There is no journal at ${h.path} yet: nothing has been logged, so there is nothing to check.${cannot}`;
  }
  // "Sound (schema version 0)" told a person whose journal was emptied (a copy or sync gone wrong) that all was well.
  if (h.empty) return `The file at ${h.path} is empty: no journal has been written to it yet. If your entries were in it, something outside pace emptied it: restore it from a backup.`;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  // Where log has said "read-only here; nothing was saved", a bare "sound" left the person guessing.
  const readOnly = h.writable ? '' : '\nIt is read-only here: pace can show it, but cannot save to it. Check the permissions of the file and of its folder.';
  return (
    `The journal at ${h.path} is sound (schema version ${h.schemaVersion}): ` +
    `${plural(h.sessions, 'session')}, ${plural(h.activities, 'activity', 'activities')}, ${plural(h.triageRecords, 'triage record')}.${readOnly}`
  );
}

function problem(h: JournalHealth): JournalError {
  const [first = '', ...rest] = h.problems;
  switch (h.verdict) {
    case 'foreign':
      return new JournalError(`${h.path} is not a pace journal (${first}); it was left untouched.`, 'Point --db or PACE_DB at a pace journal.');
    case 'newer':
      return new JournalError(`${h.path} was written by a newer version of pace (${first}); it was left untouched.`, 'Update pace to check this journal.');
    case 'pending':
      return new JournalError(`${h.path} ${first}.`, h.hint);
    case 'busy':
      return new JournalError(`the journal at ${h.path} is ${first}, so it was not checked.`, 'Try again in a moment.');
    case 'unreadable':
      return unreadableError(h.path) ?? new JournalError(`cannot read ${h.path}: ${first}.`, 'Check the path and its permissions.');
    default:
      return new JournalError(
        `the journal at ${h.path} is damaged: ${first}${rest.length ? ` (and ${rest.length} more; pace check --json lists them)` : ''}.`,
        'Keep this file as it is, and restore your journal from a backup (pace backup makes one).',
      );
  }
}
