/// What the state database records about one person's reminders: how each was dealt with, its messages, and the
/// items acknowledged with `jalon done`.
///
/// Outcomes and mail states are kept as the database spells them, so that a value this jalon does not know (one a
/// newer jalon writes) is shown as it is rather than dropped.
package struct DeliveryHistory: Sendable {
    /// A row of the delivery table.
    package struct Record: Sendable {
        /// "on-time", "late", "missed", "skipped", or another word of a newer jalon.
        package var outcome: String
        package var recordedAt: Instant

        package init(outcome: String, recordedAt: Instant) {
            self.outcome = outcome
            self.recordedAt = recordedAt
        }
    }

    /// A message of the mail queue.
    package struct Message: Sendable {
        /// "pending", "sent", "failed", or another word of a newer jalon.
        package var state: String
        package var attempts: Int
        package var nextAttempt: Instant?
        package var lastError: String?
        package var recipients: [String]

        package init(state: String, attempts: Int, nextAttempt: Instant?, lastError: String?, recipients: [String]) {
            self.state = state
            self.attempts = attempts
            self.nextAttempt = nextAttempt
            self.lastError = lastError
            self.recipients = recipients
        }
    }

    package var records: [ReminderKey: Record] = [:]
    package var messages: [ReminderKey: [Message]] = [:]
    package var acknowledgements: [Acknowledgement: Instant] = [:]

    package init() {}
}
