import Foundation
import JalonCore
import Testing

/// The real mail chain, end to end: the built `jalon` binary → msmtp as its sendmail (`sendmail = ["/usr/bin/msmtp",
/// "-C", RC]` with a private rc file, so no system file is read or touched) → aiosmtpd listening on 127.0.0.1 (a free
/// port) → a Maildir. Every message that arrives is parsed by Python's `email` package with
/// `policy=email.policy.strict`, and checked field by field.
///
/// The server's handler is aiosmtpd's Mailbox with one change (`mailSink` below): it stores each message byte for
/// byte as it came over SMTP, where Mailbox parses it and writes it again with Python's compat32 generator, which
/// folds header fields anew; the line-length and well-formedness checks must see what jalon and msmtp sent.
///
/// Needs the Debian packages msmtp (or msmtp-mta) and python3-aiosmtpd, for /usr/bin/python3 (.ci/run installs
/// them). Without them the suite is skipped, and the skip says what is missing.
@Suite(.serialized, .enabled(if: MailChain.missing == nil, MailChain.skipComment))
struct MailEndToEndTests {
    static let sender = "suivi@horizon.example"
    static let senderName = "Cabinet Horizon — Équipe Bilans"
    static let zone = "Indian/Reunion"  // not the TZ the binary runs with (Europe/Paris): the configured zone must win

    /// jalon.toml for `rig`, sending through its msmtp.
    private func settings(_ rig: MailRig) -> String {
        """
        timezone = "\(Self.zone)"
        locale   = "fr"
        catch_up = "7d"

        [mail]
        from     = "\(Self.senderName) <\(Self.sender)>"
        sendmail = ["\(MailChain.msmtp)", "-C", "\(rig.msmtpConfiguration)"]

        [[consultant]]
        id    = "jerome"
        name  = "Jérôme Östberg"
        email = "jerome.ostberg@horizon.example"

        """
    }

    @Test("1. jalon test-mail goes through msmtp and aiosmtpd and arrives well formed")
    func testMailArrives() throws {
        let rig = try MailRig()
        defer { rig.tearDown() }
        try rig.scratch.write("config/jalon.toml", settings(rig))
        let address = "verification@example.net"

        let result = try jalon(["test-mail", address, "--config", rig.configuration], timeout: 20)
        #expect(result.status == 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)\n\(rig.diagnostics)")
        #expect(!result.signaled)
        // No daemon runs: it sends itself, says what it ran, then what sendmail answered (in the configured language).
        #expect(result.stdout.contains("aucun démon ne tourne sur ce dossier d'état"), "stdout: \(result.stdout)")
        #expect(
            result.stdout.contains(
                "jalon\u{202F}: exécute \(MailChain.msmtp) -C \(rig.msmtpConfiguration) -oi -f \(Self.sender) -- "
                    + "\(address)\n"),
            "stdout: \(result.stdout)")
        #expect(result.stdout.contains("sendmail\u{202F}: exit status 0"), "stdout: \(result.stdout)")
        #expect(result.stdout.contains("le message a été remis"), "stdout: \(result.stdout)")

        #expect(rig.waitForMessages(1, timeout: 5), "no message arrived\n\(rig.diagnostics)")
        // One call, one message: nothing more comes.
        usleep(300_000)
        let messages = try rig.receivedMessages()
        try #require(messages.count == 1, "\(messages.count) messages arrived\n\(rig.diagnostics)")
        let message = messages[0]
        message.expectWellFormed()
        #expect(message.envelopeSender == Self.sender)
        #expect(message.envelopeRecipients == [address])
        #expect(message.addresses("from") == [MailAddressSeen(name: Self.senderName, address: Self.sender)])
        #expect(message.addresses("to") == [MailAddressSeen(name: "", address: address)])
        #expect(message["subject"] == "jalon\u{202F}: message de test")
        let messageID = message["message-id"]?.trimmingCharacters(in: .whitespaces) ?? ""
        #expect(messageID.hasPrefix("<jalon."), "Message-ID: \(messageID)")
        #expect(messageID.contains("test-mail"), "Message-ID: \(messageID)")
        #expect(messageID.hasSuffix("@horizon.example>"), "Message-ID: \(messageID)")
        #expect(message.dateOffset == Double(4 * 3600), "the Date header is in the configured zone")
        #expect(abs((message.date ?? 0) - Date().timeIntervalSince1970) < 30, "Date: \(message.date ?? 0)")
        #expect(message.body.contains("Ce message vérifie que jalon peut envoyer des courriels"), "\(message.body)")
        #expect(message.body.contains(MailChain.msmtp), "\(message.body)")
    }

    @Test("2-3. jalon run delivers each due reminder once, on time and well formed, even across a restart")
    func runDeliversEachReminderOnce() throws {
        let rig = try MailRig()
        defer { rig.tearDown() }
        try rig.scratch.write("config/jalon.toml", settings(rig))

        let now = Date().timeIntervalSince1970
        // The session's reminder comes due 2 to 3 s after jalon starts; Karim's deadline was due an hour ago.
        let due = Int64(now.rounded(.up)) + 3
        let lateDue = Int64(now.rounded(.down)) - 3600
        let title =
            "Investigation approfondie : intérêts, valeurs professionnelles et compétences transférables — préparer "
            + "l'enquête métier « cœur de cible »"
        #expect(title.count > 100)
        let personName = "Hélène Lefèvre-Aït Saïd"
        let consultantName = "Jérôme Östberg"
        let place = "Salle Écrins, 12 rue des Tanneurs, 69001 Lyon"
        let lateTitle = "Déposer le dossier de VAE (livret 2) à l'organisme certificateur"
        try rig.scratch.write(
            "config/people/bilans/helene-lefevre.toml",
            """
            name       = "\(personName)"
            email      = "helene.lefevre@example.org"
            consultant = "jerome"

            [[session]]
            id       = "investigation-1"
            at       = \(localDateTime(due, zone: Self.zone))
            phase    = "investigation"
            title    = "\(title)"
            duration = "3h"
            place    = "\(place)"
            remind   = ["+0d"]
            to       = ["person", "consultant"]

            # Done: never sent.
            [[session]]
            id     = "preliminaire"
            at     = \(localDateTime(due + 1, zone: Self.zone))
            title  = "Entretien préliminaire"
            remind = ["+0d"]
            done   = true

            # Tomorrow: not due during the test.
            [[session]]
            id     = "investigation-2"
            at     = \(localDateTime(due + 86_400, zone: Self.zone))
            title  = "Investigation : enquêtes métiers"
            remind = ["-2h"]

            """)
        try rig.scratch.write(
            "config/people/accompagnement/karim-benali.toml",
            """
            name  = "Karim Benali"
            email = "karim.benali@example.org"

            # jalon knew it five days ago and was stopped four days ago: both steps came due while it was stopped;
            # only the latest is sent, marked late, and says why.
            [[deadline]]
            id        = "dossier-vae"
            title     = "\(lateTitle)"
            due       = \(localDateTime(lateDue, zone: Self.zone))
            remind    = ["-3d", "+0d"]
            follow_up = false

            """)
        let check = try jalon(["check", "--config", rig.configuration])
        try #require(check.status == 0, "jalon check: \(check.stdout)\(check.stderr)")
        #expect(check.stdout == "", "jalon check: \(check.stdout)")
        // What an earlier jalon left in the state database: it planned Karim's deadline five days ago, and it ran
        // from ten days ago to a clean stop four days ago.
        let stoppedAt = Int64(now) - 4 * 86_400
        do {
            let store = try Store(directory: rig.state)
            try store.recordFirstSeen([
                ItemVersion(item: "karim-benali/dossier-vae", base: Instant(seconds: lateDue)):
                    Instant(seconds: Int64(now) - 5 * 86_400)
            ])
            let run = try store.beginRun(pid: 1, at: Instant(seconds: Int64(now) - 10 * 86_400))
            try store.endRun(run, at: Instant(seconds: stoppedAt))
        }

        // First run: the late reminder at start, the session's at its time.
        let first = try rig.startJalon(name: "run-1")
        let expected = 3  // the session's to Hélène and to Jérôme (one message per recipient), Karim's late one
        let arrived = rig.waitForMessages(expected, timeout: Double(due) - Date().timeIntervalSince1970 + 8)
        // Time for a duplicate to show up, if one were to come.
        usleep(1_000_000)
        #expect(first.isRunning, "jalon run ended by itself: \(first.output)")
        let stopped = first.stop(timeout: 5)
        #expect(!stopped.killed, "jalon run did not end within 5 s of SIGTERM\n\(first.output)")
        #expect(!stopped.signaled, "jalon run was killed by signal \(stopped.status)\n\(first.output)")
        #expect(stopped.status == 0, "jalon run exited with \(stopped.status) on SIGTERM\n\(first.output)")
        try #require(
            arrived, "\(rig.messageCount()) of \(expected) messages arrived\n\(rig.diagnostics)\n\(first.output)")

        var messages = try rig.receivedMessages()
        #expect(messages.count == expected, "\(messages.map(\.summary))")
        // One copy per recipient: no (Message-ID, recipient) twice.
        #expect(
            Set(messages.map { ($0["message-id"] ?? "") + " " + $0.envelopeRecipients.joined(separator: ",") }).count
                == messages.count, "\(messages.map(\.summary))")
        for message in messages { message.expectWellFormed() }

        // 2. The session's reminder.
        let sessions = messages.filter { $0["x-jalon-reminder"] == "helene-lefevre/investigation-1/+0d" }
        #expect(sessions.count == 2, "\(messages.map(\.summary))")
        #expect(
            sessions.map(\.envelopeRecipients).sorted { $0.joined() < $1.joined() } == [
                ["helene.lefevre@example.org"], ["jerome.ostberg@horizon.example"],
            ], "one message per recipient: \(sessions.map(\.envelopeRecipients))")
        #expect(Set(sessions.map { $0["message-id"] ?? "" }).count == 1, "two copies of one message, one Message-ID")
        let names = ["helene.lefevre@example.org": personName, "jerome.ostberg@horizon.example": consultantName]
        for message in sessions {
            let when = frenchDayAndTime(due, zone: Self.zone)
            let recipient = message.envelopeRecipients.first ?? ""
            #expect(message.envelopeSender == Self.sender)
            #expect(message.addresses("from") == [MailAddressSeen(name: Self.senderName, address: Self.sender)])
            #expect(message.addresses("to") == [MailAddressSeen(name: names[recipient] ?? "?", address: recipient)])
            let subject = message["subject"] ?? ""
            #expect(subject.contains(title), "Subject: \(subject)")
            #expect(subject.contains(when), "Subject: \(subject), expected the date \(when)")
            #expect(!subject.contains("=?") && !subject.contains("  "), "badly decoded Subject: \(subject)")
            #expect(!subject.contains("En retard"), "Subject: \(subject)")
            let messageID = message["message-id"]?.trimmingCharacters(in: .whitespaces) ?? ""
            #expect(messageID.hasPrefix("<jalon."), "Message-ID: \(messageID)")
            #expect(messageID.contains(".\(due)."), "Message-ID \(messageID) lacks the due seconds \(due)")
            #expect(messageID.hasSuffix("@horizon.example>"), "Message-ID: \(messageID)")
            let body = message.body
            #expect(body.contains(title), "body: \(body)")
            #expect(body.contains(personName), "body: \(body)")
            #expect(body.contains(consultantName), "body: \(body)")
            #expect(body.contains(when), "body lacks \"\(when)\": \(body)")
            #expect(body.contains(place), "body: \(body)")
            #expect(message.dateOffset == Double(4 * 3600), "the Date header is in the configured zone")
            // On time: not before it was due, and soon after.
            #expect(message.arrival >= Double(due) - 0.1, "arrived at \(message.arrival), due at \(due)")
            #expect(message.arrival < Double(due) + 5, "arrived at \(message.arrival), due at \(due)")
            #expect((message.date ?? 0) >= Double(due) - 1 && (message.date ?? 0) < Double(due) + 5)
        }

        // The catch-up: Karim's latest missed step, marked late, and not the older one.
        let late = messages.filter { $0["x-jalon-reminder"]?.hasPrefix("karim-benali/") ?? false }
        #expect(late.count == 1, "\(messages.map(\.summary))")
        if let message = late.first {
            #expect(message["x-jalon-reminder"] == "karim-benali/dossier-vae/+0d")
            #expect(message.envelopeRecipients == ["karim.benali@example.org"])
            #expect(
                message.addresses("to") == [MailAddressSeen(name: "Karim Benali", address: "karim.benali@example.org")])
            let subject = message["subject"] ?? ""
            #expect(subject.contains(lateTitle) && subject.contains("En retard"), "Subject: \(subject)")
            #expect(
                (message["message-id"] ?? "").contains(".\(lateDue)."), "Message-ID: \(message["message-id"] ?? "")")
            #expect(message.body.contains(lateTitle), "body: \(message.body)")
            #expect(message.body.contains(frenchDayAndTime(lateDue, zone: Self.zone)), "body: \(message.body)")
            #expect(
                message.body.contains("jalon était arrêté du \(frenchDayAndTime(stoppedAt, zone: Self.zone)) au "),
                "body: \(message.body)")
        }

        // The journal: without journald, its entries go to standard error, one line each.
        let journalOnStandardError = !FileManager.default.fileExists(atPath: "/run/systemd/journal/socket")
        if journalOnStandardError {
            for id in ["helene-lefevre/investigation-1/+0d", "karim-benali/dossier-vae/+0d"] {
                let lines = first.errors.split(separator: "\n").filter { $0.contains("JALON_REMINDER=\(id) ") }
                #expect(lines.count == 1, "journal entries of \(id): \(first.errors)")
            }
        }

        // 3. Nothing is sent twice: started again on the same state, jalon sends nothing.
        let second = try rig.startJalon(name: "run-2")
        usleep(2_000_000)
        #expect(second.isRunning, "the second jalon run ended by itself: \(second.output)")
        let secondStop = second.stop(timeout: 5)
        #expect(!secondStop.killed && !secondStop.signaled && secondStop.status == 0, "\(second.output)")
        if journalOnStandardError {
            #expect(!second.errors.contains("JALON_REMINDER="), "journaled again after a restart: \(second.errors)")
        }
        usleep(300_000)
        messages = try rig.receivedMessages()
        #expect(messages.count == expected, "after a restart: \(messages.map(\.summary))\n\(second.output)")
    }
}

// MARK: - The peers

/// Where the peers are, and what is missing when they are not there.
private enum MailChain {
    static let python = "/usr/bin/python3"
    static let msmtp = "/usr/bin/msmtp"

    static let missing: String? = {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: msmtp) {
            missing.append("\(msmtp) is missing (apt-get install msmtp-mta)")
        }
        if !FileManager.default.isExecutableFile(atPath: python) {
            missing.append("\(python) is missing (apt-get install python3 python3-aiosmtpd)")
        } else if (try? runTool(python, ["-c", "import aiosmtpd.handlers, email.policy"], timeout: 20))?.status != 0 {
            missing.append("\(python) cannot import aiosmtpd (apt-get install python3-aiosmtpd)")
        }
        return missing.isEmpty ? nil : missing.joined(separator: "; ")
    }()

    static var skipComment: Comment {
        Comment(rawValue: missing ?? "runs jalon → msmtp → aiosmtpd on 127.0.0.1 → a Maildir")
    }
}

/// One test's world: a scratch directory, an SMTP server writing to a Maildir, msmtp's rc file, the jalon children.
private final class MailRig {
    let scratch: Scratch
    let server: SMTPServerProcess
    let msmtpConfiguration: String
    private var children: [ChildProcess] = []

    init() throws {
        scratch = try Scratch()
        server = try SMTPServerProcess.start(in: scratch.path)
        msmtpConfiguration = try scratch.write(
            "msmtprc",
            "defaults\nauth off\ntls off\ntimeout 10\naccount default\nhost 127.0.0.1\nport \(server.port)\n"
                + "from jalon@localhost\n")
        chmod(msmtpConfiguration, 0o600)
    }

    var configuration: String { scratch.path + "/config" }
    var state: String { scratch.path + "/state" }

    /// `jalon run` as a child process, its output in files.
    func startJalon(name: String) throws -> ChildProcess {
        let child = try ChildProcess(
            executable: jalonBinary, arguments: ["run", "--config", configuration, "--state", state],
            environment: ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "TZ": "Europe/Paris", "LANG": "C.UTF-8"],
            output: scratch.path + "/" + name)
        children.append(child)
        return child
    }

    func messageCount() -> Int {
        ["new", "cur"].reduce(0) { count, folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: server.maildir + "/" + folder)) ?? []
            return count + names.filter { !$0.hasPrefix(".") }.count
        }
    }

    /// Waits at most `timeout` seconds for at least `count` messages in the Maildir.
    func waitForMessages(_ count: Int, timeout: TimeInterval) -> Bool {
        waitUntil(timeout) { self.messageCount() >= count }
    }

    /// Every message in the Maildir, parsed by Python's `email` package with the strict policy.
    func receivedMessages() throws -> [ReceivedMessage] {
        let result = try runTool(MailChain.python, ["-c", parserScript, server.maildir], timeout: 20)
        guard result.status == 0,
            let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        else {
            throw CocoaError(
                .fileReadCorruptFile,
                userInfo: [NSLocalizedDescriptionKey: "the parser failed (\(result.status)): \(result.stderr)"])
        }
        return array.map(ReceivedMessage.init)
    }

    var diagnostics: String { "aiosmtpd on 127.0.0.1:\(server.port): \(server.child.output)" }

    /// Stops every child (SIGTERM, then SIGKILL) and removes the directory; safe to call twice.
    func tearDown() {
        for child in children { child.stop(timeout: 3) }
        server.stop()
        try? FileManager.default.removeItem(atPath: scratch.path)
    }

    deinit { tearDown() }
}

/// `python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c jalon_mailsink.ExactMailbox MAILDIR` on a free port.
private final class SMTPServerProcess {
    let child: ChildProcess
    let port: UInt16
    let maildir: String

    private init(child: ChildProcess, port: UInt16, maildir: String) {
        self.child = child
        self.port = port
        self.maildir = maildir
    }

    /// SIGKILL rather than SIGTERM: a process that Foundation starts from a Dispatch worker thread inherits that
    /// thread's signal mask, SIGTERM blocked, and aiosmtpd leaves it blocked (jalon copes: its SIGTERM test is
    /// above). The server has nothing to flush: each delivery is a rename into the Maildir.
    func stop() { child.stop(SIGKILL, timeout: 3) }

    /// Picks a free port and waits (at most 10 s) for the server to listen; tries again on another port if the
    /// server could not take it (another process may have taken it in between).
    static func start(in directory: String) throws -> SMTPServerProcess {
        let maildir = directory + "/maildir"
        try Data(mailSink.utf8).write(to: URL(fileURLWithPath: directory + "/jalon_mailsink.py"))
        var failures: [String] = []
        for attempt in 1...3 {
            let port = try freeLoopbackPort()
            let child = try ChildProcess(
                executable: MailChain.python,
                arguments: [
                    "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "jalon_mailsink.ExactMailbox", maildir,
                ],
                environment: [
                    "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": directory,
                ],
                output: directory + "/aiosmtpd-\(attempt)")
            let listening = waitUntil(10) { !child.isRunning || canConnect(port) }
            if listening && child.isRunning {
                return SMTPServerProcess(child: child, port: port, maildir: maildir)
            }
            child.stop(SIGKILL, timeout: 2)
            failures.append("port \(port): \(child.output)")
        }
        throw CocoaError(
            .executableLoad,
            userInfo: [NSLocalizedDescriptionKey: "aiosmtpd did not start: " + failures.joined(separator: "; ")])
    }
}

/// A child process with its standard output and error in files, stopped by pid, killed if it outlives its owner.
private final class ChildProcess {
    private let process = Process()
    private let outputPath: String

    init(executable: String, arguments: [String], environment: [String: String], output: String) throws {
        outputPath = output
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        try Data().write(to: URL(fileURLWithPath: output + ".out"))
        try Data().write(to: URL(fileURLWithPath: output + ".err"))
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: output + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: output + ".err"))
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var standardOutput: String { (try? String(contentsOfFile: outputPath + ".out", encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOfFile: outputPath + ".err", encoding: .utf8)) ?? "" }
    var output: String { "stdout: \(standardOutput)\nstderr: \(errors)" }

    /// Sends `signal` to this pid, waits at most `timeout` seconds, then sends SIGKILL. How it ended: the exit status
    /// or the signal, and whether it had to be killed.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM, timeout: TimeInterval) -> (status: Int32, signaled: Bool, killed: Bool) {
        var killed = false
        if process.isRunning {
            kill(pid, signal)
            if !waitUntil(timeout, { !self.process.isRunning }) {
                kill(pid, SIGKILL)
                killed = true
                _ = waitUntil(5) { !self.process.isRunning }
            }
        }
        guard !process.isRunning else { return (-1, false, true) }
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, killed)
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            _ = waitUntil(5) { !self.process.isRunning }
        }
    }
}

/// An address as Python's `email` read it: the decoded display name and the addr-spec.
private struct MailAddressSeen: Equatable, CustomStringConvertible {
    var name: String
    var address: String
    var description: String { "\(name) <\(address)>" }
}

/// One message from the Maildir, as the parser script described it.
private struct ReceivedMessage {
    let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    subscript(header: String) -> String? { fields[header] as? String }

    var file: String { self["file"] ?? "?" }
    var problems: [String] { fields["problems"] as? [String] ?? [] }
    var body: String { self["body"] ?? "" }
    var date: Double? { (fields["date"] as? NSNumber)?.doubleValue }
    var dateOffset: Double? { (fields["date_offset"] as? NSNumber)?.doubleValue }
    /// When the file landed in the Maildir.
    var arrival: Double { (fields["arrival"] as? NSNumber)?.doubleValue ?? 0 }
    var envelopeSender: String? { self["x-mailfrom"] }
    /// The SMTP envelope, as the server recorded it in X-MailFrom and X-RcptTo.
    var envelopeRecipients: [String] {
        (self["x-rcptto"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func addresses(_ header: String) -> [MailAddressSeen]? {
        (fields["addresses-" + header] as? [[String: String]])?.map {
            MailAddressSeen(name: $0["name"] ?? "", address: $0["address"] ?? "")
        }
    }

    var summary: String { "\(file): \(self["x-jalon-reminder"] ?? "-") \(self["message-id"] ?? "-")" }

    /// What every message must be: RFC 5322 and MIME as the strict policy reads it.
    func expectWellFormed(multipart: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(problems.isEmpty, "\(file): \(problems)", sourceLocation: sourceLocation)
        let longest = (fields["longest_line"] as? NSNumber)?.intValue ?? Int.max
        #expect(longest <= 998, "\(file): a line of \(longest) bytes", sourceLocation: sourceLocation)
        #expect(
            fields["ascii_header"] as? Bool == true, "\(file): 8-bit bytes in the header",
            sourceLocation: sourceLocation)
        let counts = fields["header_counts"] as? [String: Int] ?? [:]
        for name in ["from", "to", "subject", "date", "message-id", "mime-version", "content-type", "auto-submitted"] {
            #expect(counts[name] == 1, "\(file): \(counts[name] ?? 0) \(name) fields", sourceLocation: sourceLocation)
        }
        #expect(self["auto-submitted"] == "auto-generated", sourceLocation: sourceLocation)
        #expect(self["mime-version"] == "1.0", sourceLocation: sourceLocation)
        #expect(
            self["content_type"] == (multipart ? "multipart/alternative" : "text/plain"), sourceLocation: sourceLocation
        )
        if !multipart {
            #expect(
                self["charset"]?.lowercased() == "utf-8", "\(file): charset \(self["charset"] ?? "none")",
                sourceLocation: sourceLocation)
        }
        #expect(fields["multipart"] as? Bool == multipart, sourceLocation: sourceLocation)
        let encoding = self["content-transfer-encoding"]?.lowercased() ?? "7bit"
        if encoding == "quoted-printable" || encoding == "base64" || encoding == "7bit" {
            #expect(
                fields["ascii_body"] as? Bool == true, "\(file): 8-bit bytes in a \(encoding) body",
                sourceLocation: sourceLocation)
        }
        #expect(date != nil, "\(file): no Date", sourceLocation: sourceLocation)
        #expect(!body.isEmpty, "\(file): empty body", sourceLocation: sourceLocation)
    }
}

/// aiosmtpd's Mailbox handler, except that the message is kept exactly as it came over SMTP (after dot-unstuffing),
/// with the envelope in two fields put in front as an MTA puts its trace fields: Mailbox itself adds the same
/// X-MailFrom and X-RcptTo fields, but at the end, after parsing the message and writing it out again.
private let mailSink = #"""
    from aiosmtpd.handlers import Mailbox

    class ExactMailbox(Mailbox):
        async def handle_DATA(self, server, session, envelope):
            trace = "X-MailFrom: %s\r\nX-RcptTo: %s\r\n" % (envelope.mail_from, ", ".join(envelope.rcpt_tos))
            self.mailbox.add(trace.encode("utf-8", "surrogateescape") + envelope.original_content)
            return "250 OK"
    """#

/// Reads every message of the Maildir given as argument with `policy=email.policy.strict` and prints them as JSON.
private let parserScript = #"""
    import email, email.policy, json, os, sys

    def describe(defect):
        return type(defect).__name__ + (": " + str(defect) if str(defect) else "")

    box = sys.argv[1]
    result = []
    for folder in ("new", "cur"):
        directory = os.path.join(box, folder)
        names = sorted(os.listdir(directory)) if os.path.isdir(directory) else []
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(directory, name)
            with open(path, "rb") as f:
                raw = f.read()
            head, _, body = raw.replace(b"\r\n", b"\n").partition(b"\n\n")
            entry = {
                "file": folder + "/" + name,
                "arrival": os.stat(path).st_mtime,
                "longest_line": max(len(line.rstrip(b"\r")) for line in raw.split(b"\n")),
                "ascii_header": all(byte < 128 for byte in head),
                "ascii_body": all(byte < 128 for byte in body),
                "problems": [],
            }
            try:
                message = email.message_from_bytes(raw, policy=email.policy.strict)
                for part in message.walk():
                    entry["problems"] += [describe(d) for d in part.defects]
                    for key, value in part.items():
                        entry["problems"] += [key + ": " + describe(d) for d in getattr(value, "defects", ())]
                counts = {}
                for key in message.keys():
                    counts[key.lower()] = counts.get(key.lower(), 0) + 1
                entry["header_counts"] = counts
                for key in ("from", "to"):
                    header = message[key]
                    if header is not None:
                        entry["addresses-" + key] = [
                            {"name": a.display_name, "address": a.addr_spec} for a in header.addresses]
                for key in ("subject", "message-id", "auto-submitted", "mime-version", "content-transfer-encoding",
                            "x-jalon-reminder", "x-mailfrom", "x-rcptto"):
                    header = message[key]
                    if header is not None:
                        entry[key] = str(header)
                entry["content_type"] = message.get_content_type()
                entry["charset"] = message.get_param("charset")
                entry["multipart"] = message.is_multipart()
                date = message["date"].datetime if message["date"] is not None else None
                if date is None or date.utcoffset() is None:
                    entry["problems"].append("no usable Date")
                else:
                    entry["date"] = date.timestamp()
                    entry["date_offset"] = date.utcoffset().total_seconds()
                if message.is_multipart():
                    # An invitation (RFC 6047): the text, and the calendar read by Python's icalendar.
                    for part in message.walk():
                        if part.get_content_type() == "text/plain":
                            entry["body"] = part.get_content()
                        elif part.get_content_type() == "text/calendar":
                            import icalendar
                            entry["calendar_method_param"] = part.get_param("method")
                            calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
                            entry["calendar_method"] = str(calendar["METHOD"])
                            event = calendar.walk("VEVENT")[0]
                            entry["calendar_uid"] = str(event["UID"])
                            entry["calendar_sequence"] = str(int(event["SEQUENCE"]))
                            entry["calendar_start"] = event["DTSTART"].dt.isoformat()
                            entry["calendar_attendee"] = str(event["ATTENDEE"])
                            entry["calendar_organizer"] = str(event["ORGANIZER"])
                else:
                    entry["body"] = message.get_content()
            except Exception as error:
                entry["problems"].append("parsing failed: %s: %s" % (type(error).__name__, error))
            result.append(entry)
    json.dump(result, sys.stdout)
    """#

// MARK: - Helpers

/// Runs a program with a clean environment, waiting at most `timeout` seconds.
private func runTool(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> (
    status: Int32, stdout: String, stderr: String
) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(executable) timed out"])
    }
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
}

/// Polls `condition` every 20 ms for at most `timeout` seconds.
private func waitUntil(_ timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(max(0, timeout))
    while Date() < end {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

private func loopbackAddress(_ port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}

/// A port of 127.0.0.1 that nothing listens on, as the kernel picks one.
private func freeLoopbackPort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    var address = loopbackAddress(0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ok = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
        }
    }
    guard ok, address.sin_port != 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    return UInt16(bigEndian: address.sin_port)
}

/// Whether something accepts TCP connections on 127.0.0.1:`port`.
private func canConnect(_ port: UInt16) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = loopbackAddress(port)
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

private func components(_ seconds: Int64, zone: String) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: zone)!
    return calendar.dateComponents(
        [.year, .month, .day, .weekday, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds)))
}

private func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n ?? 0)" }

/// A TOML local date-time: the wall time of `seconds` in `zone`.
private func localDateTime(_ seconds: Int64, zone: String) -> String {
    let c = components(seconds, zone: zone)
    return "\(c.year!)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
}

/// "mardi 1er décembre 2026 à 14 h 05": jalon's French day and time, computed here independently.
private func frenchDayAndTime(_ seconds: Int64, zone: String) -> String {
    let c = components(seconds, zone: zone)
    let days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
    let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]
    let day = c.day == 1 ? "1er" : "\(c.day!)"
    return "\(days[c.weekday! - 1]) \(day) \(months[c.month! - 1]) \(c.year!) à \(c.hour!) h \(two(c.minute))"
}

// MARK: - Invitations

/// Whether Debian's Python reads calendars (python3-icalendar, which scripts/test installs).
private let hasICalendar: Bool =
    (try? runTool(MailChain.python, ["-c", "import icalendar"], timeout: 20))?.status == 0

extension MailEndToEndTests {
    @Test(
        "4. jalon run sends an invitation per session, an update when one moves, none again after a restart, a cancellation when one is done or removed",
        .enabled(if: hasICalendar, "python3-icalendar is missing (apt-get install python3-icalendar)"))
    func invitationsAreSentOnceAndUpdated() throws {
        let rig = try MailRig()
        defer { rig.tearDown() }
        try rig.scratch.write("config/jalon.toml", settings(rig) + "[policy.session]\ninvite = true\n")
        // Three days ahead, whole minutes: no reminder comes due during the test.
        let start = (Int64(Date().timeIntervalSince1970) / 60 + 3 * 1440) * 60
        func person(_ at: Int64) -> String {
            """
            name       = "Hélène Lefèvre"
            email      = "helene.lefevre@example.org"
            consultant = "jerome"

            [[session]]
            id       = "investigation-1"
            at       = \(localDateTime(at, zone: Self.zone))
            title    = "Investigation : enquête métier"
            duration = "2h"
            remind   = ["-1d"]

            [[session]]
            id       = "investigation-2"
            at       = \(localDateTime(start + 7 * 86_400, zone: Self.zone))
            title    = "Investigation : restitution"
            remind   = ["-1d"]

            """
        }
        try rig.scratch.write("config/people/helene.toml", person(start))
        let check = try jalon(["check", "--config", rig.configuration])
        #expect(check.status == 0 && check.stdout == "", "jalon check: \(check.stdout)\(check.stderr)")

        let first = try rig.startJalon(name: "run-1")
        try #require(rig.waitForMessages(2, timeout: 15), "no invitation arrived\n\(rig.diagnostics)\n\(first.output)")
        usleep(500_000)
        var messages = try rig.receivedMessages()
        try #require(messages.count == 2, "\(messages.map(\.summary))")
        let invitation = try #require(
            messages.first { $0["calendar_uid"] == "helene/investigation-1@jalon.invalid" },
            "\(messages.map(\.summary))")
        invitation.expectWellFormed(multipart: true)
        #expect(invitation.envelopeRecipients == ["helene.lefevre@example.org"])
        #expect(invitation["calendar_method"] == "REQUEST")
        #expect(invitation["calendar_method_param"] == invitation["calendar_method"], "MIME method= is METHOD")
        #expect(invitation["calendar_uid"] == "helene/investigation-1@jalon.invalid")
        #expect(invitation["calendar_sequence"] == "0")
        #expect(invitation["calendar_organizer"] == "mailto:jerome.ostberg@horizon.example")
        #expect(invitation["calendar_attendee"] == "mailto:helene.lefevre@example.org")
        #expect(invitation["calendar_start"]?.hasPrefix(localDateTime(start, zone: Self.zone)) == true)
        #expect(invitation.body.hasPrefix("Bonjour Hélène Lefèvre,"), "\(invitation.body)")

        // The session moves a day later: the running daemon sends an update, same UID, higher SEQUENCE.
        let moved = start + 86_400
        try rig.scratch.write("config/people/helene.toml", person(moved))
        try #require(rig.waitForMessages(3, timeout: 15), "no update arrived\n\(rig.diagnostics)\n\(first.output)")
        usleep(500_000)
        let stopped = first.stop(timeout: 5)
        #expect(!stopped.killed && !stopped.signaled && stopped.status == 0, "\(first.output)")
        messages = try rig.receivedMessages()
        try #require(messages.count == 3, "only the moved session is sent again: \(messages.map(\.summary))")
        let update = try #require(messages.first { $0["calendar_sequence"] == "1" }, "\(messages.map(\.summary))")
        update.expectWellFormed(multipart: true)
        #expect(update["calendar_method"] == "REQUEST" && update["calendar_method_param"] == "REQUEST")
        #expect(update["calendar_uid"] == "helene/investigation-1@jalon.invalid")
        #expect(update["calendar_start"]?.hasPrefix(localDateTime(moved, zone: Self.zone)) == true)

        // Started again on the same state: nothing is sent again.
        let second = try rig.startJalon(name: "run-2")
        usleep(2_500_000)
        #expect(second.isRunning, "the second jalon run ended by itself: \(second.output)")
        #expect(try rig.receivedMessages().count == 3, "after a restart\n\(second.output)")

        // `jalon done` on the second session, before it happens: the running daemon cancels it.
        let done = try jalon(["done", "--config", rig.configuration, "--state", rig.state, "helene/investigation-2"])
        #expect(done.status == 0, "jalon done: \(done.stdout)\(done.stderr)")
        try #require(
            rig.waitForMessages(4, timeout: 15), "no cancellation arrived\n\(rig.diagnostics)\n\(second.output)")
        usleep(500_000)
        let doneCancel = try #require(
            try rig.receivedMessages().first {
                $0["calendar_uid"] == "helene/investigation-2@jalon.invalid" && $0["calendar_method"] == "CANCEL"
            })
        doneCancel.expectWellFormed(multipart: true)
        #expect(doneCancel["calendar_method_param"] == "CANCEL" && doneCancel["calendar_sequence"] == "1")

        // The sessions removed from the file: a cancellation for the one still standing, none for the other.
        try rig.scratch.write(
            "config/people/helene.toml",
            "name = \"Hélène Lefèvre\"\nemail = \"helene.lefevre@example.org\"\nconsultant = \"jerome\"\n")
        try #require(
            rig.waitForMessages(5, timeout: 15), "no cancellation arrived\n\(rig.diagnostics)\n\(second.output)")
        usleep(1_000_000)
        let secondStop = second.stop(timeout: 5)
        #expect(!secondStop.killed && !secondStop.signaled && secondStop.status == 0, "\(second.output)")
        messages = try rig.receivedMessages()
        #expect(messages.count == 5, "\(messages.map(\.summary))")
        let cancel = try #require(
            messages.first {
                $0["calendar_uid"] == "helene/investigation-1@jalon.invalid" && $0["calendar_method"] == "CANCEL"
            }, "\(messages.map(\.summary))")
        cancel.expectWellFormed(multipart: true)
        #expect(cancel["calendar_method_param"] == "CANCEL")
        #expect(cancel["calendar_sequence"] == "2")
        #expect(cancel["calendar_uid"] == "helene/investigation-1@jalon.invalid")
    }
}
