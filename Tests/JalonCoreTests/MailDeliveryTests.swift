import Foundation
import Testing

@testable import JalonCore

/// The daemon handing messages to a recording sendmail: a shell script that keeps its arguments and the message,
/// and exits with the statuses it is told, one per call.
@Suite(.serialized) struct MailDeliveryTests {
    struct FakeSendmail {
        let dir: TemporaryDirectory

        init(_ dir: TemporaryDirectory, statuses: [Int32] = []) throws {
            self.dir = dir
            try dir.write("sendmail/statuses", statuses.map { "\($0)\n" }.joined())
            try dir.write(
                "sendmail/sendmail",
                """
                #!/bin/sh
                out="\(dir.url("sendmail"))"
                name="$out/calls/$(date +%s%N)-$$"
                mkdir -p "$out/calls"
                printf '%s\\n' "$@" > "$name.args"
                cat > "$name.part"
                mv "$name.part" "$name.eml"
                status=$(head -n 1 "$out/statuses")
                sed -i 1d "$out/statuses"
                exit ${status:-0}

                """, mode: 0o755)
        }

        var path: String { dir.url("sendmail/sendmail") }

        /// The messages received in full so far, in the order they came, with their arguments.
        var calls: [(arguments: [String], message: String)] {
            var result: [(arguments: [String], message: String)] = []
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.url("sendmail/calls"))) ?? []
            for name in names.filter({ $0.hasSuffix(".eml") }).sorted() {
                let stem = dir.url("sendmail/calls/" + name.dropLast(4))
                guard let message = FileManager.default.contents(atPath: stem + ".eml"),
                    let arguments = FileManager.default.contents(atPath: stem + ".args")
                else { continue }
                result.append(
                    (
                        String(decoding: arguments, as: UTF8.self).split(separator: "\n").map(String.init),
                        String(decoding: message, as: UTF8.self)
                    ))
            }
            return result
        }
    }

    func utc(_ seconds: Int64) -> String { Zone.utc.local(Instant(Date()) + seconds).description }

    /// Waits until `condition` holds, at most `timeout` seconds, without holding a thread of the cooperative pool
    /// (the daemon's sendmail tasks run there).
    func wait(_ timeout: Double, _ condition: () -> Bool) async -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    func configure(_ dir: TemporaryDirectory, sendmail: FakeSendmail, digest: String? = nil) throws {
        try dir.write(
            "config/jalon.toml",
            """
            timezone = "UTC"
            locale = "fr"

            [mail]
            from = "Cabinet Horizon <suivi@horizon.example>"
            sendmail = ["\(sendmail.path)", "-C", "/nonexistent/msmtprc"]

            [[consultant]]
            id = "claire"
            name = "Claire Martin"
            email = "claire@horizon.example"
            \(digest.map { "digest = \"\($0)\"" } ?? "")
            """)
        try dir.write(
            "config/people/marie.toml",
            """
            name = "Marie Dupont"
            email = "marie@example.org"
            consultant = "claire"

            [[session]]
            id = "s1"
            at = \(utc(1))
            title = "Entretien préliminaire"
            place = "Visio"
            remind = ["+0d"]
            """)
    }

    func start(_ dir: TemporaryDirectory, journal: MemoryJournal, retryBase: Int64 = 1) throws -> Daemon {
        var options = Daemon.Options(
            configurationDirectory: dir.url("config"), stateDirectory: dir.url("state"), journal: journal)
        options.handlesSignals = false
        options.mailRetryBase = retryBase
        let daemon = try Daemon(options: options)
        daemon.start()
        return daemon
    }

    @Test func aDeliveredReminderIsHandedToSendmailWithTheRightArguments() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir)
        try configure(dir, sendmail: sendmail)
        let daemon = try start(dir, journal: MemoryJournal())
        defer { daemon.shutdown() }
        #expect(await wait(5) { sendmail.calls.count == 1 })
        let call = try #require(sendmail.calls.first)
        #expect(
            call.arguments == [
                "-C", "/nonexistent/msmtprc", "-oi", "-f", "suivi@horizon.example", "--", "claire@horizon.example",
                "marie@example.org",
            ])
        #expect(call.message.contains("Auto-Submitted: auto-generated"))
        #expect(call.message.contains("X-Jalon-Reminder: marie/s1/+0d"))
        #expect(call.message.contains("Message-ID: <"))
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(2) { (try? store.mailCount(in: .sent)) == 1 })
    }

    @Test func aTemporaryFailureIsRetriedAcrossARestart() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir, statuses: [75, 0])
        try configure(dir, sendmail: sendmail)
        let journal = MemoryJournal()
        // Long enough that the retry cannot happen before the restart.
        let daemon = try start(dir, journal: journal, retryBase: 4)
        #expect(await wait(5) { sendmail.calls.count == 1 })
        #expect(await wait(2) { journal.entries.contains { $0.event == .deliveryFailure } })
        let failure = try #require(journal.entries.first { $0.event == .deliveryFailure })
        #expect(failure.event.priority == 3)
        #expect(failure.fields["JALON_REMINDER"] == "marie/s1/+0d")
        #expect(failure.fields["JALON_SENDMAIL_STATUS"] == "exit status 75")
        daemon.shutdown()
        let store = try Store(directory: dir.url("state"), readOnly: true)
        let waiting = try store.mail(in: .pending)
        #expect(waiting.map(\.key.id) == ["marie/s1/+0d"])
        #expect(waiting.first?.attempts == 1)

        // Restarted: the queue is in the state database; the retry goes, the reminder is not journaled again.
        let second = MemoryJournal()
        let again = try start(dir, journal: second)
        defer { again.shutdown() }
        #expect(await wait(8) { sendmail.calls.count == 2 })
        #expect(await wait(2) { (try? store.mailCount(in: .sent)) == 1 })
        #expect(sendmail.calls[0].message == sendmail.calls[1].message)  // the same message, same Message-ID
        #expect(!second.entries.contains { $0.event == .reminder })
    }

    @Test func aPermanentFailureWaitsForRetry() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir, statuses: [67, 0])
        try configure(dir, sendmail: sendmail)
        let journal = MemoryJournal()
        let daemon = try start(dir, journal: journal)
        defer { daemon.shutdown() }
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(5) { (try? store.mailCount(in: .failed)) == 1 })
        let failed = try #require(try store.mail(in: .failed).first)
        #expect(failed.lastError == "exit status 67")
        #expect(journal.entries.contains { $0.event == .deliveryFailure && $0.message.contains("jalon retry") })
        // Not tried again by itself.
        try await Task.sleep(for: .milliseconds(1500))
        #expect(sendmail.calls.count == 1)
        // jalon retry: queued again, the daemon is told, it goes.
        #expect(try Store(directory: dir.url("state")).requeue("marie/s1", at: Instant(Date())) == 1)
        #expect(Daemon.notifyMailQueued(stateDirectory: dir.url("state")))
        #expect(await wait(5) { (try? store.mailCount(in: .sent)) == 1 })
        #expect(sendmail.calls.count == 2)
    }

    @Test func aMissingSendmailIsReportedAndTheJournalGoesOn() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir)
        try configure(dir, sendmail: sendmail)
        unlink(sendmail.path)
        let journal = MemoryJournal()
        let daemon = try start(dir, journal: journal)
        defer { daemon.shutdown() }
        #expect(journal.entries.contains { $0.event == .deliveryFailure && $0.message.contains("cannot be run") })
        #expect(await wait(5) { journal.entries.contains { $0.event == .reminder } })
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(3) { ((try? store.mail(in: .pending)) ?? []).first?.attempts == 1 })
    }

    @Test func aConsultantWithADigestGetsOneMessageInsteadOfEach() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir)
        // Today's digest time has just passed: it is sent at start.
        let now = Zone.utc.local(Instant(Date()) - 120).time
        try configure(dir, sendmail: sendmail, digest: "\(pad(now.hour, 2)):\(pad(now.minute, 2))")
        let daemon = try start(dir, journal: MemoryJournal())
        defer { daemon.shutdown() }
        #expect(await wait(5) { sendmail.calls.count == 2 })
        let digest = try #require(sendmail.calls.first { $0.message.contains("X-Jalon-Digest: claire") })
        #expect(digest.arguments.suffix(2) == ["--", "claire@horizon.example"])
        #expect(digest.message.contains("Entretien pr=C3=A9liminaire avec Marie Dupont"))
        let reminder = try #require(sendmail.calls.first { $0.message.contains("X-Jalon-Reminder") })
        #expect(reminder.arguments.suffix(2) == ["--", "marie@example.org"])
    }
}
