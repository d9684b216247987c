import GRDB

// MARK: - Calendar sequences

/// The versions of the calendar's events, so that SEQUENCE only grows, across runs, between `jalon export` and the
/// daemon's calendar file.
extension Store {
    /// The migration that adds the table (registered in `Store.migrator`).
    static func registerCalendarSequences(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("5: calendar sequences") { db in
            try db.execute(
                sql: """
                    CREATE TABLE calendar_sequence (
                        uid TEXT PRIMARY KEY NOT NULL,
                        fingerprint INTEGER NOT NULL,
                        sequence INTEGER NOT NULL,
                        changed_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
    }

    /// Every version recorded, by UID (none when the table does not exist yet: a database opened read-only that an
    /// older jalon wrote).
    package func calendarSequences() throws(StoreError) -> [String: CalendarSequence] {
        try calendarSequences(from: "", to: nil)
    }

    /// The versions whose UID is in [`low`, `high`) (no upper bound when nil), by UID.
    func calendarSequences(from low: String, to high: String?) throws(StoreError) -> [String: CalendarSequence] {
        try read { db in
            guard try db.tableExists("calendar_sequence") else { return [:] }
            var known: [String: CalendarSequence] = [:]
            let sql = "SELECT uid, fingerprint, sequence, changed_at FROM calendar_sequence WHERE uid >= ?"
            let rows =
                if let high {
                    try Row.fetchCursor(db, sql: sql + " AND uid < ?", arguments: [low, high])
                } else {
                    try Row.fetchCursor(db, sql: sql, arguments: [low])
                }
            while let row = try rows.next() {
                known[row[0]] = CalendarSequence(
                    fingerprint: row[1], sequence: row[2], changedAt: Instant(seconds: row[3]))
            }
            return known
        }
    }

    /// Records new versions; a version never replaces a higher one (another process may have recorded it first).
    package func saveCalendarSequences(_ changes: [String: CalendarSequence]) throws(StoreError) {
        guard !changes.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO calendar_sequence (uid, fingerprint, sequence, changed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint,
                        sequence = excluded.sequence, changed_at = excluded.changed_at
                    WHERE excluded.sequence > calendar_sequence.sequence
                    """)
            for (uid, version) in changes {
                try statement.execute(arguments: [
                    uid, version.fingerprint, version.sequence, version.changedAt.seconds,
                ])
            }
        }
    }
}

extension Store: CalendarVersionStore {
    /// The versions of these people's events: one range of UIDs from the least `PERSON/` to the greatest `PERSON0`
    /// ("0" is the byte after "/"), which holds every UID of each of them (and perhaps of others between).
    package func versions(ofPeople people: [String]) -> [String: CalendarSequence] {
        guard let low = people.map({ $0 + "/" }).min(by: bytesPrecede),
            let high = people.map({ $0 + "0" }).max(by: bytesPrecede)
        else { return [:] }
        return (try? calendarSequences(from: low, to: high)) ?? [:]
    }

    package func save(_ changes: [String: CalendarSequence]) throws(StoreError) {
        try saveCalendarSequences(changes)
    }
}
