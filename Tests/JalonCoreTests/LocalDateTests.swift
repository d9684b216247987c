import Testing

@testable import JalonCore

// Expected values come from Python's `datetime.date` (toordinal, isoweekday) and
// `dateutil.relativedelta` (month arithmetic with month-end clamping), pasted as literals.

/// Parses "YYYY-MM-DD" (a test helper, independent of the code under test).
private func day(_ text: String) -> LocalDate {
    let parts = text.split(separator: "-").map { Int($0)! }
    return LocalDate(year: parts[0], month: parts[1], day: parts[2])
}

struct DayCase: Sendable, CustomTestStringConvertible {
    let year: Int, month: Int, day: Int
    let days: Int
    let weekday: Int
    init(_ year: Int, _ month: Int, _ day: Int, days: Int, weekday: Int) {
        (self.year, self.month, self.day, self.days, self.weekday) = (year, month, day, days, weekday)
    }
    var date: LocalDate { LocalDate(year: year, month: month, day: day) }
    var testDescription: String { "\(year)-\(month)-\(day) = day \(days), weekday \(weekday)" }
}

struct AddCase: Sendable, CustomTestStringConvertible {
    let date: String
    let amount: Int
    let expected: String
    var testDescription: String { "\(date) \(amount >= 0 ? "+" : "")\(amount) → \(expected)" }
}

@Suite struct LocalDateTests {
    static let dayCases: [DayCase] = [
        DayCase(1, 1, 1, days: -719162, weekday: 1),
        DayCase(1, 3, 1, days: -719103, weekday: 4),
        DayCase(100, 2, 28, days: -682945, weekday: 7),
        DayCase(100, 3, 1, days: -682944, weekday: 1),
        DayCase(400, 2, 29, days: -573372, weekday: 2),
        DayCase(1582, 10, 15, days: -141427, weekday: 5),
        DayCase(1600, 2, 29, days: -135081, weekday: 2),
        DayCase(1600, 3, 1, days: -135080, weekday: 3),
        DayCase(1700, 2, 28, days: -98557, weekday: 7),
        DayCase(1700, 3, 1, days: -98556, weekday: 1),
        DayCase(1899, 12, 31, days: -25568, weekday: 7),
        DayCase(1900, 1, 1, days: -25567, weekday: 1),
        DayCase(1900, 2, 28, days: -25509, weekday: 3),
        DayCase(1900, 3, 1, days: -25508, weekday: 4),
        DayCase(1912, 1, 1, days: -21185, weekday: 1),
        DayCase(1969, 12, 28, days: -4, weekday: 7),
        DayCase(1969, 12, 31, days: -1, weekday: 3),
        DayCase(1970, 1, 1, days: 0, weekday: 4),
        DayCase(1970, 1, 2, days: 1, weekday: 5),
        DayCase(1970, 3, 1, days: 59, weekday: 7),
        DayCase(1999, 12, 31, days: 10956, weekday: 5),
        DayCase(2000, 1, 1, days: 10957, weekday: 6),
        DayCase(2000, 2, 29, days: 11016, weekday: 2),
        DayCase(2000, 3, 1, days: 11017, weekday: 3),
        DayCase(2001, 1, 1, days: 11323, weekday: 1),
        DayCase(2024, 2, 29, days: 19782, weekday: 4),
        DayCase(2026, 1, 1, days: 20454, weekday: 4),
        DayCase(2026, 3, 29, days: 20541, weekday: 7),
        DayCase(2026, 10, 25, days: 20751, weekday: 7),
        DayCase(2026, 12, 31, days: 20818, weekday: 4),
        DayCase(2027, 3, 28, days: 20905, weekday: 7),
        DayCase(2027, 10, 31, days: 21122, weekday: 7),
        DayCase(2028, 2, 29, days: 21243, weekday: 2),
        DayCase(2038, 1, 19, days: 24855, weekday: 2),
        DayCase(2038, 1, 20, days: 24856, weekday: 3),
        DayCase(2099, 12, 31, days: 47481, weekday: 4),
        DayCase(2100, 1, 1, days: 47482, weekday: 5),
        DayCase(2100, 2, 28, days: 47540, weekday: 7),
        DayCase(2100, 3, 1, days: 47541, weekday: 1),
        DayCase(2400, 2, 29, days: 157113, weekday: 2),
        DayCase(2400, 3, 1, days: 157114, weekday: 3),
        DayCase(3000, 6, 15, days: 376365, weekday: 7),
        DayCase(5000, 1, 1, days: 1106685, weekday: 3),
        DayCase(9999, 12, 31, days: 2932896, weekday: 5),
    ]

    @Test(arguments: dayCases)
    func daysSinceEpoch(_ c: DayCase) {
        #expect(c.date.daysSinceEpoch == c.days)
        #expect(LocalDate(daysSinceEpoch: c.days) == c.date)
        #expect(c.date.isValid)
    }

    @Test(arguments: dayCases)
    func weekday(_ c: DayCase) {
        #expect(c.date.weekday == c.weekday)
    }

    /// Every day from 1600-01-01 to 2600-12-31, walked with an independent successor function.
    @Test func everyDayRoundTripsOverTenCenturies() {
        func leap(_ y: Int) -> Bool { y % 400 == 0 || (y % 4 == 0 && y % 100 != 0) }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var (y, m, d) = (1600, 1, 1)
        var weekday = 6  // 1600-01-01 was a Saturday
        var mismatches = 0
        for n in -135_140...230_467 {
            let expected = LocalDate(year: y, month: m, day: d)
            let made = LocalDate(daysSinceEpoch: n)
            if made != expected || expected.daysSinceEpoch != n || expected.weekday != weekday {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("day \(n): expected \(expected) weekday \(weekday), got \(made), back \(expected.daysSinceEpoch), weekday \(expected.weekday)")
                }
            }
            // successor
            let length = m == 2 && leap(y) ? 29 : lengths[m - 1]
            d += 1
            if d > length { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            weekday = weekday % 7 + 1
        }
        #expect((y, m, d) == (2601, 1, 1))
        #expect(mismatches == 0)
    }

    @Test func wideRangeRoundTrips() {
        // Far beyond the years jalon meets, including the proleptic years before 1.
        for n in stride(from: -3_000_000, through: 3_000_000, by: 9_973) {
            let date = LocalDate(daysSinceEpoch: n)
            #expect(date.isValid, "day \(n) gave \(date)")
            #expect(date.daysSinceEpoch == n, "day \(n) gave \(date)")
            #expect(date.adding(days: 1) > date)
        }
    }

    @Test func yearZeroAndBefore() {
        // Proleptic Gregorian: year 0 is a leap year, 0000-12-31 is the day before 0001-01-01.
        #expect(LocalDate(year: 0, month: 12, day: 31).daysSinceEpoch == -719_163)
        #expect(LocalDate(daysSinceEpoch: -719_163) == LocalDate(year: 0, month: 12, day: 31))
        #expect(LocalDate.isLeap(0))
        #expect(LocalDate(year: 0, month: 2, day: 29).isValid)
        #expect(LocalDate(year: 0, month: 1, day: 15).adding(months: -1) == LocalDate(year: -1, month: 12, day: 15))
    }

    static let addDayCases: [AddCase] = [
        AddCase(date: "2026-01-01", amount: 0, expected: "2026-01-01"),
        AddCase(date: "2026-01-01", amount: 1, expected: "2026-01-02"),
        AddCase(date: "2026-01-01", amount: -1, expected: "2025-12-31"),
        AddCase(date: "2026-12-31", amount: 1, expected: "2027-01-01"),
        AddCase(date: "2026-02-28", amount: 1, expected: "2026-03-01"),
        AddCase(date: "2028-02-28", amount: 1, expected: "2028-02-29"),
        AddCase(date: "2028-03-01", amount: -1, expected: "2028-02-29"),
        AddCase(date: "2100-02-28", amount: 1, expected: "2100-03-01"),
        AddCase(date: "2000-02-28", amount: 1, expected: "2000-02-29"),
        AddCase(date: "2026-03-29", amount: 365, expected: "2027-03-29"),
        AddCase(date: "2026-03-29", amount: -365, expected: "2025-03-29"),
        AddCase(date: "2028-03-29", amount: -366, expected: "2027-03-29"),
        AddCase(date: "1970-01-01", amount: -1, expected: "1969-12-31"),
        AddCase(date: "1969-12-31", amount: 1, expected: "1970-01-01"),
        AddCase(date: "2026-06-15", amount: 1000, expected: "2029-03-11"),
        AddCase(date: "2026-06-15", amount: -100000, expected: "1752-08-30"),
        AddCase(date: "2026-06-15", amount: 100000, expected: "2300-03-31"),
        AddCase(date: "2026-10-25", amount: 7, expected: "2026-11-01"),
        AddCase(date: "2027-12-31", amount: -731, expected: "2025-12-30"),
    ]

    @Test(arguments: addDayCases)
    func addingDays(_ c: AddCase) {
        #expect(day(c.date).adding(days: c.amount) == day(c.expected))
    }

    static let addMonthCases: [AddCase] = [
        AddCase(date: "2026-01-31", amount: 1, expected: "2026-02-28"),
        AddCase(date: "2028-01-31", amount: 1, expected: "2028-02-29"),
        AddCase(date: "2028-02-29", amount: 24, expected: "2030-02-28"),
        AddCase(date: "2028-02-29", amount: 48, expected: "2032-02-29"),
        AddCase(date: "2028-02-29", amount: 12, expected: "2029-02-28"),
        AddCase(date: "2028-02-29", amount: -12, expected: "2027-02-28"),
        AddCase(date: "2024-02-29", amount: 12, expected: "2025-02-28"),
        AddCase(date: "2026-03-31", amount: -1, expected: "2026-02-28"),
        AddCase(date: "2026-05-31", amount: 1, expected: "2026-06-30"),
        AddCase(date: "2026-08-31", amount: 1, expected: "2026-09-30"),
        AddCase(date: "2026-08-31", amount: -6, expected: "2026-02-28"),
        AddCase(date: "2026-12-15", amount: 1, expected: "2027-01-15"),
        AddCase(date: "2026-01-15", amount: -1, expected: "2025-12-15"),
        AddCase(date: "2026-01-31", amount: -2, expected: "2025-11-30"),
        AddCase(date: "2026-03-31", amount: -13, expected: "2025-02-28"),
        AddCase(date: "2026-06-30", amount: 0, expected: "2026-06-30"),
        AddCase(date: "2026-12-31", amount: 12, expected: "2027-12-31"),
        AddCase(date: "2026-12-31", amount: -12, expected: "2025-12-31"),
        AddCase(date: "2026-01-01", amount: -24, expected: "2024-01-01"),
        AddCase(date: "2026-01-01", amount: -1, expected: "2025-12-01"),
        AddCase(date: "2026-12-01", amount: 1, expected: "2027-01-01"),
        AddCase(date: "2026-11-30", amount: 3, expected: "2027-02-28"),
        AddCase(date: "2026-10-31", amount: 4, expected: "2027-02-28"),
        AddCase(date: "2026-07-31", amount: -5, expected: "2026-02-28"),
        AddCase(date: "2000-02-29", amount: 1200, expected: "2100-02-28"),
        AddCase(date: "2000-02-29", amount: -1200, expected: "1900-02-28"),
        AddCase(date: "2026-05-12", amount: 24, expected: "2028-05-12"),
        AddCase(date: "2025-05-12", amount: 36, expected: "2028-05-12"),
        AddCase(date: "2026-01-29", amount: 1, expected: "2026-02-28"),
        AddCase(date: "2026-01-30", amount: 1, expected: "2026-02-28"),
        AddCase(date: "2027-01-29", amount: 13, expected: "2028-02-29"),
        AddCase(date: "2026-09-08", amount: 6, expected: "2027-03-08"),
        AddCase(date: "2026-03-31", amount: -36, expected: "2023-03-31"),
        AddCase(date: "2026-03-31", amount: -37, expected: "2023-02-28"),
        AddCase(date: "2026-12-31", amount: -13, expected: "2025-11-30"),
        AddCase(date: "1970-01-31", amount: -1, expected: "1969-12-31"),
        AddCase(date: "2026-02-28", amount: 1, expected: "2026-03-28"),
        AddCase(date: "2026-04-30", amount: -2, expected: "2026-02-28"),
        AddCase(date: "2099-12-31", amount: 2, expected: "2100-02-28"),
        AddCase(date: "1999-11-30", amount: 3, expected: "2000-02-29"),
        AddCase(date: "2026-07-15", amount: -1206, expected: "1926-01-15"),
    ]

    @Test(arguments: addMonthCases)
    func addingMonths(_ c: AddCase) {
        let result = day(c.date).adding(months: c.amount)
        #expect(result == day(c.expected))
        #expect(result.isValid)
    }

    @Test(arguments: [
        (1900, false), (1996, true), (2000, true), (2024, true), (2026, false), (2027, false), (2028, true),
        (2100, false), (2400, true),
    ])
    func leapYears(_ year: Int, _ leap: Bool) {
        #expect(LocalDate.isLeap(year) == leap)
        #expect(LocalDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
    }

    @Test(arguments: [
        ("2026-01-31", true), ("2026-02-28", true), ("2026-02-29", false), ("2028-02-29", true), ("2100-02-29", false),
        ("2000-02-29", true), ("2026-04-30", true), ("2026-04-31", false), ("2026-06-31", false), ("2026-09-31", false),
        ("2026-11-31", false), ("2026-12-31", true), ("2026-12-32", false), ("2026-00-10", false), ("2026-13-01", false),
        ("2026-01-00", false),
    ])
    func validity(_ text: String, _ valid: Bool) {
        #expect(day(text).isValid == valid)
    }

    @Test(arguments: [
        ("2026-01-05", "2026-01-05"), ("0987-06-05", "0987-06-05"), ("2026-12-31", "2026-12-31"),
    ])
    func description(_ text: String, _ expected: String) {
        #expect(day(text).description == expected)
    }

    @Test func ordering() {
        #expect(day("2026-12-31") < day("2027-01-01"))
        #expect(day("2026-02-28") < day("2026-03-01"))
        #expect(day("2026-03-01") < day("2026-03-02"))
        #expect(!(day("2026-03-02") < day("2026-03-02")))
    }

    @Test(arguments: [
        ("09:00", 9, 0, 0), ("00:00", 0, 0, 0), ("23:59", 23, 59, 0), ("08:30:15", 8, 30, 15), ("23:59:59", 23, 59, 59),
    ])
    func timeParsing(_ text: String, _ h: Int, _ m: Int, _ s: Int) throws {
        let time = try #require(LocalTime(parsing: text))
        #expect(time == LocalTime(hour: h, minute: m, second: s))
        #expect(time.description == text)
    }

    @Test(arguments: ["", "9:00", "24:00", "12:60", "12:00:60", "12", "12:00:00:00", "ab:cd", "12-00", " 12:00", "12:0"])
    func invalidTimes(_ text: String) {
        #expect(LocalTime(parsing: text) == nil)
    }

    @Test(arguments: [
        // wall seconds from Python: (datetime(...) - datetime(1970,1,1)).total_seconds()
        ("2026-03-29", 2, 30, 0, Int64(1_774_751_400)),
        ("1970-01-01", 0, 0, 0, Int64(0)),
        ("1969-12-31", 23, 59, 59, Int64(-1)),
        ("1900-01-01", 12, 0, 0, Int64(-2_208_945_600)),
        ("2038-01-19", 3, 14, 8, Int64(2_147_483_648)),
    ])
    func wallSeconds(_ date: String, _ h: Int, _ m: Int, _ s: Int, _ wall: Int64) {
        let local = LocalDateTime(day(date), LocalTime(hour: h, minute: m, second: s))
        #expect(local.wallSeconds == wall)
        #expect(LocalDateTime(wallSeconds: wall) == local)
    }
}
