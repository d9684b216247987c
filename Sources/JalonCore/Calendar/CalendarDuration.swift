import Foundation

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

    /// Why a text is not a duration; `CalendarDuration.read` names the fix for what people write.
    package enum ParseError: Error, Hashable, CustomStringConvertible {
        case empty
        case noNumber(String)
        case unknownUnit(String)
        case tooLarge(String, Unit)
        /// `"1h30"`: two units; `suggestion` is the same in one (`"90min"`).
        case compound(String, suggestion: String)
        /// `"1.5h"`, `"1,5 mois"`: not a whole number; `suggestion` in a smaller unit, `approximate` when that
        /// unit has no fixed ratio to the written one (months).
        case decimal(String, suggestion: String?, approximate: Bool)
        /// `"−3d"`: a typographic dash (`scalar`) where the sign goes.
        case typographicSign(String, scalar: UInt32, suggestion: String)

        /// In English (the catalogue writes it in the settings' language: `DiagnosticText.duration`).
        package var description: String { english }
    }

    /// A duration as written, read the way its writer meant it.
    package struct Reading: Sendable, Equatable {
        package var duration: CalendarDuration
        /// Whether a sign (`+` or `-`) was written.
        package var isSigned: Bool
        /// The text with its unit spelt as SPEC §4 lists it, when it was written otherwise (another case, no
        /// accents: `"2 jours ouvres"` → `"2 jours ouvrés"`); nil when it was written so.
        package var canonicalSpelling: String?
    }

    /// Parses an optional sign, an integer, optional spaces and a unit (case-sensitive, as SPEC §4 lists them).
    ///
    /// Works on the UTF-8 bytes: person files hold many durations and this runs for each.
    package static func parse(_ text: String) throws(ParseError) -> CalendarDuration {
        var text = text
        return try text.withUTF8 { parse(utf8: $0) }.get().0
    }

    /// Parses a duration as `parse` does, and also what people write when the meaning is certain: a unit in
    /// another case or without its accents (the reading says the canonical spelling). What is not a duration gets
    /// an error that names the fix: `"1h30"` (`"90min"`), `"1,5 mois"`, `"−3d"`.
    package static func read(_ text: String) throws(ParseError) -> Reading {
        var bytes = text
        let strict = bytes.withUTF8 { parse(utf8: $0) }
        switch strict {
        case .success(let (duration, signed)):
            return Reading(duration: duration, isSigned: signed, canonicalSpelling: nil)
        case .failure(let error):
            if let reading = readVariant(text) { return reading }
            throw diagnose(text) ?? error
        }
    }

    /// The (duration, whether a sign is written) of the bytes, or why they are not a duration.
    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result<(CalendarDuration, Bool), ParseError> {
        do throws(ParseError) {
            var start = 0
            var end = bytes.count
            // Surrounding spaces are forgiven; they carry no meaning.
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard start < end else { throw .empty }
            var negative = false
            let signed = bytes[start] == 0x2B || bytes[start] == 0x2D
            if signed {
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
            return .success((CalendarDuration(negative ? -magnitude : magnitude, unit), signed))
        } catch {
            return .failure(error)
        }
    }

    /// The parts of a duration as written: sign, number (as written, `,` or `.` kept), the unit's text.
    private struct Parts {
        var sign: String
        var number: String
        var unit: String
        /// The text up to the unit, as written (`"-2 "`).
        var prefix: String

        init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            var rest = Substring(trimmed)
            sign = ""
            if let first = rest.first, first == "+" || first == "-" {
                sign = String(first)
                rest = rest.dropFirst()
            }
            let number = rest.prefix { $0.isASCIIDigit || $0 == "," || $0 == "." }
            guard let first = number.first, first.isASCIIDigit else { return nil }
            self.number = String(number)
            rest = rest.dropFirst(number.count)
            let spaces = rest.prefix { $0 == " " }
            prefix = sign + number + spaces
            unit = String(rest.dropFirst(spaces.count))
        }
    }

    /// Unit spellings with case and accents folded away, to read `"Semaine"` or `"jours ouvres"`.
    private static let byFoldedSpelling: [String: (Unit, String)] = {
        var map: [String: (Unit, String)] = [:]
        for unit in Unit.allCases {
            for spelling in unit.spellings { map[fold(spelling)] = (unit, spelling) }
        }
        return map
    }()

    /// Lower case, no accents, single spaces.
    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(separator: " ")
            .joined(separator: " ")
    }

    /// A unit written in another case or without its accents, when that is the only thing wrong.
    private static func readVariant(_ text: String) -> Reading? {
        guard let parts = Parts(text), !parts.number.contains(","), !parts.number.contains("."),
            let (_, spelling) = byFoldedSpelling[fold(parts.unit)]
        else { return nil }
        let canonical = parts.prefix + spelling
        var bytes = canonical
        guard case .success(let (duration, signed)) = bytes.withUTF8({ parse(utf8: $0) }) else { return nil }
        return Reading(duration: duration, isSigned: signed, canonicalSpelling: canonical)
    }

    /// Dashes that look like a minus sign and are not one.
    private static let typographicDashes: Set<UInt32> = [
        0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xFE63, 0xFF0D,
    ]

    /// The error that names the fix for what is not a duration but reads like one, or nil.
    private static func diagnose(_ text: String) -> ParseError? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let first = trimmed.unicodeScalars.first, typographicDashes.contains(first.value) {
            return .typographicSign(
                trimmed, scalar: first.value, suggestion: "-" + String(trimmed.unicodeScalars.dropFirst()))
        }
        guard let parts = Parts(text) else { return nil }
        let unitText = parts.unit
        // "1h30", "2 h 15", "1h30min": hours and minutes.
        if !parts.number.contains(",") && !parts.number.contains("."),
            let hours = Int(parts.number), unitText.first == "h" || unitText.first == "H"
        {
            let rest = unitText.dropFirst().trimmingCharacters(in: .whitespaces)
            let digits = rest.prefix { $0.isASCIIDigit }
            let tail = rest.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
            if let minutes = Int(digits), ["", "m", "min", "mn", "minute", "minutes"].contains(tail) {
                return .compound(trimmed, suggestion: "\(parts.sign)\(hours * 60 + minutes)min")
            }
        }
        // "1.5h", "1,5 mois": a fraction of a unit.
        if parts.number.contains(",") || parts.number.contains("."),
            let value = Double(parts.number.replacingOccurrences(of: ",", with: ".")),
            let (unit, _) = Unit.bySpelling[unitText].map({ ($0, "") }) ?? byFoldedSpelling[fold(unitText)]
        {
            let (suggestion, approximate) = smaller(value, unit)
            return .decimal(trimmed, suggestion: suggestion.map { parts.sign + $0 }, approximate: approximate)
        }
        return nil
    }

    /// `value` units written as a whole number of a smaller unit, if one takes it exactly; months become days
    /// (about 30 a month).
    private static func smaller(_ value: Double, _ unit: Unit) -> (String?, approximate: Bool) {
        func whole(_ x: Double) -> Int? { x == x.rounded() && abs(x) < 1e9 ? Int(x) : nil }
        let chain: [(Unit, Double)]
        switch unit {
        case .hour: chain = [(.minute, 60)]
        case .day: chain = [(.hour, 24), (.minute, 1440)]
        case .week: chain = [(.day, 7), (.hour, 168), (.minute, 10_080)]
        case .year: chain = [(.month, 12)]
        case .month: return ("\(Int((value * 30).rounded()))d", true)
        case .minute, .workday: chain = []
        }
        for (smaller, factor) in chain {
            if let count = whole(value * factor) { return ("\(count)\(smaller.rawValue)", false) }
        }
        return (nil, false)
    }

    /// `text` (a duration without a sign) with a minus sign, its unit in the plural when the count needs one:
    /// `"3 semaine"` → `"-3 semaines"`.
    package static func negated(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parts = Parts(trimmed), let count = Int(parts.number) else { return "-" + trimmed }
        let plural: [String: String] = [
            "minute": "minutes", "hour": "hours", "heure": "heures", "day": "days", "jour": "jours",
            "week": "weeks", "semaine": "semaines", "month": "months", "year": "years", "an": "ans",
            "année": "années", "workday": "workdays", "jour ouvré": "jours ouvrés",
        ]
        let unit = count >= 2 ? plural[parts.unit] ?? parts.unit : parts.unit
        return "-" + parts.prefix + unit
    }
}
