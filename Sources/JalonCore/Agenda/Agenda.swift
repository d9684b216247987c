import Dispatch

/// The reminders due in a window, and their two renderings: a table for people and JSON for programs (SPEC §6).
package struct Agenda: Sendable {
    package var reminders: [Reminder]
    package var from: Instant
    package var to: Instant

    /// The reminders of every good person that are due in [`from`, `to`), sorted by due instant then id.
    ///
    /// - Parameter isAcknowledged: items finished with `jalon done`, by `PERSON/ITEM` and base instant.
    package init(
        configuration: Configuration, from: Instant, to: Instant,
        isAcknowledged: @Sendable (String, Instant) -> Bool = { _, _ in false }
    ) {
        let planner = ReminderPlanner(settings: configuration.settings)
        let people = configuration.people
        // People are independent: plan them in chunks on every core.
        let chunkCount = people.isEmpty ? 0 : min(people.count, 64)
        let chunks = UnsafeMutableBufferPointer<[Reminder]>.allocate(capacity: chunkCount)
        chunks.initialize(repeating: [])
        defer { chunks.deallocate() }
        nonisolated(unsafe) let slots = chunks
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: [Reminder] = []
            var index = chunk
            while index < people.count {
                for reminder in planner.reminders(for: people[index], isAcknowledged: isAcknowledged)
                where reminder.due >= from && reminder.due < to {
                    found.append(reminder)
                }
                index += chunkCount
            }
            slots[chunk] = found
        }
        var all: [Reminder] = []
        all.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { all += chunk }
        all.sort(by: Reminder.agendaOrder)
        self.reminders = all
        self.from = from
        self.to = to
    }

    /// One JSON array, one object a line, with the keys of SPEC §6.
    ///
    /// Written by hand: `JSONEncoder` took most of the one-second budget for 135,000 reminders, and the format is
    /// flat and fixed.
    package func json() -> String {
        var out = "["
        out.reserveCapacity(reminders.count * 260 + 4)
        for (index, r) in reminders.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "{\"id\":"
            JSON.append(r.id, to: &out)
            out += ",\"person\":"
            JSON.append(r.person, to: &out)
            out += ",\"item\":"
            JSON.append(r.item, to: &out)
            out += ",\"kind\":\""
            out += r.kind.rawValue
            out += "\",\"step\":"
            JSON.append(r.step, to: &out)
            out += r.isFollowUp ? ",\"follow_up\":true" : ",\"follow_up\":false"
            out += ",\"due\":\""
            out += r.zone.rfc3339(r.due)
            out += "\",\"to\":["
            for (i, address) in r.to.enumerated() {
                if i > 0 { out += "," }
                JSON.append(address, to: &out)
            }
            out += "],\"title\":"
            JSON.append(r.title, to: &out)
            out += "}"
        }
        out += reminders.isEmpty ? "]\n" : "\n]\n"
        return out
    }

    /// A table grouped by day in `zone`: each reminder on two lines, what and when, then its id and recipients.
    package func table(language: Language, zone: Zone) -> String {
        let fr = language == .fr
        guard !reminders.isEmpty else {
            let start = DateText.day(zone.local(from).date, language)
            let end = DateText.day(zone.local(to - 1).date, language)
            return fr ? "Aucun rappel du \(start) au \(end).\n" : "No reminders from \(start) to \(end).\n"
        }
        var out = ""
        var currentDay: LocalDate?
        for r in reminders {
            let local = zone.local(r.due)
            if local.date != currentDay {
                out += (currentDay == nil ? "" : "\n") + DateText.day(local.date, language) + "\n"
                currentDay = local.date
            }
            var when = "\(pad(local.time.hour, 2)):\(pad(local.time.minute, 2))"
            if r.zone != zone {
                let there = r.zone.local(r.due)
                when += " (\(pad(there.time.hour, 2)):\(pad(there.time.minute, 2)) \(r.zone.identifier))"
            }
            var what = kindLabel(r.kind, fr)
            if let index = r.followUpIndex { what += fr ? ", relance \(index)" : ", follow-up \(index)" }
            out += "  \(when)  \(r.title) (\(what))\n"
            let recipients = r.to.isEmpty ? (fr ? "journal seulement" : "journal only") : r.to.joined(separator: ", ")
            out += "         \(r.id) → \(recipients)\n"
        }
        return out
    }

    private func kindLabel(_ kind: ItemKind, _ fr: Bool) -> String {
        switch kind {
        case .session: fr ? "séance" : "session"
        case .deadline: fr ? "échéance" : "deadline"
        case .renewal: fr ? "recyclage" : "renewal"
        case .suivi: fr ? "entretien de suivi" : "follow-up interview"
        }
    }
}

/// JSON string escaping (RFC 8259).
package enum JSON {
    package static func append(_ text: String, to out: inout String) {
        out += "\""
        var needsEscape = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        guard needsEscape else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    package static func quoted(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }
}
