import Dispatch
import Foundation

/// Hands queued messages to sendmail, a few processes at a time, and records what became of each (SPEC §7).
///
/// The queue lives in the state database, so that a message waiting for a retry survives a restart. Exit status
/// 75, a crash or a time-out is retried after a minute, then two, four… up to an hour between tries; any other
/// failure is permanent and waits for `jalon retry`. Every failure goes to the journal at priority 3.
final class MailWorker: @unchecked Sendable {  // confined to `queue`
    private let queue: DispatchQueue
    private let store: () -> Store?
    private let journal: any JournalWriter
    private let language: () -> Language
    private var sendmail: Sendmail
    private let concurrency: Int
    private var inFlight: Set<ReminderKey> = []
    /// Outcomes the state database could not take (full, read-only): kept, tried again, and their messages left
    /// alone meanwhile — a message sent but not recorded as sent must not go out again and again.
    private var unrecorded: [(job: MailJob, result: SendmailResult)] = []
    private let retryTimer: DispatchSourceTimer
    private let group = DispatchGroup()
    private let timer: DispatchSourceTimer
    private var stopped = false
    /// The first retry delay, in seconds; it doubles up to an hour.
    private let retryBase: Int64
    /// How long to wait before trying the state database again (`Daemon.Options.storeRetry`).
    private let storeRetry: DispatchTimeInterval

    /// Messages handed over since start, for the status.
    private(set) var sentCount = 0

    init(
        queue: DispatchQueue, sendmail: Sendmail, concurrency: Int = 4, retryBase: Int64 = 60,
        storeRetry: DispatchTimeInterval = .seconds(5), journal: any JournalWriter,
        language: @escaping () -> Language, store: @escaping () -> Store?
    ) {
        self.queue = queue
        self.retryBase = retryBase
        self.storeRetry = storeRetry
        self.sendmail = sendmail
        self.concurrency = max(1, concurrency)
        self.journal = journal
        self.language = language
        self.store = store
        timer = DispatchSource.makeTimerSource(queue: queue)
        retryTimer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(wallDeadline: .distantFuture)
        timer.setEventHandler { @Sendable [weak self] in self?.pump() }
        timer.resume()
        retryTimer.schedule(wallDeadline: .distantFuture)
        retryTimer.setEventHandler { @Sendable [weak self] in self?.recordUnrecorded() }
        retryTimer.resume()
    }

    deinit {
        timer.cancel()
        retryTimer.cancel()
    }

    var inFlightCount: Int { inFlight.count }

    /// The settings changed: use this sendmail from now on.
    func use(_ sendmail: Sendmail) { self.sendmail = sendmail }

    /// The delay before try number `attempts + 1`: `base` (a minute), doubling, at most an hour.
    static func delay(afterAttempts attempts: Int, base: Int64 = 60) -> Int64 {
        min(base << Int64(min(max(attempts - 1, 0), 12)), 3600)
    }

    /// Starts sending whatever is due, up to the concurrency limit, and arms the timer for the next retry.
    func pump() {
        guard !stopped, let store = store() else { return }
        let now = Instant(Date())
        let room = concurrency - inFlight.count
        if room > 0, let due = try? store.dueMail(now: now, limit: room + inFlight.count) {
            let parked = Set(unrecorded.map(\.job.key))
            for job in due where !inFlight.contains(job.key) && !parked.contains(job.key) && inFlight.count < concurrency {
                start(job)
            }
        }
        if let next = try? store.nextMailAttempt(), next > now {
            timer.schedule(wallDeadline: DispatchWallTime(timespec: timespec(tv_sec: Int(next.seconds), tv_nsec: 0)))
        } else {
            timer.schedule(wallDeadline: .distantFuture)
        }
    }

    private func start(_ job: MailJob) {
        inFlight.insert(job.key)
        group.enter()
        let sendmail = self.sendmail
        // A serial queue of its own: its thread waits for sendmail (see `QuietDispatch` for why not the global
        // queues).
        DispatchQueue(label: "jalon.sendmail").async { [weak self] in
            let result = sendmail.send(job.message, from: job.sender, to: job.recipients)
            guard let self else { return }
            self.queue.async {
                self.finished(job, result)
                self.group.leave()
            }
        }
    }

    private func finished(_ job: MailJob, _ result: SendmailResult) {
        inFlight.remove(job.key)
        do {
            try record(job, result)
        } catch {
            if unrecorded.isEmpty {
                journal.write(
                    JournalEntry(
                        event: .deliveryFailure,
                        message: JournalText.cannotRecordMail(id: job.key.id, problem: "\(error)").text(language()),
                        fields: ["JALON_REMINDER": job.key.id]))
            }
            unrecorded.append((job, result))
            retryTimer.schedule(deadline: .now() + storeRetry)
        }
        pump()
    }

    /// Records in the state database what became of a message, and reports failures.
    private func record(_ job: MailJob, _ result: SendmailResult) throws {
        let now = Instant(Date())
        let attempts = job.attempts + 1
        switch result.kind {
        case .sent:
            try store()?.markSent(job.key, attempts: attempts, at: now)
            sentCount += 1
        case .temporary:
            let next = now + MailWorker.delay(afterAttempts: attempts, base: retryBase)
            try store()?.markRetry(job.key, attempts: attempts, next: next, error: describe(result), at: now)
            report(
                job,
                JournalText.mailDeferred(
                    id: job.key.id, attempt: attempts, status: describe(result), next: Zone.system.local(next)
                ).text(language()),
                result)
        case .permanent:
            try store()?.markFailed(job.key, attempts: attempts, error: describe(result), at: now)
            report(
                job, JournalText.mailRefused(id: job.key.id, status: describe(result)).text(language()), result)
        }
    }

    private func recordUnrecorded() {
        var left: [(job: MailJob, result: SendmailResult)] = []
        for (job, result) in unrecorded {
            do { try record(job, result) } catch { left.append((job, result)) }
        }
        unrecorded = left
        if !left.isEmpty { retryTimer.schedule(deadline: .now() + storeRetry) }
        pump()
    }

    private func describe(_ result: SendmailResult) -> String {
        result.output.isEmpty ? result.status : "\(result.status): \(result.output.replacingOccurrences(of: "\n", with: " "))"
    }

    private func report(_ job: MailJob, _ message: String, _ result: SendmailResult) {
        journal.write(
            JournalEntry(
                event: .deliveryFailure, message: message,
                fields: [
                    "JALON_REMINDER": job.key.id, "JALON_DUE": Zone.utc.rfc3339(job.key.due),
                    "JALON_SENDMAIL_STATUS": result.status,
                ]))
    }

    /// Waits for the messages being handed over (each is bounded by sendmail's time-out), then stops.
    /// Must not be called on `queue`.
    func stop() {
        queue.sync {
            stopped = true
            timer.schedule(wallDeadline: .distantFuture)
        }
        _ = group.wait(timeout: .now() + .seconds(90))
    }
}
