import Dispatch
import Foundation
import Synchronization

/// A line on standard error saying how far long work has gone — `jalon: reading person files: 41,200 of 100,000` —
/// when standard error is a terminal and the work lasts more than half a second. `finish()` erases it before
/// anything else is printed.
final class TerminalProgress: Sendable {
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)
    private let phase = Mutex<String>("")
    private let shown = Atomic<Bool>(false)
    private let queue = DispatchQueue(label: "jalon.progress")
    /// DispatchSource methods may be called from any thread.
    private nonisolated(unsafe) let timer: DispatchSourceTimer
    /// When the line may first show.
    private let start: DispatchTime

    /// Nil when standard error is not a terminal: nothing to show then. `JALON_PROGRESS_DELAY_MS` changes the
    /// half second (the tests set it to 0).
    init?() {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let delay = ProcessInfo.processInfo.environment["JALON_PROGRESS_DELAY_MS"].flatMap(Int.init) ?? 500
        start = .now() + .milliseconds(max(0, delay))
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: start, repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.show() }
        timer.resume()
    }

    /// What to give the work that `phase` names ("reading person files"): it reports its counts through it. Once
    /// the line shows, a new phase shows at once.
    func reporter(_ phase: String) -> @Sendable (Int, Int) -> Void {
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
            phase.withLock { $0 = "" }
            if shown.load(ordering: .relaxed) { Output.standardError("\r\u{1B}[K") }
        }
    }

    private func show() {
        let phase = self.phase.withLock { $0 }
        guard !phase.isEmpty, !timer.isCancelled else { return }
        let (done, total) = (self.done.load(ordering: .relaxed), self.total.load(ordering: .relaxed))
        let count = total > 0 ? ": \(grouped(done)) of \(grouped(total))" : "…"
        Output.standardError("\r\u{1B}[Kjalon: \(phase)\(count)")
        shown.store(true, ordering: .relaxed)
    }

    /// 41200 → "41,200".
    private func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
