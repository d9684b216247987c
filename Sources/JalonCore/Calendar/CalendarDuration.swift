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
    package static func parse(_ text: String) throws(ParseError) -> CalendarDuration {
        var scalars = Substring(text).unicodeScalars[...]
        // Surrounding spaces are forgiven; they carry no meaning.
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        guard !scalars.isEmpty else { throw .empty }
        var negative = false
        if scalars.first == "+" || scalars.first == "-" {
            negative = scalars.first == "-"
            scalars.removeFirst()
        }
        var magnitude = 0
        var digits = 0
        while let c = scalars.first, ("0"..."9").contains(c) {
            // Saturate: the unit, read next, decides what is too large.
            magnitude = min(magnitude * 10 + Int(c.value - 48), 1_000_000_000_000)
            digits += 1
            scalars.removeFirst()
        }
        guard digits > 0 else { throw .noNumber(text) }
        while scalars.first == " " { scalars.removeFirst() }
        let unitText = String(String.UnicodeScalarView(scalars))
        guard !unitText.isEmpty else { throw .noNumber(text) }
        // "jours  ouvrés" with two spaces is the same unit.
        let normalized = unitText.split(separator: " ").joined(separator: " ")
        guard let unit = Unit.bySpelling[normalized] else { throw .unknownUnit(unitText) }
        guard magnitude <= unit.maximumCount else { throw .tooLarge(text, unit) }
        return CalendarDuration(negative ? -magnitude : magnitude, unit)
    }
}
