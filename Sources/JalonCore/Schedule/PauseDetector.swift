/// The three clocks Linux keeps, read at one moment, in nanoseconds: the wall clock (CLOCK_REALTIME), the time the
/// machine has been running (CLOCK_MONOTONIC, which stops while it is suspended) and the time since boot
/// (CLOCK_BOOTTIME, which does not).
package struct ClockReading: Hashable, Sendable {
    package var wall: Int64
    package var monotonic: Int64
    package var boottime: Int64

    package init(wall: Int64, monotonic: Int64, boottime: Int64) {
        self.wall = wall
        self.monotonic = monotonic
        self.boottime = boottime
    }

    package var instant: Instant { Instant(seconds: wall / 1_000_000_000) }
}

/// Tells, from two readings of the clocks, whether the machine slept or the wall clock was set in between — with no
/// timer of its own: the daemon reads the clocks when it wakes anyway (a timer, a file change, the clock being set,
/// which includes a resume).
///
/// Between two readings, BOOTTIME − MONOTONIC grows by the time spent suspended, and REALTIME − MONOTONIC by that
/// plus any setting of the wall clock; what is left is the setting.
package struct PauseDetector: Sendable {
    /// Shorter pauses are not worth a word: a reminder is on time up to a minute late.
    package static let threshold: Int64 = 2_000_000_000

    private var last: ClockReading?

    package init() {}

    /// The pauses since the previous reading (none at the first).
    package mutating func observe(_ reading: ClockReading) -> [RunHistory.Pause] {
        defer { last = reading }
        guard let last else { return [] }
        let slept = (reading.boottime - reading.monotonic) - (last.boottime - last.monotonic)
        let set = (reading.wall - reading.monotonic) - (last.wall - last.monotonic) - slept
        var pauses: [RunHistory.Pause] = []
        let now = reading.instant
        if slept >= Self.threshold {
            // It ended by now and began after the last reading; the daemon reads the clocks as it resumes, so it
            // most likely ended just now.
            let from = max(last.instant, Instant(seconds: (reading.wall - set - slept) / 1_000_000_000))
            pauses.append(RunHistory.Pause(.asleep, from: from, to: now - set / 1_000_000_000))
        }
        if abs(set) >= Self.threshold {
            pauses.append(
                RunHistory.Pause(.clock, from: Instant(seconds: (reading.wall - set) / 1_000_000_000), to: now))
        }
        return pauses
    }
}
