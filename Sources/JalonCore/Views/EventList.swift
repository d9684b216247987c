/// The items in a window of time, for `jalon events`: sessions, deadlines, expiries and follow-up interviews, sorted
/// by start then id.
package struct EventList: Sendable {
    /// Which items to keep: each filter that is set must match.
    package struct Filter: Sendable {
        package var person: String?
        package var consultant: String?
        package var kind: ItemKind?

        package init(person: String? = nil, consultant: String? = nil, kind: ItemKind? = nil) {
            self.person = person
            self.consultant = consultant
            self.kind = kind
        }

        func keeps(_ person: Person) -> Bool {
            (self.person == nil || self.person == person.id)
                && (consultant == nil || consultant == person.consultant)
        }
    }

    package var events: [CalendarEvent]
    package var from: Instant
    package var to: Instant

    /// The events that start in [`from`, `to`).
    package init(
        people: [Person], settings: Settings, from: Instant, to: Instant, filter: Filter = Filter(),
        done: DoneMarks = DoneMarks()
    ) {
        let planner = ReminderPlanner(settings: settings)
        var events: [CalendarEvent] = []
        for person in people where filter.keeps(person) {
            for event in CalendarEvent.events(of: person, planner: planner, acknowledgedAt: done.acknowledgedAt)
            where event.start >= from && event.start < to && (filter.kind == nil || filter.kind == event.kind) {
                events.append(event)
            }
        }
        self.events = CalendarEvent.sorted(events)
        self.from = from
        self.to = to
    }

    /// One JSON array, one object a line (see `EventJSON`).
    package func json() -> [UInt8] {
        JSONWriter.array(of: events)
    }

    /// A table grouped by day in `zone`, in `language`: each item on two lines, when and what, then its id.
    package func table(language: Language, zone: Zone) -> String {
        guard !events.isEmpty else {
            return ViewText.noEvents(from: zone.local(from).date, to: zone.local(to - 1).date).text(language) + "\n"
        }
        var out = ""
        var headings = DayHeadings(language: language)
        for event in events {
            out += headings.heading(event.isAllDay ? event.date : zone.local(event.start).date)
            out += EventLines(event: event, zone: zone, language: language).text
        }
        return out
    }
}
