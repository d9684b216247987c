import Dispatch
import Glibc

/// The consultants' daily digests: which are due, and one timer for the next. Confined to the daemon's queue.
final class DigestTimer: @unchecked Sendable {  // confined to the daemon's queue
    private let queue: DispatchQueue
    private var timer: DispatchSourceTimer?

    init(queue: DispatchQueue) {
        self.queue = queue
    }

    deinit { timer?.cancel() }

    /// The digests whose time has come (today's, if the daemon was not running at its time, within the catch-up
    /// window) and not recorded yet; arms the timer for the next one, which calls `fired` on the queue.
    ///
    /// The digests are queued as requests: each try writes the digest from the configuration as it is then.
    func schedule(
        settings: Settings, scheduler: Scheduler, now: Instant, fired: @escaping @Sendable () -> Void
    ) -> [MailJob] {
        cancel()
        let digests = DigestComposer(composer: MailComposer(settings: settings))
        let consultants = settings.consultants.values.filter { $0.digest != nil }.sorted { $0.id < $1.id }
        guard !consultants.isEmpty, settings.mail.enabled else { return [] }
        let catchUpStart = scheduler.catchUpStart(now: now)
        var next: Instant?
        var jobs: [MailJob] = []
        for consultant in consultants {
            guard let (last, upcoming) = digests.occurrences(of: consultant, around: now) else { continue }
            next = min(next ?? upcoming, upcoming)
            let key = DigestComposer.key(consultant: consultant.id, at: last)
            guard last >= max(catchUpStart, scheduler.floor), !scheduler.isRecorded(key) else { continue }
            if let job = MailQueue.digest(consultant: consultant, at: last, settings: settings) { jobs.append(job) }
        }
        if let next {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(wallDeadline: DispatchWallTime(timespec: timespec(tv_sec: Int(next.seconds), tv_nsec: 0)))
            timer.setEventHandler(handler: fired)
            timer.resume()
            self.timer = timer
        }
        return jobs
    }

    func cancel() {
        timer?.cancel()
        timer = nil
    }
}
