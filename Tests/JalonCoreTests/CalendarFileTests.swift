import Foundation
import Synchronization
import Testing

@testable import JalonCore

/// The calendar file the daemon keeps: where it goes, how it is written, and that every reload writes it.
@Suite(.serialized) struct CalendarFileTests {
    func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func writtenPrivateAndWholeWithVersionsKeptInTheStateDatabase() throws {
        let fixture = try DeskFixture()
        let state = fixture.directory.url("state")
        let store = try Store(directory: state)
        let journal = MemoryJournal()
        let file = CalendarFile(stateDirectory: state, journal: journal) { nil }
        let path = state + "/calendar.ics"
        let now = DeskFixture.paris("2027-03-02T10:00:00+01:00")
        #expect(file.write(settings: fixture.settings, people: fixture.people, store: store, now: now) == nil)
        #expect(mode(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(
            text(path).contains(
                "UID:marie-dupont/conclusion@jalon.invalid\r\nDTSTAMP:20270302T090000Z\r\nSEQUENCE:0\r\n"))
        #expect(try store.calendarSequences().count == 10)

        // A change seen by a later write (the daemon's, or `jalon export`) takes the next number.
        try fixture.directory.write(
            "people/marie-dupont.toml",
            DeskFixture.marie.replacingOccurrences(
                of: "title = \"Entretien de conclusion\"", with: "title = \"Conclusion\""))
        let changed = try load(fixture.directory)
        #expect(file.write(settings: changed.settings, people: changed.people, store: store, now: now + 60) == nil)
        #expect(
            text(path).contains(
                "UID:marie-dupont/conclusion@jalon.invalid\r\nDTSTAMP:20270302T090100Z\r\nSEQUENCE:1\r\n"))
        #expect(try store.calendarSequences()["marie-dupont/conclusion@jalon.invalid"]?.sequence == 1)
        #expect(journal.entries.isEmpty)
    }

    @Test func theSettingsCanPutItElsewhereAndAFailureIsToldOnce() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "config/jalon.toml", "timezone = \"UTC\"\n[calendar]\nfile = \"\(dir.url("agenda/jalon.ics"))\"\n")
        try dir.write("config/people/p.toml", "[[deadline]]\nid = \"d\"\ndue = 2027-01-20\n")
        let configuration = try ConfigurationLoader(directory: dir.url("config"), systemZone: .utc).load()
        #expect(configuration.settings.calendarFile == dir.url("agenda/jalon.ics"))
        let journal = MemoryJournal()
        let settings = configuration.settings
        let people = configuration.people
        let file = CalendarFile(
            stateDirectory: dir.url("state"), journal: journal, settle: .zero, now: { Instant(seconds: 1_800_000_000) }
        ) { (settings, people, nil) }
        // The folder does not exist: the write fails, the journal says so once for two tries.
        for _ in 0..<2 {
            file.changed()
            file.waitUntilWritten()
        }
        #expect(journal.entries.count == 1)
        #expect(journal.entries.first?.event == .deliveryFailure)
        #expect(journal.entries.first?.fields["JALON_CALENDAR"] == dir.url("agenda/jalon.ics"))
        mkdir(dir.url("agenda"), 0o700)
        file.changed()
        file.waitUntilWritten()
        #expect(text(dir.url("agenda/jalon.ics")).contains("UID:p/d@jalon.invalid\r\nDTSTAMP:20270115T080000Z\r\n"))
        #expect(mode(dir.url("agenda/jalon.ics")) == 0o600)

        let relative = try TemporaryDirectory()
        try relative.write("jalon.toml", "locale = \"en\"\n[calendar]\nfile = \"jalon.ics\"\nfichier = 1\n")
        // (The folder has no people/: that is a warning of its own, at the folder.)
        let problems = try load(relative).diagnosticLines.filter { $0.hasPrefix("jalon.toml") }
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("jalon.toml:3:1: error: `file` must be the absolute path") })
        #expect(problems.contains { $0.hasPrefix("jalon.toml:4:1: warning: unknown key `fichier` in [calendar]") })
    }

    /// The first write goes out at once; a burst of changes after it makes one write, once they have settled;
    /// nothing is read while nothing changes.
    @Test func aBurstOfChangesMakesOneWrite() throws {
        let fixture = try DeskFixture()
        let reads = Mutex(0)
        let people = fixture.people
        let settings = fixture.settings
        mkdir(fixture.directory.url("state"), 0o700)
        let file = CalendarFile(
            stateDirectory: fixture.directory.url("state"), journal: MemoryJournal(), settle: .milliseconds(300)
        ) {
            reads.withLock { $0 += 1 }
            return (settings, people, nil)
        }
        // The first write, at start, goes out at once.
        file.changed()
        file.waitUntilWritten()
        #expect(reads.withLock { $0 } == 1)
        #expect(text(fixture.directory.url("state/calendar.ics")).contains("UID:marie-dupont/cv@jalon.invalid"))
        let started = ContinuousClock.now
        for _ in 0..<5 { file.changed() }
        file.waitUntilWritten()
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(reads.withLock { $0 } == 2)
        usleep(400_000)
        #expect(reads.withLock { $0 } == 2)
    }

    /// The daemon in this process writes the file at start and again after a change of the configuration.
    @Test func theDaemonWritesItAtStartAndAfterEveryReload() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/jalon.toml", "timezone = \"Europe/Paris\"\n")
        try dir.write(
            "config/people/p.toml", "[[session]]\nid = \"s\"\nat = 2030-01-10T14:00:00\ntitle = \"Premier titre\"\n")
        var options = Daemon.Options(
            configurationDirectory: dir.url("config"), stateDirectory: dir.url("state"), journal: MemoryJournal())
        options.handlesSignals = false
        let daemon = try Daemon(options: options)
        daemon.start()
        defer { daemon.shutdown() }
        let path = dir.url("state/calendar.ics")
        func wait(_ condition: () -> Bool) async -> Bool {
            for _ in 0..<500 {
                if condition() { return true }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return condition()
        }
        #expect(await wait { text(path).contains("SUMMARY:Premier titre — p\r\n") })
        #expect(text(path).contains("DTSTART;TZID=Europe/Paris:20300110T140000\r\nSUMMARY"))
        try dir.write(
            "config/people/p.toml", "[[session]]\nid = \"s\"\nat = 2030-01-11T14:00:00\ntitle = \"Second titre\"\n")
        #expect(await wait { text(path).contains("SUMMARY:Second titre — p\r\n") })
        #expect(text(path).contains("SEQUENCE:1\r\n"))
        #expect(mode(path) == 0o600)
    }
}
