/// The headings of a table grouped by day: a day's name each time the day changes, with a blank line between days.
struct DayHeadings {
    var language: Language
    private var current: LocalDate?

    init(language: Language) {
        self.language = language
    }

    /// Nothing when `day` is the day of the previous line; else its heading ("lundi 7 décembre 2026"), after a
    /// blank line unless it is the first.
    mutating func heading(_ day: LocalDate) -> String {
        guard day != current else { return "" }
        defer { current = day }
        return (current == nil ? "" : "\n") + DateText.day(day, language) + "\n"
    }
}
