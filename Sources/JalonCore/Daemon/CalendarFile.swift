import CLinux
import Dispatch
import Foundation
import Synchronization

/// The calendar file the daemon keeps up to date, so that a calendar program can subscribe to it: `calendar.ics`
/// in the state directory, or `[calendar] file` in `jalon.toml`.
///
/// Written at start, then again after a change of the configuration once it has been quiet for `settle` (2 s: a
/// burst of changes makes one write) or, when it keeps changing, `longest` (30 s) after the first change not yet
/// written. The configuration is taken from `source` only then, as a list of its own: nothing of the daemon's is
/// held between writes or during one (its dictionary of people, shared, would be copied at its next reload). The
/// writing runs on a thread of its own — not a Dispatch worker: one of the shared pool would wake the process every
/// second (see `QuietDispatch`) — so that it never holds the daemon's queue; it shares the daemon's connection to the
/// state database (a connection of its own would make and drop Dispatch queues, with the same effect), for a few
/// short queries. The file is written atomically (a temporary file in the same folder,
/// then a rename: a reader never sees half a calendar), mode 0600 (it names the beneficiaries). A failure goes to
/// the journal once, until the file can be written again.
package final class CalendarFile: Sendable {
    package static let fileName = "calendar.ics"

    /// The configuration to write — the settings, the people — and the state database where the events' versions
    /// are kept (nil when it cannot be used: they start again from 0); nil when there is no configuration any more.
    package typealias Source = @Sendable () -> (Settings, [Person], Store?)?

    private struct State {
        /// Changes signalled, and how many of them are written (or failed): for `waitUntilWritten`.
        var asked = 0
        var handled = 0
        /// When the first change not yet written, and the last one, came.
        var firstPending: ContinuousClock.Instant?
        var lastChange = ContinuousClock.now
        var lastProblem: SystemText?
        var stopped = false
    }

    private let stateDirectory: String
    private let journal: any JournalWriter
    private let settle: Duration
    private let longest: Duration
    private let now: @Sendable () -> Instant
    private let source: Source
    private let state = Mutex(State())
    /// Signalled once for each change; the thread waits on it, and wakes for nothing else.
    private let wake = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - settle: how long the configuration must be quiet before the file is written (zero: at once).
    ///   - longest: how long a change may wait for quiet.
    ///   - now: the clock that dates new versions of events (their DTSTAMP).
    ///   - source: the configuration as it is when the file is written.
    package init(
        stateDirectory: String, journal: any JournalWriter, settle: Duration = .seconds(2),
        longest: Duration = .seconds(30), now: @escaping @Sendable () -> Instant = { Instant(Date()) },
        source: @escaping Source
    ) {
        self.stateDirectory = stateDirectory
        self.journal = journal
        self.settle = settle
        self.longest = longest
        self.now = now
        self.source = source
        let thread = Thread { [weak self, wake] in CalendarFile.work(wake: wake) { self } }
        thread.name = "jalon.calendar"
        thread.start()
    }

    deinit {
        state.withLock { $0.stopped = true }
        wake.signal()
    }

    /// Where the calendar goes with these settings.
    package func path(_ settings: Settings) -> String {
        settings.calendarFile ?? stateDirectory + "/" + CalendarFile.fileName
    }

    /// Says that the configuration changed (or was read at start): the file is written again; returns at once.
    package func changed() {
        let now = ContinuousClock.now
        state.withLock { state in
            state.asked += 1
            state.lastChange = now
            if state.firstPending == nil { state.firstPending = now }
        }
        wake.signal()
    }

    /// Waits until the changes signalled so far are written (for tests).
    package func waitUntilWritten() {
        let asked = state.withLock { $0.asked }
        while state.withLock({ $0.handled < asked }) { usleep(1000) }
    }

    /// The thread's loop: wait for a change, let a burst of them pass, write the configuration as it is then.
    private static func work(wake: DispatchSemaphore, file: () -> CalendarFile?) {
        while true {
            wake.wait()
            // Wait for quiet, or for the longest wait: one sleep per burst of changes, none while idle.
            while let wait = file()?.wait(), wait > .zero {
                Thread.sleep(
                    forTimeInterval: Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
            }
            guard let file = file() else { return }
            let (pending, asked, stopped) = file.state.withLock { state in
                defer { state.firstPending = nil }
                return (state.firstPending != nil, state.asked, state.stopped)
            }
            if stopped { return }
            // The changes that came during the wait are in this write: their own signals find nothing pending.
            if pending, let (settings, people, store) = file.source() {
                let problem = file.write(
                    settings: settings, people: people, store: store,
                    now: file.now())
                file.report(problem, path: file.path(settings), language: settings.language)
                // The write is a burst of short-lived buffers; give the pages back, so that a daemon that sleeps
                // for days does not keep them.
                malloc_trim(0)
            }
            file.state.withLock { $0.handled = max($0.handled, asked) }
        }
    }

    /// How long to wait still before writing: until `settle` after the last update, at most `longest` after the
    /// first one pending.
    private func wait() -> Duration {
        state.withLock { state in
            // The first write (at start) goes out at once: nothing is changing then.
            guard let first = state.firstPending, settle > .zero, state.handled > 0 else { return .zero }
            let due = min(state.lastChange + settle, first + longest)
            return due - ContinuousClock.now
        }
    }

    private func report(_ problem: SystemText?, path: String, language: Language) {
        let isNew = state.withLock { state -> Bool in
            defer { state.lastProblem = problem }
            return problem != nil && problem != state.lastProblem
        }
        guard isNew, let problem else { return }
        journal.write(
            JournalEntry(
                event: .deliveryFailure,
                message: ViewText.calendarFileUnwritable(path: path, problem: problem.text(language)).text(language),
                fields: ["JALON_CALENDAR": path]))
    }

    /// Writes the calendar now.
    ///
    /// - Returns: what went wrong, or nil when the file is written.
    @discardableResult
    package func write(
        settings: Settings, people: [Person], store: (any CalendarVersionStore)?, now: Instant
    ) -> SystemText? {
        var export = CalendarExport(people: people, settings: settings)
        export.parallel = false
        let target = path(settings)
        let slash = target.lastIndex(of: "/") ?? target.startIndex
        let folder = target[..<slash]
        let temporary = String(folder) + "/." + String(target[target.index(after: slash)...]) + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return SystemText(errno: errno) }
        fchmod(fd, 0o600)
        var failure: Int32 = 0
        // Versions are saved as the batches of people are written, before the file is in place: if it never is, the
        // next write gives the same content the same numbers, and numbers only ever grow.
        export.write(versions: store, now: now) { bytes in
            guard failure == 0 else { return }
            failure = bytes.withUnsafeBytes { writeAll(fd, $0) }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, target) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            return SystemText(errno: failure)
        }
        return nil
    }
}
