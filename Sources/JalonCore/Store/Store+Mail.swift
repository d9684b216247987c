import Foundation
import GRDB

// MARK: - The mail queue

/// The mail queue (`mail` table): one row per message, that is per reminder (or digest, or test) and recipient.
///
/// A row keeps what the message is composed from — its kind, its recipient's role and the reminder's data as JSON —
/// and not the message itself: each try writes it again from the configuration as it is then. `kind` is free text,
/// so that a new kind of message needs no new table.
extension Store {
    /// Migration 4: from one row per reminder holding the rendered message for all its recipients, to one row per
    /// recipient. Rows already there become `rendered` messages to each of their addresses, sent as they were
    /// written; nothing queued is lost.
    static func migrateToMailPerRecipient(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE mail_per_recipient (
                    reminder TEXT NOT NULL,
                    due INTEGER NOT NULL,
                    recipient TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    request TEXT NOT NULL DEFAULT '{}',
                    message BLOB,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt INTEGER NOT NULL,
                    refused_since INTEGER,
                    last_result TEXT,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (reminder, due, recipient)
                ) WITHOUT ROWID;
                """)
        let insert = try db.makeStatement(
            sql: """
                INSERT OR IGNORE INTO mail_per_recipient (reminder, due, recipient, kind, request, message, state,
                    attempts, next_attempt, refused_since, last_result, updated_at)
                VALUES (?, ?, ?, 'rendered', ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT reminder, due, sender, recipients, message, state, attempts, next_attempt, last_error, updated_at
                FROM mail
                """)
        let encoder = JSONEncoder()
        while let row = try rows.next() {
            let state: String = row["state"]
            var request = MailRequest()
            request.sender = row["sender"]
            let json = String(decoding: try encoder.encode(request), as: UTF8.self)
            let message: Data? = state == "sent" ? nil : row["message"]
            let updated: Int64 = row["updated_at"]
            let recipients: String = row["recipients"]
            for address in recipients.split(separator: "\n") {
                try insert.execute(arguments: [
                    row["reminder"], row["due"], MailRecipient.address(String(address)).description, json, message,
                    state, row["attempts"], row["next_attempt"], state == "failed" ? updated : nil, row["last_error"],
                    updated,
                ])
            }
        }
        try db.execute(
            sql: """
                DROP TABLE mail;
                ALTER TABLE mail_per_recipient RENAME TO mail;
                CREATE INDEX mail_by_state ON mail (state, next_attempt);
                """)
    }

    /// Queues `jobs` as pending, to go at `now`; a message already queued (same reminder, due and recipient) is
    /// left as it is.
    static func queue(_ jobs: [MailJob], in db: Database, at now: Instant) throws {
        guard !jobs.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO mail (reminder, due, recipient, kind, request, message, state, next_attempt,
                    updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                """)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for job in jobs {
            try statement.execute(arguments: [
                job.key.id, job.key.reminder.due.seconds, job.key.recipient.description, job.kind.rawValue,
                String(decoding: try encoder.encode(job.request), as: UTF8.self), job.message.map { Data($0) },
                now.seconds, now.seconds,
            ])
        }
    }

    /// Queues a test message (`jalon test-mail` asking the running daemon to send it).
    package func queueTest(_ job: MailJob, at now: Instant) throws(StoreError) {
        try write { db in try Store.queue([job], in: db, at: now) }
    }

    /// One message, as it is now; nil when it is not (or no longer) in the queue.
    package func mailJob(_ key: MailKey) throws(StoreError) -> MailJob? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM mail WHERE reminder = ? AND due = ? AND recipient = ?",
                arguments: [key.id, key.reminder.due.seconds, key.recipient.description]
            ).flatMap(Store.mailJob)
        }
    }

    /// Removes one message from the queue (a test message once its outcome is read).
    package func removeMail(_ key: MailKey) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "DELETE FROM mail WHERE reminder = ? AND due = ? AND recipient = ?",
                arguments: [key.id, key.reminder.due.seconds, key.recipient.description])
        }
    }

    /// Pending messages whose time has come, oldest first.
    package func dueMail(now: Instant, limit: Int) throws(StoreError) -> [MailJob] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM mail WHERE state = 'pending' AND next_attempt <= ? ORDER BY next_attempt, due LIMIT ?
                    """, arguments: [now.seconds, limit]
            ).compactMap(Store.mailJob)
        }
    }

    /// Messages in a state (for `jalon status`), the most recent first, without their data.
    package func mail(in state: MailJob.State, limit: Int = 100) throws(StoreError) -> [MailJob] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT reminder, due, recipient, kind, '{}' AS request, NULL AS message, state, attempts,
                        next_attempt, refused_since, last_result
                    FROM mail WHERE state = ? ORDER BY updated_at DESC LIMIT ?
                    """, arguments: [state.rawValue, limit]
            ).compactMap(Store.mailJob)
        }
    }

    /// How many messages are in a state; with `tried`, only those sendmail has (or has not) had at least once.
    /// Test messages are not counted: they belong to the `jalon test-mail` that asked for them.
    package func mailCount(in state: MailJob.State, tried: Bool? = nil) throws(StoreError) -> Int {
        let filter = tried.map { $0 ? " AND attempts > 0" : " AND attempts = 0" } ?? ""
        return try read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM mail WHERE state = ? AND kind <> 'test'" + filter,
                arguments: [state.rawValue]) ?? 0
        }
    }

    /// When the next pending message should be tried.
    package func nextMailAttempt() throws(StoreError) -> Instant? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT min(next_attempt) FROM mail WHERE state = 'pending'").map {
                Instant(seconds: $0)
            }
        }
    }

    /// Records what became of tries, in one transaction. A message sent or dropped forgets its data (it is personal
    /// and not needed any more); only the record that it went stays.
    package func markMail(_ jobs: [MailJob], at now: Instant) throws(StoreError) {
        try write { db in
            for job in jobs {
                let forget = job.state == .sent || job.state == .dropped
                try db.cachedStatement(
                    sql: """
                        UPDATE mail SET state = ?, attempts = ?, next_attempt = ?, refused_since = ?, last_result = ?,
                            updated_at = ?\(forget ? ", request = '{}', message = NULL" : "")
                        WHERE reminder = ? AND due = ? AND recipient = ?
                        """
                ).execute(arguments: [
                    job.state.rawValue, job.attempts, job.nextAttempt.seconds, job.refusedSince?.seconds,
                    job.lastResult, now.seconds, job.key.id, job.key.reminder.due.seconds,
                    job.key.recipient.description,
                ])
            }
        }
    }

    /// Puts failed messages of `reminder` (an id, or a `PERSON/ITEM` prefix) back in the queue, to go now; each is
    /// composed again from the configuration as it is then.
    ///
    /// - Returns: how many were queued again.
    package func requeue(_ reminder: String, at now: Instant) throws(StoreError) -> Int {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE mail SET state = 'pending', attempts = 0, refused_since = NULL, next_attempt = ?,
                        updated_at = ?
                    WHERE state = 'failed' AND kind <> 'test' AND (reminder = ? OR reminder LIKE ? ESCAPE '\\')
                    """,
                arguments: [now.seconds, now.seconds, reminder, Store.likePrefix(reminder + "/")])
            return db.changesCount
        }
    }

    private static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    private static func mailJob(_ row: Row) -> MailJob? {
        guard let recipient = MailRecipient(stored: row["recipient"]),
            let kind = MailKind(rawValue: row["kind"])
        else { return nil }
        let requestText: String = row["request"] ?? "{}"
        let request = (try? JSONDecoder().decode(MailRequest.self, from: Data(requestText.utf8))) ?? MailRequest()
        let message: Data? = row["message"]
        var job = MailJob(
            key: MailKey(
                reminder: ReminderKey(id: row["reminder"], due: Instant(seconds: row["due"])), recipient: recipient),
            kind: kind, request: request, message: message.map { Array($0) })
        job.state = MailJob.State(rawValue: row["state"]) ?? .pending
        job.attempts = row["attempts"]
        job.nextAttempt = Instant(seconds: row["next_attempt"])
        job.refusedSince = (row["refused_since"] as Int64?).map { Instant(seconds: $0) }
        job.lastResult = row["last_result"]
        return job
    }
}
