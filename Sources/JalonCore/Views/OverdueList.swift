/// The items whose date has passed and that are not done: deadlines, expired trainings, follow-up interviews not
/// held — oldest first. Sessions are not in it: a session that has passed was held or missed, and the list is of
/// what is still to do.
///
/// `jalon overdue` prints it; the consultants' daily digest lists the part that concerns each of them.
package struct OverdueList: Sendable {
    package var events: [CalendarEvent]
    package var now: Instant

    /// The overdue items at `now`.
    ///
    /// - Parameters:
    ///   - consultant: only the beneficiaries of this consultant.
    ///   - isFinished: whether `jalon done` finished the item `PERSON/ITEM` whose base was this instant.
    package init(
        people: [Person], settings: Settings, now: Instant, consultant: String? = nil,
        isFinished: (String, Instant) -> Bool
    ) {
        let planner = ReminderPlanner(settings: settings)
        var events: [CalendarEvent] = []
        for person in people where consultant == nil || person.consultant == consultant {
            for event in CalendarEvent.events(of: person, planner: planner, acknowledgedAt: { _, _ in nil })
            where event.kind != .session && event.start < now && !event.done && !isFinished(event.id, event.start) {
                events.append(event)
            }
        }
        self.events = CalendarEvent.sorted(events)
        self.now = now
    }

    /// Whole days since the item's time: 0 the first day.
    package func daysOverdue(_ event: CalendarEvent) -> Int {
        event.daysOverdue(at: now)
    }

    /// One JSON array, oldest first: the objects of `events` with `days_overdue`.
    package func json() -> [UInt8] {
        JSONWriter.array(of: events) { out, event in
            out.raw(",\"days_overdue\":")
            out.integer(daysOverdue(event))
        }
    }

    /// One entry a line pair, oldest first: since when, then what, who and the consultant.
    package func table(language: Language, zone: Zone, consultants: [String: Consultant]) -> String {
        guard !events.isEmpty else { return ViewText.noOverdue.text(language) + "\n" }
        var out = ""
        for event in events {
            out += ViewText.overdueSince(date: event.date, days: daysOverdue(event)).text(language) + "\n"
            let name = consultants.name(of: event.consultant)
            out += EventLines(event: event, zone: zone, language: language, consultantName: name).text
        }
        return out
    }
}
