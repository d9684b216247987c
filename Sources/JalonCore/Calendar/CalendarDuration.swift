/// A signed amount of one unit, as written in the configuration: `"-14d"`, `"6 months"`, `"-11 jours ouvrés"`.
///
/// Exact units (`min`, `h`) move the instant; calendar units (`d`, `w`, `mo`, `y`) move the local date and keep
/// the wall-clock time; `wd` counts working days (SPEC §4).
package struct CalendarDuration: Hashable, Sendable, CustomStringConvertible {
    package enum Unit: String, CaseIterable, Sendable {
        case minute = "min"
        case hour = "h"
        case day = "d"
        case week = "w"
        case month = "mo"
        case year = "y"
        case workday = "wd"

        /// Every spelling the configuration accepts, French and English.
        package var spellings: [String] {
            switch self {
            case .minute: ["min", "minute", "minutes"]
            case .hour: ["h", "hour", "hours", "heure", "heures"]
            case .day: ["d", "day", "days", "j", "jour", "jours"]
            case .week: ["w", "week", "weeks", "semaine", "semaines"]
            case .month: ["mo", "month", "months", "mois"]
            case .year: ["y", "year", "years", "an", "ans", "année", "années"]
            case .workday: ["wd", "workday", "workdays", "jour ouvré", "jours ouvrés"]
            }
        }

        /// The largest magnitude accepted: about two centuries in any unit, so that no arithmetic overflows and no
        /// working-day count walks for long.
        package var maximumCount: Int {
            switch self {
            case .minute: 105_000_000
            case .hour: 1_750_000
            case .day: 73_000
            case .week: 10_400
            case .month: 2_400
            case .year: 200
            case .workday: 52_000
            }
        }

        static let bySpelling: [String: Unit] = {
            var map: [String: Unit] = [:]
            for unit in Unit.allCases {
                for spelling in unit.spellings { map[spelling] = unit }
            }
            return map
        }()
    }

    package var count: Int
    package var unit: Unit

    package init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The canonical form: sign (`+` for zero), the integer without leading zeros, the canonical unit.
    package var description: String {
        (count < 0 ? "-" : "+") + String(count.magnitude) + unit.rawValue
    }

    package var isExact: Bool { unit == .minute || unit == .hour }

    /// Multiplies the integer, keeping the unit: `1mo × 2 = 2mo`, never one month twice.
    package func times(_ factor: Int) -> CalendarDuration {
        CalendarDuration(count * factor, unit)
    }

    package enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case noNumber(String)
        case unknownUnit(String)
        case tooLarge(String, Unit)

        package var description: String {
            switch self {
            case .empty: "a duration is empty"
            case .noNumber(let text): "\"\(text)\" is not a duration: expected a number and a unit, like \"-14d\" or \"6 months\""
            case .unknownUnit(let unit):
                "unknown unit \"\(unit)\"; use min, h, d, w, mo, y or wd (or minutes, heures, jours, semaines, mois, ans, jours ouvrés)"
            case .tooLarge(let text, let unit):
                "\"\(text)\" is too large a duration: at most \(unit.maximumCount)\(unit.rawValue), about 200 years"
            }
        }
    }

    /// Parses an optional sign, an integer, optional spaces and a unit (case-sensitive, as SPEC §4 lists them).
    ///
    /// Works on the UTF-8 bytes: person files hold many durations and this runs for each.
    package static func parse(_ text: String) throws(ParseError) -> CalendarDuration {
        var text = text
        return try text.withUTF8 { parse(utf8: $0) }.get()
    }

    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result<CalendarDuration, ParseError> {
        do throws(ParseError) {
            var start = 0
            var end = bytes.count
            // Surrounding spaces are forgiven; they carry no meaning.
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard start < end else { throw .empty }
            var negative = false
            if bytes[start] == 0x2B || bytes[start] == 0x2D {
                negative = bytes[start] == 0x2D
                start += 1
            }
            var magnitude = 0
            let digitsStart = start
            while start < end, bytes[start] >= 0x30, bytes[start] <= 0x39 {
                // Saturate: the unit, read next, decides what is too large.
                magnitude = min(magnitude * 10 + Int(bytes[start] - 0x30), 1_000_000_000_000)
                start += 1
            }
            let original = String(decoding: bytes, as: UTF8.self)
            guard start > digitsStart else { throw .noNumber(original) }
            while start < end, bytes[start] == 0x20 { start += 1 }
            guard start < end else { throw .noNumber(original) }
            // "jours  ouvrés" with two spaces is the same unit.
            var unitBytes: [UInt8] = []
            unitBytes.reserveCapacity(end - start)
            for index in start..<end where !(bytes[index] == 0x20 && unitBytes.last == 0x20) {
                unitBytes.append(bytes[index])
            }
            let unitText = String(decoding: unitBytes, as: UTF8.self)
            guard let unit = Unit.bySpelling[unitText] else {
                throw .unknownUnit(String(decoding: bytes[start..<end], as: UTF8.self))
            }
            guard magnitude <= unit.maximumCount else { throw .tooLarge(original, unit) }
            return .success(CalendarDuration(negative ? -magnitude : magnitude, unit))
        } catch {
            return .failure(error)
        }
    }
}
