/// An RFC 5545 calendar of the items, for `jalon export --ics` and the daemon's calendar file.
///
/// A session is a VEVENT with its start and end in the person's zone (DTSTART and DTEND with a TZID, and a
/// VTIMEZONE for each zone used, covering the exported range); a deadline, an expiry and a follow-up interview are
/// all-day VEVENTs on their date. The UID is the item's `PERSON/ITEM` at a fixed domain — the same on every run and
/// every machine — and the SEQUENCE grows each time the event's content changes (`CalendarSequences`).
package struct CalendarExport: Sendable {
    /// The right-hand side of every UID: fixed, so that a UID never depends on the machine or the settings.
    package static let domain = "jalon.invalid"

    /// The UID of an item: `marie-dupont/titre-pro@jalon.invalid`.
    package static func uid(person: String, item: String) -> String { person + "/" + item + "@" + domain }

    package var events: [CalendarEvent]
    package var settings: Settings

    /// The items of `people` that start in `window` (every item when nil), sorted by start then id.
    package init(
        people: [Person], settings: Settings, window: Range<Instant>? = nil,
        filter: EventList.Filter = EventList.Filter()
    ) {
        let window = window ?? Instant.distantPast..<Instant.distantFuture
        self.events =
            EventList(
                people: people, settings: settings, from: window.lowerBound, to: window.upperBound,
                filter: filter
            ).events
        self.settings = settings
    }

    /// Writes the calendar in parts of about 256 KiB, giving each event its version from `sequences`.
    ///
    /// - Parameter now: when versions first seen now are dated (their DTSTAMP).
    package func write(sequences: inout CalendarSequences, now: Instant, to sink: ([UInt8]) -> Void) {
        var out = ICalendarWriter()
        out.bytes.reserveCapacity(300_000)
        out.line("BEGIN", "VCALENDAR")
        out.line("VERSION", "2.0")
        out.line("PRODID", "-//jalon//jalon//" + settings.language.rawValue.uppercased())
        out.line("CALSCALE", "GREGORIAN")
        out.text("X-WR-CALNAME", ViewText.calendarName.text(settings.language))
        out.line("X-WR-TIMEZONE", settings.zone.identifier)
        for component in timeZones() { component.write(into: &out) }
        var body = ICalendarWriter()
        for event in events {
            body.bytes.removeAll(keepingCapacity: true)
            self.body(of: event, into: &body)
            let uid = CalendarExport.uid(person: event.person, item: event.item)
            let version = sequences.version(
                of: uid, fingerprint: CalendarSequences.fingerprint(body.bytes), now: now)
            out.line("BEGIN", "VEVENT")
            out.line("UID", uid)
            out.line("DTSTAMP", ICalendarWriter.utc(version.changedAt))
            out.line("SEQUENCE", String(version.sequence))
            out.bytes += body.bytes
            out.line("END", "VEVENT")
            if out.bytes.count >= 256 * 1024 {
                sink(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        out.line("END", "VCALENDAR")
        sink(out.bytes)
    }

    /// The whole calendar as bytes.
    package func ics(sequences: inout CalendarSequences, now: Instant) -> [UInt8] {
        var all: [UInt8] = []
        write(sequences: &sequences, now: now) { all += $0 }
        return all
    }

    /// The VTIMEZONE of each zone that timed events use, over the range they cover there, by zone name.
    func timeZones() -> [TimeZoneComponent] {
        var ranges: [Zone: ClosedRange<Instant>] = [:]
        for event in events where !event.isAllDay {
            let last = max(event.start, event.end ?? event.start)
            if let range = ranges[event.zone] {
                ranges[event.zone] = min(range.lowerBound, event.start)...max(range.upperBound, last)
            } else {
                ranges[event.zone] = event.start...last
            }
        }
        return ranges.map { TimeZoneComponent(zone: $0.key, range: $0.value) }
            .sorted { bytesPrecede($0.zone.identifier, $1.zone.identifier) }
    }

    /// What the event says — its times, summary, place and description — which its SEQUENCE follows.
    private func body(of event: CalendarEvent, into out: inout ICalendarWriter) {
        let language = settings.language
        if event.isAllDay {
            out.line("DTSTART;VALUE=DATE", ICalendarWriter.date(event.date))
            out.line("DTEND;VALUE=DATE", ICalendarWriter.date(event.date.adding(days: 1)))
            out.line("TRANSP", "TRANSPARENT")
        } else {
            let tzid = "TZID=" + event.zone.identifier
            out.line("DTSTART;" + tzid, ICalendarWriter.basic(event.zone.local(event.start)))
            if let end = event.end, end > event.start {
                out.line("DTEND;" + tzid, ICalendarWriter.basic(event.zone.local(end)))
            }
        }
        out.text(
            "SUMMARY",
            ViewText.calendarSummary(kind: event.kind, title: event.title, person: event.personName).text(language))
        if let place = event.place { out.text("LOCATION", place) }
        let consultant = event.consultant.map { settings.consultants[$0]?.name ?? $0 }
        out.text(
            "DESCRIPTION",
            ViewText.calendarDescription(
                person: event.personName, personID: event.person, consultant: consultant, phase: event.phase,
                id: event.id
            ).text(language))
    }
}
