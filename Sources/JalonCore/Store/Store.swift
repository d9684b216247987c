import Foundation
import GRDB

/// What makes a reminder delivered: its identifier and its due instant (SPEC §5).
package struct ReminderKey: Hashable, Sendable, CustomStringConvertible {
    package var id: String
    package var due: Instant

    package init(id: String, due: Instant) {
        self.id = id
        self.due = due
    }

    package var description: String { "\(id)@\(due.seconds)" }
}

/// How a reminder was dealt with.
package enum Outcome: String, Sendable, Codable {
    /// Delivered at its time.
    case onTime = "on-time"
    /// Delivered after its time, by the catch-up.
    case late
    /// Not delivered: its time passed while jalon could not send it, and a later reminder of the same item, or its
    /// age, made it pointless.
    case missed
    /// Not delivered: it was due before jalon first knew its item (SPEC §5), so it was never jalon's to send.
    case skipped
}

/// A problem with the state database, with what to do about it: what went wrong (`problem`) and, when the system
/// said why, its words (`cause`); `text(_:)` says both in a language.
package struct StoreError: Error, CustomStringConvertible, Sendable {
    package enum Code: Sendable {
        case directory
        case corrupt
        case newerSchema
        case unwritable
        case io
    }

    package var code: Code
    package var problem: StoreText
    package var cause: SystemText?

    package init(code: Code, problem: StoreText, cause: SystemText? = nil) {
        self.code = code
        self.problem = problem
        self.cause = cause
    }

    /// What went wrong in `language`, with the system's reason in brackets.
    package func text(_ language: Language) -> String {
        problem.text(language) + (cause.map { " (" + $0.text(language) + ")" } ?? "")
    }

    /// In English, for test logs; people read `text(_:)` in the settings' language.
    package var description: String { text(.en) }
}

/// The durable state: SQLite through GRDB, in WAL mode with `synchronous=FULL`, so that every recorded delivery
/// survives a crash or a power loss.
///
/// The daemon writes; `jalon done` and `jalon status` open the same file from other processes, which WAL allows
/// while the daemon runs. The directory is 0700 and the files 0600: the data is personal.
package final class Store: Sendable {
    package static let fileName = "jalon.sqlite"

    package let path: String
    private let database: DatabaseQueue

    /// Opens (or creates, unless `readOnly`) the state database in `directory`.
    ///
    /// - Parameter verify: check the whole file first (`PRAGMA quick_check`); a reader that only looks something up
    ///   may skip it (SQLite still reports a damaged page it reads).
    /// - Throws: `StoreError` — never resets a database it cannot read: a corrupt file is reported, not replaced.
    package init(directory: String, readOnly: Bool = false, verify: Bool = true) throws(StoreError) {
        path = directory + "/" + Store.fileName
        var existing = false
        if !readOnly {
            var st = stat()
            existing = stat(path, &st) == 0 && st.st_size > 0
            try Store.prepareDirectory(directory)
        }
        var configuration = GRDB.Configuration()
        configuration.readonly = readOnly
        // WAL mode is set below, once an existing file is known to be sound and not from a newer jalon: nothing is
        // written to a file that may be damaged. One connection for the checks and the work: a second, temporary
        // one would leave libdispatch's thread-pool monitor waking the daemon every second for the rest of its life
        // (GRDB's queue, when it goes, hands its specifics' destructors to a global queue).
        configuration.journalMode = .default
        configuration.busyMode = .timeout(10)
        configuration.label = "jalon.state"
        if !readOnly {
            // SQLite gives the -wal and -shm files the mode of the database file.
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw StoreError(
                    code: errno == ENOSPC ? .io : .unwritable, problem: .cannotCreateDatabase(path: path),
                    cause: SystemText(errno: errno))
            }
            fchmod(fd, 0o600)
            close(fd)
        }
        // Reading a WAL database needs its -shm file; in a directory that cannot be written (a read-only mount)
        // SQLite cannot make one, so the file is opened as immutable: nobody can be writing to it there.
        var openPath = path
        if readOnly && access(directory, W_OK) != 0 {
            openPath = "file:" + Store.uriEscaped(path) + "?immutable=1"
        }
        do {
            database = try DatabaseQueue(path: openPath, configuration: configuration)
            if verify || existing {
                try database.read { db in
                    let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? ""
                    guard check == "ok" else {
                        throw StoreError(code: .corrupt, problem: .damaged(path: path))
                    }
                }
            }
            try database.read { db in
                if try Store.migrator.hasBeenSuperseded(db) {
                    throw StoreError(code: .newerSchema, problem: .newerSchema(path: path))
                }
            }
            if !readOnly {
                try database.writeWithoutTransaction { db in
                    let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    guard mode == "wal" else {
                        throw StoreError(code: .unwritable, problem: .cannotSetUpForWriting(path: path))
                    }
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                }
                try Store.migrator.migrate(database)
                try database.write { db in
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', ?)",
                        arguments: [String(Int64(Date().timeIntervalSince1970))])
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// A path as the path of a `file:` URI (SQLite is built with URI filenames here, as on Debian).
    private static func uriEscaped(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default: result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// Creates the state directory with mode 0700, or makes an existing one private.
    static func prepareDirectory(_ directory: String) throws(StoreError) {
        var st = stat()
        if stat(directory, &st) != 0 {
            // Missing parents are created too (~/.local/state may not exist on a new account), all private.
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(
                    code: .directory, problem: .cannotCreateDirectory(directory: directory), cause: SystemText(error))
            }
            guard stat(directory, &st) == 0 else {
                throw StoreError(code: .directory, problem: .cannotCreateDirectory(directory: directory))
            }
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError(code: .directory, problem: .notADirectory(directory: directory))
        }
        if st.st_mode & 0o077 != 0 && chmod(directory, 0o700) != 0 {
            throw StoreError(
                code: .directory, problem: .directoryNotPrivate(directory: directory), cause: SystemText(errno: errno))
        }
    }

    private static func translate(_ error: any Error, path: String) -> StoreError {
        guard let error = error as? DatabaseError else {
            return StoreError(code: .io, problem: .cannotUse(path: path), cause: SystemText(error))
        }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(code: .corrupt, problem: .damagedOrForeign(path: path))
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return StoreError(code: .unwritable, problem: .cannotWrite(path: path), cause: Store.cause(error))
        case .SQLITE_FULL, .SQLITE_IOERR:
            return StoreError(code: .io, problem: .cannotWrite(path: path), cause: Store.cause(error))
        default:
            return StoreError(code: .io, problem: .failed(path: path), cause: Store.cause(error))
        }
    }

    /// SQLite's reason in words (its own message is English), when its primary result code says one: a read-only
    /// database or one that cannot be opened has no reason more precise than "cannot be written".
    private static func cause(_ error: DatabaseError) -> SystemText? {
        switch error.resultCode {
        case .SQLITE_PERM, .SQLITE_AUTH: .permissionDenied
        case .SQLITE_FULL: .diskFull
        case .SQLITE_IOERR: .inputOutput
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
        case .SQLITE_NOMEM: .outOfMemory
        case .SQLITE_TOOBIG: .fileTooLarge
        default: nil
        }
    }

    /// Runs `body` in a write transaction, translating SQLite's errors.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write { db in try body(db) }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Runs `body` outside a transaction (pragmas), translating SQLite's errors.
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.writeWithoutTransaction { db in try body(db) }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read { db in try body(db) }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1: deliveries, acknowledgements, meta") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE delivery (
                        reminder TEXT NOT NULL,
                        due INTEGER NOT NULL,
                        outcome TEXT NOT NULL CHECK (outcome IN ('on-time', 'late', 'missed')),
                        recorded_at INTEGER NOT NULL,
                        PRIMARY KEY (reminder, due)
                    ) WITHOUT ROWID;
                    CREATE INDEX delivery_by_due ON delivery (due);
                    CREATE TABLE acknowledgement (
                        item TEXT NOT NULL,
                        base INTEGER NOT NULL,
                        acknowledged_at INTEGER NOT NULL,
                        PRIMARY KEY (item, base)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("2: mail queue") { db in
            try db.execute(
                sql: """
                    CREATE TABLE mail (
                        reminder TEXT NOT NULL,
                        due INTEGER NOT NULL,
                        sender TEXT NOT NULL,
                        recipients TEXT NOT NULL,
                        message BLOB NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt INTEGER NOT NULL,
                        last_error TEXT,
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (reminder, due)
                    ) WITHOUT ROWID;
                    CREATE INDEX mail_by_state ON mail (state, next_attempt);
                    """)
        }
        migrator.registerMigration("3: first seen, runs, person files, skipped") { db in
            try Store.migrateFirstSeenRunsPersonFilesSkipped(db)
        }
        migrator.registerMigration("4: mail per recipient") { db in try Store.migrateToMailPerRecipient(db) }
        registerCalendarSequences(&migrator)
        registerInvitations(&migrator)
        return migrator
    }
}

// MARK: - Inspection

extension Store {
    /// The value of a pragma (`journal_mode`, `synchronous`, …), to check how the database is set up.
    package func pragma(_ name: String) throws(StoreError) -> String? {
        try writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}

// MARK: - Deliveries

extension Store {
    /// When the database was created: nothing due before it was jalon's to deliver (see `Catchup`).
    package func createdAt() throws(StoreError) -> Instant {
        try read { db in
            Instant(
                seconds: Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'created_at'") ?? "")
                    ?? 0)
        }
    }

    /// The reminders recorded as delivered or missed, due at or after `since`.
    package func recordedKeys(since: Instant) throws(StoreError) -> Set<ReminderKey> {
        try read { db in
            var keys = Set<ReminderKey>()
            let rows = try Row.fetchCursor(
                db, sql: "SELECT reminder, due FROM delivery WHERE due >= ?", arguments: [since.seconds])
            while let row = try rows.next() {
                keys.insert(ReminderKey(id: row[0], due: Instant(seconds: row[1])))
            }
            return keys
        }
    }

    /// Records outcomes and queues their mail, all in one transaction (one sync to disk for a whole burst): a
    /// reminder recorded as delivered always has its mail queued.
    package func record(
        _ outcomes: [(key: ReminderKey, outcome: Outcome)], mail: [MailJob] = [], at now: Instant
    ) throws(StoreError) {
        guard !outcomes.isEmpty || !mail.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO delivery (reminder, due, outcome, recorded_at) VALUES (?, ?, ?, ?)")
            for (key, outcome) in outcomes {
                try statement.execute(arguments: [key.id, key.due.seconds, outcome.rawValue, now.seconds])
            }
            try Store.queue(mail, in: db, at: now)
        }
    }

    /// The outcome recorded for a reminder, if any.
    package func outcome(of key: ReminderKey) throws(StoreError) -> Outcome? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT outcome FROM delivery WHERE reminder = ? AND due = ?",
                arguments: [key.id, key.due.seconds]
            ).flatMap(Outcome.init(rawValue:))
        }
    }

    /// How many reminders have each outcome.
    package func outcomeCounts() throws(StoreError) -> [Outcome: Int] {
        try read { db in
            var counts: [Outcome: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT outcome, count(*) FROM delivery GROUP BY outcome") {
                if let outcome = Outcome(rawValue: row[0]) { counts[outcome] = row[1] }
            }
            return counts
        }
    }
}

// MARK: - Acknowledgements

/// An item finished with `jalon done`, as it was then: its base instant.
package struct Acknowledgement: Hashable, Sendable {
    package var item: String
    package var base: Instant

    package init(item: String, base: Instant) {
        self.item = item
        self.base = base
    }
}

extension Store {
    package func acknowledge(item: String, base: Instant, at now: Instant) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO acknowledgement (item, base, acknowledged_at) VALUES (?, ?, ?)",
                arguments: [item, base.seconds, now.seconds])
        }
    }

    package func acknowledgements() throws(StoreError) -> Set<Acknowledgement> {
        try read { db in
            Set(
                try Row.fetchAll(db, sql: "SELECT item, base FROM acknowledgement").map {
                    Acknowledgement(item: $0[0], base: Instant(seconds: $0[1]))
                })
        }
    }
}

// MARK: - Daemon status

extension Store {
    /// Saves a value under `key` in the meta table (the daemon's status, for `jalon status`).
    package func setMeta(_ key: String, _ value: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    package func meta(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }
}
