/// One person's timeline, for `jalon show`: every item, past and future, with its state, and for each item its
/// reminders with what became of them (SPEC §5) and of their messages.
package struct Timeline: Sendable {
    /// Where an item stands at `now`.
    package enum State: Sendable, Equatable {
        /// Done in the file or with `jalon done`, on a date when it is known.
        case done(on: LocalDate?)
        /// Its time has passed and it is not done (not a session).
        case overdue(days: Int)
        case coming
        /// A session whose time has passed, not marked done.
        case past

        package var name: String {
            switch self {
            case .done: "done"
            case .overdue: "overdue"
            case .coming: "coming"
            case .past: "past"
            }
        }
    }

    /// What became of a reminder.
    package enum Fate: Sendable, Equatable {
        case onTime(Instant)
        case late(Instant)
        case missed(Instant)
        case skipped(Instant)
        /// An outcome this jalon does not know, as recorded, with when.
        case other(String, Instant)
        /// Due later.
        case pending
        /// Due, nothing recorded: jalon was not running, or did not know the item yet.
        case notRecorded
        /// Not recorded and not to be: the item is done.
        case cancelled

        /// The name in JSON: the recorded outcome, or "pending", "not-recorded", "cancelled".
        package var name: String {
            switch self {
            case .onTime: "on-time"
            case .late: "late"
            case .missed: "missed"
            case .skipped: "skipped"
            case .other(let outcome, _): outcome
            case .pending: "pending"
            case .notRecorded: "not-recorded"
            case .cancelled: "cancelled"
            }
        }

        package var recordedAt: Instant? {
            switch self {
            case .onTime(let at), .late(let at), .missed(let at), .skipped(let at), .other(_, let at): at
            case .pending, .notRecorded, .cancelled: nil
            }
        }

        init(record: DeliveryHistory.Record?, due: Instant, done: Bool, now: Instant) {
            guard let record else {
                self = done ? .cancelled : due > now ? .pending : .notRecorded
                return
            }
            switch record.outcome {
            case "on-time": self = .onTime(record.recordedAt)
            case "late": self = .late(record.recordedAt)
            case "missed": self = .missed(record.recordedAt)
            case "skipped": self = .skipped(record.recordedAt)
            default: self = .other(record.outcome, record.recordedAt)
            }
        }
    }

    /// One reminder of an item, planned now or recorded for an earlier date of the item.
    package struct ReminderEntry: Sendable {
        package var id: String
        package var step: String
        package var followUpIndex: Int?
        package var due: Instant
        /// The addresses it goes to as the files are now (empty for a record of an earlier date).
        package var to: [String]
        package var fate: Fate
        package var messages: [DeliveryHistory.Message]
    }

    package struct Entry: Sendable {
        package var event: CalendarEvent
        package var state: State
        /// Due first, then by id.
        package var reminders: [ReminderEntry]
    }

    package var person: Person
    package var zone: Zone
    /// Sorted by start, then id.
    package var entries: [Entry]
    package var now: Instant

    package init(person: Person, settings: Settings, history: DeliveryHistory, now: Instant) {
        let planner = ReminderPlanner(settings: settings)
        let calendar = planner.calendar(for: person)
        let acknowledgements = history.acknowledgements
        let items = planner.items(of: person)
        let events = CalendarEvent.events(
            of: person, items: items, calendar: calendar,
            acknowledgedAt: { acknowledgements[Acknowledgement(item: $0, base: $1)] })
        // Recorded reminders by item, to find those of an item's earlier dates.
        var recordedByItem: [String: [ReminderKey]] = [:]
        for key in history.records.keys {
            guard let slash = key.id.lastIndex(of: "/") else { continue }
            recordedByItem[String(key.id[..<slash]), default: []].append(key)
        }
        var entries: [Entry] = []
        for (event, item) in zip(events, items) {
            var reminders: [ReminderEntry] = []
            var planned = Set<ReminderKey>()
            for r in planner.reminders(for: item, of: person, calendar: calendar) {
                let key = ReminderKey(id: r.id, due: r.due)
                planned.insert(key)
                reminders.append(
                    ReminderEntry(
                        id: r.id, step: r.step, followUpIndex: r.followUpIndex, due: r.due, to: r.to,
                        fate: Fate(record: history.records[key], due: r.due, done: event.done, now: now),
                        messages: history.messages[key] ?? []))
            }
            for key in recordedByItem[event.id] ?? [] where !planned.contains(key) {
                let step = String(key.id[key.id.index(after: key.id.lastIndex(of: "/")!)...])
                reminders.append(
                    ReminderEntry(
                        id: key.id, step: step,
                        followUpIndex: step.hasPrefix("follow-up-") ? Int(step.dropFirst("follow-up-".count)) : nil,
                        due: key.due, to: [],
                        fate: Fate(record: history.records[key], due: key.due, done: event.done, now: now),
                        messages: history.messages[key] ?? []))
            }
            reminders.sort { $0.due != $1.due ? $0.due < $1.due : bytesPrecede($0.id, $1.id) }
            let state: State
            if event.done {
                state = .done(on: event.doneOn)
            } else if event.start >= now {
                state = .coming
            } else if event.kind == .session {
                state = .past
            } else {
                state = .overdue(days: event.daysOverdue(at: now))
            }
            entries.append(Entry(event: event, state: state, reminders: reminders))
        }
        self.entries = entries.sorted { CalendarEvent.precedes($0.event, $1.event) }
        self.person = person
        self.zone = calendar.zone
        self.now = now
    }
}
