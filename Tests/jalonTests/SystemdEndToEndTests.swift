import Foundation
import JalonCore
import Testing

/// jalon as it really runs: the built binary installed in a throw-away home, `systemd/jalon.service` in a real
/// `systemd --user` manager, entries written to a real journald, read back with `journalctl -o json`.
///
/// `systemd-e2e.sh` (next to this file) drives the scenario inside `unshare -m -C` (private mounts and cgroups, see
/// its header) and prints what it saw; the tests below make the assertions, one step of the scenario each. The
/// scenario runs once (about 15 s) and is shared by the tests.
///
/// Needs root, `unshare`, systemd's binaries (not as PID 1) and libsystemd: elsewhere the tests are skipped and the
/// reason is printed with the skip.
@Suite(.serialized, .enabled(if: SystemdScenario.unavailable == nil, SystemdScenario.skipComment))
struct SystemdEndToEndTests {
    private var run: SystemdScenario { SystemdScenario.shared }

    @Test("1. systemd-analyze verify --user accepts the unit")
    func unitVerifies() {
        #expect(run.value("VERIFY_EXIT") == "0", "systemd-analyze verify failed: \(run.values("VERIFY_OUTPUT"))")
        #expect(
            run.values("VERIFY_OUTPUT").isEmpty, "systemd-analyze verify complained: \(run.values("VERIFY_OUTPUT"))")
    }

    @Test("2. systemctl --user start returns once READY=1 arrived; the started entry comes from the unit")
    func startWaitsForReadiness() throws {
        #expect(run.value("ENABLE_EXIT") == "0")
        #expect(run.value("START_EXIT") == "0")
        #expect(run.value("START.ActiveState") == "active")
        #expect(run.value("START.SubState") == "running")
        let mainPID = try #require(run.value("START.MainPID"))
        #expect(mainPID != "0")

        let started = run.jalon(.started)
        try #require(started.count == 1, "started entries: \(started.map(\.summary))")
        let entry = started[0]
        #expect(entry["PRIORITY"] == "6")
        #expect(entry["_SYSTEMD_USER_UNIT"] == "jalon.service")
        #expect(entry["_PID"] == mainPID)
        let returned = try run.number("START_RETURNED_US")
        #expect(entry.realtime <= returned, "the started entry is later than `systemctl start` returning")

        // READY=1 comes after the initial load: the manager says "Started" only after the catch-up entries.
        let managerStarted = run.manager(messageID: SystemdScenario.managerStartedID)
        try #require(managerStarted.count == 1, "manager's Started messages: \(managerStarted.map(\.summary))")
        let initial = run.jalon(.late) + run.jalon(.missed) + started
        #expect(
            initial.allSatisfy { $0.realtime <= managerStarted[0].realtime },
            "the manager said Started (READY=1) before the initial load was done: \(initial.map(\.summary))")
    }

    @Test("3. catch-up at start: the latest missed reminder is sent late and says why, the older one is missed")
    func catchUpAtStart() throws {
        let oldDue = try run.number("OLD_DUE_S")
        let late = run.jalon(.late)
        try #require(late.count == 1, "late entries: \(late.map(\.summary))")
        #expect(late[0]["JALON_REMINDER"] == "anne/old/+0d")
        #expect(late[0]["JALON_LATE"] == "1")
        #expect(late[0]["PRIORITY"] == "4")
        #expect(late[0]["JALON_PERSON"] == "anne")
        #expect(late[0]["JALON_ITEM"] == "old")
        #expect(late[0]["JALON_KIND"] == "deadline")
        #expect(late[0]["JALON_STEP"] == "+0d")
        #expect(late[0].due == oldDue)
        // Why: jalon was stopped (a clean stop six days ago, recorded by an earlier run), in the settings' zone.
        let stoppedBefore = try run.number("STOPPED_BEFORE_S")
        let stopped =
            "(jalon was stopped from " + DateText.dayAndTime(Zone.utc.local(Instant(seconds: stoppedBefore)), .en)
        #expect((late[0]["MESSAGE"] ?? "").contains(stopped), "\(late[0].summary)")

        let missed = run.jalon(.missed)
        try #require(missed.count == 1, "missed entries: \(missed.map(\.summary))")
        #expect(missed[0]["JALON_REMINDER"] == "anne/old/-2d")
        #expect(missed[0]["PRIORITY"] == "4")
        #expect(missed[0]["JALON_STEP"] == "-2d")
        #expect(missed[0]["JALON_LATE"] == nil)
        #expect(missed[0].due == oldDue - 2 * 86_400)

        // Nothing else about that item: no on-time copy of either reminder.
        let item = run.jalonEntries.filter { $0["JALON_PERSON"] == "anne" && $0["JALON_ITEM"] == "old" }
        #expect(item.count == 2, "entries of anne/old: \(item.map(\.summary))")
    }

    @Test("4. a reminder due after the start is journaled on time with every field")
    func onTimeDelivery() throws {
        let due = try run.number("ONTIME_DUE_S")
        #expect(run.value("WAIT_ontime") == "ok")
        let entry = try run.deliveredOnce("anne/ontime/-1min")
        #expect(entry["MESSAGE_ID"] == SystemdScenario.Event.reminder.messageID)
        #expect(entry["PRIORITY"] == "5")
        #expect(entry["SYSLOG_IDENTIFIER"] == "jalon")
        #expect(entry["_SYSTEMD_USER_UNIT"] == "jalon.service")
        #expect(entry["JALON_PERSON"] == "anne")
        #expect(entry["JALON_ITEM"] == "ontime")
        #expect(entry["JALON_KIND"] == "session")
        #expect(entry["JALON_STEP"] == "-1min")
        #expect(entry["JALON_LATE"] == nil)
        #expect(entry.due == due, "JALON_DUE \(entry["JALON_DUE"] ?? "missing") is not \(due)")
        #expect(entry["MESSAGE"]?.isEmpty == false)
        expectOnTime(entry, due: due, "anne/ontime/-1min")
    }

    @Test("5. a file added while running is read and its reminder delivered")
    func fileAddedWhileRunning() throws {
        let written = try run.number("NEW_WRITTEN_US")
        let due = try run.number("NEW_DUE_S")
        #expect(run.value("WAIT_new_reload") == "ok")
        let entry = try run.deliveredOnce("new/fresh/-1min")
        let reloads = run.jalon(.reload).filter { $0.realtime > written && $0.realtime < entry.realtime }
        #expect(reloads.count == 1, "reload entries between the write and the delivery: \(reloads.map(\.summary))")
        #expect(entry["PRIORITY"] == "5")
        #expect(entry["JALON_PERSON"] == "new")
        #expect(entry.due == due)
        expectOnTime(entry, due: due, "new/fresh/-1min")
    }

    @Test("6. a file broken while running is reported with its place and keeps its reminders")
    func brokenFileKeepsItsReminders() throws {
        let broken = try run.number("BREAK_US")
        let due = try run.number("KEPT_DUE_S")
        try #require(
            broken < due * 1_000_000,
            "the scenario broke bruno.toml only after his reminder was due: the machine was too slow to test this")
        let problems = run.jalon(.configurationProblem)
        try #require(problems.count == 1, "configuration problems: \(problems.map(\.summary))")
        let problem = problems[0]
        #expect(problem.realtime > broken)
        #expect(problem["PRIORITY"] == "4")
        #expect(problem["JALON_FILE"] == "people/bruno.toml")
        #expect(problem["JALON_LINE"] == "2")
        #expect(problem["JALON_COLUMN"] != nil)

        let entry = try run.deliveredOnce("bruno/kept/-1min")
        #expect(entry.realtime > problem.realtime)
        #expect(entry["PRIORITY"] == "5")
        #expect(entry.due == due)
        let margin = String(format: "%.2f", Double(due * 1_000_000 - broken) / 1e6)
        expectOnTime(entry, due: due, "bruno/kept/-1min (its file broken \(margin) s before)")
    }

    @Test("7. systemctl --user reload makes jalon reload and the unit stays active")
    func systemctlReload() throws {
        let sent = try run.number("RELOAD_SENT_US")
        #expect(run.value("RELOAD_EXIT") == "0")
        #expect(run.value("WAIT_reload") == "ok")
        let reloads = run.jalon(.reload).filter { $0.realtime > sent }
        #expect(reloads.count == 1, "reload entries after SIGHUP: \(reloads.map(\.summary))")
        #expect(reloads.first?["PRIORITY"] == "6")
        #expect(run.value("RELOADED.ActiveState") == "active")
        #expect(run.value("RELOADED.SubState") == "running")
        #expect(run.value("RELOADED.MainPID") == run.value("START.MainPID"))
        // Not asserted (ExecReload=kill -HUP is asynchronous): does the manager say "Reloaded" before jalon has?
        if let reloaded = run.manager(messageID: SystemdScenario.managerReloadedID).first, let reload = reloads.first {
            let gap = Double(reloaded.realtime - reload.realtime) / 1000
            print(
                "systemd-e2e: the manager logged \"Reloaded\" \(String(format: "%.3f", abs(gap))) ms "
                    + (gap >= 0 ? "after jalon's reload entry" : "before jalon's reload entry (reload not awaited)"))
        }
    }

    @Test("8. jalon status says the daemon runs")
    func statusWhileRunning() throws {
        #expect(run.value("STATUS_EXIT") == "0", "jalon status: \(run.values("STATUS_OUTPUT"))")
        let mainPID = try #require(run.value("START.MainPID"))
        let first = run.values("STATUS_OUTPUT").first ?? ""
        #expect(first.hasPrefix("jalon is running (pid \(mainPID),"), "jalon status printed: \(first)")
    }

    @Test("9. systemctl --user stop: stopped entry, exit status 0, Result=success")
    func cleanStop() throws {
        let sent = try run.number("STOP_SENT_US")
        #expect(run.value("STOP_EXIT") == "0")
        let stopped = run.jalon(.stopped)
        try #require(stopped.count == 1, "stopped entries: \(stopped.map(\.summary))")
        #expect(stopped[0].realtime > sent)
        #expect(stopped[0]["PRIORITY"] == "6")
        #expect(stopped[0]["_SYSTEMD_USER_UNIT"] == "jalon.service")
        #expect(run.jalonEntries.allSatisfy { $0.realtime <= stopped[0].realtime }, "jalon wrote after stopping")
        #expect(run.value("STOPPED.ActiveState") == "inactive")
        #expect(run.value("STOPPED.Result") == "success")
        #expect(run.value("STOPPED.ExecMainCode") == "1", "1 is CLD_EXITED: jalon exited by itself, not killed")
        #expect(run.value("STOPPED.ExecMainStatus") == "0")
        #expect(run.value("STOPPED.NRestarts") == "0")
        // One process from start to stop, every entry from the unit.
        let mainPID = run.value("START.MainPID")
        let strays = run.jalonEntries.filter { $0["_PID"] != mainPID || $0["_SYSTEMD_USER_UNIT"] != "jalon.service" }
        #expect(strays.isEmpty, "entries from another process or outside the unit: \(strays.map(\.summary))")
    }

    @Test("10. the state directory is private: 0700, jalon.sqlite, its lock and every other file 0600")
    func stateIsPrivate() {
        #expect(run.value("STATE_DIR_MODE") == "700")
        #expect(run.value("DB_MODE") == "600")
        let files = run.values("STATE_FILE")
        #expect(files.contains("jalon.lock 600"), "\(files)")
        #expect(files.allSatisfy { $0.hasSuffix(" 600") }, "\(files)")
    }

    @Test("the scenario ran to its end, nothing failed and nothing was left behind")
    func scenarioCompleted() {
        #expect(!run.timedOut, "the scenario did not end within \(SystemdScenario.timeout) s")
        #expect(run.exitStatus == 0)
        #expect(run.value("FATAL") == nil, "the scenario could not run: \(run.value("FATAL") ?? "")")
        #expect(
            run.value("ABORTED") == nil,
            "\(run.value("ABORTED") ?? ""):\n\(run.values("UNIT_STATUS").joined(separator: "\n"))")
        #expect(run.value("DONE") == "1")
        #expect(run.value("INNER_EXIT") == "0")
        for (key, values) in run.values where key.hasPrefix("WAIT_") {
            #expect(values == ["ok"], "wait \(key.dropFirst(5)): \(values)")
        }
        for key in ["LEFTOVER_PROCESSES", "LEFTOVER_CGROUP", "LEFTOVER_DIRECTORY"] {
            #expect(run.value(key) == nil, "\(key): \(run.values(key))")
        }
        if let directory = run.value("TMPDIR_USED") {
            #expect(!FileManager.default.fileExists(atPath: directory))
        }
        // Nothing at error level or worse (a delivery failure, a state database that cannot be written).
        let errors = run.jalonEntries.filter { Int($0["PRIORITY"] ?? "") ?? 7 <= 3 }
        #expect(errors.isEmpty, "error entries: \(errors.map(\.summary))")
        print("systemd-e2e: scenario took \(String(format: "%.1f", run.duration)) s")
        if !run.stderr.isEmpty && (run.timedOut || run.exitStatus != 0 || run.value("DONE") == nil) {
            print("systemd-e2e: script's standard error:\n\(run.stderr)")
        }
    }

    /// Journald's reception time is at most 1 s after the due second (and never before it).
    private func expectOnTime(_ entry: SystemdScenario.Entry, due: Int64, _ what: String) {
        let lateness = Double(entry.realtime - due * 1_000_000) / 1000
        print("systemd-e2e: \(what) journaled \(String(format: "%.3f", lateness)) ms after its due time")
        #expect(lateness >= 0 && lateness < 1000, "\(what) journaled \(lateness) ms after its due time")
    }
}

/// One run of `systemd-e2e.sh` and what it printed.
struct SystemdScenario: Sendable {
    /// A hard limit for the whole script; it normally takes about 15 s.
    static let timeout: TimeInterval = 90

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "systemd-e2e.sh"
    ).path

    /// The manager's catalog messages about a unit (systemd's own MESSAGE_IDs).
    static let managerStartedID = "39f53479d3a045ac8e11786248231fbf"
    static let managerReloadedID = "7b05ebc668384222baa8881179cfda54"

    /// jalon's events and their MESSAGE_IDs (JournalEvent in Notify/Journal.swift, systemd/jalon.catalog).
    enum Event: String {
        case reminder = "dc6697ba687b4ab0a201a7be08b393f1"
        case late = "1f2fc5fd00c94d37bab25eb5b0816549"
        case missed = "b98798a956aa49d4bf80576c3306486a"
        case configurationProblem = "20316b56028d4b8da993c50c6a65823c"
        case reload = "4c16e5595f724dd898b6d3ba57d0ac86"
        case started = "5a2f2d03076f4dca857f0c1dc05e7d40"
        case stopped = "9d9dd237d8c14e4c9178ffb6708f3652"

        var messageID: String { rawValue }
    }

    /// One journal entry, its fields as journalctl's JSON gives them.
    struct Entry: Sendable {
        var fields: [String: String]

        subscript(_ name: String) -> String? { fields[name] }

        /// When journald received it, in microseconds since the epoch.
        var realtime: Int64 { Int64(fields["__REALTIME_TIMESTAMP"] ?? "") ?? 0 }

        /// JALON_DUE as seconds since the epoch.
        var due: Int64? {
            guard let text = fields["JALON_DUE"], let date = ISO8601DateFormatter().date(from: text) else { return nil }
            return Int64(date.timeIntervalSince1970)
        }

        var summary: String {
            let keys = ["__REALTIME_TIMESTAMP", "PRIORITY", "MESSAGE_ID", "_PID", "JALON_REMINDER", "MESSAGE"]
            return keys.compactMap { key in fields[key].map { "\(key)=\($0)" } }.joined(separator: " ")
        }
    }

    var entries: [Entry] = []
    /// KEY=VALUE lines, in order, by key.
    var values: [String: [String]] = [:]
    var stderr = ""
    var exitStatus: Int32 = -1
    var timedOut = false
    var duration: TimeInterval = 0

    func values(_ key: String) -> [String] { values[key] ?? [] }
    func value(_ key: String) -> String? { values[key]?.last }
    /// An integer the script printed; throws, saying why it is missing, when it did not.
    func number(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int64 {
        let why =
            value("ABORTED") ?? value("FATAL") ?? (timedOut ? "the scenario timed out" : "see the script's output")
        return try #require(value(key).flatMap { Int64($0) }, "\(key) missing: \(why)", sourceLocation: sourceLocation)
    }

    /// jalon's own entries, in journal order.
    var jalonEntries: [Entry] { entries.filter { $0["SYSLOG_IDENTIFIER"] == "jalon" } }

    func jalon(_ event: Event) -> [Entry] { jalonEntries.filter { $0["MESSAGE_ID"] == event.messageID } }

    /// What the user manager said about jalon.service.
    func manager(messageID: String) -> [Entry] {
        entries.filter { $0["USER_UNIT"] == "jalon.service" && $0["MESSAGE_ID"] == messageID }
    }

    /// The one entry of reminder `id` handed over on time (not late, not missed); throws when there is not exactly one.
    func deliveredOnce(_ id: String) throws -> Entry {
        let all = jalonEntries.filter { $0["JALON_REMINDER"] == id }
        try #require(all.count == 1, "entries of \(id): \(all.map(\.summary))")
        try #require(all[0]["MESSAGE_ID"] == Event.reminder.messageID, "\(id): \(all[0].summary)")
        return all[0]
    }

    /// Why the scenario cannot run on this machine, or nil when it can.
    static let unavailable: String? = {
        var missing: [String] = []
        if geteuid() != 0 { missing.append("not root (unshare -m and a private journald need it)") }
        let tools = ["unshare", "systemctl", "journalctl", "systemd-analyze", "timeout"]
        let folders = ["/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/"]
        for tool in tools where !folders.contains(where: { FileManager.default.isExecutableFile(atPath: $0 + tool) }) {
            missing.append("no `\(tool)`")
        }
        for path in ["/lib/systemd/systemd", "/lib/systemd/systemd-journald"]
        where !FileManager.default.isExecutableFile(atPath: path) {
            missing.append("no \(path) (systemd is not installed)")
        }
        if dlopen("libsystemd.so.0", RTLD_LAZY) == nil { missing.append("no libsystemd.so.0") }
        if !FileManager.default.isExecutableFile(atPath: jalonBinary) {
            missing.append("no jalon binary at \(jalonBinary)")
        }
        if !FileManager.default.fileExists(atPath: script) { missing.append("no \(script)") }
        if missing.isEmpty, !canUnshare() { missing.append("`unshare -m` is not permitted here") }
        guard !missing.isEmpty else { return nil }
        let reason = "systemd end-to-end tests skipped: " + missing.joined(separator: "; ")
        FileHandle.standardError.write(Data((reason + "\n").utf8))
        return reason
    }()

    static var skipComment: Comment { Comment(rawValue: unavailable ?? "runs the real systemd user manager") }

    private static func canUnshare() -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unshare", "-m", "-C", "true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// The scenario, run once for all the tests of the suite.
    static let shared: SystemdScenario = SystemdScenario.run()

    private static func run() -> SystemdScenario {
        run(script: script, arguments: [jalonBinary, repositoryRoot + "/systemd/jalon.service"], timeout: timeout)
    }

    /// Runs a scenario script (bash) to its end, at most `timeout` seconds, and collects what it printed.
    static func run(script: String, arguments: [String], timeout: TimeInterval) -> SystemdScenario {
        var scenario = SystemdScenario()
        let started = Date()
        let child: SpawnedProcess
        do {
            child = try SpawnedProcess("/bin/bash", [script] + arguments)
        } catch {
            scenario.stderr = "cannot run \(script): \(error)"
            return scenario
        }
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outData = child.output.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = child.errors.readDataToEndOfFile() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            scenario.timedOut = true
            // SIGTERM lets the script end what it started and remove its files; SIGKILL if it does not within 30 s.
            kill(child.pid, SIGTERM)
            if group.wait(timeout: .now() + 30) == .timedOut {
                kill(child.pid, SIGKILL)
                _ = group.wait(timeout: .now() + 5)
            }
        }
        scenario.exitStatus = child.wait()
        scenario.duration = Date().timeIntervalSince(started)
        scenario.stderr = String(decoding: errData, as: UTF8.self)
        for line in String(decoding: outData, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("{") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    continue
                }
                var fields: [String: String] = [:]
                for (key, value) in object {
                    if let text = value as? String {
                        fields[key] = text
                    } else if let bytes = value as? [Int] {  // journalctl writes non-UTF-8 values as byte arrays
                        fields[key] = String(decoding: bytes.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
                    }
                }
                scenario.entries.append(Entry(fields: fields))
            } else if let equal = line.firstIndex(of: "=") {
                scenario.values[String(line[..<equal]), default: []].append(String(line[line.index(after: equal)...]))
            }
        }
        return scenario
    }
}

extension SystemdScenario: CustomTestStringConvertible {
    var testDescription: String { "the scenario (\(entries.count) journal entries, \(values.count) results)" }
}

extension SystemdScenario.Entry: CustomStringConvertible, CustomTestStringConvertible {
    var description: String { summary }
    var testDescription: String { summary }
}

/// A child process started with `posix_spawn` (JalonCore's `ChildProcess`), every signal unblocked and at its
/// default action, its output and errors read through pipes.
///
/// Not Foundation's `Process`: the test runner's threads block most signals (SIGTERM, SIGINT, SIGHUP… — seen in
/// /proc/PID/status, SigBlk), `Process` passes that mask on, and then `timeout` cannot end what it runs.
private struct SpawnedProcess {
    let child: ChildProcess
    let output: FileHandle
    let errors: FileHandle

    init(_ path: String, _ arguments: [String]) throws {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
        // Glibc's module leaves pipe2 out: close-on-exec at once, so no other child keeps a pipe open.
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer {
            close(null)
            close(outPipe[1])
            close(errPipe[1])
        }
        do {
            child = try ChildProcess(path, arguments, input: null, output: outPipe[1], error: errPipe[1])
        } catch {
            close(outPipe[0])
            close(errPipe[0])
            throw error
        }
        output = FileHandle(fileDescriptor: outPipe[0], closeOnDealloc: true)
        errors = FileHandle(fileDescriptor: errPipe[0], closeOnDealloc: true)
    }

    var pid: pid_t { child.pid }

    /// Waits for the process to end; its exit status, or 128 + the signal that ended it.
    func wait() -> Int32 {
        switch child.wait().termination {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }
}
