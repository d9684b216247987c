/// Dates and times written as people write them, in French or English.
///
/// Written by hand rather than through `DateFormatter` so that the output does not depend on the ICU data or the
/// locale settings of the machine: "mardi 8 septembre 2026 à 14 h 00", "Tuesday 8 September 2026 at 2:00 pm".
package enum DateText {
    static let frenchDays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "mardi 1er décembre 2026", "Tuesday 1 December 2026".
    package static func day(_ date: LocalDate, _ language: Language) -> String {
        dayWithoutYear(date, language) + " " + String(date.year)
    }

    /// "lundi 7 décembre", "Monday 7 December": a day of the current year, or one close enough not to need it.
    package static func dayWithoutYear(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .fr:
            let day = date.day == 1 ? "1er" : String(date.day)
            return "\(frenchDays[date.weekday - 1]) \(day) \(frenchMonths[date.month - 1])"
        case .en:
            return "\(englishDays[date.weekday - 1]) \(date.day) \(englishMonths[date.month - 1])"
        }
    }

    /// "14 h 00", "2:00 pm".
    package static func time(_ time: LocalTime, _ language: Language) -> String {
        switch language {
        case .fr:
            return "\(time.hour) h \(pad(time.minute, 2))"
        case .en:
            let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
            return "\(hour12):\(pad(time.minute, 2)) \(time.hour < 12 ? "am" : "pm")"
        }
    }

    /// "mardi 8 septembre 2026 à 14 h 00", "Tuesday 8 September 2026 at 2:00 pm".
    package static func dayAndTime(_ local: LocalDateTime, _ language: Language) -> String {
        switch language {
        case .fr: day(local.date, .fr) + " à " + time(local.time, .fr)
        case .en: day(local.date, .en) + " at " + time(local.time, .en)
        }
    }
}
