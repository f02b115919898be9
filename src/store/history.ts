import type { Activity, IsoDate, Session, Settings } from '../core/types.js';
import type { TriageRecord } from './triage.js';
import { listActivities } from './activities.js';
import { readTransaction, stmt, type Db } from './open.js';
import { listAcceptances, listOverrides, type AcceptanceRecord, type OverrideRecord } from './plans.js';
import { readSettings } from './settings.js';
import { listSchedules } from './schedules.js';
import { listTriage } from './triage.js';
import type { Schedule } from '../core/days.js';

/** Everything the coach derives a plan from (Q9), read in one go. */
export interface JournalHistory {
  sessions: Session[];
  settings: Settings;
  overrides: OverrideRecord[];
  acceptances: AcceptanceRecord[];
  activities: Activity[];
  triageRecords: TriageRecord[];
  /** D1: days and times per activity (B2 reads busts on the planned days). */
  schedules: Schedule[];
}

/**
 * Everything the coach reads. With `from`, only sessions on or after that day: enough for a replay
 * resumed from a checkpoint, which is what keeps status, plan and log quick on years of history.
 */
export function loadHistory(db: Db, from: IsoDate | null = null): JournalHistory {
  return readTransaction(db, () => {
    const activities = listActivities(db);
    return {
      sessions: historySessions(db, activities, from),
      settings: readSettings(db),
      overrides: listOverrides(db),
      acceptances: listAcceptances(db),
      activities: activities.map(({ name, unit, category }) => ({ name, unit, category })),
      triageRecords: listTriage(db),
      schedules: listSchedules(db),
    };
  });
}

const NO_SYMPTOMS: readonly string[] = Object.freeze([]);

type Row = [number, string, number, number, number | null, number | null, number | null, number, string];

/**
 * The sessions from `from` on (every one when null), oldest first, as the coach needs them:
 * without notes (the rules never read them) and read as plain rows, which is several times faster
 * than row objects on decades of history.
 */
function historySessions(db: Db, known: readonly (Activity & { id: number })[], from: IsoDate | null): Session[] {
  const activities = new Map(known.map((a) => [a.id, a]));
  const columns = 'SELECT id, day, activity_id, dose, pain_before, pain_after, effort, flare, symptoms FROM sessions';
  const rows = (
    from === null
      ? stmt(db, `${columns} ORDER BY day, id`).raw(true).all()
      : stmt(db, `${columns} WHERE day >= ? ORDER BY day, id`).raw(true).all(from)
  ) as Row[];
  return rows.map(([id, day, activityId, dose, painBefore, painAfter, effort, flare, symptoms]) => {
    const a = activities.get(activityId)!;
    return {
      id,
      date: day as IsoDate,
      activity: a.name,
      unit: a.unit,
      category: a.category,
      dose,
      painBefore,
      painAfter,
      effort,
      flare: flare === 1,
      symptoms: symptoms === '' ? (NO_SYMPTOMS as string[]) : symptoms.split(';'),
      note: null,
    };
  });
}
