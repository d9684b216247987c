/// Writes iCalendar content lines (RFC 5545 §3.1): `NAME;PARAM=VALUE:value`, CRLF after each, lines folded so that
/// none is longer than 75 octets (a continuation starts with a space), never inside a UTF-8 character.
struct ICalendarWriter {
    var bytes: [UInt8] = []

    /// A line whose value is written as it is (dates, numbers, identifiers).
    mutating func line(_ name: String, _ value: String) {
        var content = Array(name.utf8)
        content.append(0x3A)
        content += value.utf8
        fold(content)
    }

    /// A line whose value is TEXT (§3.3.11): backslashes, semicolons, commas and line breaks escaped.
    mutating func text(_ name: String, _ value: String) {
        line(name, ICalendarWriter.escaped(value))
    }

    /// Emits `content` in lines of at most 75 octets, CRLF-terminated.
    private mutating func fold(_ content: [UInt8]) {
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
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x7F })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n":
                if !previousWasCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out += " "
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }

    /// `20261203T140000Z`.
    static func utc(_ instant: Instant) -> String { basic(LocalDateTime(wallSeconds: instant.seconds)) + "Z" }

    /// `20261203T140000`: a local date-time, to go with a TZID.
    static func basic(_ local: LocalDateTime) -> String {
        date(local.date) + "T" + pad(local.time.hour, 2) + pad(local.time.minute, 2) + pad(local.time.second, 2)
    }

    /// `20261203`.
    static func date(_ date: LocalDate) -> String { pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) }

    /// A UTC offset (§3.3.14): `+0100`, `-0430`, with seconds only when there are some.
    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + pad(magnitude / 60 % 60, 2)
        if magnitude % 60 != 0 { text += pad(magnitude % 60, 2) }
        return text
    }
}
