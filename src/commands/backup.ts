import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { namesJournalFile, statIfAny } from './sink.js';
import { backupJournal } from '../store/maintenance.js';
import { print, printJson, type Context } from './context.js';

export interface BackupFlags {
  json?: boolean;
}

/** `pace backup <file>`: a complete, private copy of the journal, notes included. */
export async function backup(args: string[], flags: BackupFlags, ctx: Context): Promise<number> {
  const example = 'Give a file name, for example: pace backup pace-backup.db';
  if (args[0]!.trim() === '') throw new InputError('the backup file name is empty.', example);
  if (args[0] === '-') throw new InputError('a backup is a file (a SQLite database), not standard output.', example);
  // resolve() drops a trailing /, which would turn the folder the person named into a file's name.
  if (args[0]!.endsWith('/')) {
    const missing = statIfAny(args[0]!) === null ? ', which does not exist yet' : '';
    throw new InputError(`${args[0]} names a folder${missing}; a backup is a file.`, `Give the backup a file name, for example: pace backup ${join(args[0]!, 'pace-backup.db')}`);
  }
  const file = resolve(args[0]!);
  // Beside the journal, SQLite owns these names: it would take a backup there for its own file
  // (a -wal or -journal left over) and delete or replay it on the next open.
  if (namesJournalFile(file, ctx.dbPath, false)) {
    throw new InputError(`${args[0]} is the name of a file SQLite keeps beside the journal; pace will not write a backup there.`, example);
  }
  const result = await backupJournal(ctx.dbPath, file);
  if (flags.json) {
    printJson(ctx, result);
  } else {
    const n = result.sessions;
    print(ctx, `Backed up ${n} session${n === 1 ? '' : 's'} to ${result.file} (${formatBytes(result.bytes)}, readable only by you).`);
  }
  return 0;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
