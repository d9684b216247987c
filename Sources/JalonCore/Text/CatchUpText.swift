/// The words of the catch-up (SPEC §5): why a reminder is late, when jalon knows it, and why a missed one was not
/// sent. Times are in the settings' zone: they are jalon's, not the person's.
package enum CatchUpText: Localizable {
    case stopped(from: LocalDateTime, to: LocalDateTime)
    case interrupted(lastSeen: LocalDateTime, restarted: LocalDateTime)
    case asleep(from: LocalDateTime, to: LocalDateTime)
    case clockMoved(from: LocalDateTime, to: LocalDateTime)
    /// A missed reminder older than `catch_up`.
    case tooOld
    /// A missed reminder for which a later one of the same item goes.
    case replaced(by: String)
    /// A late reminder not sent because another of the same item comes due soon.
    case superseded(by: String, due: LocalDateTime)

    /// The text of a cause, its times in `zone`.
    package static func cause(_ cause: LateCause, zone: Zone) -> CatchUpText {
        switch cause {
        case .stopped(let from, let to): .stopped(from: zone.local(from), to: zone.local(to))
        case .interrupted(let lastSeen, let restarted):
            .interrupted(lastSeen: zone.local(lastSeen), restarted: zone.local(restarted))
        case .asleep(let from, let to): .asleep(from: zone.local(from), to: zone.local(to))
        case .clockMoved(let from, let to): .clockMoved(from: zone.local(from), to: zone.local(to))
        }
    }

    /// The text of the reason a reminder was not sent; `zone` for the due time of the one that supersedes it.
    package static func reason(_ reason: Scheduler.Missed.Reason) -> CatchUpText {
        switch reason {
        case .tooOld: .tooOld
        case .replaced(let later): .replaced(by: later.id)
        case .superseded(let next): .superseded(by: next.id, due: next.zone.local(next.due))
        }
    }

    package static var samples: [CatchUpText] {
        let a = LocalDateTime(LocalDate(year: 2026, month: 12, day: 4), LocalTime(hour: 18, minute: 30))
        let b = LocalDateTime(LocalDate(year: 2026, month: 12, day: 7), LocalTime(hour: 8, minute: 55))
        return [
            .stopped(from: a, to: b), .interrupted(lastSeen: a, restarted: b), .asleep(from: a, to: b),
            .clockMoved(from: a, to: b), .tooOld, .replaced(by: "marie/titre/+0d"),
            .superseded(by: "marie/titre/follow-up-1", due: b),
        ]
    }
}
