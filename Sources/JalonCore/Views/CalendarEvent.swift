/// One item placed in time, as the desk's views show it: a session, a deadline, a training's expiry or a follow-up
/// interview, with the person it belongs to.
package struct CalendarEvent: Sendable {
    package var person: String
    package var personName: String
    package var item: String
    package var kind: ItemKind
    package var title: String
    /// When the item is: a session's start, a deadline's due time, an expiry or a follow-up interview at the
    /// person's `remind_at` (SPEC §5, the item's base).
    package var start: Instant
    /// A session's end, from its `duration`.
    package var end: Instant?
    /// The person's zone, in which the item is written.
    package var zone: Zone
    package var place: String?
    package var phase: Phase?
    package var consultant: String?
    /// Done in the file, or acknowledged with `jalon done` for the item as it is now.
    package var done: Bool
    /// When it was done, when that is known: the date given in the file (`done = 2027-03-01`), or the local date of
    /// `jalon done`.
    package var doneOn: LocalDate?

    /// `PERSON/ITEM`.
    package var id: String { person + "/" + item }

    /// Whether the item fills a whole day (everything but sessions): calendars show it on its date, without a time.
    package var isAllDay: Bool { kind != .session }

    /// The item's date in the person's zone.
    package var date: LocalDate { zone.local(start).date }

    /// The events of one person, in the order of their file, with the derived follow-up interview last.
    ///
    /// - Parameter acknowledgedAt: when `jalon done` finished the item `PERSON/ITEM` whose base was this instant,
    ///   nil when it did not.
    package static func events(
        of person: Person, planner: ReminderPlanner, acknowledgedAt: (String, Instant) -> Instant?
    ) -> [CalendarEvent] {
        events(
            of: person, items: planner.items(of: person), calendar: planner.calendar(for: person),
            acknowledgedAt: acknowledgedAt)
    }

    /// The events of one person from its items as `ReminderPlanner.items(of:)` planned them, in the same order.
    package static func events(
        of person: Person, items planned: [PlannedItem], calendar: WorkCalendar,
        acknowledgedAt: (String, Instant) -> Instant?
    ) -> [CalendarEvent] {
        let consultant = person.consultant
        var events: [CalendarEvent] = []
        events.reserveCapacity(planned.count)
        for (index, item) in planned.enumerated() {
            let end = item.kind == .session ? end(of: item.base, after: item.duration, calendar: calendar) : nil
            // The derived follow-up interview comes after the file's items: it has no entry in `person.items`.
            var doneOn = index < person.items.count ? person.items[index].doneOn : nil
            var done = item.done
            if !done, let at = acknowledgedAt(item.key, item.base.instant) {
                done = true
                doneOn = calendar.zone.local(at).date
            }
            events.append(
                CalendarEvent(
                    person: person.id, personName: person.name, item: item.id, kind: item.kind, title: item.title,
                    start: item.base.instant, end: end, zone: calendar.zone, place: item.place, phase: item.phase,
                    consultant: consultant, done: done, doneOn: done ? doneOn : nil))
        }
        return events
    }

    /// When a session that starts at `start` ends, `duration` later; nil without a duration.
    static func end(of start: ZonedTime, after duration: CalendarDuration?, calendar: WorkCalendar) -> Instant? {
        guard let duration, duration.count > 0 else { return nil }
        return calendar.adding(duration, to: start).instant
    }

    /// Start first, then by id: the order of every list of events.
    package static func precedes(_ a: CalendarEvent, _ b: CalendarEvent) -> Bool {
        a.start != b.start ? a.start < b.start : bytesPrecede(a.id, b.id)
    }

    /// `events` in the order of `precedes`, sorted through plain keys (start, position) so that the sort moves
    /// integers rather than events, each a dozen references to count.
    package static func sorted(_ events: [CalendarEvent]) -> [CalendarEvent] {
        let starts = events.map(\.start.seconds)
        let ids = events.map(\.id)
        var order = Array(events.indices)
        order.sort { a, b in starts[a] != starts[b] ? starts[a] < starts[b] : bytesPrecede(ids[a], ids[b]) }
        return order.map { events[$0] }
    }
}

extension CalendarEvent {
    /// Whole days since the event's start at `now` (an item past its date and not done is this many days overdue).
    package func daysOverdue(at now: Instant) -> Int {
        Int((now.seconds - start.seconds) / 86_400)
    }
}
