import CSystemd
import Foundation
import Synchronization

/// The kinds of event jalon writes to the journal, each with a fixed MESSAGE_ID documented in
/// `systemd/jalon.catalog` (`journalctl -x` shows the explanation).
package enum JournalEvent: String, CaseIterable, Sendable {
    case reminder
    case followUp
    case late
    case missed
    /// Reminders due before jalon first knew their item, not sent: one entry per reload, with their count.
    case skipped
    case deliveryFailure
    case configurationProblem
    case reload
    case started
    /// `jalon run` refuses to start (an error in `jalon.toml`).
    case startRefused
    case stopped
    /// A message that had failed went out (an alert on failures can resolve).
    case mailRecovered
    /// Mail is off while reminders have recipients.
    case mailOff
    /// The sendmail cannot gain the privileges it needs in jalon's sandbox.
    case mailBlocked

    package var messageID: String {
        switch self {
        case .reminder: "dc6697ba687b4ab0a201a7be08b393f1"
        case .followUp: "d7930181aa02443f97dc2798a011984e"
        case .late: "1f2fc5fd00c94d37bab25eb5b0816549"
        case .missed: "b98798a956aa49d4bf80576c3306486a"
        case .skipped: "f04204325b394388b77b369e244ba038"
        case .deliveryFailure: "c87e4a3093ee488e8627256e65c54dec"
        case .configurationProblem: "20316b56028d4b8da993c50c6a65823c"
        case .reload: "4c16e5595f724dd898b6d3ba57d0ac86"
        case .started: "5a2f2d03076f4dca857f0c1dc05e7d40"
        case .startRefused: "f80a0b1c95154251ae4751bf1bee0623"
        case .stopped: "9d9dd237d8c14e4c9178ffb6708f3652"
        case .mailRecovered: "6b1e0f4c2d8a4f5e9a3c7d2b8e4f1a06"
        case .mailOff: "0e7a5c3b9f2d4c8a8b6e1f4d2a7c9b35"
        case .mailBlocked: "a4c2e8f61b3d4e7f9c5a2b8d6e1f3c47"
        }
    }

    /// syslog priority: 5 (notice) for a reminder, reminders skipped and a message that went out after failing,
    /// 4 (warning) for a follow-up, a late or a missed reminder, a configuration problem and mail that is off,
    /// 3 (error) for a failure, a refused start and a sendmail that cannot work, 6 (info) for the daemon's own life.
    package var priority: Int {
        switch self {
        case .reminder, .skipped, .mailRecovered: 5
        case .followUp, .late, .missed, .configurationProblem, .mailOff: 4
        case .deliveryFailure, .startRefused, .mailBlocked: 3
        case .reload, .started, .stopped: 6
        }
    }
}

/// One journal entry: a message and its fields (names in upper case, as journald wants them).
package struct JournalEntry: Hashable, Sendable {
    package var event: JournalEvent
    package var message: String
    package var fields: [String: String]

    package init(event: JournalEvent, message: String, fields: [String: String] = [:]) {
        self.event = event
        self.message = message
        self.fields = fields
    }

    /// All the fields journald receives, `MESSAGE` and `PRIORITY` included.
    package var allFields: [(String, String)] {
        var all = [
            ("MESSAGE", message), ("PRIORITY", String(event.priority)), ("MESSAGE_ID", event.messageID),
            ("SYSLOG_IDENTIFIER", "jalon"),
        ]
        for key in fields.keys.sorted() { all.append((key, fields[key]!)) }
        return all
    }
}

/// Where journal entries go.
package protocol JournalWriter: Sendable {
    func write(_ entry: JournalEntry)
}

/// The systemd journal, through `sd_journal_sendv`; standard error when there is no journald.
package final class SystemJournal: JournalWriter {
    /// Set once `sd_journal_sendv` has failed, so that the fallback is used from then on without retrying.
    private let unavailable = Atomic<Bool>(false)
    private let fallback: @Sendable (String) -> Void

    /// - Parameter socket: journald's socket; when it is missing, `sd_journal_sendv` quietly drops entries (it
    ///   returns 0), so entries go to `fallback` from the start.
    package init(
        socket: String = "/run/systemd/journal/socket",
        fallback: @escaping @Sendable (String) -> Void = SystemJournal.standardError
    ) {
        self.fallback = fallback
        var st = stat()
        if stat(socket, &st) != 0 || st.st_mode & S_IFMT != S_IFSOCK { unavailable.store(true, ordering: .relaxed) }
    }

    /// Whether entries reach journald (rather than standard error).
    package var reachesJournal: Bool { !unavailable.load(ordering: .relaxed) }

    package func write(_ entry: JournalEntry) {
        if !unavailable.load(ordering: .relaxed) {
            let result = SystemJournal.send(entry.allFields)
            if result >= 0 { return }
            unavailable.store(true, ordering: .relaxed)
        }
        fallback(SystemJournal.line(entry))
    }

    /// `sd_journal_send` is variadic and unavailable from Swift: build one iovec per `FIELD=value`, kept alive
    /// for the whole call. Values may hold newlines; journald takes them as they are.
    static func send(_ fields: [(String, String)]) -> Int32 {
        let buffers: [[UInt8]] = fields.map { Array("\($0.0)=\($0.1)".utf8) }
        var iovecs: [iovec] = []
        iovecs.reserveCapacity(buffers.count)
        return withExtendedLifetime(buffers) {
            for buffer in buffers {
                buffer.withUnsafeBufferPointer {
                    iovecs.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count))
                }
            }
            return iovecs.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }

    /// The same entry as one line for standard error: the message, then the jalon fields.
    package static func line(_ entry: JournalEntry) -> String {
        var line = "<\(entry.event.priority)>jalon: \(entry.message)"
        let extra = entry.fields.keys.sorted().map { "\($0)=\(entry.fields[$0]!)" }
        if !extra.isEmpty { line += " [" + extra.joined(separator: " ") + "]" }
        return line.replacingOccurrences(of: "\n", with: " ") + "\n"
    }

    package static let standardError: @Sendable (String) -> Void = { text in
        writeAll(STDERR_FILENO, Array(text.utf8))
    }
}

/// Journal entries kept in memory, for tests.
package final class MemoryJournal: JournalWriter {
    private let storage = Mutex<[JournalEntry]>([])

    package init() {}

    package func write(_ entry: JournalEntry) { storage.withLock { $0.append(entry) } }

    package var entries: [JournalEntry] { storage.withLock { $0 } }
}
