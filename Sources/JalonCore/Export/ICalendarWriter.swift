/// Writes iCalendar content lines (RFC 5545 §3.1): `NAME;PARAM=VALUE:value`, CRLF after each, lines folded so that
/// none is longer than 75 octets (a continuation starts with a space), never inside a UTF-8 character.
///
/// Written into bytes: a calendar of 100,000 events is some 40 million of them.
struct ICalendarWriter {
    var bytes: [UInt8] = []
    /// The line being built, before it is folded into `bytes`.
    private var content: [UInt8] = []

    /// A line whose value is written as it is (identifiers, numbers).
    mutating func line(_ name: String, _ value: String) {
        start(name)
        content += value.utf8
        fold()
    }

    /// A line whose value is TEXT (§3.3.11): backslashes, semicolons, commas and line breaks escaped.
    mutating func text(_ name: String, _ value: String) {
        start(name)
        ICalendarWriter.escape(value, into: &content)
        fold()
    }

    /// A DATE-TIME value (§3.3.5): `20261203T140000`, local (to go with a TZID), or in UTC with `Z`.
    mutating func dateTime(_ name: String, _ local: LocalDateTime, utc: Bool = false) {
        start(name)
        digits(local.date)
        content.append(0x54)
        digits(local.time.hour, 2)
        digits(local.time.minute, 2)
        digits(local.time.second, 2)
        if utc { content.append(0x5A) }
        fold()
    }

    /// An instant in UTC: `20261203T130000Z`.
    mutating func dateTime(_ name: String, _ instant: Instant) {
        dateTime(name, LocalDateTime(wallSeconds: instant.seconds), utc: true)
    }

    /// BEGIN:VCALENDAR and the properties every calendar jalon writes starts with.
    mutating func beginCalendar(language: Language) {
        line("BEGIN", "VCALENDAR")
        line("VERSION", "2.0")
        line("PRODID", "-//jalon//jalon//" + language.rawValue.uppercased())
        line("CALSCALE", "GREGORIAN")
    }

    /// DTSTART of a timed event in its zone, and DTEND when it ends after it starts.
    mutating func span(start: Instant, end: Instant?, zone: Zone) {
        let tzid = ";TZID=" + zone.identifier
        dateTime("DTSTART" + tzid, zone.local(start))
        if let end, end > start { dateTime("DTEND" + tzid, zone.local(end)) }
    }

    /// A DATE value (§3.3.4): `20261203`.
    mutating func date(_ name: String, _ date: LocalDate) {
        start(name)
        digits(date)
        fold()
    }

    private mutating func start(_ name: String) {
        content.removeAll(keepingCapacity: true)
        content += name.utf8
        content.append(0x3A)
    }

    private mutating func digits(_ date: LocalDate) {
        digits(date.year, 4)
        digits(date.month, 2)
        digits(date.day, 2)
    }

    /// `value` in `width` decimal digits, zero-padded (values here are never negative).
    private mutating func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            content.append(UInt8(48 + value / divisor % 10))
            divisor /= 10
        }
    }

    /// Moves `content` into `bytes` in lines of at most 75 octets, CRLF-terminated.
    private mutating func fold() {
        var start = 0
        var limit = 75
        while content.count - start > limit {
            var end = start + limit
            // Back off to the start of a UTF-8 character: continuation bytes are 10xxxxxx.
            while end > start + 1 && content[end] & 0xC0 == 0x80 { end -= 1 }
            bytes += content[start..<end]
            bytes += [0x0D, 0x0A, 0x20]
            start = end
            limit = 74  // the leading space counts
        }
        bytes += content[start...]
        bytes += [0x0D, 0x0A]
    }

    /// TEXT escaping: `\` `;` `,` and line breaks; other control characters, which TEXT cannot hold, are dropped.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped to `out`, byte by byte: every byte of a multi-byte character is 0x80 or more, and
    /// passes unchanged.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x5C, 0x3B, 0x2C: out += [0x5C, byte]
            case 0x0A where previous == 0x0D: break
            case 0x0A, 0x0D: out += [0x5C, 0x6E]
            case 0x09: out.append(0x20)
            case 0..<0x20, 0x7F: break
            default: out.append(byte)
            }
            previous = byte
        }
    }

    /// A UTC offset (§3.3.14): `+0100`, `-0430`, with seconds only when there are some.
    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + pad(magnitude / 60 % 60, 2)
        if magnitude % 60 != 0 { text += pad(magnitude % 60, 2) }
        return text
    }
}
