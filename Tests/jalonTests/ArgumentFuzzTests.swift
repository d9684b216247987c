import Foundation
import JalonCore
import Testing

/// No command ends on a signal, whatever its arguments (SPEC §6): every command — each subcommand, `help`, no
/// command, unknown ones — with seeded random argument lists mixing valid options and values with garbage, huge
/// and negative numbers, dates out of range, empty strings, Unicode and very long strings. Each run is bounded in
/// time and must end with an exit status, and say something on standard error when that status is not 0.
///
/// The configuration and state are the test's own (`JALON_CONFIG_DIR`, `JALON_STATE_DIR`, `HOME`, the working
/// directory: relative paths land there); its sendmail is a script that records nothing and sends nothing.
/// `JALON_ARGUMENT_FUZZ_CASES` (per command, default 40) and `JALON_ARGUMENT_FUZZ_SEED` replay or widen it.
@Suite(.serialized) struct ArgumentFuzzTests {
    static let commands = [
        "check", "agenda", "run", "done", "undone", "status", "retry", "test-mail", "help", "", "nope", "agendaa",
        "--version", "-h",
    ]

    /// How long a run may take: a daemon (`run` with arguments it accepts) is stopped with SIGTERM after it and must
    /// then exit 0; any other command still running then has hung.
    static let daemonTime: Duration = .milliseconds(1500)
    static let commandTime: Duration = .seconds(20)

    @Test(arguments: commands)
    func everyCommandEndsWithAStatusWhateverItsArguments(_ command: String) throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["JALON_ARGUMENT_FUZZ_CASES"].flatMap(Int.init) ?? 40
        let seed = environment["JALON_ARGUMENT_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_203
        let scratch = try Scratch()
        let config = scratch.path + "/config"
        try scratch.write("config/jalon.toml", Self.settings(scratch.path))
        try scratch.write("config/people/p.toml", Self.person)
        try scratch.write("bin/sendmail", "#!/bin/sh\ncat >/dev/null\nexit 0\n")
        chmod(scratch.path + "/bin/sendmail", 0o755)
        let childEnvironment = [
            "PATH": "/usr/bin:/bin", "HOME": scratch.path, "LANG": "C.UTF-8", "TZ": "Europe/Paris",
            "JALON_CONFIG_DIR": config, "JALON_STATE_DIR": scratch.path + "/state",
        ]
        var random = SplitMix64(seed: seed &+ UInt64(Self.commands.firstIndex(of: command)!))
        var daemons = 0
        var statuses: [Int32: Int] = [:]
        for index in 0..<cases {
            var arguments = command.isEmpty ? [] : [command]
            arguments += Self.arguments(for: command, &random, config: config, state: scratch.path + "/state")
            // A daemon runs until it is stopped: few of them, they take their whole time.
            let isDaemon = command == "run" && !arguments.contains { $0 == "--help" || $0 == "-h" }
            if isDaemon && daemons >= 6 { continue }
            let run = try spawnJalon(
                arguments, in: scratch.path, environment: childEnvironment,
                timeout: isDaemon ? Self.daemonTime : Self.commandTime)
            let shown = arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…(\($0.count))" : $0 }
            if case .exited(let code) = run.termination {
                statuses[code, default: 0] += 1
                if run.timedOut {
                    #expect(isDaemon && code == 0, "case \(index) \(shown): outlived its time, then exit \(code)")
                    daemons += 1
                } else if code != 0 {
                    #expect(!run.stderr.isEmpty, "case \(index) \(shown): exit \(code) and nothing on standard error")
                }
            } else {
                Issue.record("case \(index) \(shown): \(run.termination)\n\(run.stderr.suffix(2000))")
            }
        }
        print(
            "argument fuzz: \(command.isEmpty ? "(none)" : command): exit statuses \(statuses.sorted { $0.key < $1.key })"
        )
    }

    // MARK: - Arguments

    static func settings(_ scratch: String) -> String {
        """
        timezone = "Europe/Paris"
        locale = "en"

        [mail]
        from = "Jalon Fuzz <jalon@fuzz.example>"
        sendmail = "\(scratch)/bin/sendmail"

        """
    }

    static let person = """
        name = "P"
        email = "p@fuzz.example"

        [[deadline]]
        id = "d"
        due = 2027-03-01
        follow_up = { every = "7d", count = 2 }

        [[session]]
        id = "s"
        at = 2027-01-12T10:00:00
        """

    /// Values of every kind: valid ones, garbage, numbers too large or negative, dates out of range, Unicode.
    static let values: [String] = [
        "", " ", "-", "--", "-1", "0", "1", "30", "36600", "36601", "-36600", "2147483648", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999999999", "1e9", "0x10", "+5", "3.5",
        "2026-12-01", "2026-12-10", "2026-12-01T09:00:00+01:00", "2026-12-01T09:00:00Z", "2026-02-30", "2026-13-01",
        "0000-01-01", "0001-01-01T00:00:00+23:59", "9999-12-31", "9999-12-31T23:59:59-23:59", "1969-12-31T23:59:59Z",
        "2026-12-01T24:00:00Z", "2026-12-01T09:00:00.999999999999999999999Z", "2026-12-01T09:00:00+99:99",
        "tomorrow", "p/d", "p/d/-14d", "p/d/+0d", "p/d/follow-up-2", "p/d/follow-up-99", "p/s", "p/suivi", "p/nope",
        "nobody/d", "p", "p/", "/d", "p//d", "P/D", "p/d/x/y", "../p/d", "a@b.example", "x@", "@", "é@è.example",
        "marie dupont", "é", "日本語", "🙂", "\u{202E}gnp.exe", "e\u{301}", "\u{7}", "\u{1B}[2J", "%s%n%x",
        "$(reboot)", "'; DROP TABLE delivery; --", "*", "~", "/", ".", "..", "relative/dir", "/nonexistent/dir",
        "--json", "--help", "--from", "--days", "--config", String(repeating: "a", count: 5_000),
        String(repeating: "é", count: 3_000), String(repeating: "p/", count: 2_000), String(repeating: "9", count: 400),
    ]

    /// Times, valid or not, for `--from` and `--to`.
    static let times = values.filter { $0.first?.isNumber == true && $0.contains("-") && $0.count < 60 }

    static let options = [
        "--config", "--state", "--from", "--to", "--days", "--json", "--help", "-h", "--version", "--nope",
    ]

    /// One argument list for `command`: options with values (some valid), loose values, flags.
    static func arguments(for command: String, _ random: inout SplitMix64, config: String, state: String) -> [String] {
        var arguments: [String] = []
        for _ in 0..<random.below(5) {
            switch random.below(10) {
            case 0, 1, 2:
                let option = random.pick(options)
                let value: String
                switch option {
                case "--config": value = random.below(3) == 0 ? random.pick(values) : config
                case "--state": value = random.below(3) == 0 ? random.pick(values) : state
                case "--from", "--to": value = random.pick(random.below(2) == 0 ? times : values)
                default: value = random.pick(values)
                }
                if random.below(4) == 0 {
                    arguments.append(option + "=" + value)
                } else {
                    arguments += [option, value]
                }
            case 3:
                arguments.append(random.pick(options))
            default:
                arguments.append(random.pick(values))
            }
        }
        // Every other time, what the command wants in its shape, so that the paths past the argument parser are tried
        // too.
        if random.below(2) == 0 {
            switch command {
            case "agenda":
                let end = random.pick(["--to", "--days"])
                arguments =
                    ["--from", random.pick(times), end, random.pick(end == "--to" ? times : values)]
                    + (random.below(2) == 0 ? ["--json"] : [])
            case "done", "undone", "retry": arguments = [random.pick(values)]
            case "test-mail": arguments = [random.pick(["p@fuzz.example", "x@", random.pick(values)])]
            case "run", "check", "status": arguments = ["--config", config, "--state", state]
            default: break
            }
        }
        return arguments
    }
}
