import Foundation
import GRDB
import Testing

@testable import JalonCore

/// The daemon handing messages to a recording sendmail: a shell script that keeps its arguments and the message,
/// and exits with the statuses it is told, one per call.
@Suite(.serialized) struct MailDeliveryTests {
    /// A recording sendmail: keeps its arguments and the message, and exits with the statuses it is told for each
    /// recipient (the last argument), one per call, then 0.
    struct FakeSendmail {
        let dir: TemporaryDirectory

        init(_ dir: TemporaryDirectory, statuses: [String: [Int32]] = [:]) throws {
            self.dir = dir
            for (recipient, list) in statuses { try set(recipient, list) }
            try dir.write(
                "sendmail/sendmail",
                """
                #!/bin/sh
                out="\(dir.url("sendmail"))"
                for last; do :; done
                name="$out/calls/$(date +%s%N)-$$"
                mkdir -p "$out/calls"
                printf '%s\\n' "$@" > "$name.args"
                cat > "$name.part"
                mv "$name.part" "$name.eml"
                status=0
                f="$out/statuses/$last"
                if [ -s "$f" ]; then
                    status=$(head -n 1 "$f")
                    sed -i 1d "$f"
                fi
                exit $status

                """, mode: 0o755)
        }

        /// The statuses of the next calls for `recipient`.
        func set(_ recipient: String, _ statuses: [Int32]) throws {
            try dir.write("sendmail/statuses/" + recipient, statuses.map { "\($0)\n" }.joined())
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

        /// The calls for one recipient.
        func calls(to recipient: String) -> [(arguments: [String], message: String)] {
            calls.filter { $0.arguments.last == recipient }
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

    func configure(
        _ dir: TemporaryDirectory, sendmail: FakeSendmail, digest: String? = nil, email: String = "marie@example.org",
        at: String? = nil, mail: String = ""
    ) throws {
        try dir.write(
            "config/jalon.toml",
            """
            timezone = "UTC"
            locale = "fr"

            [mail]
            from = "Cabinet Horizon <suivi@horizon.example>"
            sendmail = ["\(sendmail.path)", "-C", "/nonexistent/msmtprc"]
            \(mail)

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
            email = "\(email)"
            consultant = "claire"

            [[session]]
            id = "s1"
            at = \(at ?? utc(1))
            title = "Entretien préliminaire"
            place = "Visio"
            remind = ["+0d"]
            """)
    }

    func start(_ dir: TemporaryDirectory, journal: MemoryJournal, retryBase: Int64? = 1) throws -> Daemon {
        var options = Daemon.Options(
            configurationDirectory: dir.url("config"), stateDirectory: dir.url("state"), journal: journal)
        options.handlesSignals = false
        options.mailRetryBase = retryBase
        let daemon = try Daemon(options: options)
        daemon.start()
        return daemon
    }

    @Test func oneMessagePerRecipientWithTheRightArguments() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir)
        try configure(dir, sendmail: sendmail)
        let daemon = try start(dir, journal: MemoryJournal())
        defer { daemon.shutdown() }
        #expect(await wait(5) { sendmail.calls.count == 2 })
        for (address, name) in [("claire@horizon.example", "Claire Martin"), ("marie@example.org", "Marie Dupont")] {
            let calls = sendmail.calls(to: address)
            try #require(calls.count == 1, "\(address): \(calls.count) calls")
            #expect(
                calls[0].arguments == [
                    "-C", "/nonexistent/msmtprc", "-oi", "-f", "suivi@horizon.example", "--", address,
                ])
            #expect(calls[0].message.contains("To: \(name) <\(address)>\n"), "\(calls[0].message)")
            #expect(calls[0].message.contains("Auto-Submitted: auto-generated"))
            #expect(calls[0].message.contains("X-Jalon-Reminder: marie/s1/+0d"))
        }
        // The same reminder, the same Message-ID: two copies of one message.
        let ids = sendmail.calls.map { $0.message.components(separatedBy: "\n").first { $0.hasPrefix("Message-ID:") } }
        #expect(ids[0] != nil && ids[0] == ids[1])
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(2) { (try? store.mailCount(in: .sent)) == 2 })
    }

    @Test func aTemporaryFailureIsRetriedAcrossARestartAndItsRecoveryJournaled() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir, statuses: ["marie@example.org": [75]])
        try configure(dir, sendmail: sendmail)
        let journal = MemoryJournal()
        // Long enough that the retry cannot happen before the restart.
        let daemon = try start(dir, journal: journal, retryBase: 4)
        #expect(await wait(5) { sendmail.calls.count == 2 })
        #expect(await wait(2) { journal.entries.contains { $0.event == .deliveryFailure } })
        let failure = try #require(journal.entries.first { $0.event == .deliveryFailure })
        #expect(failure.event.priority == 3)
        #expect(failure.fields["JALON_REMINDER"] == "marie/s1/+0d")
        #expect(failure.fields["JALON_PERSON"] == "marie")
        #expect(failure.fields["JALON_ITEM"] == "s1")
        #expect(failure.fields["JALON_KIND"] == "session")
        #expect(failure.fields["JALON_STEP"] == "+0d")
        #expect(failure.fields["JALON_RECIPIENT"] == "person")
        #expect(failure.fields["JALON_SENDMAIL_STATUS"] == "exit status 75")
        // The field is the same in every language; the message says it in the settings' (French here).
        #expect(failure.message.contains("code de sortie 75") && !failure.message.contains("exit status"), "\(failure)")
        #expect(!failure.fields.values.contains { $0.contains("marie@example.org") }, "no address in the journal")
        daemon.shutdown()
        let store = try Store(directory: dir.url("state"), readOnly: true)
        let waiting = try store.mail(in: .pending)
        #expect(waiting.map(\.key.recipient) == [.person], "the consultant's copy went: \(waiting)")
        #expect(waiting.first?.attempts == 1)
        #expect(try store.mailCount(in: .sent) == 1)

        // Restarted: the queue is in the state database; the retry goes, the reminder is not journaled again.
        let second = MemoryJournal()
        let again = try start(dir, journal: second)
        defer { again.shutdown() }
        #expect(await wait(8) { sendmail.calls(to: "marie@example.org").count == 2 })
        #expect(await wait(2) { (try? store.mailCount(in: .sent)) == 2 })
        let copies = sendmail.calls(to: "marie@example.org")
        #expect(
            copies[0].message.components(separatedBy: "\n").first { $0.hasPrefix("Message-ID:") }
                == copies[1].message.components(separatedBy: "\n").first { $0.hasPrefix("Message-ID:") })
        #expect(!second.entries.contains { $0.event == .reminder })
        #expect(await wait(2) { second.entries.contains { $0.event == .mailRecovered } })
        let recovered = try #require(second.entries.first { $0.event == .mailRecovered })
        #expect(recovered.event.priority == 5)
        #expect(recovered.fields["JALON_PERSON"] == "marie" && recovered.fields["JALON_RECIPIENT"] == "person")
        #expect(recovered.message == "envoi du rappel marie/s1/+0d à person réussi à l'essai 2, après des échecs")
    }

    @Test func aRefusedAddressCostsNobodyElseTheirCopyAndTheCorrectedAddressIsUsed() async throws {
        let dir = try TemporaryDirectory()
        // An address the MTA refuses for the whole message, with status 1 (exim does so for one it cannot parse).
        let sendmail = try FakeSendmail(dir, statuses: ["jmarie@refused.example": Array(repeating: 1, count: 20)])
        let at = utc(1)
        try configure(dir, sendmail: sendmail, email: "jmarie@refused.example", at: at, mail: "retry = 2")
        let journal = MemoryJournal()
        let daemon = try start(dir, journal: journal, retryBase: nil)
        defer { daemon.shutdown() }
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(5) { sendmail.calls(to: "claire@horizon.example").count == 1 })
        #expect(await wait(5) { sendmail.calls(to: "jmarie@refused.example").count == 1 })
        #expect(await wait(2) { journal.entries.contains { $0.event == .deliveryFailure } })
        let refused = try #require(journal.entries.first { $0.event == .deliveryFailure })
        #expect(
            refused.message.hasPrefix(
                "envoi du rappel marie/s1/+0d à person refusé (essai 1)\u{202F}: code de sortie 1"),
            "\(refused.message)")
        #expect(refused.message.contains("jusqu'au"), "it says until when: \(refused.message)")
        let due = refused.fields["JALON_DUE"] ?? ""
        #expect(due.hasSuffix("Z") || due.hasSuffix("+00:00"), "the person's zone, UTC here: \(refused.fields)")
        #expect(await wait(2) { (try? store.mailCount(in: .sent)) == 1 })
        // The address corrected in the file: the next try, 2 s after the refusal (`retry = 2`), goes there.
        try configure(dir, sendmail: sendmail, email: "marie@example.org", at: at, mail: "retry = 2")
        #expect(await wait(8) { sendmail.calls(to: "marie@example.org").count == 1 })
        #expect(await wait(2) { (try? store.mailCount(in: .sent)) == 2 })
        #expect(sendmail.calls(to: "jmarie@refused.example").count == 1)
        #expect(sendmail.calls(to: "claire@horizon.example").count == 1, "nobody got a second copy")
        #expect(await wait(2) { journal.entries.contains { $0.event == .mailRecovered } })
    }

    @Test func refusedForThreeDaysItWaitsForJalonRetryWhichUsesTheConfigurationThen() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir, statuses: ["marie@example.org": [67, 67]])
        let at = utc(1)
        try configure(dir, sendmail: sendmail, at: at)
        let journal = MemoryJournal()
        let daemon = try start(dir, journal: journal, retryBase: 3600)
        defer { daemon.shutdown() }
        let store = try Store(directory: dir.url("state"), readOnly: true)
        #expect(await wait(5) { ((try? store.mail(in: .pending)) ?? []).first?.attempts == 1 })
        let waiting = try #require(try store.mail(in: .pending).first)
        #expect(waiting.lastResult == "code de sortie 67")
        #expect(waiting.refusedSince != nil)
        // Three days later (moved in the state database: the schedule itself is MailRetryPolicyTests'), the next
        // refusal gives up.
        let writer = try DatabaseQueue(path: dir.url("state/jalon.sqlite"))
        try await writer.write { db in
            try db.execute(sql: "UPDATE mail SET refused_since = refused_since - 3 * 86400, next_attempt = 0")
        }
        #expect(Daemon.notifyMailQueued(stateDirectory: dir.url("state")))
        #expect(await wait(5) { (try? store.mailCount(in: .failed)) == 1 })
        #expect(
            journal.entries.contains {
                $0.message.contains("refusé pendant 3 jours (2 essais)\u{202F}: code de sortie 67")
            }, "\(journal.entries.map(\.message))")
        // Not tried again by itself.
        try await Task.sleep(for: .milliseconds(1500))
        #expect(sendmail.calls(to: "marie@example.org").count == 2)
        // The address changed meanwhile; jalon retry queues it again and the daemon sends it there.
        try configure(dir, sendmail: sendmail, email: "marie.dupont@example.org", at: at)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try Store(directory: dir.url("state")).requeue("marie/s1", at: Instant(Date())) == 1)
        #expect(Daemon.notifyMailQueued(stateDirectory: dir.url("state")))
        #expect(await wait(5) { (try? store.mailCount(in: .sent)) == 2 })
        #expect(sendmail.calls(to: "marie.dupont@example.org").count == 1)
    }

    @Test func aMissingSendmailIsReportedAndTheJournalGoesOn() async throws {
        let dir = try TemporaryDirectory()
        let sendmail = try FakeSendmail(dir)
        try configure(dir, sendmail: sendmail)
        unlink(sendmail.path)
        let journal = MemoryJournal()
        let daemon = try start(dir, journal: journal)
        defer { daemon.shutdown() }
        // In the settings' language (French), the system's reason too: no English strerror inside.
        let missing = journal.entries.first { $0.event == .deliveryFailure }
        #expect(
            missing?.message.hasPrefix(
                "impossible de lancer sendmail \(sendmail.path)\u{202F}: fichier ou dossier introuvable")
                == true, "\(String(describing: missing))")
        #expect(missing?.message.contains("No such file") == false)
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
