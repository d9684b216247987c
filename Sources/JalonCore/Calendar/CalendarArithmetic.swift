/// What to do with a reminder that falls on a day that is not a working day.
package enum NonWorkingRule: String, CaseIterable, Sendable {
    /// Leave it where it falls.
    case keep
    /// Move it to the previous working day, same wall-clock time.
    case before
    /// Move it to the next working day, same wall-clock time.
    case after
}

/// A wall-clock time and the instant it resolves to in a zone.
package struct ZonedTime: Hashable, Sendable {
    package var local: LocalDateTime
    package var instant: Instant
}

/// The calendar of one person: a zone and a set of public holidays.
///
/// All of SPEC §4 lives here: adding durations to wall-clock times and moving times off non-working days.
package struct WorkCalendar: Hashable, Sendable {
    package var zone: Zone
    package var holidays: HolidaySet

    package init(zone: Zone, holidays: HolidaySet) {
        self.zone = zone
        self.holidays = holidays
    }

    package func isWorkingDay(_ date: LocalDate) -> Bool { holidays.isWorkingDay(date) }

    /// Resolves a wall-clock time in this calendar's zone.
    package func zoned(_ local: LocalDateTime) -> ZonedTime {
        ZonedTime(local: local, instant: zone.resolve(local))
    }

    /// `base` + `duration`: exact units move the instant `base` already names (which may be the second of two
    /// occurrences of a wall-clock time), calendar units its wall-clock time.
    package func adding(_ duration: CalendarDuration, to base: ZonedTime) -> ZonedTime {
        guard duration.isExact else { return adding(duration, to: base.local) }
        let instant = base.instant + Int64(duration.count) * (duration.unit == .minute ? 60 : 3600)
        return ZonedTime(local: zone.local(instant), instant: instant)
    }

    /// `base` + `duration`, resolved in this calendar's zone.
    ///
    /// Exact units move the instant `base` names; calendar units move the local date and keep the wall-clock
    /// time (a month-end day the target month lacks becomes its last day); working days step one day at a time.
    package func adding(_ duration: CalendarDuration, to base: LocalDateTime) -> ZonedTime {
        let n = duration.count
        switch duration.unit {
        case .minute, .hour:
            return adding(duration, to: zoned(base))
        case .day:
            return zoned(LocalDateTime(base.date.adding(days: n), base.time))
        case .week:
            return zoned(LocalDateTime(base.date.adding(days: 7 * n), base.time))
        case .month:
            return zoned(LocalDateTime(base.date.adding(months: n), base.time))
        case .year:
            return zoned(LocalDateTime(base.date.adding(months: 12 * n), base.time))
        case .workday:
            return zoned(LocalDateTime(addingWorkingDays(n, to: base.date), base.time))
        }
    }

    /// Steps one day at a time in the direction of `count`'s sign until |count| working days are counted.
    package func addingWorkingDays(_ count: Int, to date: LocalDate) -> LocalDate {
        let step = count < 0 ? -1 : 1
        var remaining = count.magnitude
        var day = date
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Moves `time` off a day that is not a working day, keeping its wall-clock time.
    package func applying(_ rule: NonWorkingRule, to time: ZonedTime) -> ZonedTime {
        guard rule != .keep, !isWorkingDay(time.local.date) else { return time }
        let step = rule == .before ? -1 : 1
        var day = time.local.date
        repeat { day = day.adding(days: step) } while !isWorkingDay(day)
        return zoned(LocalDateTime(day, time.local.time))
    }
}
