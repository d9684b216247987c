import ArgumentParser
import Foundation
import Histogram
import JalonCore

/// The measurements behind BENCHMARKS.md; `scripts/bench` runs them all and writes the file.
///
/// Kept out of `swift test`: each measurement takes seconds to minutes and wants a quiet machine.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jalon-bench",
        abstract: "Measure jalon: timer lateness, reload, start, memory, idle wake-ups, mail hand-over.",
        subcommands: [Lateness.self, DaemonFigures.self, MailBurst.self])
}

/// Prints `KEY=VALUE` lines, which scripts/bench collects.
func report(_ key: String, _ value: Any) {
    print("\(key)=\(value)")
    fflush(nil)  // all streams: scripts/bench reads the lines as they come
}

func milliseconds(_ nanoseconds: Int64) -> String { String(format: "%.2f", Double(nanoseconds) / 1e6) }

func realtimeNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}

/// Copies a configuration directory (files 0644, folders 0755) so that a benchmark can add files to it.
func copyConfiguration(_ source: String, to target: String) throws {
    try? FileManager.default.removeItem(atPath: target)
    try FileManager.default.copyItem(atPath: source, toPath: target)
}

func makeTemporaryDirectory(_ name: String) -> String {
    var template = Array("/tmp/jalon-bench-\(name)-XXXXXX".utf8CString)
    let path = String(cString: mkdtemp(&template)!)
    chmod(path, 0o700)
    return path
}

/// A journal that notes when each reminder entry was written, against the reminder's due second.
final class TimingJournal: JournalWriter, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var lateness: [String: Int64] = [:]
    private(set) var writes: [Int64] = []

    func write(_ entry: JournalEntry) {
        let now = realtimeNanoseconds()
        guard entry.event == .reminder || entry.event == .followUp, let id = entry.fields["JALON_REMINDER"],
            let due = entry.fields["JALON_DUE"], let instant = TimingJournal.parse(due)
        else { return }
        lock.lock()
        lateness[id] = now - instant.seconds * 1_000_000_000
        writes.append(now)
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return lateness.count
    }

    static func parse(_ rfc3339: String) -> Instant? { TimeParsing.instant(rfc3339, zone: .utc) }
}

/// A histogram of lateness values in microseconds, as `median p99 max` in milliseconds.
func summarize(_ values: [Int64]) -> (median: String, p99: String, max: String) {
    var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    for value in values { _ = histogram.record(UInt64(max(0, value / 1000))) }
    func ms(_ microseconds: UInt64) -> String { String(format: "%.2f", Double(microseconds) / 1000) }
    return (
        ms(histogram.valueAtPercentile(50)), ms(histogram.valueAtPercentile(99)), ms(histogram.maxRecorded)
    )
}

struct Lateness: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Timer lateness in a daemon loaded with a configuration: single reminders, then a burst.")

    @Option(help: "A configuration directory to load (e.g. 10,000 generated people).")
    var config: String

    @Option(help: "Single reminders, one per second.")
    var singles = 30

    @Option(help: "Reminders due in the same second.")
    var burst = 10_000

    func run() throws {
        let work = makeTemporaryDirectory("lateness")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let configDirectory = work + "/config"
        try copyConfiguration(config, to: configDirectory)
        // Reminders of our own, in UTC: `singles` at consecutive seconds, then `burst` at the same second.
        let start = Instant(Date()) + 8
        var text = ""
        for i in 0..<singles {
            text += "[[deadline]]\nid = \"single-\(i)\"\ndue = \(Zone.utc.local(start + Int64(i)).description)Z\n"
            text += "remind = [\"+0d\"]\nfollow_up = false\n"
        }
        try FileManager.default.createDirectory(
            atPath: configDirectory + "/people/bench", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: configDirectory + "/people/bench/single.toml", contents: Data(text.utf8))
        let burstAt = start + Int64(singles) + 3
        let perFile = 100
        for file in 0..<(burst + perFile - 1) / perFile {
            var body = ""
            for i in (file * perFile)..<min(burst, (file + 1) * perFile) {
                body += "[[deadline]]\nid = \"b\(i)\"\ndue = \(Zone.utc.local(burstAt).description)Z\n"
                body += "remind = [\"+0d\"]\nfollow_up = false\n"
            }
            _ = FileManager.default.createFile(
                atPath: configDirectory + "/people/bench/burst-\(file).toml", contents: Data(body.utf8))
        }
        let journal = TimingJournal()
        var options = Daemon.Options(
            configurationDirectory: configDirectory, stateDirectory: work + "/state", journal: journal)
        options.handlesSignals = false
        let loadStart = realtimeNanoseconds()
        let daemon = try Daemon(options: options)
        daemon.start()
        report("LOAD_MS", milliseconds(realtimeNanoseconds() - loadStart))
        let expected = singles + burst
        let deadline = Date().addingTimeInterval(Double(burstAt.seconds - Instant(Date()).seconds) + 30)
        while journal.count < expected && Date() < deadline { usleep(50_000) }
        daemon.shutdown()
        let singleValues = (0..<singles).compactMap { journal.lateness["single/single-\($0)/+0d"] }
        let burstValues = (0..<burst).compactMap { journal.lateness["burst-\($0 / perFile)/b\($0)/+0d"] }
        let single = summarize(singleValues)
        report("SINGLE_COUNT", singleValues.count)
        report("SINGLE_MEDIAN_MS", single.median)
        report("SINGLE_P99_MS", single.p99)
        report("SINGLE_MAX_MS", single.max)
        let spread = summarize(burstValues)
        report("BURST_COUNT", burstValues.count)
        report("BURST_MEDIAN_MS", spread.median)
        report("BURST_P99_MS", spread.p99)
        report("BURST_MAX_MS", spread.max)
    }
}
