/// A date or a date-time written in a string, the way people write them (`"2027-03-31"`, `"31/03/2027"`,
/// `"2026-12-04 11:00"`, `"04/12/2026 14h30"`), turned into the TOML literal to write instead.
enum WrittenDate {
    /// The TOML literal (`2027-03-31`, `2026-12-04T11:00:00`, with the offset when one is written) for `text`, or
    /// nil when it does not read as a valid date.
    static func literal(_ text: String) -> String? {
        let trimmed = Array(text.utf8.drop(while: { $0 == 0x20 }).reversed().drop(while: { $0 == 0x20 }).reversed())
        guard trimmed.count >= 8 else { return nil }
        // The date ends at the first "T", "t" or space.
        let split = trimmed.firstIndex { $0 == 0x54 || $0 == 0x74 || $0 == 0x20 } ?? trimmed.count
        guard let date = date(trimmed[..<split]) else { return nil }
        let rest = trimmed[split...].drop { $0 == 0x54 || $0 == 0x74 || $0 == 0x20 }
        if rest.isEmpty { return "\(date)" }
        guard let time = time(rest) else { return nil }
        return "\(date)T\(time)"
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// `YYYY-MM-DD`, or day first with `/`, `.` or `-` (month first when the first number cannot be a month).
    private static func date(_ bytes: ArraySlice<UInt8>) -> LocalDate? {
        guard let separator = bytes.first(where: { $0 < 0x30 || $0 > 0x39 }),
            separator == 0x2D || separator == 0x2F || separator == 0x2E
        else { return nil }
        let parts = bytes.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, let a = number(parts[0]), let b = number(parts[1]), let c = number(parts[2]) else {
            return nil
        }
        let date: LocalDate
        if parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2 {
            date = LocalDate(year: a, month: b, day: c)
        } else if parts[2].count == 4 && parts[0].count <= 2 && parts[1].count <= 2 {
            date = b > 12 && a <= 12 ? LocalDate(year: c, month: a, day: b) : LocalDate(year: c, month: b, day: a)
        } else {
            return nil
        }
        return date.isValid ? date : nil
    }

    /// `HH:MM`, `HH:MM:SS` (a fraction dropped), `14h30`, `14h`, then `Z` or `±HH:MM`: as `HH:MM:SS` and the offset.
    private static func time(_ bytes: ArraySlice<UInt8>) -> String? {
        var offset = ""
        var clock = bytes
        if let last = clock.last, last == 0x5A || last == 0x7A {
            offset = "Z"
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == 0x2B || $0 == 0x2D }) {
            let zone = clock[(sign + 1)...].split(separator: 0x3A)
            guard zone.count == 2, let hours = number(zone[0]), let minutes = number(zone[1]), zone[0].count == 2,
                zone[1].count == 2, hours <= 23, minutes <= 59
            else { return nil }
            offset = String(decoding: clock[sign...], as: UTF8.self)
            clock = clock[..<sign]
        }
        let parts = clock.split(omittingEmptySubsequences: false) { $0 == 0x3A || $0 == 0x68 || $0 == 0x48 }
        guard (1...3).contains(parts.count), let hour = number(parts[0]), parts[0].count <= 2 else { return nil }
        let minute = parts.count > 1 && !parts[1].isEmpty ? number(parts[1]) : 0
        let secondPart = parts.count > 2 ? parts[2].prefix { $0 != 0x2E } : ArraySlice<UInt8>()
        let second = secondPart.isEmpty ? 0 : number(secondPart)
        guard let minute, let second else { return nil }
        let time = LocalTime(hour: hour, minute: minute, second: second)
        guard time.isValid, second < 60 else { return nil }
        return "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))\(offset)"
    }
}
