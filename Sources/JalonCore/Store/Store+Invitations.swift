import GRDB

// MARK: - Invitations

/// The last invitation each session's person was sent (`invitation` table), so that an update or a cancellation
/// follows it with a higher SEQUENCE, across restarts.
extension Store {
    /// The migration that adds the table (registered in `Store.migrator`, after "5: calendar sequences").
    static func registerInvitations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("6: invitations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE invitation (
                        uid TEXT PRIMARY KEY NOT NULL,
                        person TEXT NOT NULL,
                        item TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        method TEXT NOT NULL CHECK (method IN ('REQUEST', 'CANCEL')),
                        title TEXT NOT NULL,
                        start INTEGER NOT NULL,
                        end INTEGER,
                        zone TEXT NOT NULL,
                        place TEXT,
                        attendee TEXT,
                        attendee_name TEXT,
                        consultant TEXT,
                        updated_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
    }

    /// The last invitation of every session, by UID (none when the table does not exist: a database opened
    /// read-only that an older jalon wrote).
    package func invitations() throws(StoreError) -> [String: InvitationRecord] {
        try read { db in
            guard try db.tableExists("invitation") else { return [:] }
            var records: [String: InvitationRecord] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT person, item, sequence, method, title, start, end, zone, place, attendee, attendee_name,
                        consultant
                    FROM invitation
                    """)
            while let row = try rows.next() {
                guard let method = InvitationMethod(rawValue: row["method"]) else { continue }
                let end: Int64? = row["end"]
                var event = InvitedEvent(
                    person: row["person"], item: row["item"], title: row["title"],
                    start: Instant(seconds: row["start"]), end: end.map(Instant.init(seconds:)), zone: row["zone"],
                    place: row["place"])
                if let address: String = row["attendee"] {
                    event.attendee = MailAddress(name: row["attendee_name"], address: address)
                }
                event.consultant = row["consultant"]
                records[event.uid] = InvitationRecord(event: event, sequence: row["sequence"], method: method)
            }
            return records
        }
    }

    /// Records the invitations decided and queues their messages, in one transaction: an invitation is either
    /// recorded and queued, or neither, and so is never queued twice for the same (UID, SEQUENCE).
    package func recordInvitations(_ records: [InvitationRecord], mail: [MailJob], at now: Instant) throws(StoreError) {
        guard !records.isEmpty || !mail.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO invitation (uid, person, item, sequence, method, title, start, end, zone, place,
                        attendee, attendee_name, consultant, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (uid) DO UPDATE SET person = excluded.person, item = excluded.item,
                        sequence = excluded.sequence, method = excluded.method, title = excluded.title,
                        start = excluded.start, end = excluded.end, zone = excluded.zone, place = excluded.place,
                        attendee = excluded.attendee, attendee_name = excluded.attendee_name,
                        consultant = excluded.consultant, updated_at = excluded.updated_at
                    WHERE excluded.sequence > invitation.sequence
                    """)
            for record in records {
                let event = record.event
                // The address is kept only while the invitation stands: a cancellation takes it to its message.
                let attendee = record.method == .request ? event.attendee : nil
                try statement.execute(arguments: [
                    record.uid, event.person, event.item, record.sequence, record.method.rawValue, event.title,
                    event.start.seconds, event.end?.seconds, event.zone, event.place, attendee?.address,
                    attendee?.name, event.consultant, now.seconds,
                ])
            }
            try Store.queue(mail, in: db, at: now)
        }
    }
}
