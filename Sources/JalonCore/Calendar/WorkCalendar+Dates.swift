extension WorkCalendar {
    /// The date `delay` after `date`, counted from its midnight (an exact delay, like `48h`, then gives the date it
    /// reaches; SPEC §5).
    package func date(_ date: LocalDate, plus delay: CalendarDuration) -> LocalDate {
        adding(delay, to: LocalDateTime(date, .midnight)).local.date
    }
}
