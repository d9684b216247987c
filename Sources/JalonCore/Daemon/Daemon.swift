import Dispatch
import Foundation

/// Why the daemon cannot start.
package struct DaemonError: Error, CustomStringConvertible, Sendable {
    package var message: String
    package var description: String { message }
}

/// What identifies a version of a file: if any of it changes, the file is read again.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    }
}

/// `jalon run`: the only place that touches Dispatch, signals, inotify, timers and sd_notify (SPEC §5–8).
///
/// Everything happens on one serial queue: the timer, the watchers, the signals and the control socket only
/// post events there, the `Scheduler` decides, and this class carries its actions out. One timer is armed, with
/// a wall-clock deadline, for the earliest pending reminder; nothing polls.
package final class Daemon: @unchecked Sendable {  // every mutable property is confined to `queue`
    package struct Options: Sendable {
        package var configurationDirectory: String
        package var stateDirectory: String
        package var journal: any JournalWriter
        /// Reminders recorded in one transaction at most: a crash during a burst re-sends at most this many.
        package var batchSize = 256
        /// How long to wait before trying the state database again after it failed.
        package var storeRetry: DispatchTimeInterval = .seconds(5)
        /// The first delay before a message sendmail deferred is tried again, in seconds (it doubles up to an
        /// hour); sendmail processes run at once at most.
        package var mailRetryBase: Int64 = 60
        package var mailConcurrency = 4
        /// Whether SIGHUP reloads and SIGTERM/SIGINT stop the process (off in tests, which share the process).
        package var handlesSignals = true

        package init(configurationDirectory: String, stateDirectory: String, journal: any JournalWriter) {
            self.configurationDirectory = configurationDirectory
            self.stateDirectory = stateDirectory
            self.journal = journal
        }
    }

    private let options: Options
    private let queue = DispatchQueue(label: "jalon.daemon")
    private var loader: ConfigurationLoader
    private let service = ServiceManager()
    private var live: LiveConfiguration
    private var scheduler: Scheduler
    private var store: Store?
    private var storeProblem: StoreError?
    /// Outcomes handed over but not yet in the state database (it failed): retried, never dropped.
    private var unrecorded: [(key: ReminderKey, outcome: Outcome)] = []
    /// Their messages, queued with them.
    private var unqueuedMail: [MailJob] = []
    private var templates = MailTemplates.builtIn
    private var templateProblems: [Diagnostic] = []
    private var mailWorker: MailWorker?
    private var digestTimer: DispatchSourceTimer?
    private lazy var calendarFile = CalendarFile(stateDirectory: options.stateDirectory, journal: options.journal) {
        [weak self] in self.map { d in d.inspect { (d.live.settings, Array(d.live.people.values), d.store) } }
    }
    private var acknowledgements: Set<Acknowledgement> = []
    private var identities: [String: FileIdentity] = [:]
    private var settingsIdentity: FileIdentity?
    private var directoryPresent = true
    private var lastReload = Instant(seconds: 0)
    private var startedAt = Instant(seconds: 0)
    private var deliveredCount = 0
    private var missedCount = 0

    private var timer: DispatchSourceTimer?
    private var retryTimer: DispatchSourceTimer?
    private var watchdogTimer: DispatchSourceTimer?
    private var signalSources: [DispatchSourceSignal] = []
    private var watcher: DirectoryWatcher?
    private var clockWatcher: ClockWatcher?
    private var controlSocket: ControlSocket?
    private var stopping = false

    private var messages: JournalMessages { JournalMessages(language: live.settings.language) }
    private var composer: MailComposer { MailComposer(settings: live.settings, templates: templates) }
    private var now: Instant { Instant(Date()) }

    /// Opens the state database and reads the configuration.
    ///
    /// - Throws: `DaemonError` when the configuration directory cannot be read, or the state database is damaged
    ///   or newer than this jalon (never reset silently). A state directory that cannot be written is not fatal:
    ///   the daemon runs, says so, and keeps trying.
    package init(options: Options) throws(DaemonError) {
        self.options = options
        loader = ConfigurationLoader(directory: options.configurationDirectory)
        var st = stat()
        guard stat(options.configurationDirectory, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw DaemonError(message: "cannot use the configuration directory \(options.configurationDirectory)")
        }
        let (settings, _) = loader.loadSettings()
        live = LiveConfiguration(settings: settings)
        let start = Instant(Date())
        var recorded = Set<ReminderKey>()
        var createdAt = start
        do {
            let store = try Store(directory: options.stateDirectory)
            self.store = store
            createdAt = try store.createdAt()
        } catch {
            switch error.code {
            case .corrupt, .newerSchema: throw DaemonError(message: error.description)
            default: storeProblem = error
            }
        }
        // When the database cannot be written, what it already records is still read, so that nothing already
        // delivered is delivered again.
        var reader = store
        if reader == nil, let readOnly = try? Store(directory: options.stateDirectory, readOnly: true) {
            reader = readOnly
            createdAt = (try? readOnly.createdAt()) ?? createdAt
        }
        let floor = Daemon.floor(createdAt: createdAt, now: start, settings: settings)
        if let reader {
            do {
                recorded = try reader.recordedKeys(since: floor)
                acknowledgements = try reader.acknowledgements()
            } catch {
                if error.code == .corrupt { throw DaemonError(message: error.description) }
                storeProblem = error
            }
        }
        scheduler = Scheduler(floor: floor, recorded: recorded, catchUp: settings.catchUp, zone: settings.zone)
    }

    /// Nothing due before this is jalon's: before the state database existed (less the catch-up window), or more
    /// than 400 days ago.
    static func floor(createdAt: Instant, now: Instant, settings: Settings) -> Instant {
        let scheduler = Scheduler(floor: now, recorded: [], catchUp: settings.catchUp, zone: settings.zone)
        return max(scheduler.catchUpStart(now: createdAt), now - 400 * 86_400)
    }

    /// Loads everything, arms the timer and the watchers, and tells systemd it is ready. Returns at once; the work
    /// goes on on the daemon's queue (call `dispatchMain()` after it).
    package func start() {
        queue.sync {
            startedAt = now
            signal(SIGPIPE, SIG_IGN)
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.setEventHandler { @Sendable [weak self] in self?.timeChanged() }
            timer.schedule(wallDeadline: .distantFuture)
            timer.resume()
            self.timer = timer
            options.journal.write(messages.entry(.started, .started(directory: options.configurationDirectory)))
            if let storeProblem { reportStoreProblem(storeProblem) }
            mailWorker = MailWorker(
                queue: queue, sendmail: Sendmail(command: live.settings.mail.sendmail, timeout: .seconds(live.settings.mail.timeout)),
                concurrency: options.mailConcurrency, retryBase: options.mailRetryBase,
                storeRetry: options.storeRetry, journal: options.journal,
                language: { [weak self] in self?.live.settings.language ?? .fr }, store: { [weak self] in self?.store })
            reload(reason: .start)
            watch()
            service.ready(status: statusLine())
        }
    }

    /// Stops cleanly: the delivery in progress ends (it runs on the same queue), the state is written, and the
    /// process exits with status 0.
    package func stop() -> Never {
        shutdown()
        exit(0)
    }

    /// Stops the daemon's work and closes the state database, without ending the process.
    package func shutdown() {
        // Messages being handed to sendmail finish first (each is bounded by its time-out), then the rest stops.
        mailWorker?.stop()
        queue.sync {
            guard !stopping else { return }
            stopping = true
            service.stopping()
            flushUnrecorded()
            if !unrecorded.isEmpty || !unqueuedMail.isEmpty {
                options.journal.write(
                    messages.entry(
                        .deliveryFailure, .unrecordedAtStop(count: unrecorded.count, problem: storeProblem?.description),
                        fields: ["JALON_STATE": options.stateDirectory]))
            }
            writeStatus()
            options.journal.write(messages.entry(.stopped, .stopped))
            timer?.cancel()
            watcher = nil
            clockWatcher = nil
            controlSocket = nil
            unlink(options.stateDirectory + "/" + ControlSocket.fileName)
            for source in signalSources { source.cancel() }
            watchdogTimer?.cancel()
            retryTimer?.cancel()
            digestTimer?.cancel()
            mailWorker = nil
            store = nil
        }
    }

    /// Runs `body` on the daemon's queue, after the work already queued: for tests, to see its state.
    package func inspect<T>(_ body: () -> T) -> T { queue.sync(execute: body) }

    /// The next pending reminders.
    package func upcoming(_ limit: Int) -> [Reminder] { inspect { scheduler.upcoming(limit) } }

    /// Tells a daemon running on `stateDirectory` that acknowledgements changed; false when none listens.
    package static func notifyAcknowledged(stateDirectory: String) -> Bool {
        ControlSocket.send("acknowledged", stateDirectory: stateDirectory)
    }

    /// Tells a daemon running on `stateDirectory` that mail was queued again; false when none listens.
    package static func notifyMailQueued(stateDirectory: String) -> Bool {
        ControlSocket.send("mail", stateDirectory: stateDirectory)
    }

    // MARK: - Sources

    private func watch() {
        for number in options.handlesSignals ? [SIGHUP, SIGTERM, SIGINT] : [] {
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { @Sendable [weak self] in
                guard let self else { return }
                if number == SIGHUP {
                    self.reload(reason: .signal)
                } else {
                    // Off the daemon's queue: stopping waits on it.
                    DispatchQueue(label: "jalon.stop").async { self.stop() }
                }
            }
            source.resume()
            signalSources.append(source)
        }
        watcher = DirectoryWatcher(root: options.configurationDirectory, queue: queue) { [weak self] changes in
            self?.directoryChanged(changes)
        }
        clockWatcher = ClockWatcher(queue: queue) { [weak self] in
            self?.timeChanged()
        }
        controlSocket = ControlSocket(stateDirectory: options.stateDirectory, queue: queue) { [weak self] message in
            if message == "mail" { self?.mailWorker?.pump() } else { self?.acknowledgementsChanged() }
        }
        if let period = service.watchdogPeriod() {
            let watchdog = DispatchSource.makeTimerSource(queue: queue)
            let interval = DispatchTimeInterval.microseconds(Int(period / 2))
            watchdog.schedule(deadline: .now() + interval, repeating: interval)
            let service = self.service
            watchdog.setEventHandler { @Sendable in service.watchdog() }
            watchdog.resume()
            watchdogTimer = watchdog
        }
    }

    // MARK: - Events

    private func timeChanged() {
        guard !stopping else { return }
        perform(scheduler.timeChanged(now: now))
    }

    private func acknowledgementsChanged() {
        guard let store else { return }
        guard let current = try? store.acknowledgements() else { return }
        let added = current.subtracting(acknowledgements)
        acknowledgements = current
        for ack in added {
            let parts = ack.item.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            perform(scheduler.acknowledged(person: parts[0], item: parts[1], now: now))
        }
    }

    private func directoryChanged(_ changes: DirectoryChanges) {
        if changes.directoryGone {
            directoryPresent = false
            options.journal.write(
                messages.entry(.configurationProblem, .configurationDirectoryGone(directory: options.configurationDirectory)))
            return
        }
        if changes.systemZone {
            // The settings' default zone is the system's: read them again with the new one.
            NSTimeZone.resetSystemTimeZone()
            loader = ConfigurationLoader(directory: options.configurationDirectory)
            settingsIdentity = nil
        }
        if changes.rescan || changes.directoryBack || changes.systemZone
            || changes.files.contains(ConfigurationLoader.settingsFile)
        {
            reload(reason: .files)
        } else {
            reload(reason: .files, only: changes.files)
        }
    }

    enum ReloadReason {
        case start
        case signal
        case files
    }

    /// Reads what changed and hands the new reminders to the scheduler.
    ///
    /// - Parameter only: the files that changed, when inotify said which; nil: look at every file.
    private func reload(reason: ReloadReason, only: Set<String>? = nil) {
        if reason != .start { service.reloading() }
        defer {
            lastReload = now
            writeStatus()
            if reason != .start { service.ready(status: statusLine()) }
        }
        var st = stat()
        guard stat(options.configurationDirectory, &st) == 0 else {
            if directoryPresent || reason == .signal {
                directoryPresent = false
                options.journal.write(
                    messages.entry(
                        .configurationProblem, .configurationDirectoryMissing(directory: options.configurationDirectory)))
            }
            return
        }
        directoryPresent = true
        // Settings first: when they change, every person is read again (consultants may have come or gone).
        var everyone = reason == .start
        let identity = FileIdentity(path: loader.absolute(ConfigurationLoader.settingsFile))
        if reason == .start || identity != settingsIdentity {
            settingsIdentity = identity
            let (settings, diagnostics) = loader.loadSettings()
            let broken = diagnostics.contains { $0.severity == .error }
            for diagnostic in diagnostics { options.journal.write(messages.problem(diagnostic)) }
            if reason == .start || !broken {
                _ = live.applySettings(settings, diagnostics: diagnostics)
                scheduler.setCatchUp(settings.catchUp, zone: settings.zone)
                mailWorker?.use(Sendmail(command: settings.mail.sendmail, timeout: .seconds(settings.mail.timeout)))
                if settings.mail.enabled, let problem = Sendmail(command: settings.mail.sendmail).problem() {
                    options.journal.write(
                        JournalMessages(language: settings.language).entry(
                            .deliveryFailure, .sendmailUnusable(problem: problem),
                            fields: ["JALON_SENDMAIL": settings.mail.sendmail.joined(separator: " ")]))
                }
                everyone = true
            } else {
                _ = live.applySettings(nil, diagnostics: diagnostics)
            }
        }
        // Templates: read again when one of them changed (and at start).
        if reason != .files || only == nil || only!.contains(where: { $0.hasPrefix(MailTemplates.folder + "/") }) {
            let (loaded, problems) = MailTemplates.load(configurationDirectory: options.configurationDirectory)
            templates = loaded
            if problems != templateProblems {
                for problem in problems { options.journal.write(messages.problem(problem)) }
            }
            templateProblems = problems
        }
        // Then the person files: read those whose identity changed, forget those that are gone.
        var toRead: [String] = []
        var removed: [String] = []
        if let only, !everyone {
            for path in only where path.hasPrefix(ConfigurationLoader.peopleFolder + "/") && path.hasSuffix(".toml") {
                if let identity = FileIdentity(path: loader.absolute(path)) {
                    if identities[path] != identity { toRead.append(path) }
                } else if identities[path] != nil {
                    removed.append(path)
                }
            }
        } else {
            let (paths, walkProblems) = loader.personFilePaths()
            for problem in walkProblems { options.journal.write(messages.problem(problem)) }
            let present = Set(paths)
            removed = identities.keys.filter { !present.contains($0) }
            for path in paths {
                let identity = FileIdentity(path: loader.absolute(path))
                if everyone || identity != identities[path] { toRead.append(path) }
            }
        }
        for path in removed { identities[path] = nil }
        for path in toRead { identities[path] = FileIdentity(path: loader.absolute(path)) }
        let files = loader.loadPersonFiles(toRead.sorted(), settings: live.settings)
        let change = live.apply(files, removed: removed)
        for diagnostic in change.diagnostics { options.journal.write(messages.problem(diagnostic)) }
        // Finally the reminders of the persons concerned.
        let planner = ReminderPlanner(settings: live.settings)
        let people = live.people
        let window = scheduler.floor..<Instant.distantFuture
        let acknowledged = acknowledgements
        let isAcknowledged: (String, Instant) -> Bool = { acknowledged.contains(Acknowledgement(item: $0, base: $1)) }
        let current = now
        if everyone {
            var all: [Reminder] = []
            for person in people.values { all += planner.reminders(for: person, in: window, isAcknowledged: isAcknowledged) }
            perform(scheduler.loaded(all, now: current))
        } else {
            var actions: [Scheduler.Action] = []
            for id in change.people.sorted() {
                let reminders = people[id].map { planner.reminders(for: $0, in: window, isAcknowledged: isAcknowledged) } ?? []
                actions += scheduler.replaced(person: id, with: reminders, now: current)
            }
            perform(actions.isEmpty ? scheduler.timeChanged(now: current) : actions)
        }
        scheduleDigests()
        calendarFile.changed()
        mailWorker?.pump()
        if reason != .start {
            let problems = live.diagnostics.filter { $0.severity == .error }.count
            options.journal.write(
                messages.entry(.reload, .reloaded(read: toRead.count, removed: removed.count, errors: problems)))
        }
    }

    // MARK: - Actions

    private func perform(_ actions: [Scheduler.Action]) {
        let current = now
        for action in actions {
            switch action {
            case .recordMissed(let reminders):
                for chunk in reminders.chunked(options.batchSize) {
                    for reminder in chunk { options.journal.write(messages.missed(reminder)) }
                    record(chunk.map { (ReminderKey(id: $0.id, due: $0.due), Outcome.missed) })
                }
                missedCount += reminders.count
            case .deliver(let deliveries):
                let composer = self.composer
                let people = live.people
                for chunk in deliveries.chunked(options.batchSize) {
                    for delivery in chunk { options.journal.write(messages.delivered(delivery, now: current)) }
                    let mail = chunk.compactMap { composer.compose($0, person: people[$0.reminder.person], now: current) }
                    record(
                        chunk.map { (ReminderKey(id: $0.reminder.id, due: $0.reminder.due), $0.outcome) }, mail: mail)
                }
                deliveredCount += deliveries.count
                mailWorker?.pump()
            case .arm(let instant):
                arm(instant)
            }
        }
        if actions.contains(where: { if case .arm = $0 { false } else { true } }) {
            writeStatus()
            service.status(statusLine())
        }
    }

    private func arm(_ instant: Instant?) {
        guard let timer else { return }
        if let instant {
            timer.schedule(wallDeadline: DispatchWallTime(timespec: timespec(tv_sec: Int(instant.seconds), tv_nsec: 0)))
        } else {
            timer.schedule(wallDeadline: .distantFuture)
        }
    }

    /// Writes outcomes (and queues their mail) in the state database; when it fails, keeps them and tries again
    /// later.
    private func record(_ outcomes: [(key: ReminderKey, outcome: Outcome)], mail: [MailJob] = []) {
        unrecorded += outcomes
        unqueuedMail += mail
        flushUnrecorded()
    }

    private func flushUnrecorded() {
        guard !unrecorded.isEmpty || !unqueuedMail.isEmpty else { return }
        if store == nil { reopenStore() }
        guard let store else {
            scheduleStoreRetry()
            return
        }
        do {
            try store.record(unrecorded, mail: unqueuedMail, at: now)
            unrecorded = []
            unqueuedMail = []
            mailWorker?.pump()
            if storeProblem != nil {
                storeProblem = nil
                options.journal.write(messages.entry(.reload, .stateRecordedAgain(path: store.path)))
            }
        } catch {
            if storeProblem == nil { reportStoreProblem(error) }
            storeProblem = error
            scheduleStoreRetry()
        }
    }

    private func reopenStore() {
        do {
            store = try Store(directory: options.stateDirectory)
        } catch {
            if storeProblem == nil { reportStoreProblem(error) }
            storeProblem = error
        }
    }

    private func reportStoreProblem(_ error: StoreError) {
        options.journal.write(
            messages.entry(
                .deliveryFailure, .cannotRecordState(problem: error.description),
                fields: ["JALON_STATE": options.stateDirectory]))
    }

    private func scheduleStoreRetry() {
        guard retryTimer == nil, !stopping else { return }
        let retry = DispatchSource.makeTimerSource(queue: queue)
        retry.schedule(deadline: .now() + options.storeRetry)
        retry.setEventHandler { @Sendable [weak self] in
            guard let self else { return }
            self.retryTimer?.cancel()
            self.retryTimer = nil
            self.flushUnrecorded()
        }
        retry.resume()
        retryTimer = retry
    }

    // MARK: - Digests

    /// Queues the digests whose time has come (today's, if the daemon was not running at its time, within the
    /// catch-up window) and arms one timer for the next one.
    private func scheduleDigests() {
        digestTimer?.cancel()
        digestTimer = nil
        let digests = DigestComposer(composer: composer)
        let consultants = live.settings.consultants.values.filter { $0.digest != nil }.sorted { $0.id < $1.id }
        guard !consultants.isEmpty, live.settings.mail.enabled else { return }
        let current = now
        let catchUpStart = scheduler.catchUpStart(now: current)
        var next: Instant?
        var jobs: [MailJob] = []
        let people = Array(live.people.values)
        let acknowledged = acknowledgements
        let recorded = scheduler
        for consultant in consultants {
            guard let (last, upcoming) = digests.occurrences(of: consultant, around: current) else { continue }
            next = min(next ?? upcoming, upcoming)
            let key = DigestComposer.key(consultant: consultant.id, at: last)
            guard last >= max(catchUpStart, scheduler.floor), !recorded.isRecorded(key) else { continue }
            if let job = digests.compose(
                for: consultant, at: last, people: people,
                isFinished: { acknowledged.contains(Acknowledgement(item: $0, base: $1)) })
            {
                jobs.append(job)
            }
        }
        if !jobs.isEmpty {
            record(jobs.map { ($0.key, Outcome.onTime) }, mail: jobs)
            mailWorker?.pump()
        }
        if let next {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(wallDeadline: DispatchWallTime(timespec: timespec(tv_sec: Int(next.seconds), tv_nsec: 0)))
            timer.setEventHandler { @Sendable [weak self] in self?.scheduleDigests() }
            timer.resume()
            digestTimer = timer
        }
    }

    // MARK: - Status

    /// One line for `systemctl status`: the next reminder and the counts.
    private func statusLine() -> String {
        var parts: [String] = []
        if let next = scheduler.upcoming(1).first {
            parts.append("next \(next.id) at \(next.zone.rfc3339(next.due))")
        } else {
            parts.append("no reminder pending")
        }
        parts.append("\(scheduler.pendingCount) pending")
        parts.append("\(live.people.count) people")
        let errors = live.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { parts.append("\(errors) configuration error(s)") }
        if storeProblem != nil { parts.append("state not recorded: \(unrecorded.count) waiting") }
        return parts.joined(separator: "; ")
    }

    /// What `jalon status` shows, saved in the state database.
    private func writeStatus() {
        guard let store else { return }
        let status = DaemonStatus(
            pid: Int(getpid()), startedAt: startedAt.seconds, updatedAt: now.seconds, lastReload: lastReload.seconds,
            configurationDirectory: options.configurationDirectory, people: live.people.count,
            pending: scheduler.pendingCount,
            next: scheduler.upcoming(10).map {
                DaemonStatus.Upcoming(id: $0.id, due: $0.zone.rfc3339($0.due), title: $0.title)
            },
            problems: live.diagnostics.map(\.description), delivered: deliveredCount, missed: missedCount,
            unrecorded: unrecorded.count, stateProblem: storeProblem?.description)
        try? store.setMeta(DaemonStatus.metaKey, status.json())
    }
}

/// The daemon's state as `jalon status` reads it from the state database.
package struct DaemonStatus: Codable, Sendable {
    package static let metaKey = "daemon_status"

    package struct Upcoming: Codable, Sendable {
        package var id: String
        package var due: String
        package var title: String
    }

    package var pid: Int
    package var startedAt: Int64
    package var updatedAt: Int64
    package var lastReload: Int64
    package var configurationDirectory: String
    package var people: Int
    package var pending: Int
    package var next: [Upcoming]
    package var problems: [String]
    package var delivered: Int
    package var missed: Int
    package var unrecorded: Int
    package var stateProblem: String?

    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    package static func parse(_ text: String) -> DaemonStatus? {
        try? JSONDecoder().decode(DaemonStatus.self, from: Data(text.utf8))
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(size, 1)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
