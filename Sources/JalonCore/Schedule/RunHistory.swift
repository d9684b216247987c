/// The intervals in which the daemon ran, and what it saw of the machine sleeping or the clock being set while it
/// ran: what a late reminder's explanation rests on (SPEC §5). Pure: every instant is given.
package struct RunHistory: Hashable, Sendable {
    /// One `jalon run`, from its start to its clean stop (nil while it runs, or when it ended without one).
    package struct Run: Hashable, Sendable {
        package var started: Instant
        /// The last time it was known alive: its last status write.
        package var lastSeen: Instant
        package var stopped: Instant?
        package var pauses: [Pause]

        package init(started: Instant, lastSeen: Instant, stopped: Instant? = nil, pauses: [Pause] = []) {
            self.started = started
            self.lastSeen = lastSeen
            self.stopped = stopped
            self.pauses = pauses
        }
    }

    /// A stretch of a run in which reminders could not go at their time.
    package struct Pause: Hashable, Sendable {
        package enum Kind: String, Sendable {
            /// The machine was suspended.
            case asleep
            /// The wall clock was set (forward when `from` < `to`).
            case clock
        }

        package var kind: Kind
        package var from: Instant
        package var to: Instant

        package init(_ kind: Kind, from: Instant, to: Instant) {
            self.kind = kind
            self.from = from
            self.to = to
        }

        /// Whether `instant` falls in it (a clock set backwards covers nothing).
        package func covers(_ instant: Instant) -> Bool { from <= instant && instant <= to }
    }

    /// Oldest first; the last one is the run in progress.
    package private(set) var runs: [Run]

    /// - Parameters:
    ///   - previous: earlier runs, in any order.
    ///   - started: when the run in progress started.
    package init(previous: [Run], started: Instant) {
        runs = previous.sorted { $0.started < $1.started } + [Run(started: started, lastSeen: started)]
    }

    /// The run in progress.
    package var current: Run { runs[runs.count - 1] }

    /// The run in progress saw a pause.
    package mutating func record(_ pause: Pause) {
        runs[runs.count - 1].pauses.append(pause)
    }

    /// Why a reminder due at `due` did not go at its time, when that is known.
    package func cause(of due: Instant) -> LateCause? {
        let current = self.current
        if due >= current.started {
            return Self.pause(in: current, covering: due)
        }
        // Not running in this run at `due`: the last earlier run that had started by then says how it ended.
        guard let index = runs.indices.dropLast().last(where: { runs[$0].started <= due }) else { return nil }
        let run = runs[index]
        let next = runs[index + 1].started
        if let stopped = run.stopped {
            return stopped <= due ? .stopped(from: stopped, to: next) : Self.pause(in: run, covering: due)
        }
        return run.lastSeen <= due
            ? .interrupted(lastSeen: run.lastSeen, restarted: next) : Self.pause(in: run, covering: due)
    }

    private static func pause(in run: Run, covering instant: Instant) -> LateCause? {
        guard let pause = run.pauses.last(where: { $0.covers(instant) }) else { return nil }
        switch pause.kind {
        case .asleep: return .asleep(from: pause.from, to: pause.to)
        case .clock: return .clockMoved(from: pause.from, to: pause.to)
        }
    }
}
