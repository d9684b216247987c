/// An RFC 5545 calendar of the items, for `jalon export --ics` and the daemon's calendar file.
///
/// A session is a VEVENT with its start and end in the person's zone (DTSTART and DTEND with a TZID, and a
/// VTIMEZONE for each zone used, covering the exported range); a deadline, an expiry and a follow-up interview are
/// all-day VEVENTs on their date. The UID is the item's `PERSON/ITEM` at a fixed domain — the same on every run and
/// every machine — and the SEQUENCE grows each time the event's content changes (`CalendarSequences`).
///
/// Events go out person by person (in byte order of their id), each person's by start: a calendar has no order,
/// and so the whole list is never in memory — the daemon writes it after every reload.
package struct CalendarExport: Sendable {
    /// The right-hand side of every UID: fixed, so that a UID never depends on the machine or the settings.
    package static let domain = "jalon.invalid"

    /// The UID of an item: `marie-dupont/titre-pro@jalon.invalid`.
    package static func uid(person: String, item: String) -> String { person + "/" + item + "@" + domain }

    /// How many people are written at a time: their versions are read in one query and saved in one transaction.
    var batchSize: Int { parallel ? 512 : 128 }

    /// The people the calendar holds, in byte order of their id.
    package var people: [Person]
    package var settings: Settings
    package var window: Range<Instant>
    /// Whether events are rendered on every core (`jalon export`) or on the calling thread alone (the daemon, which
    /// is in no hurry and keeps its memory small).
    package var parallel = true

    /// The items of `people` (those `filter` keeps) that start in `window` (every item when nil).
    package init(
        people: [Person], settings: Settings, window: Range<Instant>? = nil,
        filter: EventList.Filter = EventList.Filter()
    ) {
        // Sorted through their ids: moving a person moves a dozen references.
        let ids = people.map(\.id)
        self.people = people.indices.filter { filter.keeps(people[$0]) }.sorted { bytesPrecede(ids[$0], ids[$1]) }
            .map { people[$0] }
        self.settings = settings
        self.window = window ?? Instant.distantPast..<Instant.distantFuture
    }

    /// The events of a person that the calendar holds, by start then id.
    func events(of person: Person, planner: ReminderPlanner) -> [CalendarEvent] {
        CalendarEvent.sorted(
            CalendarEvent.events(of: person, planner: planner, acknowledgedAt: { _, _ in nil }).filter {
                window.contains($0.start)
            })
    }

    /// Writes the calendar in parts, a batch of people at a time, giving each event its version.
    ///
    /// - Parameters:
    ///   - versions: where the versions are kept; nil: every event is at version 0, dated `now`.
    ///   - now: when versions first seen now are dated (their DTSTAMP).
    /// - Returns: the first problem saving versions (the calendar is written all the same).
    @discardableResult
    package func write(
        versions: (any CalendarVersionStore)?, now: Instant, to sink: ([UInt8]) -> Void
    ) -> StoreError? {
        let planner = ReminderPlanner(settings: settings)
        var out = ICalendarWriter()
        out.bytes.reserveCapacity(1 << 19)
        out.beginCalendar(language: settings.language)
        out.text("X-WR-CALNAME", ViewText.calendarName.text(settings.language))
        out.line("X-WR-TIMEZONE", settings.zone.identifier)
        for component in timeZones(planner: planner) { component.write(into: &out) }
        var problem: StoreError?
        var first = 0
        while first < people.count {
            let batch = people[first..<min(people.count, first + batchSize)]
            var sequences = CalendarSequences(known: versions?.versions(ofPeople: batch.map(\.id)) ?? [:])
            let events = batch.flatMap { self.events(of: $0, planner: planner) }
            for (event, body) in zip(events, bodies(events)) {
                let uid = CalendarExport.uid(person: event.person, item: event.item)
                let version = sequences.version(of: uid, fingerprint: CalendarSequences.fingerprint(body), now: now)
                out.line("BEGIN", "VEVENT")
                out.line("UID", uid)
                out.dateTime("DTSTAMP", version.changedAt)
                out.line("SEQUENCE", String(version.sequence))
                out.bytes += body
                out.line("END", "VEVENT")
            }
            sink(out.bytes)
            out.bytes.removeAll(keepingCapacity: true)
            do {
                try versions?.save(sequences.changes)
            } catch {
                problem = problem ?? error
            }
            first += batch.count
        }
        out.line("END", "VCALENDAR")
        sink(out.bytes)
        return problem
    }

    /// The whole calendar as bytes.
    package func ics(versions: (any CalendarVersionStore)?, now: Instant) -> [UInt8] {
        var all: [UInt8] = []
        write(versions: versions, now: now) { all += $0 }
        return all
    }

    /// The VTIMEZONE of each zone that timed events use, over the range they cover there, by zone name.
    func timeZones(planner: ReminderPlanner) -> [TimeZoneComponent] {
        // Straight from the sessions of the files (the derived item is never one): this pass only needs times.
        var ranges: [Zone: ClosedRange<Instant>] = [:]
        for person in people {
            let calendar = planner.calendar(for: person)
            let remindAt = person.remindAt ?? settings.remindAt
            for item in person.items where item.kind == .session {
                let start = planner.baseTime(of: item, calendar: calendar, remindAt: remindAt)
                guard window.contains(start.instant) else { continue }
                let last = CalendarEvent.end(of: start, after: item.duration, calendar: calendar) ?? start.instant
                if let range = ranges[calendar.zone] {
                    ranges[calendar.zone] = min(range.lowerBound, start.instant)...max(range.upperBound, last)
                } else {
                    ranges[calendar.zone] = start.instant...last
                }
            }
        }
        return ranges.map { TimeZoneComponent(zone: $0.key, range: $0.value) }
            .sorted { bytesPrecede($0.zone.identifier, $1.zone.identifier) }
    }

    /// The bodies of `events` — what each says, which its SEQUENCE follows — rendered on every core (on serial
    /// queues: see `QuietDispatch`).
    private func bodies(_ events: [CalendarEvent]) -> [[UInt8]] {
        let slots = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: events.count)
        slots.initialize(repeating: [])
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let results = slots
        let parts = parallel ? min(events.count, 8) : min(events.count, 1)
        QuietDispatch.perform(iterations: parts) { part in
            var writer = ICalendarWriter()
            for index in stride(from: part, to: events.count, by: parts) {
                writer.bytes.removeAll(keepingCapacity: true)
                body(of: events[index], into: &writer)
                results[index] = writer.bytes
            }
        }
        return Array(slots)
    }

    /// What the event says: its times, summary, place and description.
    private func body(of event: CalendarEvent, into out: inout ICalendarWriter) {
        let language = settings.language
        if event.isAllDay {
            out.date("DTSTART;VALUE=DATE", event.date)
            out.date("DTEND;VALUE=DATE", event.date.adding(days: 1))
            out.line("TRANSP", "TRANSPARENT")
        } else {
            out.span(start: event.start, end: event.end, zone: event.zone)
        }
        out.text(
            "SUMMARY",
            ViewText.calendarSummary(kind: event.kind, title: event.title, person: event.personName).text(language))
        if let place = event.place { out.text("LOCATION", place) }
        let consultant = settings.consultants.name(of: event.consultant)
        out.text(
            "DESCRIPTION",
            ViewText.calendarDescription(
                person: event.personName, personID: event.person, consultant: consultant, phase: event.phase,
                id: event.id
            ).text(language))
    }
}
