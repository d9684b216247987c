import Foundation
import GRDB
import Testing

@testable import JalonCore

/// The mail queue's entries (one per reminder and recipient, named by role) and their composition at the time of
/// each try, from the configuration as it is then; the state database's migration to them; mail that is off.
@Suite struct MailAssemblerTests {
    func configuration(_ dir: TemporaryDirectory, email: String = "marie@example.org", mail: String? = nil) throws
        -> JalonCore.Configuration
    {
        try dir.write(
            "config/jalon.toml",
            mail
                ?? """
                timezone = "Europe/Paris"
                locale = "en"
                [mail]
                from = "Cabinet Horizon <suivi@horizon.example>"
                [[consultant]]
                id = "claire"
                name = "Claire Martin"
                email = "claire@horizon.example"
                """)
        try dir.write(
            "config/people/marie.toml",
            """
            name = "Marie Dupont"
            email = "\(email)"
            consultant = "claire"
            [[session]]
            id = "s1"
            at = 2026-09-08T14:00:00
            title = "Entretien préliminaire"
            remind = ["-2d"]
            to = ["person", "consultant", "archive@horizon.example"]
            """)
        return try ConfigurationLoader(directory: dir.url("config"), systemZone: Zone(identifier: "UTC")!).load()
    }

    func delivery(_ configuration: JalonCore.Configuration) throws -> Scheduler.Delivery {
        let person = try #require(configuration.person("marie"))
        let reminder = try #require(ReminderPlanner(settings: configuration.settings).reminders(for: person).first)
        return Scheduler.Delivery(reminder: reminder, outcome: .onTime)
    }

    func context(_ configuration: JalonCore.Configuration) -> MailContext {
        MailContext(
            settings: configuration.settings,
            people: Dictionary(uniqueKeysWithValues: configuration.people.map { ($0.id, $0) }))
    }

    @Test func oneJobPerRecipientNamedByItsRole() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir)
        let jobs = MailQueue.jobs(
            for: try delivery(configuration), person: configuration.person("marie"), settings: configuration.settings)
        let expected: [MailRecipient] = [.address("archive@horizon.example"), .consultant, .person]
        #expect(
            jobs.map(\.key.recipient) == expected,
            "the reminder's addresses are sorted; each becomes its role")
        #expect(Set(jobs.map(\.key.reminder)).count == 1)
        #expect(
            jobs.allSatisfy {
                $0.kind == .reminder && $0.request.person == "marie" && $0.request.zone == "Europe/Paris"
            })
    }

    @Test func eachTryUsesTheAddressTheConfigurationHasThen() throws {
        let dir = try TemporaryDirectory()
        let before = try configuration(dir, email: "jmarie@vm.example")
        let job = try #require(
            MailQueue.jobs(for: try delivery(before), person: before.person("marie"), settings: before.settings)
                .first { $0.key.recipient == MailRecipient.person })
        let now = Instant(seconds: 1_788_000_000)
        guard case .message(let first) = MailAssembler(context: context(before)).compose(job, now: now) else {
            Issue.record("no message")
            return
        }
        #expect(first.recipient == "jmarie@vm.example")
        // The address corrected in the person file: the next try goes there, with the same Message-ID.
        let after = try configuration(dir, email: "marie.dupont@example.org")
        guard case .message(let second) = MailAssembler(context: context(after)).compose(job, now: now + 60) else {
            Issue.record("no message")
            return
        }
        #expect(second.recipient == "marie.dupont@example.org")
        #expect(second.sender == "suivi@horizon.example")
        let text = String(decoding: second.message, as: UTF8.self)
        #expect(text.contains("To: Marie Dupont <marie.dupont@example.org>"), "\(text)")
        // One recipient per message: the consultant is only where a reply goes.
        #expect(text.components(separatedBy: "claire@horizon.example").count == 2, "\(text)")
        #expect(text.contains("\nReply-To: "), "\(text)")
        func messageID(_ mail: ComposedMail) -> String? {
            let lines = String(decoding: mail.message, as: UTF8.self).components(separatedBy: "\n")
            return lines.first { $0.hasPrefix("Message-ID:") }
        }
        #expect(messageID(first) != nil && messageID(first) == messageID(second))
    }

    @Test func aRecipientWithoutAnAddressAnyMoreIsDroppedAndMailOffSendsNothing() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir)
        let jobs = MailQueue.jobs(
            for: try delivery(configuration), person: configuration.person("marie"), settings: configuration.settings)
        let consultant = try #require(jobs.first { $0.key.recipient == MailRecipient.consultant })
        var settings = configuration.settings
        settings.consultants["claire"]?.email = nil
        var changed = context(configuration)
        changed.settings = settings
        #expect(MailAssembler(context: changed).compose(consultant, now: Instant(seconds: 0)) == .noAddress)
        changed.people = [:]
        let person = try #require(jobs.first { $0.key.recipient == MailRecipient.person })
        #expect(MailAssembler(context: changed).compose(person, now: Instant(seconds: 0)) == .noAddress)
        settings.mail.enabled = false
        changed.settings = settings
        #expect(MailAssembler(context: changed).compose(person, now: Instant(seconds: 0)) == .mailOff)
        #expect(MailQueue.jobs(for: try delivery(configuration), person: nil, settings: settings).isEmpty)
    }

    @Test(arguments: [
        ("", MailOffReason.noFrom, "jalon.toml:1:1"),
        ("[mail]\nform = \"Cabinet <suivi@horizon.example>\"\n", .noFrom, "jalon.toml:2:2"),
        ("[mail]\nfrom = \"Cabinet <suivi@horizon.example>\"\nenabled = false\n", .disabled, "jalon.toml:4:1"),
    ])
    func mailThatIsOffSaysSoAtItsPlace(_ settings: String, _ reason: MailOffReason, _ place: String) throws {
        let dir = try TemporaryDirectory()
        let consultant = "\n[[consultant]]\nid = \"claire\"\nemail = \"claire@horizon.example\"\n"
        let configuration = try configuration(dir, mail: "locale = \"en\"\n" + settings + consultant)
        #expect(MailReadiness.offReason(configuration.settings) == reason)
        let diagnostic = try #require(MailReadiness.diagnostic(for: configuration))
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.description.hasPrefix(place + ": warning: "), "\(diagnostic.description)")
        #expect(diagnostic.message.contains("no email will be sent"))
    }

    @Test func mailThatIsOffIsNoWarningWhenNobodyHasAnAddress() throws {
        let dir = try TemporaryDirectory()
        try dir.write("config/jalon.toml", "locale = \"en\"\n")
        try dir.write("config/people/x.toml", "name = \"X\"\n[[deadline]]\nid = \"d\"\ndue = 2027-01-01\n")
        let configuration = try ConfigurationLoader(directory: dir.url("config"), systemZone: .utc).load()
        #expect(MailReadiness.diagnostic(for: configuration) == nil)
    }

    @Test func theQueueOfAnOlderJalonBecomesOneMessagePerRecipientAndLosesNothing() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url("jalon.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Store.migrator.migrate(queue, upTo: "2: mail queue")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO mail (reminder, due, sender, recipients, message, state, attempts, next_attempt,
                        last_error, updated_at)
                    VALUES ('p/a/+0d', 100, 's@x.example', 'a@x.example' || char(10) || 'b@x.example', X'4869', 'failed',
                            1, 0, 'exit status 1', 50),
                           ('p/b/+0d', 200, 's@x.example', 'c@x.example', X'4869', 'sent', 1, 0, NULL, 60)
                    """)
        }
        chmod(path, 0o600)
        let store = try Store(directory: dir.path)
        let failed = try store.mail(in: .failed)
        let recipients: Set<MailRecipient> = [.address("a@x.example"), .address("b@x.example")]
        #expect(Set(failed.map(\.key.recipient)) == recipients)
        #expect(
            failed.allSatisfy { $0.kind == .rendered && $0.lastResult == "exit status 1" && $0.refusedSince != nil })
        #expect(try store.mailCount(in: .sent) == 1)
        #expect(try store.requeue("p/a", at: Instant(seconds: 300)) == 2)
        let due = try store.dueMail(now: Instant(seconds: 300), limit: 10)
        #expect(due.count == 2)
        #expect(due.allSatisfy { $0.message == Array("Hi".utf8) && $0.request.sender == "s@x.example" })
        // Sent as written, even with mail now off: it was queued when mail was on.
        guard
            case .message(let mail) = MailAssembler(context: MailContext(settings: .defaults(zone: .utc)))
                .compose(due[0], now: Instant(seconds: 300))
        else {
            Issue.record("a migrated message is not sent as it was")
            return
        }
        #expect(mail.sender == "s@x.example" && mail.message == Array("Hi".utf8))
    }
}
