import Testing

@testable import JalonCore

// SPEC §4: "A duration is an optional sign, an integer, optional spaces, and a unit".
// The tables below are copied from the SPEC, not from the code under test.

struct SpellingCase: Sendable, CustomTestStringConvertible {
    let spelling: String
    let canonical: String
    let exact: Bool
    var testDescription: String { "\"\(spelling)\" → \(canonical)" }
}

struct DurationCase: Sendable, CustomTestStringConvertible {
    let text: String
    let count: Int
    let canonical: String
    var testDescription: String { "\"\(text)\" → \(canonical)" }
}

@Suite struct CalendarDurationTests {
    /// Every accepted spelling of SPEC §4's table, with its canonical unit.
    static let spellings: [SpellingCase] = [
        SpellingCase(spelling: "min", canonical: "min", exact: true),
        SpellingCase(spelling: "minute", canonical: "min", exact: true),
        SpellingCase(spelling: "minutes", canonical: "min", exact: true),
        SpellingCase(spelling: "h", canonical: "h", exact: true),
        SpellingCase(spelling: "hour", canonical: "h", exact: true),
        SpellingCase(spelling: "hours", canonical: "h", exact: true),
        SpellingCase(spelling: "heure", canonical: "h", exact: true),
        SpellingCase(spelling: "heures", canonical: "h", exact: true),
        SpellingCase(spelling: "d", canonical: "d", exact: false),
        SpellingCase(spelling: "day", canonical: "d", exact: false),
        SpellingCase(spelling: "days", canonical: "d", exact: false),
        SpellingCase(spelling: "j", canonical: "d", exact: false),
        SpellingCase(spelling: "jour", canonical: "d", exact: false),
        SpellingCase(spelling: "jours", canonical: "d", exact: false),
        SpellingCase(spelling: "w", canonical: "w", exact: false),
        SpellingCase(spelling: "week", canonical: "w", exact: false),
        SpellingCase(spelling: "weeks", canonical: "w", exact: false),
        SpellingCase(spelling: "semaine", canonical: "w", exact: false),
        SpellingCase(spelling: "semaines", canonical: "w", exact: false),
        SpellingCase(spelling: "mo", canonical: "mo", exact: false),
        SpellingCase(spelling: "month", canonical: "mo", exact: false),
        SpellingCase(spelling: "months", canonical: "mo", exact: false),
        SpellingCase(spelling: "mois", canonical: "mo", exact: false),
        SpellingCase(spelling: "y", canonical: "y", exact: false),
        SpellingCase(spelling: "year", canonical: "y", exact: false),
        SpellingCase(spelling: "years", canonical: "y", exact: false),
        SpellingCase(spelling: "an", canonical: "y", exact: false),
        SpellingCase(spelling: "ans", canonical: "y", exact: false),
        SpellingCase(spelling: "année", canonical: "y", exact: false),
        SpellingCase(spelling: "années", canonical: "y", exact: false),
        SpellingCase(spelling: "wd", canonical: "wd", exact: false),
        SpellingCase(spelling: "workday", canonical: "wd", exact: false),
        SpellingCase(spelling: "workdays", canonical: "wd", exact: false),
        SpellingCase(spelling: "jour ouvré", canonical: "wd", exact: false),
        SpellingCase(spelling: "jours ouvrés", canonical: "wd", exact: false),
    ]

    @Test(arguments: spellings)
    func everySpellingParses(_ c: SpellingCase) throws {
        // sign × spaces between the integer and the unit
        let forms: [(String, Int, String)] = [
            ("3", 3, "+3"), ("+3", 3, "+3"), ("-3", -3, "-3"), ("0", 0, "+0"), ("-0", 0, "+0"), ("+0", 0, "+0"),
            ("42", 42, "+42"), ("-120", -120, "-120"),
        ]
        for (number, count, sign) in forms {
            for space in ["", " ", "   "] {
                let text = number + space + c.spelling
                let duration = try CalendarDuration.parse(text)
                #expect(duration.count == count, "\(text)")
                #expect(duration.unit.rawValue == c.canonical, "\(text)")
                #expect(duration.description == sign + c.canonical, "\(text)")
                #expect(duration.isExact == c.exact, "\(text)")
            }
        }
    }

    @Test func unitSpellingsAreExactlyTheSpecTable() {
        var fromCode: [String: String] = [:]
        for unit in CalendarDuration.Unit.allCases {
            for spelling in unit.spellings { fromCode[spelling] = unit.rawValue }
        }
        var fromSpec: [String: String] = [:]
        for c in Self.spellings { fromSpec[c.spelling] = c.canonical }
        #expect(fromCode == fromSpec)
        #expect(Set(CalendarDuration.Unit.allCases.map(\.rawValue)) == ["min", "h", "d", "w", "mo", "y", "wd"])
    }

    static let examples: [DurationCase] = [
        // SPEC §4's own examples
        DurationCase(text: "-14d", count: -14, canonical: "-14d"),
        DurationCase(text: "+2h", count: 2, canonical: "+2h"),
        DurationCase(text: "0d", count: 0, canonical: "+0d"),
        DurationCase(text: "6 months", count: 6, canonical: "+6mo"),
        DurationCase(text: "24 mois", count: 24, canonical: "+24mo"),
        DurationCase(text: "-11 jours ouvrés", count: -11, canonical: "-11wd"),
        DurationCase(text: "+0d", count: 0, canonical: "+0d"),
        DurationCase(text: "+6mo", count: 6, canonical: "+6mo"),
        DurationCase(text: "-11wd", count: -11, canonical: "-11wd"),
        // §2 defaults
        DurationCase(text: "-2d", count: -2, canonical: "-2d"),
        DurationCase(text: "-2h", count: -2, canonical: "-2h"),
        DurationCase(text: "7d", count: 7, canonical: "+7d"),
        DurationCase(text: "-90d", count: -90, canonical: "-90d"),
        DurationCase(text: "14d", count: 14, canonical: "+14d"),
        DurationCase(text: "24 months", count: 24, canonical: "+24mo"),
        DurationCase(text: "3 years", count: 3, canonical: "+3y"),
        DurationCase(text: "36 months", count: 36, canonical: "+36mo"),
        DurationCase(text: "5 years", count: 5, canonical: "+5y"),
        // leading zeros, zero with a sign
        DurationCase(text: "007d", count: 7, canonical: "+7d"),
        DurationCase(text: "-007d", count: -7, canonical: "-7d"),
        DurationCase(text: "+0007 jours", count: 7, canonical: "+7d"),
        DurationCase(text: "-0d", count: 0, canonical: "+0d"),
        DurationCase(text: "-000h", count: 0, canonical: "+0h"),
        DurationCase(text: "00wd", count: 0, canonical: "+0wd"),
        DurationCase(text: "0100min", count: 100, canonical: "+100min"),
        // French and English, singular and plural
        DurationCase(text: "1 jour ouvré", count: 1, canonical: "+1wd"),
        DurationCase(text: "-1 jour ouvré", count: -1, canonical: "-1wd"),
        DurationCase(text: "5 jours ouvrés", count: 5, canonical: "+5wd"),
        DurationCase(text: "1 année", count: 1, canonical: "+1y"),
        DurationCase(text: "2 années", count: 2, canonical: "+2y"),
        DurationCase(text: "1 an", count: 1, canonical: "+1y"),
        DurationCase(text: "10 ans", count: 10, canonical: "+10y"),
        DurationCase(text: "1 heure", count: 1, canonical: "+1h"),
        DurationCase(text: "-90 minutes", count: -90, canonical: "-90min"),
        DurationCase(text: "1 minute", count: 1, canonical: "+1min"),
        DurationCase(text: "2 semaines", count: 2, canonical: "+2w"),
        DurationCase(text: "1 semaine", count: 1, canonical: "+1w"),
        DurationCase(text: "3j", count: 3, canonical: "+3d"),
        DurationCase(text: "-3 workdays", count: -3, canonical: "-3wd"),
        DurationCase(text: "1 workday", count: 1, canonical: "+1wd"),
        DurationCase(text: "12 mo", count: 12, canonical: "+12mo"),
        DurationCase(text: "1 month", count: 1, canonical: "+1mo"),
        DurationCase(text: "1y", count: 1, canonical: "+1y"),
        // spaces inside a two-word unit are not significant in number
        DurationCase(text: "-11 jours  ouvrés", count: -11, canonical: "-11wd"),
        // decomposed accents (NFD) are the same text
        DurationCase(text: "-11 jours ouvre\u{301}s", count: -11, canonical: "-11wd"),
        DurationCase(text: "2 anne\u{301}es", count: 2, canonical: "+2y"),
        // a large but reasonable value
        DurationCase(text: "525600 minutes", count: 525_600, canonical: "+525600min"),
    ]

    @Test(arguments: examples)
    func canonicalForms(_ c: DurationCase) throws {
        let duration = try CalendarDuration.parse(c.text)
        #expect(duration.count == c.count)
        #expect(duration.description == c.canonical)
        // The canonical form parses back to the same duration.
        #expect(try CalendarDuration.parse(c.canonical) == duration)
    }

    @Test func sameCanonicalFormMeansEqual() throws {
        #expect(try CalendarDuration.parse("14d") == CalendarDuration.parse("+14 jours"))
        #expect(try CalendarDuration.parse("6 months") == CalendarDuration.parse("6 mois"))
        #expect(try CalendarDuration.parse("-0d") == CalendarDuration.parse("+0d"))
        #expect(try CalendarDuration.parse("1 an") != CalendarDuration.parse("12 mois"))
        #expect(try CalendarDuration.parse("7d") != CalendarDuration.parse("1w"))
    }

    @Test(arguments: [
        (CalendarDuration(1, .month), 2, "+2mo"),
        (CalendarDuration(7, .day), 3, "+21d"),
        (CalendarDuration(14, .day), 2, "+28d"),
        (CalendarDuration(-2, .workday), 3, "-6wd"),
        (CalendarDuration(1, .year), 0, "+0y"),
    ])
    func multiplyingKeepsTheUnit(_ d: CalendarDuration, _ factor: Int, _ expected: String) {
        #expect(d.times(factor).description == expected)
    }

    // MARK: errors

    @Test(arguments: ["", "   "])
    func emptyIsAnError(_ text: String) {
        #expect(throws: CalendarDuration.ParseError.empty) { try CalendarDuration.parse(text) }
    }

    @Test(arguments: ["d", "days", "-d", "+", "-", "+jours", "jours ouvrés", "--14d", "+-3d", "- 14d", "mo6", "x14d"])
    func noNumberIsAnError(_ text: String) {
        #expect(throws: CalendarDuration.ParseError.noNumber(text)) { try CalendarDuration.parse(text) }
    }

    @Test(arguments: [
        ("14x", "x"), ("14 dayz", "dayz"), ("3 wk", "wk"), ("3dd", "dd"), ("3 jours ouvres", "jours ouvres"),
        ("3 jour ouvrés", "jour ouvrés"), ("14 d d", "d d"), ("14d!", "d!"), ("2 ouvrés", "ouvrés"), ("1 sec", "sec"),
        ("1 s", "s"), ("1 m", "m"), ("2 yr", "yr"), ("2 annee", "annee"), ("3 jours-ouvrés", "jours-ouvrés"),
    ])
    func unknownUnitIsAnError(_ text: String, _ unit: String) {
        #expect(throws: CalendarDuration.ParseError.unknownUnit(unit)) { try CalendarDuration.parse(text) }
    }

    @Test(arguments: ["14", "-3", "+0", "007"])
    func numberWithoutUnitIsAnError(_ text: String) {
        #expect(throws: CalendarDuration.ParseError.self) { try CalendarDuration.parse(text) }
    }

    @Test(arguments: ["1.5h", "1,5h", "1 000d", "1e3d", "½h", "１４d", "٣d", "3 d\u{0}"])
    func otherMalformedNumbersAreErrors(_ text: String) {
        #expect(throws: CalendarDuration.ParseError.self) { try CalendarDuration.parse(text) }
    }

    @Test(arguments: [
        "99999999999999999999d", "-99999999999999999999999999999999 jours", "9223372036854775807min",
        "9223372036854775808h", "-9223372036854775808wd", "10000000000000000000000000000000000000000 years",
    ])
    func hugeNumberIsTooLarge(_ text: String) {
        #expect {
            try CalendarDuration.parse(text)
        } throws: { error in
            if case .tooLarge(let quoted, _) = error as? CalendarDuration.ParseError { quoted == text } else { false }
        }
    }

    @Test func errorMessagesNameTheInput() {
        #expect(CalendarDuration.ParseError.unknownUnit("dayz").description.contains("dayz"))
        #expect(CalendarDuration.ParseError.noNumber("jours").description.contains("jours"))
        #expect(CalendarDuration.ParseError.tooLarge("9999999999d", .day).description.contains("9999999999d"))
    }
}
