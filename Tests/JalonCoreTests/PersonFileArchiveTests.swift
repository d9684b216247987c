import Foundation
import Testing

@testable import JalonCore

/// The last good version of person files, saved in a real state database and planned from at a restart.
@Suite struct PersonFileArchiveTests {
    let good = "name = \"Anne\"\n[[deadline]]\nid = \"d\"\ndue = 2027-03-01\n"

    @Test func aBrokenFileIsPlannedFromItsSavedVersion() throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/people/anne.toml", good)
        try dir.write("config/people/bob.toml", "name = \"Bob\"\n")
        let loader = ConfigurationLoader(directory: dir.url("config"))
        let store = try Store(directory: dir.url("state"))
        let settings = loader.loadSettings().0
        let archive = PersonFileArchive(loader: loader, chunk: 1)
        let paths = ["people/anne.toml", "people/bob.toml"]
        let identities = Dictionary(uniqueKeysWithValues: paths.map { ($0, FileIdentity(path: loader.absolute($0))!) })
        archive.reconcile(present: identities, good: Set(paths), store: store)
        // One file a write (chunk 1): two writes save both.
        try archive.write(to: store, now: Instant(seconds: 1_000))
        #expect(archive.hasPending)
        try archive.write(to: store, now: Instant(seconds: 1_000))
        #expect(!archive.hasPending)
        #expect(try store.archivedPersonFile("people/anne.toml")?.text == good)

        // Anne's file breaks; at the next start, she is planned from the saved version.
        try dir.write("config/people/anne.toml", "name = \"Anne\"\n[[deadline]\n")
        let files = loader.loadPersonFiles(paths, settings: settings)
        #expect(files[0].person == nil)
        let (restored, list) = archive.restore(files, settings: settings, store: store)
        #expect(restored[0].person?.items.map(\.id) == ["d"])
        #expect(restored[0].diagnostics == files[0].diagnostics)
        #expect(list.map(\.path) == ["people/anne.toml"])
        #expect(list.first?.savedAt == Instant(seconds: 1_000))
        #expect(list.first?.problem?.position.line == 2)
        #expect(restored[1].person?.name == "Bob")
    }

    @Test func unchangedFilesAreNotSavedAgainAndRemovedOnesAreForgotten() throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/people/anne.toml", good)
        let loader = ConfigurationLoader(directory: dir.url("config"))
        let store = try Store(directory: dir.url("state"))
        let identity = FileIdentity(path: loader.absolute("people/anne.toml"))!
        let first = PersonFileArchive(loader: loader)
        first.reconcile(present: ["people/anne.toml": identity], good: ["people/anne.toml"], store: store)
        try first.write(to: store, now: Instant(seconds: 1))
        let second = PersonFileArchive(loader: loader)
        second.reconcile(present: ["people/anne.toml": identity], good: ["people/anne.toml"], store: store)
        #expect(!second.hasPending)
        // Not listed but still on disk (in a folder jalon refuses, say): kept.
        let third = PersonFileArchive(loader: loader)
        third.reconcile(present: [:], good: [], store: store)
        try third.write(to: store, now: Instant(seconds: 2))
        #expect(try store.archivedPersonFile("people/anne.toml") != nil)
        // Gone while jalon was stopped: forgotten at the next start.
        unlink(loader.absolute("people/anne.toml"))
        let fourth = PersonFileArchive(loader: loader)
        fourth.reconcile(present: [:], good: [], store: store)
        try fourth.write(to: store, now: Instant(seconds: 3))
        #expect(try store.archivedPersonFile("people/anne.toml") == nil)
    }

    @Test func aFileThatChangedSinceItWasReadIsNotSaved() throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/people/anne.toml", good)
        let loader = ConfigurationLoader(directory: dir.url("config"))
        let store = try Store(directory: dir.url("state"))
        let archive = PersonFileArchive(loader: loader)
        archive.read("people/anne.toml", identity: FileIdentity(path: loader.absolute("people/anne.toml"))!)
        try dir.write("config/people/anne.toml", good + "# edited, maybe broken\n[[")
        try archive.write(to: store, now: Instant(seconds: 1))
        #expect(try store.archivedPersonFile("people/anne.toml") == nil)
    }
}
