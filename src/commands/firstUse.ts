import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { IsoDate } from '../core/types.js';
import type { Db } from '../store/open.js';
import { getSetting, setSetting } from '../store/settings.js';
import { note, type Context } from './context.js';

/** Shown once, with the first write to a new journal: what pace is not. */
const NOT_A_CLINICIAN =
  'pace helps you pace your activity. It does not diagnose anything and it is not a substitute for a clinician: if something feels wrong, ask your physiotherapist or doctor.';

/** Call inside the write transaction; true the first time, so the caller shows the notice. */
export function claimFirstUse(db: Db, today: IsoDate): boolean {
  if (getSetting(db, 'notice_shown') !== undefined) return false;
  setSetting(db, 'notice_shown', today);
  return true;
}

/**
 * What pace is not, and where the journal is: shown once, on first use. A PACE_DB mistyped starts
 * a second, empty journal, and this names it.
 */
export function firstUseNotice(ctx: Pick<Context, 'dbPath' | 'home'>): string {
  return `${NOT_A_CLINICIAN} Your journal is kept at ${shortPath(resolve(ctx.dbPath), ctx.home)}.`;
}

/** `path` with the home folder written as ~ when it lies inside it (~/.local/share/pace/pace.db). */
function shortPath(path: string, home: string | undefined): string {
  if (!home || !isAbsolute(home)) return path;
  const inside = relative(home, path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? path : `~${sep}${inside}`;
}

/** S1, in the person's words. */
export const PEM_QUESTION =
  'Do your symptoms get much worse 12 to 72 hours after activity, out of proportion to what you did (post-exertional malaise, as in ME/CFS or some long COVID)?';

/**
 * The first write prints what pace is not; when nobody could be asked the safety question (S1),
 * it also says how to answer it. Until then the plan grows as usual (graded mode).
 */
export function showNotice(ctx: Context, first: boolean, pemUnanswered: boolean): void {
  if (!first) return;
  note(ctx, firstUseNotice(ctx));
  if (pemUnanswered) {
    note(ctx, 'One safety question is waiting: if your symptoms get much worse 12-72 hours after activity, run pace init --pem yes (otherwise pace init --pem no).');
  }
}
