/// The iCalendar object of a session's invitation (RFC 5546 over RFC 5545): `METHOD:REQUEST` or `METHOD:CANCEL`, the
/// VTIMEZONE of the person's zone, and one VEVENT with the calendar export's UID, its SEQUENCE, the consultant as
/// ORGANIZER and the person as ATTENDEE.
struct InvitationCalendar {
    var record: InvitationRecord
    var organizer: MailAddress
    var attendee: MailAddress
    var summary: String
    var description: String
    /// When the message is written: DTSTAMP (RFC 5546 §2.1.5: when the iTIP message was created).
    var now: Instant
    var language: Language

    func ics() -> [UInt8] {
        let event = record.event
        let zone = Zone(identifier: event.zone) ?? .utc
        var out = ICalendarWriter()
        out.beginCalendar(language: language)
        out.line("METHOD", record.method.rawValue)
        let end = event.end.map { max($0, event.start) } ?? event.start
        TimeZoneComponent(zone: zone, range: event.start...end).write(into: &out)
        out.line("BEGIN", "VEVENT")
        out.line("UID", event.uid)
        out.dateTime("DTSTAMP", now)
        out.line("SEQUENCE", String(record.sequence))
        out.span(start: event.start, end: event.end, zone: zone)
        out.text("SUMMARY", summary)
        if let place = event.place { out.text("LOCATION", place) }
        out.text("DESCRIPTION", description)
        out.line("ORGANIZER;CN=" + InvitationCalendar.parameter(organizer.name), "mailto:" + organizer.address)
        out.line(
            "ATTENDEE;CN=" + InvitationCalendar.parameter(attendee.name)
                + ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE",
            "mailto:" + attendee.address)
        out.line("STATUS", record.method == .cancel ? "CANCELLED" : "CONFIRMED")
        out.line("TRANSP", "OPAQUE")
        out.line("END", "VEVENT")
        out.line("END", "VCALENDAR")
        return out.bytes
    }

    /// A parameter value (RFC 5545 §3.2): quoted, without the double quotes and control characters it cannot hold.
    static func parameter(_ name: String?) -> String {
        let cleaned = (name ?? "").unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F }
        return "\"" + String(String.UnicodeScalarView(cleaned)) + "\""
    }
}
