import Dispatch
import Foundation

/// `jalon run`: the only place that touches Dispatch, signals, inotify, timers and sd_notify (SPEC §5–8).
///
/// Everything happens on one serial queue: the timer, the watchers, the signals and the control socket only
/// post events there, the `Scheduler` decides, and this class carries its actions out. One timer is armed, with
/// a wall-clock deadline, for the earliest pending reminder; nothing polls. The state database is written through
/// a `StateRecorder`; what catch-up rests on lives in types of its own (`FirstSeenLedger`, `RunLog`,
/// `PersonFileArchive`), and so does the lock that keeps one daemon per state directory (`StartupGuard`).
package final class Daemon: @unchecked Sendable {  // every mutable property is confined to `queue`
    package struct Options: Sendable {
        package var configurationDirectory: String
        package var stateDirectory: String
        package var journal: any JournalWriter
        /// Reminders recorded in one transaction at most: a crash during a burst re-sends at most this many.
        package var batchSize = 256
        /// How long to wait before trying the state database again after it failed.
        package var storeRetry: DispatchTimeInterval = .seconds(5)
        /// The first delay before a message sendmail did not take is tried again, in seconds: replaces
        /// `[mail] retry` when set. Sendmail processes run at once at most.
        package var mailRetryBase: Int64?
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
    private let recorder: StateRecorder
    /// The state database read-only, when it cannot be written: what it records is still honoured.
    private let fallbackReader: Store?
    private let ledger: FirstSeenLedger
    private let archive: PersonFileArchive
    private let runLog: RunLog
    private var lock: StartupGuard?
    private let statusWriter: StatusWriter
    private var templates = MailTemplates.builtIn
    private var templateProblems: [Diagnostic] = []
    private var mailWorker: MailWorker?
    private lazy var digests = DigestTimer(queue: queue)
    private lazy var mailSupervisor = MailSupervisor(journal: options.journal)
    private lazy var calendarFile = CalendarFile(stateDirectory: options.stateDirectory, journal: options.journal) {
        [weak self] in self.map { d in d.inspect { (d.live.settings, Array(d.live.people.values), d.recorder.store) } }
    }
    private var acknowledgements: Set<Acknowledgement> = []
    private var identities: [String: FileIdentity] = [:]
    private var settingsIdentity: FileIdentity?
    private var directoryPresent = true
    private var lastReload = Instant(seconds: 0)
    private var deliveredCount = 0
    private var missedCount = 0
    /// Reminders skipped since the last journal line about them (one line per reload).
    private var skippedCount = 0

    private var timer: DispatchSourceTimer?
    private var watchdogTimer: DispatchSourceTimer?
    private var signalSources: [DispatchSourceSignal] = []
    private var watcher: DirectoryWatcher?
    private var clockWatcher: ClockWatcher?
    private var controlSocket: ControlSocket?
    private var stopping = false

    private var messages: JournalMessages {
        JournalMessages(language: live.settings.language, zone: live.settings.zone)
    }
    private var composer: MailComposer { MailComposer(settings: live.settings, templates: templates) }
    private var mailContext: MailContext {
        MailContext(
            settings: live.settings, templates: templates, people: live.people, acknowledgements: acknowledgements)
    }
    private var now: Instant { Instant(Date()) }
    private var reader: Store? { recorder.store ?? fallbackReader }

    /// Reads the settings, takes the state directory's lock, opens the state database.
    ///
    /// - Throws: `DaemonError` when the configuration directory cannot be read, `jalon.toml` has an error (its
    ///   problems go to the journal too), another daemon holds the state directory, or the state database is
    ///   damaged or newer than this jalon (never reset silently). A state directory that cannot be written is not
    ///   fatal: the daemon runs, says so, and keeps trying.
    package init(options: Options) throws(DaemonError) {
        self.options = options
        loader = ConfigurationLoader(directory: options.configurationDirectory)
        var st = stat()
        guard stat(options.configurationDirectory, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw DaemonError(
                code: .configurationDirectory,
                message: CommandText.configurationDirectoryUnusable(directory: options.configurationDirectory).text(
                    Settings.defaults(zone: .utc).language))
        }
        // A broken jalon.toml stops the start: never run on a zone or a sendmail the user did not choose.
        let (settings, diagnostics) = loader.loadSettings()
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            let messages = JournalMessages(language: settings.language, zone: settings.zone)
            for diagnostic in diagnostics { options.journal.write(messages.problem(diagnostic)) }
            options.journal.write(
                messages.entry(
                    .startRefused, .startRefused(errors: errors),
                    fields: ["JALON_FILE": ConfigurationLoader.settingsFile]
                ))
            throw DaemonError(
                code: .settings, message: CommandText.settingsRefused(errors: errors).text(settings.language),
                diagnostics: diagnostics)
        }
        // One daemon per state directory, before anything is sent or written.
        do {
            lock = try StartupGuard(stateDirectory: options.stateDirectory)
        } catch {
            switch error {
            case .held(let pid):
                throw DaemonError(
                    code: .alreadyRunning(pid: pid),
                    message: CommandText.alreadyRunning(pid: pid, stateDirectory: options.stateDirectory).text(
                        settings.language))
            case .unusable(let path, let problem):
                throw DaemonError(
                    code: .state,
                    message: CommandText.cannotLock(path: path, problem: problem.text(settings.language)).text(
                        settings.language))
            }
        }
        live = LiveConfiguration(settings: settings)
        let start = Instant(Date())
        var recorded = Set<ReminderKey>()
        var createdAt = start
        var store: Store?
        var storeProblem: StoreError?
        do {
            store = try Store(directory: options.stateDirectory)
            createdAt = try store?.createdAt() ?? start
        } catch {
            switch error.code {
            case .corrupt, .newerSchema: throw DaemonError(code: .state, message: error.text(settings.language))
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
        fallbackReader = store == nil ? reader : nil
        let floor = Daemon.floor(createdAt: createdAt, now: start, settings: settings)
        var legacyFirstSeen: Instant?
        var runs: [RunHistory.Run] = []
        if let reader {
            do {
                recorded = try reader.recordedKeys(since: floor)
                acknowledgements = try reader.acknowledgements()
                legacyFirstSeen = try reader.legacyFirstSeen()
                runs = try reader.runs(since: start - 400 * 86_400)
            } catch {
                if error.code == .corrupt { throw DaemonError(code: .state, message: error.text(settings.language)) }
                storeProblem = error
            }
        }
        scheduler = Scheduler(floor: floor, recorded: recorded, catchUp: settings.catchUp, zone: settings.zone)
        ledger = FirstSeenLedger(legacy: legacyFirstSeen)
        archive = PersonFileArchive(loader: loader)
        runLog = RunLog(previous: runs, reading: RunLog.readClocks())
        statusWriter = StatusWriter(
            pid: Int(getpid()), startedAt: start, configurationDirectory: options.configurationDirectory)
        recorder = StateRecorder(
            directory: options.stateDirectory, store: store, problem: storeProblem, queue: queue,
            journal: options.journal, retry: options.storeRetry,
            messages: { JournalMessages(language: settings.language, zone: settings.zone) }, now: { Instant(Date()) })
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
            signal(SIGPIPE, SIG_IGN)
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.setEventHandler { @Sendable [weak self] in self?.timeChanged() }
            timer.schedule(wallDeadline: .distantFuture)
            timer.resume()
            self.timer = timer
            recorder.messages = { [weak self, fallback = messages] in self?.messages ?? fallback }
            recorder.recorded = { [weak self] in self?.mailWorker?.pump() }
            recorder.keep(runLog)
            recorder.keep(ledger)
            recorder.keep(archive)
            options.journal.write(messages.entry(.started, .started(directory: options.configurationDirectory)))
            if let problem = recorder.problem { recorder.report(problem) }
            mailWorker = MailWorker(
                queue: queue, concurrency: options.mailConcurrency, retryOverride: options.mailRetryBase,
                storeRetry: options.storeRetry, journal: options.journal,
                context: { [weak self] in self?.mailContext }, store: { [weak self] in self?.recorder.store })
            reload(reason: .start)
            watch()
            service.ready(status: statusLine())
            // What the planning learnt (first-seen items, this run, the person files' texts) is written once
            // systemd knows the daemon is up.
            recorder.persist()
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
            let left = recorder.close()
            if left > 0 || !recorder.unqueuedMail.isEmpty {
                options.journal.write(
                    messages.entry(
                        .deliveryFailure,
                        .unrecordedAtStop(count: left, problem: recorder.problem?.text(messages.language)),
                        fields: ["JALON_STATE": options.stateDirectory]))
            }
            writeStatus()
            runLog.stop(store: recorder.store, at: now)
            options.journal.write(messages.entry(.stopped, .stopped))
            timer?.cancel()
            watcher = nil
            clockWatcher = nil
            controlSocket = nil
            unlink(options.stateDirectory + "/" + ControlSocket.fileName)
            for source in signalSources { source.cancel() }
            watchdogTimer?.cancel()
            digests.cancel()
            mailWorker = nil
            recorder.release()
            lock?.release()
            lock = nil
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
        let paused = !runLog.observe(RunLog.readClocks()).isEmpty
        perform(scheduler.timeChanged(now: now))
        if paused { recorder.persist() }
    }

    /// `jalon done` or `jalon undone` changed the acknowledgements: the items concerned are planned again.
    private func acknowledgementsChanged() {
        guard !stopping, let reader, let current = try? reader.acknowledgements() else { return }
        let changed = current.symmetricDifference(acknowledgements)
        acknowledgements = current
        let people = Set(changed.compactMap { $0.item.split(separator: "/", maxSplits: 1).first.map(String.init) })
        guard !people.isEmpty else { return }
        runLog.observe(RunLog.readClocks())
        plan(people, now: now)
        reportSkipped()
        recorder.persist()
        if sendInvitations() > 0 { mailWorker?.pump() }
    }

    private func directoryChanged(_ changes: DirectoryChanges) {
        if changes.directoryGone {
            directoryPresent = false
            options.journal.write(
                messages.entry(
                    .configurationProblem, .configurationDirectoryGone(directory: options.configurationDirectory)))
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
        runLog.observe(RunLog.readClocks())
        defer {
            lastReload = now
            writeStatus()
            if reason != .start {
                service.ready(status: statusLine())
                recorder.persist()
            }
        }
        var st = stat()
        guard stat(options.configurationDirectory, &st) == 0 else {
            if directoryPresent || reason == .signal {
                directoryPresent = false
                options.journal.write(
                    messages.entry(
                        .configurationProblem, .configurationDirectoryMissing(directory: options.configurationDirectory)
                    ))
            }
            return
        }
        directoryPresent = true
        // Settings first: when they change, every person is read again (consultants may have come or gone). A
        // broken jalon.toml keeps the last good settings (at start, those `init` read).
        var everyone = reason == .start
        let identity = FileIdentity(path: loader.absolute(ConfigurationLoader.settingsFile))
        if reason == .start || identity != settingsIdentity {
            settingsIdentity = identity
            let (settings, diagnostics) = loader.loadSettings()
            let broken = diagnostics.contains { $0.severity == .error }
            for diagnostic in diagnostics { options.journal.write(messages.problem(diagnostic)) }
            if !broken {
                _ = live.applySettings(settings, diagnostics: diagnostics)
                scheduler.setCatchUp(settings.catchUp, zone: settings.zone)
                everyone = true
            } else {
                _ = live.applySettings(nil, diagnostics: diagnostics)
            }
        }
        // Templates: read again when one of them changed (and at start).
        if reason != .files || only == nil || only!.contains(where: { $0.hasPrefix(MailTemplates.folder + "/") }) {
            let (loaded, problems) = MailTemplates.load(
                configurationDirectory: options.configurationDirectory, language: messages.language)
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
        for path in removed {
            identities[path] = nil
            archive.removed(path)
        }
        for path in toRead { identities[path] = FileIdentity(path: loader.absolute(path)) }
        var files = loader.loadPersonFiles(toRead.sorted(), settings: live.settings)
        var restored: [PersonFileArchive.Restored] = []
        if reason == .start {
            let good = Set(files.lazy.filter { $0.person != nil }.map(\.path))
            (files, restored) = archive.restore(files, settings: live.settings, store: reader)
            archive.reconcile(present: identities, good: good, store: reader)
        } else {
            for file in files where file.person != nil {
                if let identity = identities[file.path] { archive.read(file.path, identity: identity) }
            }
        }
        let change = live.apply(files, removed: removed)
        for diagnostic in change.diagnostics { options.journal.write(messages.problem(diagnostic)) }
        for file in restored {
            options.journal.write(messages.restored(file.path, savedAt: file.savedAt, problem: file.problem))
        }
        // Finally the reminders of the persons concerned.
        plan(everyone ? nil : change.people, now: now)
        reportSkipped()
        if everyone {
            mailWorker?.block(
                mailSupervisor.settingsApplied(live.settings, people: live.people.values, store: recorder.store))
        }
        scheduleDigests()
        sendInvitations()
        calendarFile.changed()
        mailWorker?.pump()
        if reason != .start {
            let problems = live.diagnostics.filter { $0.severity == .error }.count
            options.journal.write(
                messages.entry(.reload, .reloaded(read: toRead.count, removed: removed.count, errors: problems)))
        }
    }

    /// Plans the reminders of `people` (nil: everyone) and hands them to the scheduler, with when their items were
    /// first seen.
    private func plan(_ people: Set<String>?, now current: Instant) {
        let planner = ReminderPlanner(settings: live.settings)
        let window = scheduler.floor..<Instant.distantFuture
        let acknowledged = acknowledgements
        let isAcknowledged: (String, Instant) -> Bool = { acknowledged.contains(Acknowledgement(item: $0, base: $1)) }
        guard let people else {
            var all: [Reminder] = []
            for person in live.people.values {
                all += planner.reminders(for: person, in: window, isAcknowledged: isAcknowledged)
            }
            let firstSeen = firstSeen(all, now: current)
            perform(scheduler.loaded(all, firstSeen: firstSeen, now: current))
            return
        }
        var actions: [Scheduler.Action] = []
        for id in people.sorted() {
            let reminders =
                live.people[id].map { planner.reminders(for: $0, in: window, isAcknowledged: isAcknowledged) } ?? []
            let firstSeen = firstSeen(reminders, now: current)
            actions += scheduler.replaced(person: id, with: reminders, firstSeen: firstSeen, now: current)
        }
        perform(actions.isEmpty ? scheduler.timeChanged(now: current) : actions)
    }

    /// When the items of `reminders` were first planned (the scheduler's copy is let go before it changes).
    private func firstSeen(_ reminders: [Reminder], now current: Instant) -> FirstSeen {
        ledger.prepare(reminders, now: current, isRecorded: { [scheduler] in scheduler.isRecorded($0) }, store: reader)
    }

    /// One journal line for the reminders a planning skipped.
    private func reportSkipped() {
        guard skippedCount > 0 else { return }
        options.journal.write(messages.skipped(count: skippedCount))
        skippedCount = 0
    }

    // MARK: - Actions

    private func perform(_ actions: [Scheduler.Action]) {
        let current = now
        let history = runLog.history
        for action in actions {
            switch action {
            case .recordSkipped(let reminders):
                for chunk in reminders.chunked(options.batchSize) {
                    recorder.record(chunk.map { (ReminderKey(id: $0.id, due: $0.due), Outcome.skipped) })
                }
                skippedCount += reminders.count
            case .recordMissed(let missed):
                for chunk in missed.chunked(options.batchSize) {
                    for var entry in chunk {
                        entry.cause = history.cause(of: entry.reminder.due)
                        options.journal.write(messages.missed(entry))
                    }
                    recorder.record(
                        chunk.map { (ReminderKey(id: $0.reminder.id, due: $0.reminder.due), Outcome.missed) })
                }
                missedCount += missed.count
            case .deliver(let deliveries):
                let settings = live.settings
                let people = live.people
                for chunk in deliveries.chunked(options.batchSize) {
                    let explained = chunk.map { delivery in
                        var delivery = delivery
                        if delivery.outcome == .late { delivery.cause = history.cause(of: delivery.reminder.due) }
                        return delivery
                    }
                    for delivery in explained { options.journal.write(messages.delivered(delivery, now: current)) }
                    let mail = explained.flatMap {
                        MailQueue.jobs(for: $0, person: people[$0.reminder.person], settings: settings)
                    }
                    recorder.record(
                        explained.map { (ReminderKey(id: $0.reminder.id, due: $0.reminder.due), $0.outcome) },
                        mail: mail)
                }
                deliveredCount += deliveries.count
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

    // MARK: - Digests

    /// Queues the digests whose time has come and arms the timer for the next one.
    private func scheduleDigests() {
        let jobs = digests.schedule(
            settings: live.settings, scheduler: scheduler, now: now,
            fired: { @Sendable [weak self] in self?.scheduleDigests() })
        guard !jobs.isEmpty else { return }
        recorder.record(jobs.map { ($0.key.reminder, Outcome.onTime) }, mail: jobs)
    }

    /// Queues the invitations the sessions call for now (`InvitationSender`).
    @discardableResult
    private func sendInvitations() -> Int {
        InvitationSender().update(
            settings: live.settings, people: live.people.values, acknowledgements: acknowledgements,
            store: recorder.store, now: now)
    }

    // MARK: - Status

    private var snapshot: StatusWriter.Snapshot {
        StatusWriter.Snapshot(
            now: now, lastReload: lastReload, scheduler: scheduler, live: live, delivered: deliveredCount,
            missed: missedCount, unrecorded: recorder.unrecorded.count, stateProblem: recorder.problem)
    }

    /// One line for `systemctl status`: the next reminder and the counts.
    private func statusLine() -> String { statusWriter.line(snapshot) }

    /// What `jalon status` shows, saved in the state database.
    private func writeStatus() {
        guard let store = recorder.store else { return }
        statusWriter.write(snapshot, to: store, run: runLog.id)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(size, 1)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
