import Dispatch
import Foundation
import JalonCore
import Synchronization

/// A line on standard error saying how far long work has gone — `jalon: reading person files: 41,200 of 100,000` —
/// when standard error is a terminal and the work lasts more than half a second, in the settings' language.
/// `finish()` erases it before anything else is printed.
final class TerminalProgress: Sendable {
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)
    private let phase = Mutex<ProgressText.Phase?>(nil)
    private let language: Language
    private let shown = Atomic<Bool>(false)
    private let queue = DispatchQueue(label: "jalon.progress")
    /// DispatchSource methods may be called from any thread.
    private nonisolated(unsafe) let timer: DispatchSourceTimer
    /// When the line may first show.
    private let start: DispatchTime

    /// Nil when standard error is not a terminal: nothing to show then (and `language` is not asked for).
    /// `JALON_PROGRESS_DELAY_MS` changes the half second (the tests set it to 0).
    init?(language: @autoclosure () -> Language) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.language = language()
        let delay = ProcessInfo.processInfo.environment["JALON_PROGRESS_DELAY_MS"].flatMap(Int.init) ?? 500
        start = .now() + .milliseconds(max(0, delay))
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: start, repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.show() }
        timer.resume()
    }

    /// What to give the work of `phase`: it reports its counts through it. Once the line shows, a new phase shows
    /// at once.
    func reporter(_ phase: ProgressText.Phase) -> @Sendable (Int, Int) -> Void {
        self.phase.withLock { $0 = phase }
        done.store(0, ordering: .relaxed)
        total.store(0, ordering: .relaxed)
        queue.sync { if DispatchTime.now() >= start { show() } }
        return { [self] done, total in
            self.done.store(done, ordering: .relaxed)
            self.total.store(total, ordering: .relaxed)
        }
    }

    deinit { timer.cancel() }

    /// Stops showing and erases the line.
    func finish() {
        queue.sync {
            timer.cancel()
            phase.withLock { $0 = nil }
            if shown.load(ordering: .relaxed) { Output.standardError("\r\u{1B}[K") }
        }
    }

    private func show() {
        guard let phase = self.phase.withLock({ $0 }), !timer.isCancelled else { return }
        let (done, total) = (self.done.load(ordering: .relaxed), self.total.load(ordering: .relaxed))
        let text: ProgressText = total > 0 ? .counting(phase, done: done, total: total) : .started(phase)
        Output.standardError("\r\u{1B}[Kjalon: " + text.text(language))
        shown.store(true, ordering: .relaxed)
    }
}
