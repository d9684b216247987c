import Testing

@testable import JalonCore

/// Why a reminder is late, from the runs the daemon recorded, and the pauses it sees from its clocks: time moved by
/// hand.
@Suite struct RunHistoryTests {
    static let t0 = Instant(seconds: 1_800_000_000)
    static let hour: Int64 = 3600

    static func at(_ hours: Int64) -> Instant { t0 + hours * hour }

    /// Runs: one from -100 h to a clean stop at -50 h, one from -40 h that ended without a clean stop (last seen at
    /// -30 h, and asleep from -38 h to -36 h), and the current one from -10 h, which saw the machine asleep from -8 h
    /// to -6 h and the clock set forward from -4 h to -3 h.
    static let history: RunHistory = {
        var history = RunHistory(
            previous: [
                RunHistory.Run(
                    started: at(-40), lastSeen: at(-30), pauses: [RunHistory.Pause(.asleep, from: at(-38), to: at(-36))]
                ),
                RunHistory.Run(started: at(-100), lastSeen: at(-50), stopped: at(-50)),
            ], started: at(-10))
        history.record(RunHistory.Pause(.asleep, from: at(-8), to: at(-6)))
        history.record(RunHistory.Pause(.clock, from: at(-4), to: at(-3)))
        return history
    }()

    @Test(
        arguments: [
            (Int64(-120), nil),  // before any run jalon knows of: it says nothing
            (-60, nil),  // the first run was running
            (-45, LateCause.stopped(from: at(-50), to: at(-40))),
            (-37, .asleep(from: at(-38), to: at(-36))),
            (-33, nil),  // the second run was alive then, and saw nothing
            (-20, .interrupted(lastSeen: at(-30), restarted: at(-10))),
            (-9, nil),  // running, awake
            (-7, .asleep(from: at(-8), to: at(-6))),
            (-4, .clockMoved(from: at(-4), to: at(-3))),
            (-1, nil),
        ] as [(Int64, LateCause?)])
    func aLateReminderSaysWhyOnlyWhenThatIsKnown(_ due: Int64, _ expected: LateCause?) {
        #expect(Self.history.cause(of: Self.at(due)) == expected)
    }

    @Test func aClockSetBackwardsCoversNothing() {
        var history = RunHistory(previous: [], started: Self.at(-10))
        history.record(RunHistory.Pause(.clock, from: Self.at(-2), to: Self.at(-5)))
        #expect(history.cause(of: Self.at(-3)) == nil)
    }

    // MARK: Pauses from the clocks

    /// Readings in seconds: (wall, monotonic, boottime).
    static func reading(_ wall: Int64, _ monotonic: Int64, _ boottime: Int64) -> ClockReading {
        ClockReading(
            wall: wall * 1_000_000_000, monotonic: monotonic * 1_000_000_000, boottime: boottime * 1_000_000_000)
    }

    struct Step: Sendable, CustomTestStringConvertible {
        var name: String
        var next: ClockReading
        var pauses: [RunHistory.Pause]
        var testDescription: String { name }
    }

    static let w0: Int64 = 1_800_000_000

    static let steps: [Step] = [
        Step(name: "an hour awake", next: reading(w0 + 3600, 1000 + 3600, 2000 + 3600), pauses: []),
        Step(
            name: "asleep for two hours, read at the resume",
            next: reading(w0 + 600 + 7200, 1000 + 600, 2000 + 600 + 7200),
            pauses: [RunHistory.Pause(.asleep, from: Instant(seconds: w0 + 600), to: Instant(seconds: w0 + 7800))]),
        Step(
            name: "the clock set an hour forward",
            next: reading(w0 + 60 + 3600, 1000 + 60, 2000 + 60),
            pauses: [RunHistory.Pause(.clock, from: Instant(seconds: w0 + 60), to: Instant(seconds: w0 + 3660))]),
        Step(
            name: "the clock set back ten minutes",
            next: reading(w0 + 60 - 600, 1000 + 60, 2000 + 60),
            pauses: [RunHistory.Pause(.clock, from: Instant(seconds: w0 + 60), to: Instant(seconds: w0 + 60 - 600))]),
        Step(name: "a second of drift is not a pause", next: reading(w0 + 61, 1000 + 60, 2000 + 60), pauses: []),
        Step(
            name: "asleep, then the clock corrected at the resume",
            next: reading(w0 + 10 + 3600 + 120, 1000 + 10, 2000 + 10 + 3600),
            pauses: [
                RunHistory.Pause(.asleep, from: Instant(seconds: w0 + 10), to: Instant(seconds: w0 + 10 + 3600)),
                RunHistory.Pause(
                    .clock, from: Instant(seconds: w0 + 10 + 3600), to: Instant(seconds: w0 + 10 + 3600 + 120)),
            ]),
    ]

    @Test(arguments: steps)
    func pausesAreSeenFromTheClocksAlone(_ step: Step) {
        var detector = PauseDetector()
        #expect(detector.observe(Self.reading(Self.w0, 1000, 2000)).isEmpty)  // the first reading: nothing to compare
        #expect(detector.observe(step.next) == step.pauses)
        // The next reading compares with this one, not the first.
        let later = ClockReading(
            wall: step.next.wall + 5_000_000_000, monotonic: step.next.monotonic + 5_000_000_000,
            boottime: step.next.boottime + 5_000_000_000)
        #expect(detector.observe(later).isEmpty)
    }
}
