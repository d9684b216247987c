import GRDB

// MARK: - The last good version of every person file (SPEC §8)

/// A person file's text as jalon last read it without error.
package struct ArchivedPersonFile: Hashable, Sendable {
    /// Relative to the configuration directory.
    package var path: String
    package var text: String
    /// What identified the file on disk when it was saved (`FileIdentity.description`).
    package var identity: String
    package var savedAt: Instant

    package init(path: String, text: String, identity: String, savedAt: Instant) {
        self.path = path
        self.text = text
        self.identity = identity
        self.savedAt = savedAt
    }
}

extension Store {
    /// Every saved path with the identity of the file when it was saved (not the texts: they may be large).
    package func archivedPersonFileIdentities() throws(StoreError) -> [String: String] {
        try read { db in
            var identities: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, identity FROM person_file")
            while let row = try rows.next() { identities[row[0]] = row[1] }
            return identities
        }
    }

    /// The saved version of one file.
    package func archivedPersonFile(_ path: String) throws(StoreError) -> ArchivedPersonFile? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT path, text, identity, saved_at FROM person_file WHERE path = ?", arguments: [path]
            ).map { ArchivedPersonFile(path: $0[0], text: $0[1], identity: $0[2], savedAt: Instant(seconds: $0[3])) }
        }
    }

    /// Saves good versions, replacing what was saved for their paths; a text saved already keeps its date.
    ///
    /// Without a sync to disk of its own (`synchronous = NORMAL` for that transaction): what is lost with a power
    /// failure is saved again at the next start, and the next commit that syncs (a delivery) takes it along. A first
    /// start saves every file, and a reload should not wait for a sync per part.
    package func archive(_ files: [ArchivedPersonFile]) throws(StoreError) {
        guard !files.isEmpty else { return }
        try writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        defer { _ = try? writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") } }
        try write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO person_file (path, text, identity, saved_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (path) DO UPDATE SET
                        saved_at = CASE WHEN text = excluded.text THEN saved_at ELSE excluded.saved_at END,
                        text = excluded.text, identity = excluded.identity
                    """)
            for file in files {
                try statement.execute(arguments: [file.path, file.text, file.identity, file.savedAt.seconds])
            }
        }
    }

    /// Forgets the saved versions of files that are gone.
    package func forgetPersonFiles(_ paths: some Sequence<String>) throws(StoreError) {
        try write { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM person_file WHERE path = ?")
            for path in paths { try statement.execute(arguments: [path]) }
        }
    }
}
