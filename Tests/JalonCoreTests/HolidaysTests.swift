import Testing

@testable import JalonCore

// Easter Sundays: Python's `dateutil.easter.easter(year)` (EASTER_WESTERN), pasted as literals.
// Holiday lists: written by hand from SPEC §4 (L3133-1), with the weekdays checked in a calendar.

private func day(_ text: String) -> LocalDate {
    let parts = text.split(separator: "-").map { Int($0)! }
    return LocalDate(year: parts[0], month: parts[1], day: parts[2])
}

struct WorkingDayCase: Sendable, CustomTestStringConvertible {
    let date: String
    let metropole: Bool
    let alsaceMoselle: Bool
    let none: Bool
    var testDescription: String { "\(date): metropole \(metropole), alsace-moselle \(alsaceMoselle), none \(none)" }
}

@Suite struct HolidaysTests {
    /// (year, month, day) of the Gregorian Easter Sunday, from dateutil.
    static let easterSundays: [(Int, Int, Int)] = [
        (1900, 4, 15), (1901, 4, 7), (1902, 3, 30), (1903, 4, 12), (1904, 4, 3), (1905, 4, 23),
        (1906, 4, 15), (1907, 3, 31), (1908, 4, 19), (1909, 4, 11), (1910, 3, 27), (1911, 4, 16),
        (1912, 4, 7), (1913, 3, 23), (1914, 4, 12), (1915, 4, 4), (1916, 4, 23), (1917, 4, 8),
        (1918, 3, 31), (1919, 4, 20), (1920, 4, 4), (1921, 3, 27), (1922, 4, 16), (1923, 4, 1),
        (1924, 4, 20), (1925, 4, 12), (1926, 4, 4), (1927, 4, 17), (1928, 4, 8), (1929, 3, 31),
        (1930, 4, 20), (1931, 4, 5), (1932, 3, 27), (1933, 4, 16), (1934, 4, 1), (1935, 4, 21),
        (1936, 4, 12), (1937, 3, 28), (1938, 4, 17), (1939, 4, 9), (1940, 3, 24), (1941, 4, 13),
        (1942, 4, 5), (1943, 4, 25), (1944, 4, 9), (1945, 4, 1), (1946, 4, 21), (1947, 4, 6),
        (1948, 3, 28), (1949, 4, 17), (1950, 4, 9), (1951, 3, 25), (1952, 4, 13), (1953, 4, 5),
        (1954, 4, 18), (1955, 4, 10), (1956, 4, 1), (1957, 4, 21), (1958, 4, 6), (1959, 3, 29),
        (1960, 4, 17), (1961, 4, 2), (1962, 4, 22), (1963, 4, 14), (1964, 3, 29), (1965, 4, 18),
        (1966, 4, 10), (1967, 3, 26), (1968, 4, 14), (1969, 4, 6), (1970, 3, 29), (1971, 4, 11),
        (1972, 4, 2), (1973, 4, 22), (1974, 4, 14), (1975, 3, 30), (1976, 4, 18), (1977, 4, 10),
        (1978, 3, 26), (1979, 4, 15), (1980, 4, 6), (1981, 4, 19), (1982, 4, 11), (1983, 4, 3),
        (1984, 4, 22), (1985, 4, 7), (1986, 3, 30), (1987, 4, 19), (1988, 4, 3), (1989, 3, 26),
        (1990, 4, 15), (1991, 3, 31), (1992, 4, 19), (1993, 4, 11), (1994, 4, 3), (1995, 4, 16),
        (1996, 4, 7), (1997, 3, 30), (1998, 4, 12), (1999, 4, 4), (2000, 4, 23), (2001, 4, 15),
        (2002, 3, 31), (2003, 4, 20), (2004, 4, 11), (2005, 3, 27), (2006, 4, 16), (2007, 4, 8),
        (2008, 3, 23), (2009, 4, 12), (2010, 4, 4), (2011, 4, 24), (2012, 4, 8), (2013, 3, 31),
        (2014, 4, 20), (2015, 4, 5), (2016, 3, 27), (2017, 4, 16), (2018, 4, 1), (2019, 4, 21),
        (2020, 4, 12), (2021, 4, 4), (2022, 4, 17), (2023, 4, 9), (2024, 3, 31), (2025, 4, 20),
        (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2029, 4, 1), (2030, 4, 21), (2031, 4, 13),
        (2032, 3, 28), (2033, 4, 17), (2034, 4, 9), (2035, 3, 25), (2036, 4, 13), (2037, 4, 5),
        (2038, 4, 25), (2039, 4, 10), (2040, 4, 1), (2041, 4, 21), (2042, 4, 6), (2043, 3, 29),
        (2044, 4, 17), (2045, 4, 9), (2046, 3, 25), (2047, 4, 14), (2048, 4, 5), (2049, 4, 18),
        (2050, 4, 10), (2051, 4, 2), (2052, 4, 21), (2053, 4, 6), (2054, 3, 29), (2055, 4, 18),
        (2056, 4, 2), (2057, 4, 22), (2058, 4, 14), (2059, 3, 30), (2060, 4, 18), (2061, 4, 10),
        (2062, 3, 26), (2063, 4, 15), (2064, 4, 6), (2065, 3, 29), (2066, 4, 11), (2067, 4, 3),
        (2068, 4, 22), (2069, 4, 14), (2070, 3, 30), (2071, 4, 19), (2072, 4, 10), (2073, 3, 26),
        (2074, 4, 15), (2075, 4, 7), (2076, 4, 19), (2077, 4, 11), (2078, 4, 3), (2079, 4, 23),
        (2080, 4, 7), (2081, 3, 30), (2082, 4, 19), (2083, 4, 4), (2084, 3, 26), (2085, 4, 15),
        (2086, 3, 31), (2087, 4, 20), (2088, 4, 11), (2089, 4, 3), (2090, 4, 16), (2091, 4, 8),
        (2092, 3, 30), (2093, 4, 12), (2094, 4, 4), (2095, 4, 24), (2096, 4, 15), (2097, 3, 31),
        (2098, 4, 20), (2099, 4, 12), (2100, 3, 28),
        // outside 1900-2100
        (1583, 4, 10), (1600, 4, 2), (1700, 4, 11), (1818, 3, 22), (2285, 3, 22), (2400, 4, 16), (3000, 4, 13),
        (4099, 4, 19),
    ]

    @Test func easterSundays1900To2100() {
        for (year, month, dayOfMonth) in Self.easterSundays {
            let easter = HolidaySet.easterSunday(year)
            #expect(easter == LocalDate(year: year, month: month, day: dayOfMonth), "Easter \(year)")
            #expect(easter.weekday == 7, "Easter \(year) is a Sunday")
        }
        #expect(Self.easterSundays.filter { (1900...2100).contains($0.0) }.count == 201)
    }

    @Test func easterExtremes() {
        // Earliest (22 March) and latest (25 April) possible dates.
        #expect(HolidaySet.easterSunday(2285) == day("2285-03-22"))
        #expect(HolidaySet.easterSunday(1818) == day("1818-03-22"))
        #expect(HolidaySet.easterSunday(1943) == day("1943-04-25"))
        #expect(HolidaySet.easterSunday(2038) == day("2038-04-25"))
    }

    // MARK: the sets for 2026 and 2027, in full

    static let metropole2026 = [
        "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
        "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
    ]
    static let alsaceMoselle2026 = [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
        "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25", "2026-12-26",
    ]
    static let metropole2027 = [
        "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14",
        "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25",
    ]
    static let alsaceMoselle2027 = [
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
        "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25", "2027-12-26",
    ]

    @Test(arguments: [
        (HolidaySet.metropole, 2026, metropole2026),
        (HolidaySet.alsaceMoselle, 2026, alsaceMoselle2026),
        (HolidaySet.none, 2026, []),
        (HolidaySet.metropole, 2027, metropole2027),
        (HolidaySet.alsaceMoselle, 2027, alsaceMoselle2027),
        (HolidaySet.none, 2027, []),
    ])
    func fullListsFor2026And2027(_ set: HolidaySet, _ year: Int, _ expected: [String]) {
        #expect(set.holidays(in: year) == expected.map(day))
        // Every day of the year: a holiday exactly when listed.
        let listed = Set(expected)
        var date = LocalDate(year: year, month: 1, day: 1)
        while date.year == year {
            #expect(set.isHoliday(date) == listed.contains(date.description), "\(set) \(date)")
            let weekend = date.weekday >= 6
            #expect(set.isWorkingDay(date) == (!weekend && !listed.contains(date.description)), "\(set) \(date)")
            date = date.adding(days: 1)
        }
    }

    @Test func rawValuesAreTheConfigurationNames() {
        #expect(HolidaySet(rawValue: "metropole") == .metropole)
        #expect(HolidaySet(rawValue: "alsace-moselle") == .alsaceMoselle)
        #expect(HolidaySet(rawValue: "none") == HolidaySet.none)
        #expect(HolidaySet(rawValue: "alsace") == nil)
        #expect(HolidaySet.allCases.count == 3)
    }

    /// Every day from 1900 to 2100, against the SPEC's list built from the Easter table above.
    @Test func everyDayFrom1900To2100() {
        var mismatches: [String] = []
        for (year, month, dayOfMonth) in Self.easterSundays where (1900...2100).contains(year) {
            let easter = LocalDate(year: year, month: month, day: dayOfMonth)
            let fixed: [(Int, Int)] = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
            var metropole = Set(fixed.map { LocalDate(year: year, month: $0.0, day: $0.1) })
            for offset in [1, 39, 50] { metropole.insert(easter.adding(days: offset)) }
            var alsace = metropole
            alsace.insert(easter.adding(days: -2))
            alsace.insert(LocalDate(year: year, month: 12, day: 26))

            for (set, expected) in [(HolidaySet.metropole, metropole), (HolidaySet.alsaceMoselle, alsace), (HolidaySet.none, Set<LocalDate>())] {
                if Set(set.holidays(in: year)) != expected { mismatches.append("\(set) \(year): holidays(in:)") }
                var date = LocalDate(year: year, month: 1, day: 1)
                while date.year == year {
                    if set.isHoliday(date) != expected.contains(date) { mismatches.append("\(set) \(date)") }
                    date = date.adding(days: 1)
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func holidaysAreInDateOrder() {
        for year in 1900...2100 {
            for set in HolidaySet.allCases {
                let days = set.holidays(in: year)
                #expect(days == days.sorted(), "\(set) \(year)")
            }
        }
    }

    /// In 2008 Ascension Thursday fell on 1 May (Easter 23 March), in 1997 on 8 May: the day is one holiday.
    @Test(arguments: [
        (2008, [
            "2008-01-01", "2008-03-24", "2008-05-01", "2008-05-08", "2008-05-12", "2008-07-14", "2008-08-15",
            "2008-11-01", "2008-11-11", "2008-12-25",
        ]),
        (1997, [
            "1997-01-01", "1997-03-31", "1997-05-01", "1997-05-08", "1997-05-19", "1997-07-14", "1997-08-15",
            "1997-11-01", "1997-11-11", "1997-12-25",
        ]),
    ])
    func ascensionOnAFixedHolidayIsListedOnce(_ year: Int, _ expected: [String]) {
        #expect(HolidaySet.metropole.holidays(in: year) == expected.map(day))
    }

    // MARK: working days

    static let workingDays: [WorkingDayCase] = [
        WorkingDayCase(date: "2026-01-01", metropole: false, alsaceMoselle: false, none: true),  // Thu, New Year
        WorkingDayCase(date: "2026-01-02", metropole: true, alsaceMoselle: true, none: true),  // Fri
        WorkingDayCase(date: "2026-01-03", metropole: false, alsaceMoselle: false, none: false),  // Sat
        WorkingDayCase(date: "2026-01-04", metropole: false, alsaceMoselle: false, none: false),  // Sun
        WorkingDayCase(date: "2026-04-03", metropole: true, alsaceMoselle: false, none: true),  // Good Friday
        WorkingDayCase(date: "2026-04-05", metropole: false, alsaceMoselle: false, none: false),  // Easter Sunday
        WorkingDayCase(date: "2026-04-06", metropole: false, alsaceMoselle: false, none: true),  // Easter Monday
        WorkingDayCase(date: "2026-04-07", metropole: true, alsaceMoselle: true, none: true),  // Tue
        WorkingDayCase(date: "2026-05-01", metropole: false, alsaceMoselle: false, none: true),  // Fri
        WorkingDayCase(date: "2026-05-08", metropole: false, alsaceMoselle: false, none: true),  // Fri
        WorkingDayCase(date: "2026-05-14", metropole: false, alsaceMoselle: false, none: true),  // Ascension
        WorkingDayCase(date: "2026-05-15", metropole: true, alsaceMoselle: true, none: true),  // Fri
        WorkingDayCase(date: "2026-05-25", metropole: false, alsaceMoselle: false, none: true),  // Whit Monday
        WorkingDayCase(date: "2026-07-14", metropole: false, alsaceMoselle: false, none: true),  // Tue
        WorkingDayCase(date: "2026-08-15", metropole: false, alsaceMoselle: false, none: false),  // Sat
        WorkingDayCase(date: "2026-11-01", metropole: false, alsaceMoselle: false, none: false),  // Sun
        WorkingDayCase(date: "2026-11-11", metropole: false, alsaceMoselle: false, none: true),  // Wed
        WorkingDayCase(date: "2026-12-24", metropole: true, alsaceMoselle: true, none: true),  // Thu
        WorkingDayCase(date: "2026-12-25", metropole: false, alsaceMoselle: false, none: true),  // Fri
        WorkingDayCase(date: "2026-12-26", metropole: false, alsaceMoselle: false, none: false),  // Sat
        WorkingDayCase(date: "2026-12-28", metropole: true, alsaceMoselle: true, none: true),  // Mon
        WorkingDayCase(date: "2027-01-01", metropole: false, alsaceMoselle: false, none: true),  // Fri
        WorkingDayCase(date: "2027-03-26", metropole: true, alsaceMoselle: false, none: true),  // Good Friday
        WorkingDayCase(date: "2027-03-29", metropole: false, alsaceMoselle: false, none: true),  // Easter Monday
        WorkingDayCase(date: "2027-05-01", metropole: false, alsaceMoselle: false, none: false),  // Sat
        WorkingDayCase(date: "2027-05-06", metropole: false, alsaceMoselle: false, none: true),  // Ascension
        WorkingDayCase(date: "2027-05-07", metropole: true, alsaceMoselle: true, none: true),  // Fri
        WorkingDayCase(date: "2027-05-08", metropole: false, alsaceMoselle: false, none: false),  // Sat
        WorkingDayCase(date: "2027-05-17", metropole: false, alsaceMoselle: false, none: true),  // Whit Monday
        WorkingDayCase(date: "2027-07-14", metropole: false, alsaceMoselle: false, none: true),  // Wed
        WorkingDayCase(date: "2027-08-15", metropole: false, alsaceMoselle: false, none: false),  // Sun
        WorkingDayCase(date: "2027-11-01", metropole: false, alsaceMoselle: false, none: true),  // Mon
        WorkingDayCase(date: "2027-11-11", metropole: false, alsaceMoselle: false, none: true),  // Thu
        WorkingDayCase(date: "2027-12-24", metropole: true, alsaceMoselle: true, none: true),  // Fri
        WorkingDayCase(date: "2027-12-25", metropole: false, alsaceMoselle: false, none: false),  // Sat
        WorkingDayCase(date: "2027-12-26", metropole: false, alsaceMoselle: false, none: false),  // Sun
        WorkingDayCase(date: "2027-12-27", metropole: true, alsaceMoselle: true, none: true),  // Mon
        WorkingDayCase(date: "2025-12-26", metropole: true, alsaceMoselle: false, none: true),  // Fri
        WorkingDayCase(date: "2028-12-26", metropole: true, alsaceMoselle: false, none: true),  // Tue
        WorkingDayCase(date: "2029-12-26", metropole: true, alsaceMoselle: false, none: true),  // Wed
    ]

    @Test(arguments: workingDays)
    func workingDay(_ c: WorkingDayCase) {
        #expect(HolidaySet.metropole.isWorkingDay(day(c.date)) == c.metropole)
        #expect(HolidaySet.alsaceMoselle.isWorkingDay(day(c.date)) == c.alsaceMoselle)
        #expect(HolidaySet.none.isWorkingDay(day(c.date)) == c.none)
        #expect(HolidaySet.none.isHoliday(day(c.date)) == false)
    }
}
