import GRDB

// MARK: - When each item was first planned (SPEC §5)

extension Store {
    /// When the versions among `versions` that the database knows were first planned.
    package func firstSeen(_ versions: some Sequence<ItemVersion>) throws(StoreError) -> [ItemVersion: Instant] {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT seen_at FROM first_seen WHERE item = ? AND base = ?")
            var found: [ItemVersion: Instant] = [:]
            for version in versions {
                if let seen = try Int64.fetchOne(statement, arguments: [version.item, version.base.seconds]) {
                    found[version] = Instant(seconds: seen)
                }
            }
            return found
        }
    }

    /// Records when versions were first planned; a version already recorded keeps its first instant.
    package func recordFirstSeen(_ versions: [ItemVersion: Instant]) throws(StoreError) {
        try recordFirstSeen(versions.map { (item: $0.key.item, base: $0.key.base, seen: $0.value) })
    }

    /// Records when the items of reminders, at their base, were first planned.
    package func recordFirstSeen(_ reminders: [(reminder: Reminder, seen: Instant)]) throws(StoreError) {
        try recordFirstSeen(reminders.lazy.map { (item: $0.reminder.itemKey, base: $0.reminder.base, seen: $0.seen) })
    }

    private func recordFirstSeen(
        _ rows: some Collection<(item: String, base: Instant, seen: Instant)>
    ) throws(StoreError) {
        guard !rows.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO first_seen (item, base, seen_at) VALUES (?, ?, ?)")
            for row in rows {
                try statement.execute(arguments: [row.item, row.base.seconds, row.seen.seconds])
            }
        }
    }

    /// For a database from before first-seen records: what its first planning since counts as first seen (when the
    /// database was created, as jalon counted before). Nil once that planning is recorded, and for a new database.
    package func legacyFirstSeen() throws(StoreError) -> Instant? {
        try meta("first_seen_default").flatMap(Int64.init).map(Instant.init(seconds:))
    }

    /// The first planning since the upgrade is recorded: new items are seen when they are planned from now on.
    package func dropLegacyFirstSeen() throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM meta WHERE key = 'first_seen_default'") }
    }
}
