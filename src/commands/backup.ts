import { resolve } from 'node:path';
import { backupJournal } from '../store/maintenance.js';
import { print, printJson, type Context } from './context.js';

export interface BackupFlags {
  json?: boolean;
}

/** `pace backup <file>`: a complete, private copy of the journal, notes included. */
export async function backup(args: string[], flags: BackupFlags, ctx: Context): Promise<number> {
  const file = resolve(args[0]!);
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
