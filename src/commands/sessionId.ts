import { InputError } from '../core/errors.js';
import type { Session } from '../core/types.js';
import { NotFoundError } from '../store/errors.js';
import type { Db } from '../store/open.js';
import { getSession } from '../store/sessions.js';

/** Finds the session an id names; an unknown id is a usage error (exit 2). */
export function sessionById(db: Db, raw: string | undefined): Session {
  const text = (raw ?? '').trim();
  if (!/^\d{1,15}$/.test(text)) throw new InputError(`"${text}" is not a session id.`, 'Ids are whole numbers; see them with pace list.');
  const s = getSession(db, Number(text));
  if (!s) throw new NotFoundError(`there is no session ${text}.`, 'See the ids with pace list.');
  return s;
}
