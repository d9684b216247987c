import Foundation

/// `jalon test-mail` through the running daemon: the test message is queued in the state database, the daemon is
/// poked through its control socket, sends it in its own environment (its unit's sandbox, which is what reminders
/// go through) and records the outcome, which this reads back. The clock and the pause are injected.
package struct DaemonTestMail {
    package var stateDirectory: String
    package var now: () -> Date
    package var pause: (Double) -> Void

    package init(
        stateDirectory: String, now: @escaping () -> Date = Date.init,
        pause: @escaping (Double) -> Void = { usleep(UInt32($0 * 1_000_000)) }
    ) {
        self.stateDirectory = stateDirectory
        self.now = now
        self.pause = pause
    }

    package enum Outcome {
        /// No daemon listens on the state directory (or its state cannot be written): send from here.
        case noDaemon
        /// The daemon tried: `job.state` is `.sent` or `.failed` (`refusedSince` set when refused, nil when deferred),
        /// `job.lastResult` what sendmail answered; or it could not run sendmail at all (`.failed` with 0 attempts,
        /// `lastResult` saying why).
        case answered(MailJob, pid: Int?)
        /// The daemon took the request but recorded no outcome within the time given.
        case noAnswer(pid: Int?)
    }

    /// Asks the daemon to send a test message to `address`, and waits at most `timeout` seconds for its outcome.
    package func ask(address: String, timeout: Double) -> Outcome {
        // No socket, no daemon: do not create a state directory for nothing.
        var st = stat()
        guard stat(stateDirectory + "/" + ControlSocket.fileName, &st) == 0,
            let store = try? Store(directory: stateDirectory)
        else { return .noDaemon }
        let start = now()
        let job = MailQueue.test(
            to: address, at: Instant(start), token: "\(Int64(start.timeIntervalSince1970 * 1000))-\(getpid())")
        guard (try? store.queueTest(job, at: Instant(start))) != nil else { return .noDaemon }
        guard Daemon.notifyMailQueued(stateDirectory: stateDirectory) else {
            try? store.removeMail(job.key)
            return .noDaemon
        }
        let pid = (try? store.meta(MailStatus.metaKey)).flatMap { $0 }.flatMap(MailStatus.parse)?.pid
        defer { try? store.removeMail(job.key) }
        while now().timeIntervalSince(start) < timeout {
            if let current = try? store.mailJob(job.key), current.state != .pending {
                return .answered(current, pid: pid)
            }
            pause(0.05)
        }
        return .noAnswer(pid: pid)
    }
}
