// The journal's schema. Migration n brings the journal to `PRAGMA user_version = n`; each runs
// in one transaction with its version bump, so a failed migration leaves the old schema whole.
// Never edit a migration that has shipped: add a new one.

/** 'PACE' in ASCII: marks a SQLite file as a pace journal (PRAGMA application_id). */
export const APPLICATION_ID = 0x50414345;

const units = `'min', 'reps', 'm', 'steps'`;
const categories = `'aerobic', 'mobility', 'strength', 'mind-body', 'other'`;
const isDate = (col: string) => `date(${col}) IS ${col}`;
/** The coach's checkpoint table, as migrations 3, 4 and 7 make it, with the rows `ids` allows. */
const checkpointTable = (ids: string) => `  CREATE TABLE coach_checkpoint (
    id     INTEGER PRIMARY KEY CHECK (${ids}),
    week   TEXT NOT NULL CHECK (${isDate('week')}),
    coach  TEXT NOT NULL,
    state  TEXT NOT NULL
  ) STRICT;`;

export const MIGRATIONS: readonly string[] = [
  `
  PRAGMA application_id = ${APPLICATION_ID};

  CREATE TABLE activities (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40 AND name = lower(trim(name))),
    unit      TEXT NOT NULL CHECK (unit IN (${units})),
    category  TEXT NOT NULL CHECK (category IN (${categories}))
  ) STRICT;

  CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    day          TEXT NOT NULL CHECK (${isDate('day')}),
    activity_id  INTEGER NOT NULL REFERENCES activities (id),
    dose         REAL NOT NULL CHECK (dose > 0),
    pain_before  INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after   INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    effort       INTEGER CHECK (effort BETWEEN 0 AND 10),
    flare        INTEGER NOT NULL DEFAULT 0 CHECK (flare IN (0, 1)),
    symptoms     TEXT NOT NULL DEFAULT '' CHECK (symptoms NOT GLOB '*[^a-z0-9;-]*'),
    note         TEXT CHECK (length(note) BETWEEN 1 AND 2000),
    logged_at    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX sessions_by_day ON sessions (day, id);
  CREATE INDEX sessions_by_activity ON sessions (activity_id, day);

  CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  ) STRICT;

  CREATE TABLE overrides (
    id                 INTEGER PRIMARY KEY,
    activity_id        INTEGER NOT NULL REFERENCES activities (id),
    week_start         TEXT NOT NULL CHECK (${isDate('week_start')}),
    quota              REAL CHECK (quota > 0),
    sessions_per_week  INTEGER CHECK (sessions_per_week BETWEEN 1 AND 7),
    set_on             TEXT NOT NULL CHECK (${isDate('set_on')}),
    CHECK (quota IS NOT NULL OR sessions_per_week IS NOT NULL)
  ) STRICT;

  CREATE TABLE acceptances (
    id           INTEGER PRIMARY KEY,
    activity_id  INTEGER NOT NULL REFERENCES activities (id),
    week_start   TEXT NOT NULL CHECK (${isDate('week_start')}),
    quota        REAL NOT NULL CHECK (quota > 0),
    accepted_on  TEXT NOT NULL CHECK (${isDate('accepted_on')})
  ) STRICT;

  CREATE TABLE triage_records (
    id          INTEGER PRIMARY KEY,
    day         TEXT NOT NULL CHECK (${isDate('day')}),
    session_id  INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('triage', 'cleared')),
    class       TEXT CHECK (class IN ('continue', 'assess', 'stop')),
    symptoms    TEXT NOT NULL DEFAULT '' CHECK (symptoms NOT GLOB '*[^a-z0-9;-]*'),
    CHECK ((kind = 'triage') = (class IS NOT NULL))
  ) STRICT;

  CREATE TABLE checkins (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL UNIQUE REFERENCES sessions (id) ON DELETE CASCADE,
    day         TEXT NOT NULL CHECK (${isDate('day')}),
    settled     INTEGER NOT NULL CHECK (settled IN (0, 1))
  ) STRICT;
  `,
  // 2: the answers to the safety question with their dates, so that reports can say which mode
  // was in force each week (S2). An answer given before this version is taken as always in force.
  `
  CREATE TABLE pem_answers (
    id   INTEGER PRIMARY KEY,
    day  TEXT NOT NULL CHECK (${isDate('day')}),
    pem  INTEGER NOT NULL CHECK (pem IN (0, 1))
  ) STRICT;
  INSERT INTO pem_answers (day, pem) SELECT '1900-01-01', value = 'yes' FROM settings WHERE key = 'pem';
  `,
  // 3: the coach's checkpoint (src/core/coach/checkpoint.ts), so that status, plan and log replay
  // weeks, not years. It is derived data: the triggers delete it whenever something it was derived
  // from changes, and a missing checkpoint only means one full replay.
  `
${checkpointTable('id = 1')}
${checkpointTriggers()}
  `,
  // 4: a second checkpoint, at this week's Monday (row 2; row 1 is the one two weeks back). The
  // table is made again for its new CHECK; what it held is derived, and is made again when needed.
  // The triggers of migration 3 name the table, not a row: each deletes every checkpoint it reaches.
  // Its settings triggers are made again as they are now: journals that reached version 3 before
  // they left out the first-use notice still have triggers that drop the checkpoints on it.
  `
  DROP TABLE coach_checkpoint;
${checkpointTable('id IN (1, 2)')}
  DROP TRIGGER settings_insert_checkpoint;
  DROP TRIGGER settings_update_checkpoint;
  DROP TRIGGER settings_delete_checkpoint;
${checkpointTriggers(['settings'])}
  `,
  // 5: the outcomes. Movement goals with their 0-10 ratings, one per goal per day (M1, M2), and
  // the weekly PEG-3 check-in, one per Monday-Sunday week (W1, W2); not the next-day answers of F2,
  // which are \`checkins\`. Goals and PEG answers never change a plan, so no checkpoint trigger.
  `
  CREATE TABLE goals (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 120 AND text = trim(text)),
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),
    created_on TEXT NOT NULL CHECK (${isDate('created_on')}),
    closed_on  TEXT CHECK (${isDate('closed_on')} AND closed_on >= created_on),
    CHECK ((status = 'open') = (closed_on IS NULL))
  ) STRICT;

  CREATE TABLE goal_ratings (
    goal_id  INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    day      TEXT NOT NULL CHECK (${isDate('day')}),
    rating   INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
    PRIMARY KEY (goal_id, day)
  ) STRICT;

  CREATE TABLE peg_checkins (
    week_start  TEXT PRIMARY KEY CHECK (${isDate('week_start')} AND strftime('%w', week_start) = '1'),
    day         TEXT NOT NULL CHECK (${isDate('day')} AND day BETWEEN week_start AND date(week_start, '+6 days')),
    pain        INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    enjoyment   INTEGER NOT NULL CHECK (enjoyment BETWEEN 0 AND 10),
    general     INTEGER NOT NULL CHECK (general BETWEEN 0 AND 10)
  ) STRICT;

  -- W2: the weeks in which an interactive log has offered the check-in, so that it asks once a week.
  CREATE TABLE peg_offers (
    week_start  TEXT PRIMARY KEY CHECK (${isDate('week_start')} AND strftime('%w', week_start) = '1')
  ) STRICT;
  `,
  // 6: days and times (D1): per activity, the days of the week as bits (1 = Monday ... 64 = Sunday)
  // and a time of day, or none for the default time (the setting 'default_time'). No checkpoint
  // trigger: the checkpoint holds the replay's state (quotas, sessions per week, B4's averages),
  // which never reads days or times; B2 reads the days after the replay, from the plan it gives.
  `
  CREATE TABLE schedules (
    activity_id  INTEGER PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),
    time         TEXT CHECK (length(time) = 5 AND time GLOB '[0-2][0-9]:[0-5][0-9]' AND time < '24:00')
  ) STRICT;
  `,
  // 7: one checkpoint again, two weeks back (row 1): the one at this week's Monday saved `log` and
  // `plan` about half a millisecond, under issue 15's bar of 1 ms. The table is made again for its
  // CHECK, keeping row 1; the triggers name the table, not a row, and reach the new one as before.
  `
  CREATE TEMP TABLE kept_checkpoint AS SELECT id, week, coach, state FROM coach_checkpoint WHERE id = 1;
  DROP TABLE coach_checkpoint;
${checkpointTable('id = 1')}
  INSERT INTO coach_checkpoint (id, week, coach, state) SELECT id, week, coach, state FROM temp.kept_checkpoint;
  DROP TABLE temp.kept_checkpoint;
  `,
  // 8: the weekly aims with their dates (G1, Q6), so that a new aim applies from the next Monday
  // and past weeks keep the ceiling they were planned with, as the safety answers of migration 2
  // do for the mode. An aim set before this version is taken as in force from the start.
  `
  CREATE TABLE weekly_aims (
    id       INTEGER PRIMARY KEY,
    day      TEXT NOT NULL CHECK (${isDate('day')}),
    minutes  INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 10080)
  ) STRICT;
  INSERT INTO weekly_aims (day, minutes) SELECT '1900-01-01', CAST(value AS INTEGER) FROM settings
    WHERE key = 'target_minutes' AND value = CAST(CAST(value AS INTEGER) AS TEXT) AND CAST(value AS INTEGER) BETWEEN 1 AND 10080;
${checkpointTriggers(['weekly_aims'])}
  `,
  // 9: a session id is never given again (session ids are what edit and delete take): SQLite gives
  // a new row the highest id plus one, so deleting the newest session and logging another gave the
  // new one the deleted one's id, and a \`pace delete 83 --yes\` run again from the shell's history
  // deleted it. The highest id ever deleted is kept, and insertSession counts from above it.
  `
  CREATE TABLE session_ids (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    deleted  INTEGER NOT NULL CHECK (deleted >= 0)
  ) STRICT;
  INSERT INTO session_ids (id, deleted) VALUES (1, 0);
  CREATE TRIGGER sessions_delete_id AFTER DELETE ON sessions BEGIN UPDATE session_ids SET deleted = max(deleted, OLD.id) WHERE id = 1; END;
  `,
  // 10: D3: what the latest \`plan --ics\` of a week put in the person's calendar app, by activity,
  // so that the views can say when the plan of that week has changed since (src/core/calendarDrift.ts).
  // Not read by the rules (no checkpoint trigger) and not in a backup: it is about one calendar app.
  `
  CREATE TABLE calendar_exports (
    week_start   TEXT NOT NULL,
    activity_id  INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    quota        REAL,
    sessions     INTEGER NOT NULL CHECK (sessions >= 1),
    slots        TEXT NOT NULL,
    exported_on  TEXT NOT NULL,
    PRIMARY KEY (week_start, activity_id)
  ) STRICT;
  `,
];

/**
 * A checkpoint at Monday C depends on the sessions, overrides, acceptances and triage records dated
 * before C, and on every setting (but whether the first-use notice was shown), safety answer,
 * weekly aim and activity. Each trigger deletes it when one of those changes; a session logged on
 * or after C leaves it alone. With `only`, just the triggers on those tables (the tables of later
 * migrations are named only so, and migration 3's triggers stay as they shipped).
 */
function checkpointTriggers(only?: readonly string[]): string {
  const dated: [string, string][] = [
    ['sessions', 'day'],
    ['overrides', 'week_start'],
    ['acceptances', 'week_start'],
    ['triage_records', 'day'],
  ];
  const out: string[] = [];
  const wanted = (table: string) => only === undefined || only.includes(table);
  for (const [table, col] of dated.filter(([table]) => wanted(table))) {
    out.push(`CREATE TRIGGER ${table}_insert_checkpoint AFTER INSERT ON ${table} BEGIN DELETE FROM coach_checkpoint WHERE week > NEW.${col}; END;`);
    out.push(`CREATE TRIGGER ${table}_update_checkpoint AFTER UPDATE ON ${table} BEGIN DELETE FROM coach_checkpoint WHERE week > OLD.${col} OR week > NEW.${col}; END;`);
    out.push(`CREATE TRIGGER ${table}_delete_checkpoint AFTER DELETE ON ${table} BEGIN DELETE FROM coach_checkpoint WHERE week > OLD.${col}; END;`);
  }
  const whole = only === undefined ? ['settings', 'pem_answers', 'activities'] : only.filter((t) => !dated.some(([d]) => d === t));
  for (const table of whole) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      // Whether the first-use notice was shown is the one setting the rules never read.
      const row = event === 'DELETE' ? 'OLD' : 'NEW';
      const when = table === 'settings' ? ` WHEN ${row}.key <> 'notice_shown'` : '';
      out.push(`CREATE TRIGGER ${table}_${event.toLowerCase()}_checkpoint AFTER ${event} ON ${table}${when} BEGIN DELETE FROM coach_checkpoint; END;`);
    }
  }
  return out.map((t) => `  ${t}`).join('\n');
}

export const SCHEMA_VERSION = MIGRATIONS.length;
