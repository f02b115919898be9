import type { IsoDate } from '../core/types.js';
import type { Db } from '../store/open.js';
import { getSetting, setSetting } from '../store/settings.js';
import { note, type Context } from './context.js';

/** Shown once, with the first write to a new journal: what pace is not. */
export const NOT_A_CLINICIAN =
  'pace helps you pace your activity. It does not diagnose anything and it is not a substitute for a clinician: if something feels wrong, ask your physiotherapist or doctor.';

/** Call inside the write transaction; true the first time, so the caller shows the notice. */
export function claimFirstUse(db: Db, today: IsoDate): boolean {
  if (getSetting(db, 'notice_shown') !== undefined) return false;
  setSetting(db, 'notice_shown', today);
  return true;
}

export function showNotice(ctx: Context, first: boolean): void {
  if (first) note(ctx, NOT_A_CLINICIAN);
}
