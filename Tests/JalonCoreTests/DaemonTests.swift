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

    func start(_ dir: TemporaryDirectory, journal: MemoryJournal) throws -> Daemon {
        var options = Daemon.Options(
            configurationDirectory: dir.url("config"), stateDirectory: dir.url("state"), journal: journal)
        options.handlesSignals = false
        let daemon = try Daemon(options: options)
        daemon.start()
        return daemon
    }

    func ids(_ journal: MemoryJournal, _ event: JournalEvent) -> [String] {
        journal.entries.filter { $0.event == event }.compactMap { $0.fields["JALON_REMINDER"] }
    }

    @Test func deliversOnTimeCatchesUpReloadsAndHonoursDone() async throws {
        let dir = try TemporaryDirectory()
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
            due = \(utc(-3 * 86_400))
            remind = ["-2d", "+0d"]
            follow_up = false

            [[deadline]]
            id = "later"
            due = \(utc(3600))
            remind = ["+0d"]
            follow_up = false
            """)
        let journal = MemoryJournal()
        let daemon = try start(dir, journal: journal)
        defer { daemon.shutdown() }

        // Catch-up at start: the latest missed reminder of "past" goes late, the older one is missed.
        #expect(ids(journal, .late) == ["p/past/+0d"])
        #expect(ids(journal, .missed) == ["p/past/-2d"])
        // On time, by the real timer.
        #expect(await wait(5) { ids(journal, .reminder) == ["p/soon/+0d"] })
        let entry = try #require(journal.entries.first { $0.fields["JALON_REMINDER"] == "p/soon/+0d" })
        #expect(entry.event.priority == 5)
        #expect(entry.fields["JALON_PERSON"] == "p")
        #expect(entry.fields["JALON_KIND"] == "session")
        #expect(entry.fields["JALON_STEP"] == "+0d")
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(2) { (try? store.outcomeCounts()) == [.onTime: 1, .late: 1, .missed: 1] })

        // A file added while running is picked up and delivered.
        try dir.write("config/people/q.toml", "[[session]]\nid = \"new\"\nat = \(utc(2))\nremind = [\"+0d\"]\n")
        #expect(await wait(5) { ids(journal, .reminder).contains("q/new/+0d") })
        #expect(journal.entries.contains { $0.event == .reload })

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
        #expect(ids(first, .late) == ["p/s/-1h"])
        daemon.shutdown()
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
        var options = Daemon.Options(
            configurationDirectory: dir.url("config"), stateDirectory: dir.url("state"), journal: MemoryJournal())
        options.handlesSignals = false
        #expect {
            try Daemon(options: options)
        } throws: { error in
            "\(error)".contains("damaged")
        }
    }
}
