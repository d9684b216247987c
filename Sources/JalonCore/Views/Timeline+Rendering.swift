/// The two renderings of a timeline: a table for people and JSON for programs.
extension Timeline {
    /// The person, then every item by day in `zone` with its state, its id and place, and one line per reminder.
    package func table(language: Language, zone: Zone, consultantName: String?) -> String {
        var out =
            ViewText.personHeader(
                name: person.name, id: person.id, zone: self.zone.identifier, consultant: consultantName
            ).text(language) + "\n\n"
        var headings = DayHeadings(language: language)
        for entry in entries {
            let event = entry.event
            out += headings.heading(event.isAllDay ? event.date : zone.local(event.start).date)
            var lines = EventLines(event: event, zone: zone, language: language)
            lines.state = stateText(entry.state, event: event).text(language)
            out += lines.text
            if entry.reminders.isEmpty { out += "      " + ViewText.noReminder.text(language) + "\n" }
            for reminder in entry.reminders {
                let step: String
                if let index = reminder.followUpIndex {
                    step = ViewText.followUpStep(index).text(language)
                } else if let window = RenewalWindow.stepText(reminder.step) {
                    step = window.text(language)
                } else if let duration = try? CalendarDuration.parse(reminder.step) {
                    step = ViewText.step(duration).text(language)
                } else {
                    step = reminder.step
                }
                let line = ViewText.reminderLine(
                    step: step, due: zone.local(reminder.due), fate: fateText(reminder.fate, zone: zone).text(language),
                    mail: reminder.messages.map { Timeline.mailText($0, zone: zone).text(language) })
                out += "      " + line.text(language) + "\n"
            }
        }
        return out
    }

    private func stateText(_ state: State, event: CalendarEvent) -> ViewText {
        switch state {
        case .done(let on): .done(on: on)
        case .overdue(let days): .stateOverdue(days: days)
        case .coming: .stateComing(seconds: event.start.seconds - now.seconds)
        case .past: .statePast
        }
    }

    private func fateText(_ fate: Fate, zone: Zone) -> ViewText {
        switch fate {
        case .onTime(let at): .fateOnTime(at: zone.local(at))
        case .late(let at): .fateLate(at: zone.local(at))
        case .missed: .fateMissed
        case .skipped: .fateSkipped
        case .other(let outcome, _): .fateOther(outcome: outcome)
        case .pending: .fatePending
        case .notRecorded: .fateNotRecorded
        case .cancelled: .fateCancelled
        }
    }

    /// What became of a message: sent, queued, waiting for a retry, refused.
    static func mailText(_ message: DeliveryHistory.Message, zone: Zone) -> ViewText {
        switch message.state {
        case "sent": return .mailSent
        case "failed": return .mailRefused(error: message.lastError)
        case "pending":
            guard message.attempts > 0 else { return .mailQueued }
            return .mailRetrying(
                attempts: message.attempts, next: zone.local(message.nextAttempt ?? Instant(seconds: 0)),
                error: message.lastError)
        default: return .mailOther(state: message.state)
        }
    }

    /// The name of a message's state in JSON: "sent", "queued", "retrying", "refused", or as recorded.
    static func mailStateName(_ message: DeliveryHistory.Message) -> String {
        switch message.state {
        case "sent": "sent"
        case "failed": "refused"
        case "pending": message.attempts > 0 ? "retrying" : "queued"
        default: message.state
        }
    }

    /// One JSON object: the person, then `items`, each an event object (see `EventList`) with `state` and
    /// `reminders`.
    package func json(consultantName: String?) -> [UInt8] {
        var out = JSONWriter()
        out.raw("{\"person\":")
        out.string(person.id)
        out.raw(",\"name\":")
        out.string(person.name)
        out.raw(",\"consultant\":")
        out.optional(person.consultant)
        out.raw(",\"consultant_name\":")
        out.optional(consultantName)
        out.raw(",\"zone\":")
        out.string(zone.identifier)
        out.raw(",\"now\":")
        out.time(now, in: zone)
        out.raw(",\"items\":[")
        for (index, entry) in entries.enumerated() {
            out.raw(index == 0 ? "\n" : ",\n")
            out.event(entry.event)
            out.raw(",\"state\":")
            out.string(entry.state.name)
            if case .overdue(let days) = entry.state {
                out.raw(",\"days_overdue\":")
                out.integer(days)
            }
            out.raw(",\"reminders\":[")
            for (i, reminder) in entry.reminders.enumerated() {
                if i > 0 { out.raw(",") }
                out.raw("{\"id\":")
                out.string(reminder.id)
                out.raw(",\"step\":")
                out.string(reminder.step)
                out.raw(
                    reminder.followUpIndex == nil ? ",\"follow_up\":false,\"due\":" : ",\"follow_up\":true,\"due\":")
                out.time(reminder.due, in: zone)
                out.raw(",\"to\":")
                out.strings(reminder.to)
                out.raw(",\"outcome\":")
                out.string(reminder.fate.name)
                out.raw(",\"recorded_at\":")
                out.time(reminder.fate.recordedAt, in: zone)
                out.raw(",\"mail\":[")
                for (j, message) in reminder.messages.enumerated() {
                    if j > 0 { out.raw(",") }
                    out.raw("{\"state\":")
                    out.string(Timeline.mailStateName(message))
                    out.raw(",\"attempts\":")
                    out.integer(message.attempts)
                    out.raw(",\"next_attempt\":")
                    out.time(message.state == "pending" ? message.nextAttempt : nil, in: zone)
                    out.raw(",\"error\":")
                    out.optional(message.lastError)
                    out.raw(",\"to\":")
                    out.strings(message.recipients)
                    out.raw("}")
                }
                out.raw("]}")
            }
            out.raw("]}")
        }
        out.raw(entries.isEmpty ? "]}\n" : "\n]}\n")
        return out.bytes
    }
}
