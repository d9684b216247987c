/// The JSON object of an event, shared by `events`, `overdue` and `show`:
///
/// `{"id":"marie-dupont/conclusion","person":"marie-dupont","person_name":"Marie Dupont","item":"conclusion",
/// "kind":"session","title":"…","start":"2027-01-28T14:00:00+01:00","end":"2027-01-28T16:00:00+01:00",
/// "all_day":false,"date":"2027-01-28","place":"…","phase":"conclusion","consultant":"claire","done":false,
/// "done_on":null`
///
/// left open, so that a view can add keys of its own before the closing brace. `start` and `end` are in the
/// person's zone with its offset; `date` is the item's local date there.
extension JSONWriter {
    mutating func event(_ event: CalendarEvent) {
        raw("{\"id\":")
        string(event.id)
        raw(",\"person\":")
        string(event.person)
        raw(",\"person_name\":")
        string(event.personName)
        raw(",\"item\":")
        string(event.item)
        raw(",\"kind\":")
        string(event.kind.rawValue)
        raw(",\"title\":")
        string(event.title)
        raw(",\"start\":")
        time(event.start, in: event.zone)
        raw(",\"end\":")
        time(event.end, in: event.zone)
        raw(event.isAllDay ? ",\"all_day\":true,\"date\":" : ",\"all_day\":false,\"date\":")
        string(event.date.description)
        raw(",\"place\":")
        optional(event.place)
        raw(",\"phase\":")
        optional(event.phase?.rawValue)
        raw(",\"consultant\":")
        optional(event.consultant)
        raw(event.done ? ",\"done\":true,\"done_on\":" : ",\"done\":false,\"done_on\":")
        optional(event.doneOn?.description)
    }

    /// A JSON array of events, one object a line; `extra` writes keys of a view's own into each object.
    static func array(
        of events: [CalendarEvent], extra: (inout JSONWriter, CalendarEvent) -> Void = { _, _ in }
    ) -> [UInt8] {
        var out = JSONWriter()
        out.bytes.reserveCapacity(events.count * 440 + 4)
        out.raw("[")
        for (index, event) in events.enumerated() {
            out.raw(index == 0 ? "\n" : ",\n")
            out.event(event)
            extra(&out, event)
            out.raw("}")
        }
        out.raw(events.isEmpty ? "]\n" : "\n]\n")
        return out.bytes
    }

    mutating func integer(_ value: Int) { bytes += Array(String(value).utf8) }

    /// A string, or `null`.
    mutating func optional(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// A JSON array of strings.
    mutating func strings(_ texts: [String]) {
        raw("[")
        for (index, text) in texts.enumerated() {
            if index > 0 { raw(",") }
            string(text)
        }
        raw("]")
    }

    /// An RFC 3339 time in `zone`, in quotes, or `null`.
    mutating func time(_ instant: Instant?, in zone: Zone) {
        guard let instant else { return raw("null") }
        raw("\"")
        timestamp(instant, offset: zone.offset(at: instant))
        raw("\"")
    }
}
