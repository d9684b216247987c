import GRDB

// MARK: - What the views read

/// Reading what became of reminders, for `jalon show` and `jalon events`.
///
/// Tolerant of what other versions of jalon write: outcomes and mail states are read as text and passed on as they
/// are, mail rows are read by column name (one row per message, whatever its key), and a table a newer jalon added
/// or an older one lacks is not required.
extension Store {
    /// Every acknowledgement with when it was made.
    package func acknowledgementTimes() throws(StoreError) -> [Acknowledgement: Instant] {
        try read { db in
            var times: [Acknowledgement: Instant] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT item, base, acknowledged_at FROM acknowledgement")
            while let row = try rows.next() {
                times[Acknowledgement(item: row[0], base: Instant(seconds: row[1]))] = Instant(seconds: row[2])
            }
            return times
        }
    }

    /// The outcomes, messages and acknowledgements of one person's reminders and items.
    package func history(ofPerson person: String) throws(StoreError) -> DeliveryHistory {
        // Identifiers of the person's reminders and items all start with "PERSON/": a range of the primary key.
        // "0" is the byte after "/".
        let low = person + "/"
        let high = person + "0"
        return try read { db in
            var history = DeliveryHistory()
            for row in try Row.fetchAll(
                db,
                sql: "SELECT reminder, due, outcome, recorded_at FROM delivery WHERE reminder >= ? AND reminder < ?",
                arguments: [low, high])
            {
                history.records[ReminderKey(id: row[0], due: Instant(seconds: row[1]))] = DeliveryHistory.Record(
                    outcome: row[2], recordedAt: Instant(seconds: row[3]))
            }
            if try db.tableExists("mail") {
                for row in try Row.fetchAll(
                    db, sql: "SELECT * FROM mail WHERE reminder >= ? AND reminder < ? ORDER BY reminder, due",
                    arguments: [low, high])
                {
                    let key = ReminderKey(id: row["reminder"], due: Instant(seconds: row["due"]))
                    history.messages[key, default: []].append(Store.message(row))
                }
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT item, base, acknowledged_at FROM acknowledgement WHERE item >= ? AND item < ?",
                arguments: [low, high])
            {
                history.acknowledgements[Acknowledgement(item: row[0], base: Instant(seconds: row[1]))] = Instant(
                    seconds: row[2])
            }
            return history
        }
    }

    /// A mail row as the views see it, whichever columns this version of the table has: one row per recipient
    /// (`recipient`, stored as a role: `person`, `consultant`, `consultant:ID`, `address:ADDRESS`), or one per
    /// reminder with its `recipients` (before messages were queued per recipient).
    private static func message(_ row: Row) -> DeliveryHistory.Message {
        var recipients: [String] = []
        if row.hasColumn("recipients"), let text: String = row["recipients"] {
            recipients = text.split(separator: "\n").map(String.init)
        } else if row.hasColumn("recipient"), let text: String = row["recipient"] {
            switch MailRecipient(stored: text) {
            case .address(let address): recipients = [address]
            case .some(let recipient): recipients = [recipient.description]
            case nil: recipients = [text]
            }
        }
        let state: String = row.hasColumn("state") ? (row["state"] ?? "pending") : "pending"
        let attempts: Int = row.hasColumn("attempts") ? (row["attempts"] ?? 0) : 0
        let next: Int64? = row.hasColumn("next_attempt") ? row["next_attempt"] : nil
        var error: String?
        if row.hasColumn("last_result") {
            error = row["last_result"]
        } else if row.hasColumn("last_error") {
            error = row["last_error"]
        }
        return DeliveryHistory.Message(
            state: state, attempts: attempts, nextAttempt: next.map(Instant.init(seconds:)), lastError: error,
            recipients: recipients)
    }
}
