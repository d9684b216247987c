/// A date on the proleptic Gregorian calendar, with no time zone attached.
///
/// Arithmetic goes through the day count since 1970-01-01 (Howard Hinnant's
/// `days_from_civil` algorithm), which is exact for every year jalon meets and
/// much cheaper than a `Calendar` round trip.
package struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative before it).
    package init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Whether the fields name a day that exists (1 ≤ month ≤ 12, the day within the month).
    package var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= LocalDate.daysIn(month: month, year: year)
    }

    /// Days since 1970-01-01.
    package var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    package var weekday: Int {
        let d = daysSinceEpoch
        // 1970-01-01 was a Thursday (4).
        let w = (d + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    package func adding(days: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Adds calendar months; a day the target month lacks becomes its last day.
    package func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))
    }

    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A wall-clock time of day, to the second.
package struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var hour: Int
    package var minute: Int
    package var second: Int

    package init(hour: Int, minute: Int, second: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    package static let midnight = LocalTime(hour: 0, minute: 0)

    package var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    package var isValid: Bool {
        (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
    }

    package static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }

    /// `HH:MM` or `HH:MM:SS` when the seconds are not zero.
    package var description: String {
        second == 0 ? "\(pad(hour, 2)):\(pad(minute, 2))" : "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    }

    /// Parses `HH:MM` or `HH:MM:SS` (24-hour clock).
    package init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) ?? 99 : 0
        self.init(hour: h, minute: m, second: s)
        guard isValid, second < 60 else { return nil }
    }
}

/// A date and a wall-clock time, with no time zone attached.
package struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var date: LocalDate
    package var time: LocalTime

    package init(_ date: LocalDate, _ time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Seconds since 1970-01-01T00:00:00 of the same wall clock, as if the zone were UTC.
    package var wallSeconds: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(time.secondsSinceMidnight)
    }

    package init(wallSeconds: Int64) {
        let days = wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400
        let rest = Int(wallSeconds - days * 86_400)
        self.init(
            LocalDate(daysSinceEpoch: Int(days)),
            LocalTime(hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60))
    }

    package static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    package var description: String {
        "\(date)T\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad(time.second, 2))"
    }
}

/// Zero-pads a non-negative number to `width` digits (a minus sign is kept in front).
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return value < 0 ? "-" + padded : padded
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
