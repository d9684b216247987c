/// The journal entries of reminders and of the daemon's life (SPEC §7), in the configured language.
///
/// Entries name people by their identifier, not their name or address: the journal is readable by more than the
/// user's mail, and bilan results are confidential.
package struct JournalMessages: Sendable {
    package var language: Language

    package init(language: Language) {
        self.language = language
    }

    private var fr: Bool { language == .fr }

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
        let event: JournalEvent = delivery.outcome == .late ? .late : (r.isFollowUp ? .followUp : .reminder)
        var head: String
        switch event {
        case .late: head = fr ? "Rappel en retard" : "Late reminder"
        case .followUp: head = fr ? "Relance \(r.followUpIndex ?? 1)" : "Follow-up \(r.followUpIndex ?? 1)"
        default: head = fr ? "Rappel" : "Reminder"
        }
        if event == .late, let index = r.followUpIndex { head += fr ? " (relance \(index))" : " (follow-up \(index))" }
        // French puts a space before a colon.
        let message = "\(head) \(r.id)\(fr ? " :" : ":") \(r.title) — \(kindLabel(r.kind)), \(when(r, now: now))"
        var fields = fields(r)
        if delivery.outcome == .late { fields["JALON_LATE"] = "1" }
        return JournalEntry(event: event, message: message, fields: fields)
    }

    /// The entry of a reminder whose time passed while jalon was not running.
    package func missed(_ reminder: Reminder) -> JournalEntry {
        let due = DateText.dayAndTime(reminder.zone.local(reminder.due), language)
        let message =
            fr
            ? "Rappel manqué \(reminder.id) (prévu le \(due), jalon ne tournait pas) : \(reminder.title)"
            : "Missed reminder \(reminder.id) (due \(due), jalon was not running): \(reminder.title)"
        return JournalEntry(event: .missed, message: message, fields: fields(reminder))
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

    /// "session", "échéance", … in the configured language.
    package func kindLabel(_ kind: ItemKind) -> String {
        switch kind {
        case .session: fr ? "séance" : "session"
        case .deadline: fr ? "échéance" : "deadline"
        case .renewal: fr ? "recyclage" : "renewal"
        case .suivi: fr ? "entretien de suivi" : "follow-up interview"
        }
    }

    /// When the item is, and how far from now: "mardi 8 septembre 2026 à 14 h 00, dans 2 jours".
    package func when(_ reminder: Reminder, now: Instant) -> String {
        let at = DateText.dayAndTime(reminder.zone.local(reminder.base), language)
        return at + ", " + relative(from: now, to: reminder.base)
    }

    /// "dans 2 jours", "il y a 3 heures", "in 2 days", "3 hours ago", "maintenant"/"now".
    package func relative(from now: Instant, to then: Instant) -> String {
        let seconds = then.seconds - now.seconds
        let magnitude = abs(seconds)
        let (count, unitFR, unitEN): (Int64, String, String)
        if magnitude < 60 {
            return fr ? "maintenant" : "now"
        } else if magnitude < 3600 {
            (count, unitFR, unitEN) = (magnitude / 60, "minute", "minute")
        } else if magnitude < 86_400 * 2 {
            (count, unitFR, unitEN) = (magnitude / 3600, "heure", "hour")
        } else {
            (count, unitFR, unitEN) = ((magnitude + 43_200) / 86_400, "jour", "day")
        }
        let plural = count > 1 ? "s" : ""
        if fr { return seconds > 0 ? "dans \(count) \(unitFR)\(plural)" : "il y a \(count) \(unitFR)\(plural)" }
        return seconds > 0 ? "in \(count) \(unitEN)\(plural)" : "\(count) \(unitEN)\(plural) ago"
    }
}
