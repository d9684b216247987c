/// Why a reminder could not go at its time, when jalon knows it (SPEC §5): a late or missed reminder says so, and
/// says no more than that it is late when none of these is known.
package enum LateCause: Hashable, Sendable {
    /// jalon was stopped cleanly at `from` and started again at `to`.
    case stopped(from: Instant, to: Instant)
    /// jalon ended without a clean stop (killed, a crash, the machine losing power) some time after `lastSeen`, its
    /// last sign of life, and started again at `restarted`.
    case interrupted(lastSeen: Instant, restarted: Instant)
    /// The machine was asleep (suspended) from `from` to `to`.
    case asleep(from: Instant, to: Instant)
    /// The wall clock was set forward from `from` to `to`.
    case clockMoved(from: Instant, to: Instant)
}

extension LateCause {
    /// How the mail queue stores it: a kind and an interval in seconds since 1970.
    package var stored: (kind: String, from: Int64, to: Int64) {
        switch self {
        case .stopped(let from, let to): ("stopped", from.seconds, to.seconds)
        case .interrupted(let lastSeen, let restarted): ("interrupted", lastSeen.seconds, restarted.seconds)
        case .asleep(let from, let to): ("asleep", from.seconds, to.seconds)
        case .clockMoved(let from, let to): ("clock-moved", from.seconds, to.seconds)
        }
    }

    package init?(stored kind: String, from: Int64, to: Int64) {
        let (from, to) = (Instant(seconds: from), Instant(seconds: to))
        switch kind {
        case "stopped": self = .stopped(from: from, to: to)
        case "interrupted": self = .interrupted(lastSeen: from, restarted: to)
        case "asleep": self = .asleep(from: from, to: to)
        case "clock-moved": self = .clockMoved(from: from, to: to)
        default: return nil
        }
    }
}
