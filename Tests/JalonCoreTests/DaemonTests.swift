import Foundation
import Testing

@testable import JalonCore

/// The daemon in this process, with a real timer, real inotify and a real state database; the journal is kept in
/// memory. Signals are left alone: the test process is shared.
@Suite(.serialized) struct DaemonTests {
    /// A local date-time `seconds` from now in UTC, as a TOML value.
    func utc(_ seconds: Int64) -> String {
        let local = Zone.utc.local(Instant(Date()) + seconds)
        return local.description
    }

    /// An instant in UTC, as a TOML value.
    func utc(at instant: Instant) -> String { Zone.utc.local(instant).description }

    /// Waits until `condition` holds, at most `timeout` seconds, without holding a thread of the cooperative pool
    /// (the daemon's sendmail tasks run there).
    func wait(_ timeout: Double, _ condition: () -> Bool) async -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    /// The options of a daemon on `dir`'s `config` and `state`, signals left alone.
    func options(_ dir: TemporaryDirectory, journal: MemoryJournal) -> Daemon.Options {
        var options = Daemon.Options(
            configurationDirectory: dir.url("config"), stateDirectory: dir.url("state"), journal: journal)
        options.handlesSignals = false
        return options
    }

    func start(_ dir: TemporaryDirectory, journal: MemoryJournal) throws -> Daemon {
        let daemon = try Daemon(options: options(dir, journal: journal))
        daemon.start()
        return daemon
    }

    func ids(_ journal: MemoryJournal, _ event: JournalEvent) -> [String] {
        journal.entries.filter { $0.event == event }.compactMap { $0.fields["JALON_REMINDER"] }
    }

    @Test func deliversOnTimeCatchesUpReloadsAndHonoursDone() async throws {
        let dir = try TemporaryDirectory()
        let t = Instant(Date())
        let pastBase = t - 3 * 86_400
        try dir.write("config/jalon.toml", "timezone = \"UTC\"\n")
        try dir.write(
            "config/people/p.toml",
            """
            [[session]]
            id = "soon"
            at = \(utc(2))
            remind = ["+0d"]

            [[deadline]]
            id = "past"
            due = \(utc(at: pastBase))
            remind = ["-2d", "+0d"]
            follow_up = false

            [[deadline]]
            id = "later"
            due = \(utc(3600))
            remind = ["+0d"]
            follow_up = false
            """)
        // jalon knew "past" ten days ago, and was stopped cleanly six days ago.
        do {
            let store = try Store(directory: dir.url("state"))
            try store.recordFirstSeen([ItemVersion(item: "p/past", base: pastBase): t - 10 * 86_400])
            let run = try store.beginRun(pid: 1, at: t - 12 * 86_400)
            try store.endRun(run, at: t - 6 * 86_400)
        }
        let journal = MemoryJournal()
        let daemon = try start(dir, journal: journal)
        defer { daemon.shutdown() }

        // Catch-up at start: the latest missed reminder of "past" goes late, the older one is missed; both say why.
        #expect(ids(journal, .late) == ["p/past/+0d"])
        #expect(ids(journal, .missed) == ["p/past/-2d"])
        let stopped = "jalon était arrêté du " + DateText.dayAndTime(Zone.utc.local(t - 6 * 86_400), .fr)
        for event in [JournalEvent.late, .missed] {
            let message = try #require(journal.entries.first { $0.event == event }).message
            #expect(message.contains(stopped), "\(message)")
        }
        // On time, by the real timer.
        #expect(await wait(5) { ids(journal, .reminder) == ["p/soon/+0d"] })
        let entry = try #require(journal.entries.first { $0.fields["JALON_REMINDER"] == "p/soon/+0d" })
        #expect(entry.event.priority == 5)
        #expect(entry.fields["JALON_PERSON"] == "p")
        #expect(entry.fields["JALON_KIND"] == "session")
        #expect(entry.fields["JALON_STEP"] == "+0d")
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(2) { (try? store.outcomeCounts()) == [.onTime: 1, .late: 1, .missed: 1] })

        // A file added while running is picked up and delivered; its steps already past are skipped, not sent late.
        try dir.write(
            "config/people/q.toml", "[[session]]\nid = \"new\"\nat = \(utc(2))\nremind = [\"+0d\", \"-2h\", \"-1d\"]\n")
        #expect(await wait(5) { ids(journal, .reminder).contains("q/new/+0d") })
        #expect(journal.entries.contains { $0.event == .reload })
        let skipped = journal.entries.filter { $0.event == .skipped }
        #expect(skipped.map { $0.fields["JALON_SKIPPED"] } == ["2"])
        #expect(ids(journal, .late).count == 1)

        // A broken file keeps its last good version, and its problem is reported at its place.
        try dir.write("config/people/p.toml", "[[session]\nid = \"soon\"\n")
        #expect(await wait(3) { journal.entries.contains { $0.event == .configurationProblem } })
        let problem = try #require(journal.entries.first { $0.event == .configurationProblem })
        #expect(problem.fields["JALON_FILE"] == "people/p.toml")
        #expect(problem.fields["JALON_LINE"] == "1")
        #expect(daemon.upcoming(5).map(\.id) == ["p/later/+0d"])

        // jalon done: recorded in the state database, honoured by the daemon within a second.
        try Store(directory: dir.url("state")).acknowledge(
            item: "p/later", base: try #require(daemon.upcoming(1).first).base, at: Instant(Date()))
        #expect(Daemon.notifyAcknowledged(stateDirectory: dir.url("state")))
        #expect(await wait(1) { daemon.upcoming(5).isEmpty })
    }

    @Test func restartingDeliversNothingTwice() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/jalon.toml", "timezone = \"UTC\"\n")
        try dir.write(
            "config/people/p.toml", "[[session]]\nid = \"s\"\nat = \(utc(1))\nremind = [\"+0d\", \"-1h\"]\n")
        let first = MemoryJournal()
        let daemon = try start(dir, journal: first)
        #expect(await wait(4) { ids(first, .reminder) == ["p/s/+0d"] })
        // A fresh state database: the step already past at the first start is skipped, not sent late.
        #expect(ids(first, .late).isEmpty)
        #expect(first.entries.filter { $0.event == .skipped }.map { $0.fields["JALON_SKIPPED"] } == ["1"])
        daemon.shutdown()
        #expect(try Store(directory: dir.url("state")).outcomeCounts() == [.onTime: 1, .skipped: 1])
        let second = MemoryJournal()
        let again = try start(dir, journal: second)
        defer { again.shutdown() }
        #expect(second.entries.filter { $0.fields["JALON_REMINDER"] != nil }.isEmpty)
    }

    @Test func aDamagedStateDatabaseStopsTheStartWithAClearError() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/people/p.toml", "name = \"P\"\n")
        try dir.write("state/jalon.sqlite", bytes: [UInt8](repeating: 0x41, count: 4096), mode: 0o600)
        chmod(dir.url("state"), 0o700)
        let options = options(dir, journal: MemoryJournal())
        #expect {
            try Daemon(options: options)
        } throws: { error in
            // No locale in jalon.toml: French, every word of it.
            guard let error = error as? DaemonError else { return false }
            return error.code == .state && error.message.contains("est endommagée")
                && !error.message.contains("damaged")
        }
    }

    // MARK: - One daemon per state, a safe start, the last good version of files

    @Test func aBrokenSettingsFileStopsTheStartAndSaysWhere() throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/jalon.toml", "timezone = \"Paris\"\nlocale = \"en\"\n")
        try dir.write("config/people/p.toml", "[[deadline]]\nid = \"d\"\ndue = \(utc(3600))\n")
        let journal = MemoryJournal()
        let options = options(dir, journal: journal)
        #expect {
            try Daemon(options: options)
        } throws: { error in
            guard let error = error as? DaemonError else { return false }
            return error.code == .settings
                && error.diagnostics.first?.description.hasPrefix("jalon.toml:1:1: error:") == true
                && error.message.contains("jalon.toml has 1 error(s)")
        }
        let problem = try #require(journal.entries.first { $0.event == .configurationProblem })
        #expect(problem.fields["JALON_FILE"] == "jalon.toml" && problem.fields["JALON_LINE"] == "1")
        #expect(journal.entries.map(\.event) == [.configurationProblem, .startRefused])
        // Nothing was planned, locked or recorded.
        #expect(!FileManager.default.fileExists(atPath: dir.url("state")))
    }

    @Test func aSecondDaemonOnTheSameStateIsRefusedAndNamesTheFirst() throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/jalon.toml", "timezone = \"UTC\"\nlocale = \"en\"\n")
        let first = try start(dir, journal: MemoryJournal())
        let options = options(dir, journal: MemoryJournal())
        #expect {
            try Daemon(options: options)
        } throws: { error in
            guard let error = error as? DaemonError else { return false }
            return error.code == .alreadyRunning(pid: Int(getpid())) && error.message.contains("pid \(getpid())")
        }
        first.shutdown()
        let second = try Daemon(options: options)
        second.shutdown()
    }

    @Test func aRestartWhileAFileIsBrokenPlansItFromItsLastGoodVersion() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/jalon.toml", "timezone = \"UTC\"\nlocale = \"en\"\n")
        let good =
            "[[deadline]]\nid = \"d\"\ndue = \(utc(2 * 86_400))\nremind = [\"-1d\", \"+0d\"]\nfollow_up = false\n"
        try dir.write("config/people/p.toml", good)
        let first = try start(dir, journal: MemoryJournal())
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(3) { (try? store.archivedPersonFile("people/p.toml"))?.text == good })
        first.shutdown()

        try dir.write("config/people/p.toml", "[[deadline]]\nid = \"d\"\ndue = 2027-02-30\n")
        let journal = MemoryJournal()
        let second = try start(dir, journal: journal)
        #expect(second.upcoming(5).map(\.id) == ["p/d/-1d", "p/d/+0d"])
        let said = try #require(journal.entries.first { $0.message.contains("planned from its last good version") })
        #expect(said.event == .configurationProblem)
        #expect(said.fields["JALON_FILE"] == "people/p.toml" && said.fields["JALON_LINE"] == "3")
        // The file removed: its person goes, and so does its saved version.
        unlink(dir.url("config/people/p.toml"))
        #expect(await wait(3) { second.upcoming(5).isEmpty })
        #expect(await wait(3) { (try? store.archivedPersonFile("people/p.toml")) == nil })
        second.shutdown()
    }

    @Test func undoneBringsTheRemindersBackWithinASecond() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/jalon.toml", "timezone = \"UTC\"\n")
        try dir.write("config/people/p.toml", "[[deadline]]\nid = \"d\"\ndue = \(utc(86_400))\nfollow_up = false\n")
        let daemon = try start(dir, journal: MemoryJournal())
        defer { daemon.shutdown() }
        let base = try #require(daemon.upcoming(1).first).base
        let store = try Store(directory: dir.url("state"))
        try store.acknowledge(item: "p/d", base: base, at: Instant(Date()))
        #expect(Daemon.notifyAcknowledged(stateDirectory: dir.url("state")))
        #expect(await wait(1) { daemon.upcoming(5).isEmpty })
        #expect(try store.unacknowledge(item: "p/d") == 1)
        #expect(Daemon.notifyAcknowledged(stateDirectory: dir.url("state")))
        #expect(await wait(1) { daemon.upcoming(5).map(\.id) == ["p/d/+0d"] })
    }

    @Test func theRunIsRecordedFromItsStartToItsCleanStop() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/jalon.toml", "timezone = \"UTC\"\n")
        let before = Instant(Date())
        let daemon = try start(dir, journal: MemoryJournal())
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(3) { (try? store.runs(since: before))?.count == 1 })
        #expect(try store.runs(since: before).first?.stopped == nil)
        daemon.shutdown()
        let run = try #require(try store.runs(since: before).first)
        #expect(run.stopped != nil && run.stopped! >= run.started && run.lastSeen == run.stopped)
    }
}
