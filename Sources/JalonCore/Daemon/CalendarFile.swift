import Dispatch
import Foundation
import Synchronization

/// The calendar file the daemon keeps up to date, so that a calendar program can subscribe to it: `calendar.ics`
/// in the state directory, or `[calendar] file` in `jalon.toml`.
///
/// Written again after every reload, off the daemon's queue (a reload does not wait for it; reloads that come while
/// it is written are folded into one more write), atomically (a temporary file in the same folder, then a rename:
/// a reader never sees half a calendar), mode 0600 (it names the beneficiaries). A failure goes to the journal once,
/// until the file can be written again.
package final class CalendarFile: Sendable {
    package static let fileName = "calendar.ics"

    private struct Request: Sendable {
        var settings: Settings
        var people: [Person]
        var store: Store?
        var now: Instant
    }

    private struct State {
        var pending: Request?
        var writing = false
        var lastProblem: String?
    }

    private let stateDirectory: String
    private let journal: any JournalWriter
    private let state = Mutex(State())
    /// A serial queue: it runs on libdispatch's overcommit pool, which wakes nobody while idle (see QuietDispatch).
    private let queue = DispatchQueue(label: "jalon.calendar-file")

    package init(stateDirectory: String, journal: any JournalWriter) {
        self.stateDirectory = stateDirectory
        self.journal = journal
    }

    /// Where the calendar goes with these settings.
    package func path(_ settings: Settings) -> String {
        settings.calendarFile ?? stateDirectory + "/" + CalendarFile.fileName
    }

    /// Queues a write of the calendar of `people`; returns at once.
    ///
    /// - Parameter store: where the events' versions are kept; nil when the state database cannot be used (the
    ///   versions then start again from what it last recorded).
    package func update(settings: Settings, people: [String: Person], store: Store?, now: Instant) {
        let request = Request(settings: settings, people: Array(people.values), store: store, now: now)
        let start = state.withLock { state -> Bool in
            state.pending = request
            guard !state.writing else { return false }
            state.writing = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    /// Waits until the writes queued so far are done (for tests and a clean stop).
    package func waitUntilWritten() {
        queue.sync {}
    }

    private func drain() {
        while let request = state.withLock({ state -> Request? in
            let next = state.pending
            state.pending = nil
            if next == nil { state.writing = false }
            return next
        }) {
            let problem = write(
                settings: request.settings, people: request.people, store: request.store, now: request.now)
            report(problem, path: path(request.settings), language: request.settings.language)
        }
    }

    private func report(_ problem: String?, path: String, language: Language) {
        let isNew = state.withLock { state -> Bool in
            defer { state.lastProblem = problem }
            return problem != nil && problem != state.lastProblem
        }
        guard isNew, let problem else { return }
        journal.write(
            JournalEntry(
                event: .deliveryFailure,
                message: ViewText.calendarFileUnwritable(path: path, problem: problem).text(language),
                fields: ["JALON_CALENDAR": path]))
    }

    /// Writes the calendar now.
    ///
    /// - Returns: what went wrong, or nil when the file is written.
    @discardableResult
    package func write(settings: Settings, people: [Person], store: Store?, now: Instant) -> String? {
        let people = people.sorted { bytesPrecede($0.id, $1.id) }
        let export = CalendarExport(people: people, settings: settings)
        var sequences = CalendarSequences(known: (try? store?.calendarSequences()) ?? [:])
        let target = path(settings)
        let slash = target.lastIndex(of: "/") ?? target.startIndex
        let folder = target[..<slash]
        let temporary = String(folder) + "/." + String(target[target.index(after: slash)...]) + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        fchmod(fd, 0o600)
        var failure: Int32 = 0
        export.write(sequences: &sequences, now: now) { bytes in
            guard failure == 0 else { return }
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 {
                        failure = n < 0 ? errno : ENOSPC
                        return
                    }
                    offset += n
                }
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, target) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            return String(cString: strerror(failure))
        }
        // Versions are saved once the file that carries them is in place; if saving fails, the next write gives
        // the same numbers again, which is what the file already says.
        try? store?.saveCalendarSequences(sequences.changes)
        return nil
    }
}
