import Foundation
import Testing

/// Mail through the MTAs Debian gives its users, as a non-root user under the shipped unit, in a real
/// `systemd --user` with a real journald: exim4 (setuid root) blocked under the hardened unit and delivering to a
/// Maildir with the drop-in `scripts/install` chooses, a read-only spool that heals, a postfix stand-in (setgid
/// `postdrop`; postfix itself conflicts with exim4 and cannot be installed beside it), and msmtp under the hardened
/// unit. `mta-e2e.sh` (next to this file) drives it once for the suite; the tests below make the assertions.
///
/// Needs root, `unshare`, systemd's binaries, exim4-daemon-light (debconf: local delivery to Maildir), msmtp,
/// python3-aiosmtpd and sqlite3 (`scripts/test` installs them); elsewhere the suite says why it skips.
@Suite(.serialized, .enabled(if: MailTransportScenario.unavailable == nil, MailTransportScenario.skipComment))
struct MailTransportEndToEndTests {
    private var run: SystemdScenario { MailTransportScenario.shared }

    static let blocked = "a4c2e8f61b3d4e7f9c5a2b8d6e1f3c47"
    static let recovered = "6b1e0f4c2d8a4f5e9a3c7d2b8e4f1a06"
    static let failure = "c87e4a3093ee488e8627256e65c54dec"

    @Test("the scenario ran to its end, and nothing was left behind")
    func scenarioCompleted() {
        #expect(!run.timedOut)
        #expect(run.value("FATAL") == nil, "\(run.value("FATAL") ?? "")\n\(run.stderr)")
        #expect(run.value("DONE") == "1")
        #expect(run.value("INNER_EXIT") == "0")
        #expect(run.value("MANAGER_STATE") == "running")
        for (key, values) in run.values where key.hasPrefix("WAIT_") {
            #expect(values == ["ok"], "wait \(key.dropFirst(5)): \(values)")
        }
        for (key, values) in run.values where key.hasPrefix("RESTART_") {
            #expect(values == ["0 active"], "\(key): \(values) \(run.values("UNIT_LOG_" + key.dropFirst(8)))")
        }
        for key in ["LEFTOVER_PROCESSES", "LEFTOVER_CGROUP", "LEFTOVER_DIRECTORY"] {
            #expect(run.value(key) == nil, "\(key): \(run.values(key))")
        }
        #expect(run.value("STOP") == "success")
        // Everything jalon wrote came through sd_journal_sendv, even from the sandbox: none of its entries fell back
        // to standard error ("jalon: MESSAGE [FIELDS]"). (libdispatch's "Failed to set thread priority" comes from
        // any user who may not raise a thread's priority, sandbox or not.)
        let unstructured = run.jalonEntries.filter {
            $0["MESSAGE_ID"] == nil && ($0["MESSAGE"] ?? "").hasPrefix("jalon: ")
        }
        #expect(unstructured.isEmpty, "\(unstructured.map(\.summary))")
    }

    @Test("systemd-analyze security: the unit at most 3.0; the drop-in verifies")
    func securityScores() throws {
        let plain = try #require(run.value("SCORE_plain").flatMap(Double.init), "no score: \(run.values)")
        let setuid = try #require(run.value("SCORE_setuid").flatMap(Double.init), "no score: \(run.values)")
        print("mta-e2e: systemd-analyze security: jalon.service \(plain), with setuid-sendmail.conf \(setuid)")
        #expect(plain <= 3.0)
        #expect(setuid > plain, "the drop-in gives up what a setuid sendmail cannot live with")
        #expect(run.value("VERIFY_SETUID_EXIT") == "0", "\(run.values("VERIFY_SETUID_OUTPUT"))")
    }

    @Test("1. exim4 under the hardened unit: said once at priority 3, nothing tried, test-mail says why")
    func eximBlockedUnderTheHardenedUnit() throws {
        #expect(
            run.value("PRIVILEGES")?.hasPrefix("setuid root /usr/sbin/exim4") == true, "\(run.values("PRIVILEGES"))")
        let blocked = run.jalonEntries.filter { $0["MESSAGE_ID"] == Self.blocked }
        #expect(blocked.count == 2, "one for exim, one for the postfix stand-in: \(blocked.map(\.summary))")
        let first = try #require(blocked.first)
        #expect(first["PRIORITY"] == "3")
        #expect(first["JALON_SENDMAIL"] == "/usr/sbin/sendmail")
        #expect(first["MESSAGE"]?.contains("/usr/sbin/exim4 is setuid") == true, "\(first.summary)")
        #expect(first["_SYSTEMD_USER_UNIT"] == "jalon.service")
        // The message waits, untried, rather than failing: no failure entry for it.
        #expect(run.value("EXIM1_QUEUE") == "pending|0")
        #expect(
            !run.jalonEntries.contains { $0["MESSAGE_ID"] == Self.failure && $0["JALON_REMINDER"] == "exim1/d/+0d" })
        #expect(run.values("STATUS_BLOCKED").contains { $0.contains("/usr/sbin/exim4 is setuid") })
        #expect(run.values("STATUS_BLOCKED").contains("mail: 0 sent, 1 queued, 0 waiting for a retry, 0 failed"))
        #expect(run.value("TESTMAIL_BLOCKED_EXIT") == "1")
        let testMail = run.values("TESTMAIL_BLOCKED_OUTPUT")
        #expect(testMail.first?.hasPrefix("jalon: the running daemon (pid ") == true, "\(testMail)")
        #expect(testMail.contains { $0.contains("the running daemon cannot send mail") }, "\(testMail)")
        #expect(run.value("MAILDIR_1") == "0")
    }

    @Test("2. with the drop-in scripts/install chooses, exim4 delivers to the Maildir, test-mail through the daemon")
    func eximDeliversWithTheDropIn() throws {
        #expect(run.value("EXIM1_QUEUE_AFTER") == "sent|1")
        #expect(run.value("TESTMAIL_EXIT") == "0")
        let testMail = run.values("TESTMAIL_OUTPUT")
        #expect(testMail.first?.hasPrefix("jalon: the running daemon (pid ") == true, "\(testMail)")
        #expect(testMail.contains("sendmail: exit status 0"), "\(testMail)")
        let files = run.values("MAILDIR_FILE")
        #expect(files.filter { $0.hasSuffix("X-Jalon-Reminder: exim1/d/+0d") }.count == 1, "\(files)")
        #expect(files.filter { $0.hasSuffix(" test") }.count == 1, "\(files)")
    }

    @Test("3. exim's spool read-only: exit 1, retried after `retry` seconds, healed, and the journal says so")
    func aReadOnlySpoolHeals() throws {
        let queue = try #require(run.value("SPOOL_QUEUE_RO"))
        #expect(queue.hasPrefix("pending|1|exit status 1: "), "\(queue)")
        #expect(queue.contains("Read-only file system"), "\(queue)")
        let refused = run.jalonEntries.filter {
            $0["MESSAGE_ID"] == Self.failure && $0["JALON_REMINDER"] == "spool/d/+0d"
        }
        let entry = try #require(refused.first)
        #expect(entry["PRIORITY"] == "3")
        #expect(entry["JALON_PERSON"] == "spool" && entry["JALON_ITEM"] == "d")
        #expect(entry["JALON_KIND"] == "deadline" && entry["JALON_STEP"] == "+0d")
        #expect(entry["JALON_RECIPIENT"] == "person")
        #expect(entry["JALON_SENDMAIL_STATUS"] == "exit status 1")
        #expect(entry["MESSAGE"]?.contains("refused (try 1)") == true, "\(entry.summary)")
        #expect(entry["MESSAGE"]?.contains("jalon-mta-e2e@localhost") == false, "no address in the journal")
        let recovered = run.jalonEntries.filter {
            $0["MESSAGE_ID"] == Self.recovered && $0["JALON_REMINDER"] == "spool/d/+0d"
        }
        try #require(recovered.count == 1, "\(recovered.map(\.summary))")
        #expect(recovered[0]["PRIORITY"] == "5")
        let fixed = try run.number("SPOOL_FIXED_US")
        let healedAfter = Double(recovered[0].realtime - fixed) / 1e6
        print("mta-e2e: the message went \(String(format: "%.2f", healedAfter)) s after the spool was writable again")
        #expect(healedAfter >= 0 && healedAfter < 20)
        #expect(run.value("SPOOL_QUEUE")?.hasPrefix("sent|") == true)
    }

    @Test("4. a setgid postdrop (postfix's layout): blocked under the hardened unit, delivered with the drop-in")
    func aPostfixStandIn() throws {
        #expect(run.value("POSTFIX_DIRECT") == "0", "the stand-in works outside a sandbox")
        #expect(run.values("POSTFIX_NNP").last == "1", "and fails under no_new_privs, as postfix does")
        #expect(run.value("POSTFIX_PRIVILEGES")?.hasPrefix("setgid jalon-mta-e2e-drop ") == true)
        #expect(run.value("POSTFIX_QUEUE_BLOCKED") == "pending|0")
        #expect(run.value("POSTFIX_QUEUE") == "sent|1")
        #expect(run.value("POSTFIX_MAILDROP") == "1")
    }

    @Test("5. msmtp under the hardened unit: no_new_privs, a user namespace, a read-only home, and it delivers")
    func msmtpUnderTheHardenedUnit() throws {
        #expect(run.value("SANDBOX_NNP") == "1")
        #expect(run.value("SANDBOX_UIDMAP")?.split(separator: ";").count == 1, "\(run.values("SANDBOX_UIDMAP"))")
        #expect(run.value("SANDBOX_HOME_RO") == "read-only")
        #expect(run.value("MSMTP_QUEUE") == "sent|1")
        #expect(run.value("BLOCKED_COUNT") == "2", "msmtp is not setuid: nothing said about it")
        #expect(run.values("STATUS_MSMTP").contains("mail: 4 sent, 0 queued, 0 waiting for a retry, 0 failed"))
        // Structured entries reached journald from inside the sandbox (not standard error's fallback lines).
        let msmtp = run.jalonEntries.filter { $0["JALON_REMINDER"] == "msmtp/d/+0d" }
        #expect(msmtp.count == 1 && msmtp.first?["JALON_PERSON"] == "msmtp", "\(msmtp.map(\.summary))")
    }
}

/// Where the scenario is, why it cannot run here, and its one run.
enum MailTransportScenario {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "mta-e2e.sh"
    ).path

    static let shared: SystemdScenario = SystemdScenario.run(
        script: script,
        arguments: [
            jalonBinary, repositoryRoot + "/systemd/jalon.service", repositoryRoot + "/systemd/setuid-sendmail.conf",
        ], timeout: 240)

    static let unavailable: String? = {
        var missing: [String] = []
        if let reason = SystemdScenario.unavailable { missing.append(reason) }
        var st = stat()
        if stat("/usr/sbin/exim4", &st) != 0 || st.st_mode & S_ISUID == 0 {
            missing.append("no setuid /usr/sbin/exim4 (apt-get install exim4-daemon-light; scripts/test does)")
        }
        for tool in ["/usr/bin/msmtp", "/usr/bin/sqlite3", "/usr/bin/setpriv", "/usr/sbin/useradd", "/usr/bin/nsenter"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            missing.append("no \(tool)")
        }
        if !FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/aiosmtpd") {
            missing.append("no python3-aiosmtpd")
        }
        guard !missing.isEmpty else { return nil }
        return "MTA end-to-end tests skipped: " + missing.joined(separator: "; ")
    }()

    static var skipComment: Comment { Comment(rawValue: unavailable ?? "exim4, msmtp and systemd --user, non-root") }
}
