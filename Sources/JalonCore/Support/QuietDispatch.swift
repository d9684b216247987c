import Dispatch
import Foundation
import Synchronization

/// Parallel work for the daemon, on Dispatch serial queues only.
///
/// On Linux, the first thread libdispatch starts for its non-overcommit pool — the one behind
/// `DispatchQueue.concurrentPerform`, `DispatchQueue.global()`, concurrent queues and Swift's global executor
/// (and with it `Task.sleep`) — arms a timer that wakes the process every second for the rest of its life, to
/// watch that pool (swift-corelibs-libdispatch, `src/event/workqueue.c`, `_dispatch_workq_init_once`). Serial
/// queues run on the overcommit pool, which is not watched. The daemon sleeps for days between reminders and
/// must not wake meanwhile: what it does in parallel goes through here, it runs sendmail without Swift
/// concurrency (`ChildProcess`), and it stops from a serial queue.
package enum QuietDispatch {
    /// Calls `body` once for each index in `0..<iterations`, spread over one serial queue per core and the
    /// calling thread; returns when every call has returned. Like `DispatchQueue.concurrentPerform`.
    package static func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        let helpers = min(iterations, ProcessInfo.processInfo.activeProcessorCount) - 1
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            let work: @Sendable () -> Void = {
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < iterations else { return }
                    body(index)
                }
            }
            let group = DispatchGroup()
            for helper in 0..<helpers {
                DispatchQueue(label: "jalon.worker.\(helper)").async(group: group) { [work] in work() }
            }
            work()
            group.wait()
        }
    }
}
