import CLinux
import Dispatch
import Glibc

/// Writes what the daemon decided into the state database, and keeps it when the database cannot take it: a full or
/// read-only state directory does not stop the daemon; it says so in the journal, keeps everything in memory and
/// tries again every `retry` (SPEC §8). Confined to the daemon's queue.
final class StateRecorder: @unchecked Sendable {  // confined to the daemon's queue
    private let directory: String
    private let queue: DispatchQueue
    private let journal: any JournalWriter
    private let retry: DispatchTimeInterval
    /// The journal's words, in the settings' language (they may change at a reload).
    var messages: () -> JournalMessages
    /// Called after outcomes were written (their mail is in the queue now).
    var recorded: () -> Void = {}
    /// The clock.
    var now: () -> Instant

    private(set) var store: Store?
    private(set) var problem: StoreError?
    /// Outcomes handed over but not yet in the state database: retried, never dropped.
    private(set) var unrecorded: [(key: ReminderKey, outcome: Outcome)] = []
    /// Their messages, queued with them.
    private(set) var unqueuedMail: [MailJob] = []
    /// The other things that wait for the database, written after the outcomes (`persist`).
    private var pending: [any PendingState] = []
    private var retryTimer: DispatchSourceTimer?
    private var continuation = false
    /// Whether the writing took several turns (much was written).
    private var bulk = false
    private var stopped = false

    init(
        directory: String, store: Store?, problem: StoreError?, queue: DispatchQueue, journal: any JournalWriter,
        retry: DispatchTimeInterval, messages: @escaping () -> JournalMessages, now: @escaping () -> Instant
    ) {
        self.directory = directory
        self.store = store
        self.problem = problem
        self.queue = queue
        self.journal = journal
        self.retry = retry
        self.messages = messages
        self.now = now
    }

    /// Things to write after the outcomes, in this order.
    func keep(_ state: any PendingState) { pending.append(state) }

    /// Writes outcomes (and queues their mail) at once, in one transaction; when that fails, keeps them and tries
    /// again later.
    func record(_ outcomes: [(key: ReminderKey, outcome: Outcome)], mail: [MailJob] = []) {
        unrecorded += outcomes
        unqueuedMail += mail
        flushOutcomes()
    }

    /// Writes everything that waits: the outcomes, then the pending states. A state with much to write (the person
    /// files of a first start) writes a part and the rest follows on the queue, after what is queued meanwhile.
    func persist() {
        guard flushOutcomes(), let store else { return }
        let current = now()
        for state in pending where state.hasPending {
            do {
                try state.write(to: store, now: current)
            } catch {
                failed(error)
                return
            }
        }
        if pending.contains(where: \.hasPending) {
            guard !continuation, !stopped else { return }
            continuation = true
            bulk = true
            queue.async { [weak self] in
                self?.continuation = false
                self?.persist()
            }
        } else if bulk {
            // A first start wrote every person file and item: what SQLite and the allocator took for it goes back,
            // so that the daemon's resident memory is what it needs to run, not what it needed once.
            bulk = false
            store.releaseMemory()
            malloc_trim(0)
        }
    }

    /// Whether every outcome is written.
    @discardableResult
    private func flushOutcomes() -> Bool {
        if store == nil { reopen() }
        guard let store else {
            scheduleRetry()
            return false
        }
        guard !unrecorded.isEmpty || !unqueuedMail.isEmpty else { return true }
        do {
            try store.record(unrecorded, mail: unqueuedMail, at: now())
        } catch {
            failed(error)
            return false
        }
        unrecorded = []
        unqueuedMail = []
        recorded()
        if problem != nil {
            problem = nil
            journal.write(messages().entry(.reload, .stateRecordedAgain(path: store.path)))
        }
        return true
    }

    private func failed(_ error: StoreError) {
        if problem == nil { report(error) }
        problem = error
        scheduleRetry()
    }

    private func reopen() {
        do {
            store = try Store(directory: directory)
        } catch {
            if problem == nil { report(error) }
            problem = error
        }
    }

    /// Says in the journal that the state cannot be recorded (once, until it can again).
    func report(_ error: StoreError) {
        journal.write(
            messages().entry(
                .deliveryFailure, .cannotRecordState(problem: error.text(messages().language)),
                fields: ["JALON_STATE": directory]))
    }

    private func scheduleRetry() {
        guard retryTimer == nil, !stopped else { return }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + retry)
        timer.setEventHandler { @Sendable [weak self] in
            guard let self else { return }
            self.retryTimer?.cancel()
            self.retryTimer = nil
            self.persist()
        }
        timer.resume()
        retryTimer = timer
    }

    /// The daemon stops: a last try, then the database is closed. Returns what could not be written.
    func close() -> Int {
        stopped = true
        retryTimer?.cancel()
        retryTimer = nil
        flushOutcomes()
        if let store {
            let current = now()
            for state in pending where state.hasPending {
                // What cannot be learnt again is written whole; the rest is written once (and found again at start).
                repeat {
                    guard (try? state.write(to: store, now: current)) != nil else { break }
                } while state.essential && state.hasPending
            }
        }
        let left = unrecorded.count
        return left
    }

    /// Forgets the database (after `close`).
    func release() { store = nil }
}
