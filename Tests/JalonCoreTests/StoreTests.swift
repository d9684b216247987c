import Foundation
import GRDB
import Testing

@testable import JalonCore

@Suite struct StoreTests {
    @Test func createsAPrivateDirectoryAndFileInWALModeWithFullSync() throws {
        let dir = try TemporaryDirectory()
        let stateDirectory = dir.url("state/nested")
        let store = try Store(directory: stateDirectory)
        var st = stat()
        stat(stateDirectory, &st)
        #expect(st.st_mode & 0o777 == 0o700)
        stat(store.path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == "2")  // FULL
        try store.record([(ReminderKey(id: "p/a/+0d", due: Instant(seconds: 10)), .onTime)], at: Instant(seconds: 11))
        for suffix in ["-wal", "-shm"] {
            stat(store.path + suffix, &st)
            #expect(st.st_mode & 0o777 == 0o600, "\(suffix)")
        }
    }

    @Test func anExistingDirectoryOpenToOthersIsMadePrivate() throws {
        let dir = try TemporaryDirectory()
        mkdir(dir.url("state"), 0o755)
        chmod(dir.url("state"), 0o755)
        _ = try Store(directory: dir.url("state"))
        var st = stat()
        stat(dir.url("state"), &st)
        #expect(st.st_mode & 0o777 == 0o700)
    }

    @Test func recordsOutcomesOnceAndReadsThemBack() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(directory: dir.path)
        let a = ReminderKey(id: "p/a/+0d", due: Instant(seconds: 1000))
        let b = ReminderKey(id: "p/a/-1d", due: Instant(seconds: 500))
        try store.record([(a, .onTime), (b, .missed)], at: Instant(seconds: 1001))
        try store.record([(a, .late)], at: Instant(seconds: 2000))  // already recorded: the first outcome stays
        #expect(try store.outcome(of: a) == .onTime)
        #expect(try store.outcome(of: b) == .missed)
        #expect(try store.recordedKeys(since: Instant(seconds: 0)) == [a, b])
        #expect(try store.recordedKeys(since: Instant(seconds: 600)) == [a])
        #expect(try store.outcomeCounts() == [.onTime: 1, .missed: 1])
        // Another connection (another process, in real life) sees the same.
        let reader = try Store(directory: dir.path, readOnly: true)
        #expect(try reader.recordedKeys(since: Instant(seconds: 0)) == [a, b])
    }

    @Test func acknowledgementsAndMetaRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(directory: dir.path)
        try store.acknowledge(item: "p/a", base: Instant(seconds: 42), at: Instant(seconds: 43))
        try store.acknowledge(item: "p/a", base: Instant(seconds: 42), at: Instant(seconds: 44))
        #expect(try store.acknowledgements() == [Acknowledgement(item: "p/a", base: Instant(seconds: 42))])
        try store.setMeta("k", "v1")
        try store.setMeta("k", "v2")
        #expect(try store.meta("k") == "v2")
        let created = try store.createdAt()
        #expect(abs(created.seconds - Int64(Date().timeIntervalSince1970)) < 60)
        // Opening again keeps the creation time.
        #expect(try Store(directory: dir.path).createdAt() == created)
    }

    @Test func aDamagedDatabaseIsAnErrorAndIsLeftAlone() throws {
        let dir = try TemporaryDirectory()
        let garbage = Array("this is not a database, but a file someone wrote over it\n".utf8) + [UInt8](repeating: 7, count: 8192)
        let path = try dir.write("jalon.sqlite", bytes: garbage, mode: 0o600)
        #expect {
            try Store(directory: dir.path)
        } throws: { error in
            (error as? StoreError)?.code == .corrupt
        }
        #expect(FileManager.default.contents(atPath: path) == Data(garbage))
    }

    @Test func aTruncatedDatabaseIsAnError() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try Store(directory: dir.path)
            let keys = (0..<2000).map { (ReminderKey(id: "p/i\($0)/+0d", due: Instant(seconds: Int64($0))), Outcome.onTime) }
            try store.record(keys, at: Instant(seconds: 1))
        }
        let path = dir.url("jalon.sqlite")
        let data = try #require(FileManager.default.contents(atPath: path))
        // Keep the header, damage the pages after it.
        var damaged = Array(data)
        for i in stride(from: 4096, to: damaged.count, by: 7) { damaged[i] ^= 0x5A }
        _ = FileManager.default.createFile(atPath: path, contents: Data(damaged))
        #expect(throws: StoreError.self) {
            let store = try Store(directory: dir.path)
            _ = try store.recordedKeys(since: Instant(seconds: 0))
        }
    }

    @Test func aDatabaseFromANewerJalonIsRefused() throws {
        let dir = try TemporaryDirectory()
        _ = try Store(directory: dir.path)
        let queue = try DatabaseQueue(path: dir.url("jalon.sqlite"))
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('99: from the future')")
        }
        #expect {
            try Store(directory: dir.path)
        } throws: { error in
            (error as? StoreError)?.code == .newerSchema
        }
    }
}
