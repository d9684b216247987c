/// Reading the times a user types on the command line.
package enum TimeParsing {
    /// An RFC 3339 date-time with an offset (`2026-12-01T09:00:00+01:00`, `…Z`), or a date (`2026-12-01`), which
    /// means midnight in `zone`.
    package static func instant(_ text: String, zone: Zone) -> Instant? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for b in bytes[start..<start + length] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D, let y = number(0, 4), let mo = number(5, 2),
            let d = number(8, 2)
        else { return nil }
        let date = LocalDate(year: y, month: mo, day: d)
        guard date.isValid else { return nil }
        if bytes.count == 10 { return zone.resolve(LocalDateTime(date, .midnight)) }
        guard bytes.count >= 20, [0x54, 0x74, 0x20].contains(bytes[10]), bytes[13] == 0x3A, bytes[16] == 0x3A,
            let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2)
        else { return nil }
        let time = LocalTime(hour: h, minute: mi, second: s)
        guard time.isValid, s < 60 else { return nil }
        var index = 19
        if bytes[index] == 0x2E {  // fractional seconds are allowed and dropped
            index += 1
            let digits = index
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            guard index > digits else { return nil }
        }
        let wall = LocalDateTime(date, time).wallSeconds
        guard index < bytes.count else { return nil }
        if (bytes[index] == 0x5A || bytes[index] == 0x7A) && index + 1 == bytes.count {
            return Instant(seconds: wall)
        }
        guard index + 6 == bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D, bytes[index + 3] == 0x3A,
            let oh = number(index + 1, 2), let om = number(index + 4, 2), oh < 24, om < 60
        else { return nil }
        let offset = Int64(oh * 3600 + om * 60) * (bytes[index] == 0x2D ? -1 : 1)
        return Instant(seconds: wall - offset)
    }
}
