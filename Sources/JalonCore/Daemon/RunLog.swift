import Glibc

/// The daemon's record of when it runs (SPEC §5): its start, its clean stop, and what it sees of the machine sleeping
/// and the wall clock being set — read from the clocks whenever it wakes for something else, never on a timer of
/// its own (an idle daemon does not wake).
///
/// The history it keeps (`RunHistory`, the earlier runs and this one) explains late reminders.
final class RunLog: PendingState {
    private(set) var history: RunHistory
    private var detector = PauseDetector()
    private let pid: Int
    /// The run's row in the state database, once written.
    private(set) var id: Int64?
    private var unwrittenPauses: [RunHistory.Pause] = []

    /// - Parameters:
    ///   - previous: earlier runs, from the state database.
    ///   - reading: the clocks at start.
    init(previous: [RunHistory.Run], reading: ClockReading, pid: Int = Int(getpid())) {
        history = RunHistory(previous: previous, started: reading.instant)
        self.pid = pid
        _ = detector.observe(reading)
    }

    var hasPending: Bool { id == nil || !unwrittenPauses.isEmpty }

    var essential: Bool { true }

    /// The daemon woke: note any pause since it last looked. Returns them.
    @discardableResult
    func observe(_ reading: ClockReading) -> [RunHistory.Pause] {
        let pauses = detector.observe(reading)
        for pause in pauses { history.record(pause) }
        unwrittenPauses += pauses
        return pauses
    }

    func write(to store: Store, now: Instant) throws(StoreError) {
        if id == nil {
            id = try store.beginRun(pid: pid, at: history.current.started)
        }
        if let id, !unwrittenPauses.isEmpty {
            try store.recordPauses(unwrittenPauses, run: id)
            unwrittenPauses = []
        }
    }

    /// A clean stop.
    func stop(store: Store?, at now: Instant) {
        guard let store else { return }
        try? write(to: store, now: now)
        if let id { try? store.endRun(id, at: now) }
    }

    /// The three clocks, now.
    static func readClocks() -> ClockReading {
        func nanoseconds(_ clock: clockid_t) -> Int64 {
            var spec = timespec()
            clock_gettime(clock, &spec)
            return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
        }
        return ClockReading(
            wall: nanoseconds(CLOCK_REALTIME), monotonic: nanoseconds(CLOCK_MONOTONIC),
            boottime: nanoseconds(CLOCK_BOOTTIME))
    }
}
