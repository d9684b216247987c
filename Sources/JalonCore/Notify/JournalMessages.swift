/// The journal entries of reminders and of the daemon's life (SPEC §7), in the configured language.
///
/// Entries name people by their identifier, not their name or address: the journal is readable by more than the
/// user's mail, and bilan results are confidential.
package struct JournalMessages: Sendable {
    package var language: Language
    /// The settings' zone: the times of jalon's own life (when it stopped, slept…) are written in it.
    package var zone: Zone

    package init(language: Language, zone: Zone) {
        self.language = language
        self.zone = zone
    }

    /// The fields every reminder entry carries.
    package func fields(_ reminder: Reminder) -> [String: String] {
        [
            "JALON_REMINDER": reminder.id, "JALON_PERSON": reminder.person, "JALON_ITEM": reminder.item,
            "JALON_KIND": reminder.kind.rawValue, "JALON_STEP": reminder.step,
            "JALON_DUE": reminder.zone.rfc3339(reminder.due),
        ]
    }

    /// The entry of a reminder handed over on time or late.
    package func delivered(_ delivery: Scheduler.Delivery, now: Instant) -> JournalEntry {
        let r = delivery.reminder
        let at = r.zone.local(r.base)
        let away = r.base.seconds - now.seconds
        let event: JournalEvent = delivery.outcome == .late ? .late : (r.isFollowUp ? .followUp : .reminder)
        let text: JournalText
        switch event {
        case .late:
            text = .late(
                id: r.id, title: r.title, kind: r.kind, at: at, secondsAway: away, followUp: r.followUpIndex,
                cause: delivery.cause.map { CatchUpText.cause($0, zone: zone) })
        case .followUp:
            text = .followUp(
                index: r.followUpIndex ?? 1, id: r.id, title: r.title, kind: r.kind, at: at, secondsAway: away)
        default:
            text = .reminder(id: r.id, title: r.title, kind: r.kind, at: at, secondsAway: away)
        }
        var fields = fields(r)
        if delivery.outcome == .late { fields["JALON_LATE"] = "1" }
        return JournalEntry(event: event, message: text.text(language), fields: fields)
    }

    /// The entry of a reminder whose time passed while jalon could not send it, and that is not sent.
    package func missed(_ missed: Scheduler.Missed) -> JournalEntry {
        let reminder = missed.reminder
        let text = JournalText.missed(
            id: reminder.id, title: reminder.title, due: reminder.zone.local(reminder.due),
            reason: CatchUpText.reason(missed.reason), cause: missed.cause.map { CatchUpText.cause($0, zone: zone) })
        var fields = fields(reminder)
        if case .superseded(let next) = missed.reason { fields["JALON_SUPERSEDED_BY"] = next.id }
        return JournalEntry(event: .missed, message: text.text(language), fields: fields)
    }

    /// The one entry of a reload that skipped reminders due before their item was first planned.
    package func skipped(count: Int) -> JournalEntry {
        JournalEntry(
            event: .skipped, message: JournalText.skipped(count: count).text(language),
            fields: ["JALON_SKIPPED": String(count)])
    }

    /// At start, a broken person file is planned from the version the state database saved at `savedAt`: said at the
    /// place of its first problem.
    package func restored(_ path: String, savedAt: Instant, problem: Diagnostic?) -> JournalEntry {
        let position = problem?.position ?? .start
        let text = JournalText.plannedFromLastGoodVersion(
            file: path, line: position.line, column: position.column, savedAt: zone.local(savedAt))
        return JournalEntry(
            event: .configurationProblem, message: text.text(language),
            fields: [
                "JALON_FILE": path, "JALON_LINE": String(position.line), "JALON_COLUMN": String(position.column),
            ])
    }

    /// The entry of a configuration problem, at its place.
    package func problem(_ diagnostic: Diagnostic) -> JournalEntry {
        JournalEntry(
            event: .configurationProblem, message: diagnostic.description,
            fields: [
                "JALON_FILE": diagnostic.file, "JALON_LINE": String(diagnostic.position.line),
                "JALON_COLUMN": String(diagnostic.position.column),
            ])
    }

    /// An entry of the daemon's own: `text` in the configured language.
    package func entry(_ event: JournalEvent, _ text: JournalText, fields: [String: String] = [:]) -> JournalEntry {
        JournalEntry(event: event, message: text.text(language), fields: fields)
    }

    /// "dans 2 jours", "il y a 3 heures", "in 2 days", "3 hours ago", "maintenant"/"now".
    package func relative(from now: Instant, to then: Instant) -> String {
        WordText.relative(seconds: then.seconds - now.seconds).text(language)
    }
}
