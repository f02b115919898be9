import Database from 'better-sqlite3';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalError } from '../../src/store/errors.js';
import { openJournal, readTransaction, write } from '../../src/store/open.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/schema.js';
import { fileHash, modeOf, removeTempDirs, tempDir } from '../helpers/tmp.js';

let savedUmask = 0;
beforeAll(() => {
  // As main does: health data is readable by its owner only.
  savedUmask = process.umask(0o077);
});
afterAll(() => {
  process.umask(savedUmask);
  removeTempDirs();
});

function refusedUntouched(path: string, pattern: RegExp): void {
  // Its mode too: a file pace refuses as not its own is not made private either.
  chmodSync(path, 0o644);
  const before = fileHash(path);
  const siblings = readdirSync(join(path, '..')).sort();
  expect(() => openJournal(path, { write: true })).toThrow(JournalError);
  expect(() => openJournal(path, { write: true })).toThrow(pattern);
  expect(() => openJournal(path, { write: false })).toThrow(JournalError);
  expect(fileHash(path)).toBe(before);
  expect(readdirSync(join(path, '..')).sort()).toEqual(siblings);
  expect(statSync(path).mode & 0o777).toBe(0o644);
}

describe('a new journal', () => {
  it('is created in folders of mode 0700 and a file of mode 0600', () => {
    const root = tempDir();
    const path = join(root, 'data', 'pace', 'pace.db');
    const j = openJournal(path, { write: true });
    try {
      expect(modeOf(statSync(join(root, 'data')))).toBe(0o700);
      expect(modeOf(statSync(join(root, 'data', 'pace')))).toBe(0o700);
      expect(modeOf(statSync(path))).toBe(0o600);
      // The rollback journal SQLite keeps beside the file holds the same health data while it writes.
      expect(modeOf(statSync(`${path}-journal`))).toBe(0o600);
    } finally {
      j.close();
    }
  });

  it('is migrated: user_version is the schema version and application_id marks it as pace', () => {
    const path = join(tempDir(), 'pace.db');
    openJournal(path, { write: true }).close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      // Not WAL, which is the one mode a file remembers; pace sets PERSIST on every connection.
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
  });

  it('is written through a rollback journal that is kept (PERSIST) and synced in full, and leaves no -wal or -shm file', () => {
    const path = join(tempDir(), 'pace.db');
    const j = openJournal(path, { write: true });
    try {
      expect(j.db.pragma('journal_mode', { simple: true })).toBe('persist');
      expect(j.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      j.db.exec("INSERT INTO settings (key, value) VALUES ('target_minutes', '150')");
    } finally {
      j.close();
    }
    expect(readdirSync(join(path, '..')).sort()).toEqual(['pace.db', 'pace.db-journal']);
    // A kept journal is marked finished (first byte zero), so nothing is undone on the next open.
    expect(readFileSync(`${path}-journal`)[0]).toBe(0);
  });

  it('cuts the kept journal file back to 1 MiB after a write that grew it past that', () => {
    const path = join(tempDir(), 'pace.db');
    const j = openJournal(path, { write: true });
    try {
      const big = 'x'.repeat(1000);
      const insert = j.db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
      j.db.transaction(() => {
        for (let i = 0; i < 4000; i++) insert.run(`filler_${i}`, big);
      })();
      // Deleting it all journals every page first: several MiB.
      j.db.exec("DELETE FROM settings WHERE key LIKE 'filler_%'");
    } finally {
      j.close();
    }
    expect(statSync(`${path}-journal`).size).toBeLessThanOrEqual(1024 * 1024);
  });

  it('keeps temporary data (sorting, statement undo records) in memory, never in /var/tmp (issue 17, item 12)', () => {
    const path = join(tempDir(), 'pace.db');
    for (const write of [true, false]) {
      const j = openJournal(path, { write });
      try {
        // 2 is MEMORY; the default, 0, lets SQLite put temporary files in /var/tmp or $TMPDIR.
        if (write || j.path !== null) expect(j.db.pragma('temp_store', { simple: true })).toBe(2);
      } finally {
        j.close();
      }
    }
  });

  it('opens again without change to its version', () => {
    const path = join(tempDir(), 'pace.db');
    openJournal(path, { write: true }).close();
    const j = openJournal(path, { write: true });
    expect(j.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    j.close();
  });

  it('is not created by a read: the folder and file stay missing', () => {
    const root = tempDir();
    const path = join(root, 'nested', 'pace.db');
    const j = openJournal(path, { write: false });
    expect(j.path).toBeNull();
    expect((j.db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n).toBe(0);
    j.close();
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('a journal that an earlier pace left in WAL mode', () => {
  function walJournal(): string {
    const path = join(tempDir(), 'pace.db');
    openJournal(path, { write: true }).close();
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec("INSERT INTO settings (key, value) VALUES ('target_minutes', '150')");
    db.close();
    return path;
  }

  it('moves to the kept rollback journal when it is opened, with everything in it', () => {
    const path = walJournal();
    const j = openJournal(path, { write: false });
    try {
      expect(j.db.pragma('journal_mode', { simple: true })).toBe('persist');
      expect(j.db.prepare("SELECT value FROM settings WHERE key = 'target_minutes'").pluck().get()).toBe('150');
    } finally {
      j.close();
    }
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(readFileSync(path)[18]).toBe(1); // the header's write version: 1 is rollback, 2 is WAL
  });

  it('still opens and takes writes while another connection holds it, staying in WAL for that run', () => {
    const path = walJournal();
    const other = new Database(path);
    try {
      other.prepare('SELECT count(*) FROM settings').get();
      const j = openJournal(path, { write: true, busyTimeoutMs: 1000 });
      try {
        expect(j.db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(j.db.pragma('busy_timeout', { simple: true })).toBe(1000);
        j.db.exec("UPDATE settings SET value = '120' WHERE key = 'target_minutes'");
      } finally {
        j.close();
      }
      expect(other.prepare("SELECT value FROM settings WHERE key = 'target_minutes'").pluck().get()).toBe('120');
    } finally {
      other.close();
    }
    const j = openJournal(path, { write: true });
    expect(j.db.pragma('journal_mode', { simple: true })).toBe('persist');
    j.close();
  });
});

describe('a file that is not a pace journal is refused and left byte-for-byte identical', () => {
  it('a text file', () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(path, 'Monday: walked 10 min, knee fine.\n'.repeat(200));
    refusedUntouched(path, /not a pace journal/);
  });

  it("another application's SQLite database", () => {
    const path = join(tempDir(), 'other.db');
    const db = new Database(path);
    db.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');");
    db.close();
    refusedUntouched(path, /not a pace journal/);
  });

  it('a SQLite database with a foreign application_id', () => {
    const path = join(tempDir(), 'other.db');
    const db = new Database(path);
    db.pragma('application_id = 1234');
    db.close();
    refusedUntouched(path, /not a pace journal/);
  });

  it('a journal written by a newer pace (user_version above SCHEMA_VERSION)', () => {
    const path = join(tempDir(), 'pace.db');
    openJournal(path, { write: true }).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    refusedUntouched(path, /newer version of pace/);
  });

  it('a folder', () => {
    const dir = tempDir();
    expect(() => openJournal(dir, { write: true })).toThrow(JournalError);
  });
});

describe('transactions (write and readTransaction)', () => {
  const names = (db: Database.Database) => (db.prepare('SELECT name FROM activities ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  const add = (db: Database.Database, name: string) => db.prepare("INSERT INTO activities (name, unit, category) VALUES (?, 'min', 'aerobic')").run(name);

  it('a write that throws leaves nothing behind, and the next write goes through', () => {
    const journal = openJournal(join(tempDir(), 'pace.db'), { write: true });
    const db = journal.db;
    expect(() =>
      write(db, () => {
        add(db, 'walk');
        throw new Error('stopped half-way');
      }),
    ).toThrow('stopped half-way');
    expect(db.inTransaction).toBe(false);
    expect(names(db)).toEqual([]);
    expect(write(db, () => add(db, 'bike').changes)).toBe(1);
    expect(names(db)).toEqual(['bike']);
    journal.close();
  });

  it('inside another, a failure undoes only its own part, and the outer one still commits', () => {
    const journal = openJournal(join(tempDir(), 'pace.db'), { write: true });
    const db = journal.db;
    write(db, () => {
      add(db, 'walk');
      expect(() =>
        write(db, () => {
          add(db, 'swim');
          throw new Error('inner');
        }),
      ).toThrow('inner');
      write(db, () => add(db, 'bike'));
      expect(db.inTransaction).toBe(true);
    });
    expect(names(db)).toEqual(['bike', 'walk']);
    journal.close();
  });

  it('a statement that rolls the whole transaction back by itself leaves nothing to undo, nested or not', () => {
    const journal = openJournal(join(tempDir(), 'pace.db'), { write: true });
    const db = journal.db;
    write(db, () => add(db, 'walk'));
    // INSERT OR ROLLBACK ends the transaction itself on a conflict: there is then no ROLLBACK to run.
    const clash = () => db.prepare("INSERT OR ROLLBACK INTO activities (name, unit, category) VALUES ('walk', 'min', 'aerobic')").run();
    expect(() => write(db, () => (add(db, 'bike'), clash()))).toThrow(/UNIQUE/);
    expect(db.inTransaction).toBe(false);
    expect(() => write(db, () => (add(db, 'bike'), write(db, clash)))).toThrow(/UNIQUE/);
    expect(db.inTransaction).toBe(false);
    expect(names(db)).toEqual(['walk']);
    journal.close();
  });

  it('a failed commit (another process holds a read) is rolled back, so the connection is free again', () => {
    const path = join(tempDir(), 'pace.db');
    const journal = openJournal(path, { write: true, busyTimeoutMs: 0 });
    const db = journal.db;
    const reader = new Database(path);
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM sessions').get();
    expect(() => write(db, () => add(db, 'walk'))).toThrow(/locked|busy/i);
    expect(db.inTransaction).toBe(false);
    reader.prepare('COMMIT').run();
    reader.close();
    expect(names(db)).toEqual([]);
    write(db, () => add(db, 'walk'));
    expect(names(db)).toEqual(['walk']);
    journal.close();
  });

  it('readTransaction reads one snapshot, even nested, and takes no write lock', () => {
    const path = join(tempDir(), 'pace.db');
    const journal = openJournal(path, { write: true, busyTimeoutMs: 0 });
    const db = journal.db;
    write(db, () => add(db, 'walk'));
    // Another process holds the write lock and has a change under way: reads still go through.
    const other = new Database(path);
    other.prepare('BEGIN IMMEDIATE').run();
    other.prepare("INSERT INTO activities (name, unit, category) VALUES ('bike', 'min', 'aerobic')").run();
    expect(readTransaction(db, () => readTransaction(db, () => names(db)))).toEqual(['walk']);
    expect(db.inTransaction).toBe(false);
    other.prepare('COMMIT').run();
    // One snapshot: another process cannot commit between two reads of one transaction (under a
    // rollback journal its commit waits for the read to end; here it is not let wait at all).
    const seen = readTransaction(db, () => {
      const first = names(db);
      const late = new Database(path, { timeout: 0 });
      let committed = true;
      try {
        late.prepare("INSERT INTO activities (name, unit, category) VALUES ('swim', 'min', 'aerobic')").run();
      } catch {
        committed = false;
      } finally {
        late.close();
      }
      return { first, second: names(db), committed };
    });
    expect(seen).toEqual({ first: ['bike', 'walk'], second: ['bike', 'walk'], committed: false });
    expect(names(db)).toEqual(['bike', 'walk']);
    other.close();
    journal.close();
  });
});
