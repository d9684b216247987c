import ArgumentParser
import Foundation
import JalonCore

/// Starts a program with posix_spawn: an empty signal mask (whatever the caller blocks), standard output and error
/// to `output` (or /dev/null).
func spawn(_ arguments: [String], environment: [String: String], output: String = "/dev/null") -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for p in argv { free(p) }
        for p in envp { free(p) }
    }
    var pid = pid_t()
    guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return nil }
    return pid
}

/// Stops a daemon with SIGTERM, as systemd would; SIGKILL if it has not exited after 30 s.
func stop(_ pid: pid_t) {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    for _ in 0..<300 {
        if waitpid(pid, &status, WNOHANG) == pid { return }
        usleep(100_000)
    }
    report("ERROR", "the daemon did not stop on SIGTERM within 30 s")
    kill(pid, SIGKILL)
    waitpid(pid, &status, 0)
}

/// A `$NOTIFY_SOCKET` of our own: what the daemon tells systemd, with when it said it.
final class NotifyListener {
    let path: String
    private let fd: Int32

    init(path: String) {
        self.path = path
        unlink(path)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in path.utf8.enumerated() { raw[i] = b }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Waits for a message containing `needle`; returns when it came (realtime ns), or nil after `timeout` s.
    func wait(for needle: String, timeout: Double) -> Int64? {
        let end = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < end {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(1, end.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, left) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            let now = realtimeNanoseconds()
            if n > 0, String(decoding: buffer[..<n], as: UTF8.self).contains(needle) { return now }
        }
        return nil
    }
}

/// Fields of /proc/PID/status, in kB for memory; context switches by thread.
func processStatus(_ pid: pid_t) -> (rss: Int, peak: Int, switches: [String: Int]) {
    func fields(_ path: String) -> [String: Int] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            result[String(parts[0])] = Int(parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return result
    }
    let main = fields("/proc/\(pid)/status")
    var switches: [String: Int] = [:]
    for task in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? [] {
        let status = fields("/proc/\(pid)/task/\(task)/status")
        switches[task] = (status["voluntary_ctxt_switches"] ?? 0) + (status["nonvoluntary_ctxt_switches"] ?? 0)
    }
    return (main["VmRSS"] ?? 0, main["VmHWM"] ?? 0, switches)
}

struct DaemonFigures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Start the real daemon on a configuration: start to READY, reload of one file, memory, idle wake-ups."
    )

    @Option(help: "The jalon binary.")
    var jalon: String

    @Option(help: "A configuration directory (copied first).")
    var config: String

    @Option(help: "Seconds to count wake-ups while idle (0: skip).")
    var idle = 0

    @Option(help: "WatchdogSec to pretend, in seconds (0: none).")
    var watchdog = 0

    @Option(help: "Reloads of one changed file to time.")
    var reloads = 5

    @Flag(help: "Count the idle wake-ups of a second daemon started on the state the first one left.")
    var restart = false

    func run() throws {
        let work = makeTemporaryDirectory("daemon")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let configDirectory = work + "/config"
        try copyConfiguration(config, to: configDirectory)
        let listener = NotifyListener(path: work + "/notify")
        var environment = [
            "NOTIFY_SOCKET": listener.path, "PATH": "/usr/bin:/bin", "HOME": work, "TZ": "Europe/Paris",
        ]
        if watchdog > 0 { environment["WATCHDOG_USEC"] = String(watchdog * 1_000_000) }
        let started = realtimeNanoseconds()
        let arguments = [jalon, "run", "--config", configDirectory, "--state", work + "/state"]
        guard var pid = spawn(arguments, environment: environment) else { throw ExitCode(1) }
        defer { stop(pid) }
        guard let ready = listener.wait(for: "READY=1", timeout: 600) else {
            report("ERROR", "no READY=1 within 600 s")
            throw ExitCode(1)
        }
        report("START_TO_READY_MS", milliseconds(ready - started))
        // Reload: rewrite one person file (appending a comment), from the write to READY=1 after RELOADING=1.
        let people = FileManager.default.enumerator(atPath: configDirectory + "/people")
        var target: String?
        while let relative = people?.nextObject() as? String {
            if relative.hasSuffix(".toml") {
                target = configDirectory + "/people/" + relative
                break
            }
        }
        var reloadTimes: [Int64] = []
        if let target {
            for round in 0..<reloads {
                usleep(300_000)
                let text = (try? String(contentsOfFile: target, encoding: .utf8)) ?? ""
                let written = realtimeNanoseconds()
                try (text + "# reload \(round)\n").write(toFile: target, atomically: false, encoding: .utf8)
                guard listener.wait(for: "RELOADING=1", timeout: 30) != nil,
                    let done = listener.wait(for: "READY=1", timeout: 30)
                else { continue }
                reloadTimes.append(done - written)
            }
        }
        let reload = reloadTimes.sorted()
        if !reload.isEmpty {
            report("RELOAD_COUNT", reload.count)
            report("RELOAD_MEDIAN_MS", milliseconds(reload[reload.count / 2]))
            report("RELOAD_MAX_MS", milliseconds(reload.last!))
        }
        usleep(500_000)
        let memory = processStatus(pid)
        report("RSS_KB", memory.rss)
        report("PEAK_RSS_KB", memory.peak)
        if restart {
            stop(pid)
            guard let again = spawn(arguments, environment: environment) else { throw ExitCode(1) }
            pid = again
            guard listener.wait(for: "READY=1", timeout: 600) != nil else {
                report("ERROR", "no READY=1 within 600 s after the restart")
                throw ExitCode(1)
            }
            usleep(500_000)
        }
        if idle > 0 {
            report("IDLE_SECONDS", idle)
            report("IDLE_WAKEUPS", wakeups(of: pid, seconds: idle))
        }
    }
}

/// Context switches of every thread of `pid` over `seconds`, sampled each second (threads come and go: a thread
/// seen for the first time counts from zero, one that vanished keeps what was seen of it).
func wakeups(of pid: pid_t, seconds: Int) -> Int {
    var last = processStatus(pid).switches
    var wakeups = 0
    for _ in 0..<seconds {
        sleep(1)
        let now = processStatus(pid).switches
        for (thread, count) in now { wakeups += count - (last[thread] ?? 0) }
        last = now
    }
    return wakeups
}

struct MailBurst: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract:
            "Messages due at the same instant (one recipient each), through a recording sendmail: time to hand all of them over."
    )

    @Option(help: "The jalon binary.")
    var jalon: String

    @Option(help: "How many messages.")
    var count = 1000

    @Option(help: "Seconds to count the daemon's wake-ups once every message is handed over (0: skip).")
    var idle = 0

    func run() throws {
        let work = makeTemporaryDirectory("mail")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let received = work + "/received"
        try FileManager.default.createDirectory(atPath: received, withIntermediateDirectories: true)
        // Records each message in its own file, with when it finished.
        let sendmail = work + "/sendmail"
        try """
        #!/bin/sh
        f="\(received)/$(date +%s%N)-$$"
        cat > "$f.eml"
        date +%s%N > "$f.done"

        """.write(toFile: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail, 0o755)
        let due = Instant(Date()) + 6
        try FileManager.default.createDirectory(atPath: work + "/config/people", withIntermediateDirectories: true)
        try """
        timezone = "UTC"
        [mail]
        from = "Cabinet Horizon <suivi@horizon.example>"
        sendmail = "\(sendmail)"

        """.write(toFile: work + "/config/jalon.toml", atomically: true, encoding: .utf8)
        for i in 0..<count {
            try """
            name = "Personne \(i)"
            email = "p\(i)@example.org"
            [[session]]
            id = "s"
            at = \(Zone.utc.local(due).description)
            title = "Séance d'accompagnement"
            remind = ["+0d"]

            """.write(toFile: work + "/config/people/p\(i).toml", atomically: false, encoding: .utf8)
        }
        guard
            let pid = spawn(
                [jalon, "run", "--config", work + "/config", "--state", work + "/state"],
                environment: ["PATH": "/usr/bin:/bin", "HOME": work])
        else { throw ExitCode(1) }
        defer { stop(pid) }
        let end = Date().addingTimeInterval(Double(due.seconds - Instant(Date()).seconds) + 120)
        var done: [String] = []
        while Date() < end {
            done = ((try? FileManager.default.contentsOfDirectory(atPath: received)) ?? []).filter {
                $0.hasSuffix(".done")
            }
            if done.count >= count { break }
            usleep(100_000)
        }
        // A second more, for a duplicate to show up if one were to come.
        sleep(1)
        done = ((try? FileManager.default.contentsOfDirectory(atPath: received)) ?? []).filter { $0.hasSuffix(".done") }
        let last =
            done.compactMap { try? String(contentsOfFile: received + "/" + $0, encoding: .utf8) }
            .compactMap { Int64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }.max() ?? 0
        let toLines =
            ((try? FileManager.default.contentsOfDirectory(atPath: received)) ?? []).filter { $0.hasSuffix(".eml") }
            .compactMap { try? String(contentsOfFile: received + "/" + $0, encoding: .utf8) }
            .compactMap { $0.split(separator: "\n").first { $0.hasPrefix("To:") }.map(String.init) }
        let recipients = Set(toLines)
        report("MAIL_COUNT", count)
        report("MAIL_RECEIVED", done.count)
        report("MAIL_DISTINCT", recipients.count)
        report("MAIL_DUPLICATES", toLines.count - recipients.count)
        report("MAIL_SECONDS", String(format: "%.2f", Double(last - due.seconds * 1_000_000_000) / 1e9))
        if idle > 0 {
            sleep(2)  // the last outcomes recorded
            report("IDLE_SECONDS", idle)
            report("IDLE_WAKEUPS", wakeups(of: pid, seconds: idle))
        }
    }
}
