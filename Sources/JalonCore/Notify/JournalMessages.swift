/// The journal entries of reminders and of the daemon's life (SPEC §7), in the configured language.
///
/// Entries name people by their identifier, not their name or address: the journal is readable by more than the
/// user's mail, and bilan results are confidential.
package struct JournalMessages: Sendable {
    package var language: Language

    package init(language: Language) {
        self.language = language
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
            text = .late(id: r.id, title: r.title, kind: r.kind, at: at, secondsAway: away, followUp: r.followUpIndex)
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

    /// The entry of a reminder whose time passed while jalon was not running.
    package func missed(_ reminder: Reminder) -> JournalEntry {
        let text = JournalText.missed(id: reminder.id, title: reminder.title, due: reminder.zone.local(reminder.due))
        return JournalEntry(event: .missed, message: text.text(language), fields: fields(reminder))
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
