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
