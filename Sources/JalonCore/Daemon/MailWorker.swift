import Dispatch
import Foundation

/// Hands queued messages to sendmail, a few processes at a time, and records what became of each (SPEC §7).
///
/// The queue lives in the state database (one row per reminder and recipient), so that a message waiting for a
/// retry survives a restart. Each try composes the message again from the configuration as it is then
/// (`MailAssembler`); when to try again is `MailRetryPolicy`'s to say. Every failure goes to the journal at
/// priority 3 with the reminder's fields; a message that goes out after failing says so.
final class MailWorker: @unchecked Sendable {  // confined to `queue`
    private let queue: DispatchQueue
    private let store: () -> Store?
    private let context: () -> MailContext?
    private let journal: any JournalWriter
    private let clock: @Sendable () -> Instant
    private let concurrency: Int
    /// `Daemon.Options.mailRetryBase`: replaces `[mail] retry` (tests).
    private let retryOverride: Int64?
    private var inFlight: Set<MailKey> = []
    /// Tries that ended and wait for their record: written together (one commit, one sync to disk, for the tries
    /// that ended meanwhile), and still counted in flight until then, so that a crash repeats at most `concurrency`
    /// messages.
    private var ended: [MailJob] = []
    private var flushScheduled = false
    /// Outcomes the state database could not take (full, read-only): kept, tried again, and their messages left
    /// alone meanwhile — a message sent but not recorded as sent must not go out again and again.
    private var unrecorded: [MailJob] = []
    private let retryTimer: DispatchSourceTimer
    private let group = DispatchGroup()
    private let timer: DispatchSourceTimer
    private var stopped = false
    /// How long to wait before trying the state database again (`Daemon.Options.storeRetry`).
    private let storeRetry: DispatchTimeInterval
    /// Set when the sendmail cannot work in this process: nothing is tried, test requests are answered with it.
    private(set) var blocked: SendmailPrivileges.Problem?

    init(
        queue: DispatchQueue, concurrency: Int = 4, retryOverride: Int64? = nil,
        storeRetry: DispatchTimeInterval = .seconds(5), journal: any JournalWriter,
        clock: @escaping @Sendable () -> Instant = { Instant(Date()) },
        context: @escaping () -> MailContext?, store: @escaping () -> Store?
    ) {
        self.queue = queue
        self.retryOverride = retryOverride
        self.storeRetry = storeRetry
        self.concurrency = max(1, concurrency)
        self.journal = journal
        self.clock = clock
        self.context = context
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

    /// The sendmail of the settings cannot work here (or can again: nil); the next `pump` acts on it.
    func block(_ problem: SendmailPrivileges.Problem?) {
        blocked = problem
    }

    private func policy(_ settings: Settings) -> MailRetryPolicy {
        MailRetryPolicy(first: retryOverride ?? Int64(settings.mail.retry))
    }

    /// Starts sending whatever is due, up to the concurrency limit, and arms the timer for the next retry.
    func pump() {
        guard !stopped, let store = store(), let context = context() else { return }
        let now = clock()
        let room = concurrency - inFlight.count
        let language = context.settings.language
        let off = MailReadiness.offReason(context.settings) != nil
        if room > 0, let due = try? store.dueMail(now: now, limit: room + inFlight.count + unrecorded.count) {
            let parked = Set(unrecorded.map(\.key))
            for job in due
            where !inFlight.contains(job.key) && !parked.contains(job.key) && inFlight.count < concurrency {
                // Nothing is tried while the sendmail cannot work or mail is off (but for a message already rendered
                // while mail is off): a test request is told why at once.
                let refusal: MailText? =
                    if let blocked {
                        .testBlocked(problem: MailText.privilegesLost(blocked).text(language))
                    } else if off && job.kind != .rendered {
                        .noSender
                    } else {
                        nil
                    }
                guard let refusal else {
                    start(job, context: context)
                    continue
                }
                if job.kind == .test {
                    var answered = job
                    answered.state = .failed
                    answered.refusedSince = now
                    answered.lastResult = refusal.text(language)
                    try? store.markMail([answered], at: now)
                }
            }
        }
        if blocked == nil, !off, let next = try? store.nextMailAttempt(), next > now {
            timer.schedule(wallDeadline: DispatchWallTime(timespec: timespec(tv_sec: Int(next.seconds), tv_nsec: 0)))
        } else {
            timer.schedule(wallDeadline: .distantFuture)
        }
    }

    private func start(_ job: MailJob, context: MailContext) {
        inFlight.insert(job.key)
        group.enter()
        let sendmail = Sendmail(
            command: context.settings.mail.sendmail, timeout: .seconds(context.settings.mail.timeout))
        let clock = self.clock
        // A serial queue of its own: its thread composes the message and waits for sendmail (see `QuietDispatch` for
        // why not the global queues).
        DispatchQueue(label: "jalon.sendmail").async { [weak self] in
            let outcome = MailAssembler(context: context).compose(job, now: clock())
            let result: SendmailResult?
            if case .message(let mail) = outcome {
                result = sendmail.send(mail.message, from: mail.sender, to: [mail.recipient])
            } else {
                result = nil
            }
            guard let self else { return }
            self.queue.async {
                self.finished(job, outcome, result, context: context)
                self.group.leave()
            }
        }
    }

    private func finished(
        _ job: MailJob, _ outcome: MailAssembler.Outcome, _ result: SendmailResult?, context: MailContext
    ) {
        let now = clock()
        let language = context.settings.language
        var updated = job
        var entry: JournalEntry?
        switch (outcome, result) {
        case (.message(let mail), let result?):
            updated.attempts += 1
            updated.lastResult = describe(result, language)
            if job.kind == .test {
                // A test is tried once; `jalon test-mail` reads the outcome and removes the row.
                // `refusedSince` tells it refused (set) from deferred (nil).
                updated.state = result.kind == .sent ? .sent : .failed
                updated.refusedSince = result.kind == .permanent ? now : nil
                break
            }
            let (decision, since) = policy(context.settings).decide(
                result.kind, attempts: updated.attempts, refusedSince: job.refusedSince, now: now)
            updated.refusedSince = since
            let zone = context.settings.zone
            let id = job.key.id
            let role = job.key.recipient.role
            switch decision {
            case .sent:
                updated.state = .sent
                updated.lastResult = nil
                if job.attempts > 0 {
                    entry = JournalEntry(
                        event: .mailRecovered,
                        message: JournalText.mailSentAfterFailing(id: id, recipient: role, attempt: updated.attempts)
                            .text(language),
                        fields: fields(job))
                }
            case .retry(let next):
                updated.nextAttempt = next
                let status = journalStatus(result, address: mail.recipient, job: job, language: language)
                let text: JournalText =
                    result.kind == .temporary
                    ? .mailDeferred(
                        id: id, recipient: role, attempt: updated.attempts, status: status, next: zone.local(next))
                    : .mailRefused(
                        id: id, recipient: role, attempt: updated.attempts, status: status, next: zone.local(next),
                        until: zone.local((since ?? now) + policy(context.settings).refusedFor))
                entry = failure(job, text.text(language), result)
            case .giveUp:
                updated.state = .failed
                entry = failure(
                    job,
                    JournalText.mailGivenUp(
                        id: id, recipient: role, attempts: updated.attempts,
                        status: journalStatus(result, address: mail.recipient, job: job, language: language)
                    ).text(language), result)
            }
        case (.noAddress, _):
            updated.state = .dropped
            updated.lastResult = nil
            if job.kind != .test {
                entry = JournalEntry(
                    event: .deliveryFailure,
                    message: JournalText.mailDropped(id: job.key.id, recipient: job.key.recipient.role).text(language),
                    fields: fields(job))
            }
        default:
            // Mail was turned off between the pump and the try: the message waits, untried.
            break
        }
        if let entry { journal.write(entry) }
        ended.append(updated)
        if !flushScheduled {
            flushScheduled = true
            queue.async { [weak self] in self?.recordEnded() }
        }
    }

    /// Records the tries that ended, in one transaction, then starts what is due.
    private func recordEnded() {
        flushScheduled = false
        let jobs = ended
        ended = []
        guard !jobs.isEmpty else { return }
        do {
            try store()?.markMail(jobs, at: clock())
        } catch {
            if unrecorded.isEmpty, let first = jobs.first {
                let language = context()?.settings.language ?? .fr
                journal.write(
                    JournalEntry(
                        event: .deliveryFailure,
                        message: JournalText.cannotRecordMail(id: first.key.id, problem: error.text(language)).text(
                            language),
                        fields: fields(first)))
            }
            unrecorded += jobs
            retryTimer.schedule(deadline: .now() + storeRetry)
        }
        for job in jobs { inFlight.remove(job.key) }
        pump()
    }

    private func recordUnrecorded() {
        let now = clock()
        var left: [MailJob] = []
        for job in unrecorded {
            do { try store()?.markMail([job], at: now) } catch { left.append(job) }
        }
        unrecorded = left
        if !left.isEmpty { retryTimer.schedule(deadline: .now() + storeRetry) }
        pump()
    }

    /// Sendmail's status in `language`, then what it printed (its own words, as it wrote them).
    private func describe(_ result: SendmailResult, _ language: Language) -> String {
        let status = result.status.text(language)
        return result.output.isEmpty ? status : status + ": " + result.output.replacingOccurrences(of: "\n", with: " ")
    }

    /// What sendmail said, for the journal: the recipient's address (MTAs repeat it) replaced by its role, since
    /// the journal names people by their identifier only.
    private func journalStatus(_ result: SendmailResult, address: String, job: MailJob, language: Language) -> String {
        describe(result, language).replacingOccurrences(of: address, with: "<\(job.key.recipient.role)>")
    }

    /// The fields of a message's journal entries: the reminder's (`JALON_DUE` in the person's zone) and the role of
    /// the recipient, never the address.
    private func fields(_ job: MailJob) -> [String: String] {
        let request = job.request
        var fields = [
            "JALON_REMINDER": job.key.id, "JALON_RECIPIENT": job.key.recipient.role, "JALON_MAIL": job.kind.rawValue,
        ]
        if let person = request.person { fields["JALON_PERSON"] = person }
        if let item = request.item { fields["JALON_ITEM"] = item }
        if let kind = request.itemKind { fields["JALON_KIND"] = kind }
        if let step = request.step { fields["JALON_STEP"] = step }
        if case .namedConsultant(let id) = job.key.recipient { fields["JALON_CONSULTANT"] = id }
        let zone = request.zone.flatMap { Zone(identifier: $0) } ?? .utc
        fields["JALON_DUE"] = zone.rfc3339(job.key.reminder.due)
        return fields
    }

    private func failure(_ job: MailJob, _ message: String, _ result: SendmailResult) -> JournalEntry {
        var fields = fields(job)
        // A field for scripts and `journalctl JALON_SENDMAIL_STATUS=…`: the same words whatever the language.
        fields["JALON_SENDMAIL_STATUS"] = result.status.english
        return JournalEntry(event: .deliveryFailure, message: message, fields: fields)
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
