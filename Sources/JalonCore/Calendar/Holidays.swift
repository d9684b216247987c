/// A set of French public holidays (Code du travail L3133-1), which decides which days are working days.
///
/// Weekends are never working days, whatever the set.
package enum HolidaySet: String, CaseIterable, Sendable {
    case metropole
    case alsaceMoselle = "alsace-moselle"
    case none

    /// The public holidays of `year`, in date order.
    package func holidays(in year: Int) -> [LocalDate] {
        if self == .none { return [] }
        let easter = HolidaySet.easterSunday(year)
        func fixed(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day) }
        var days = [
            fixed(1, 1),
            easter.adding(days: 1),  // Easter Monday
            fixed(5, 1),
            fixed(5, 8),
            easter.adding(days: 39),  // Ascension Thursday
            easter.adding(days: 50),  // Whit Monday
            fixed(7, 14),
            fixed(8, 15),
            fixed(11, 1),
            fixed(11, 11),
            fixed(12, 25),
        ]
        if self == .alsaceMoselle {
            days.append(easter.adding(days: -2))  // Good Friday
            days.append(fixed(12, 26))
        }
        // Ascension can fall on 1 or 8 May: one day, listed once.
        return Set(days).sorted()
    }

    package func isHoliday(_ date: LocalDate) -> Bool {
        switch self {
        case .none:
            return false
        case .metropole, .alsaceMoselle:
            switch (date.month, date.day) {
            case (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25): return true
            case (12, 26): return self == .alsaceMoselle
            default: break
            }
            // The movable feasts fall between 20 March (Good Friday) and 14 June (Whit Monday).
            guard (3...6).contains(date.month) else { return false }
            let offset = date.daysSinceEpoch - HolidaySet.easterSunday(date.year).daysSinceEpoch
            return offset == 1 || offset == 39 || offset == 50 || (offset == -2 && self == .alsaceMoselle)
        }
    }

    /// Monday to Friday, less this set's public holidays.
    package func isWorkingDay(_ date: LocalDate) -> Bool {
        date.weekday <= 5 && !isHoliday(date)
    }

    /// The Gregorian Easter Sunday of `year` (the anonymous Gregorian algorithm, also known as Meeus/Jones/Butcher).
    package static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)
    }
}
