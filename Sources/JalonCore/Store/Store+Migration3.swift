import GRDB

extension Store {
    /// Migration 3: what honest catch-up and a safe restart need (SPEC §5, §8).
    ///
    /// - `delivery` takes the outcome `skipped` (a reminder due before jalon knew its item): SQLite cannot change a
    ///   CHECK constraint, so the table is made again, rows kept.
    /// - `first_seen`: when the daemon first planned each item at each base instant.
    /// - `run` and `run_pause`: when the daemon ran, stopped cleanly, and what it saw of the machine sleeping or the
    ///   clock being set, so that a late reminder says why only when that is known.
    /// - `person_file`: the last good text of every person file, planned from at a restart while the file is broken.
    ///   The text comes last, and the table has a rowid: a text spills over several pages, and the identities read
    ///   at every start must not go through them.
    /// - A database that existed before this migration has no record of what it had planned: the items it plans
    ///   first after the upgrade count as known since the database was created, as they did before
    ///   (`first_seen_default`, dropped after that first planning).
    static func migrateFirstSeenRunsPersonFilesSkipped(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE delivery_new (
                    reminder TEXT NOT NULL,
                    due INTEGER NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('on-time', 'late', 'missed', 'skipped')),
                    recorded_at INTEGER NOT NULL,
                    PRIMARY KEY (reminder, due)
                ) WITHOUT ROWID;
                INSERT INTO delivery_new (reminder, due, outcome, recorded_at)
                    SELECT reminder, due, outcome, recorded_at FROM delivery;
                DROP TABLE delivery;
                ALTER TABLE delivery_new RENAME TO delivery;
                CREATE INDEX delivery_by_due ON delivery (due);
                CREATE TABLE first_seen (
                    item TEXT NOT NULL,
                    base INTEGER NOT NULL,
                    seen_at INTEGER NOT NULL,
                    PRIMARY KEY (item, base)
                ) WITHOUT ROWID;
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    pid INTEGER NOT NULL,
                    started_at INTEGER NOT NULL,
                    last_seen INTEGER NOT NULL,
                    stopped_at INTEGER
                );
                CREATE TABLE run_pause (
                    run INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('asleep', 'clock')),
                    from_at INTEGER NOT NULL,
                    to_at INTEGER NOT NULL
                );
                CREATE INDEX run_pause_by_run ON run_pause (run);
                CREATE TABLE person_file (
                    path TEXT PRIMARY KEY NOT NULL,
                    identity TEXT NOT NULL,
                    saved_at INTEGER NOT NULL,
                    text TEXT NOT NULL
                );
                INSERT INTO meta (key, value) SELECT 'first_seen_default', value FROM meta WHERE key = 'created_at';
                """)
    }
}
