// The journal's schema. Migration n brings the journal to `PRAGMA user_version = n`; each runs
// in one transaction with its version bump, so a failed migration leaves the old schema whole.
// Never edit a migration that has shipped: add a new one.

/** 'PACE' in ASCII: marks a SQLite file as a pace journal (PRAGMA application_id). */
export const APPLICATION_ID = 0x50414345;

const units = `'min', 'reps', 'm', 'steps'`;
const categories = `'aerobic', 'mobility', 'strength', 'mind-body', 'other'`;
const isDate = (col: string) => `date(${col}) IS ${col}`;

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
];

export const SCHEMA_VERSION = MIGRATIONS.length;
