import Foundation
import GRDB
import Testing

@testable import JalonCore

/// `jalon show`: one person's items with their states, and what became of each reminder and its messages.
@Suite struct TimelineTests {
    let paris = Zone(identifier: "Europe/Paris")!

    func key(_ id: String, _ due: String) -> ReminderKey { ReminderKey(id: id, due: DeskFixture.paris(due)) }

    @Test func statesOfItems() throws {
        let fixture = try DeskFixture()
        var history = DeliveryHistory()
        history.acknowledgements[
            Acknowledgement(item: "marie-dupont/cv", base: DeskFixture.paris("2027-03-10T09:00:00+01:00"))] =
            DeskFixture.paris("2027-03-12T16:00:00+01:00")
        let timeline = Timeline(
            person: fixture.person("marie-dupont"), settings: fixture.settings, history: history,
            now: DeskFixture.paris("2027-03-27T12:00:00+01:00"))
        let states = Dictionary(uniqueKeysWithValues: timeline.entries.map { ($0.event.item, $0.state) })
        #expect(states["preliminaire"] == .done(on: LocalDate(year: 2027, month: 3, day: 1)))
        #expect(states["cv"] == .done(on: LocalDate(year: 2027, month: 3, day: 12)))
        #expect(states["enquetes"] == .overdue(days: 7))
        #expect(states["investigation"] == .past)
        #expect(states["conclusion"] == .coming)
        #expect(states["suivi"] == .coming)
        #expect(
            timeline.entries.map(\.event.item) == [
                "preliminaire", "cv", "enquetes", "investigation", "conclusion", "suivi",
            ])
    }

    @Test func fatesOfRemindersAndOfTheirMessages() throws {
        let fixture = try DeskFixture()
        var history = DeliveryHistory()
        let sent = key("marie-dupont/conclusion/-2d", "2027-03-27T09:30:00+01:00")
        let late = key("marie-dupont/enquetes/-14d", "2027-03-06T09:00:00+01:00")
        let missed = key("marie-dupont/enquetes/-3d", "2027-03-17T09:00:00+01:00")
        let skipped = key("marie-dupont/investigation/-2d", "2027-03-24T09:30:00+01:00")
        let newer = key("marie-dupont/investigation/-2h", "2027-03-26T07:30:00+01:00")
        // A reminder of the deadline when it was due a day earlier: the item moved since.
        let earlier = key("marie-dupont/enquetes/+0d", "2027-03-19T09:00:00+01:00")
        let recordedAt = DeskFixture.paris("2027-03-27T09:30:02+01:00")
        history.records[sent] = .init(outcome: "on-time", recordedAt: recordedAt)
        history.records[late] = .init(outcome: "late", recordedAt: DeskFixture.paris("2027-03-07T08:00:00+01:00"))
        history.records[missed] = .init(outcome: "missed", recordedAt: recordedAt)
        history.records[skipped] = .init(outcome: "skipped", recordedAt: recordedAt)
        history.records[newer] = .init(outcome: "superseded", recordedAt: recordedAt)
        history.records[earlier] = .init(outcome: "on-time", recordedAt: recordedAt)
        history.messages[sent] = [
            .init(state: "sent", attempts: 1, nextAttempt: nil, lastError: nil, recipients: ["marie@example.org"]),
            .init(
                state: "pending", attempts: 2, nextAttempt: DeskFixture.paris("2027-03-27T10:30:00+01:00"),
                lastError: "exit status 75", recipients: ["claire@horizon.example"]),
        ]
        history.messages[late] = [
            .init(state: "failed", attempts: 1, nextAttempt: nil, lastError: "exit status 1", recipients: ["m@x"])
        ]
        history.messages[missed] = [
            .init(state: "pending", attempts: 0, nextAttempt: nil, lastError: nil, recipients: [])
        ]
        let now = DeskFixture.paris("2027-03-27T12:00:00+01:00")
        let timeline = Timeline(
            person: fixture.person("marie-dupont"), settings: fixture.settings, history: history, now: now)
        var fates: [String: Timeline.Fate] = [:]
        for entry in timeline.entries {
            for reminder in entry.reminders { fates[reminder.id + "@" + paris.rfc3339(reminder.due)] = reminder.fate }
        }
        #expect(fates["marie-dupont/conclusion/-2d@2027-03-27T09:30:00+01:00"] == .onTime(recordedAt))
        #expect(fates["marie-dupont/conclusion/-2h@2027-03-29T07:30:00+02:00"] == .pending)
        #expect(
            fates["marie-dupont/enquetes/-14d@2027-03-06T09:00:00+01:00"]
                == .late(DeskFixture.paris("2027-03-07T08:00:00+01:00")))
        #expect(fates["marie-dupont/enquetes/-3d@2027-03-17T09:00:00+01:00"] == .missed(recordedAt))
        #expect(fates["marie-dupont/enquetes/+0d@2027-03-20T09:00:00+01:00"] == .notRecorded)
        #expect(fates["marie-dupont/enquetes/+0d@2027-03-19T09:00:00+01:00"] == .onTime(recordedAt))
        #expect(fates["marie-dupont/investigation/-2d@2027-03-24T09:30:00+01:00"] == .skipped(recordedAt))
        #expect(fates["marie-dupont/investigation/-2h@2027-03-26T07:30:00+01:00"] == .other("superseded", recordedAt))
        #expect(fates["marie-dupont/preliminaire/-2d@2027-02-27T14:00:00+01:00"] == .cancelled)
        #expect(fates["marie-dupont/enquetes/follow-up-1@2027-03-27T09:00:00+01:00"] == .notRecorded)
        #expect(fates["marie-dupont/enquetes/follow-up-2@2027-04-03T09:00:00+02:00"] == .pending)

        let table = timeline.table(language: .en, zone: paris, consultantName: "Claire Martin")
        #expect(table.hasPrefix("Marie Dupont (marie-dupont) · Europe/Paris · consultant: Claire Martin\n"))
        #expect(
            table.contains(
                "      reminder D-2, Saturday 27 March 2027 at 9:30 am: sent on time (Saturday 27 March 2027 at 9:30 am); "
                    + "mail sent; mail waiting for a retry (2 try(ies), next Saturday 27 March 2027 at 10:30 am; "
                    + "last answer: exit status 75)\n"))
        #expect(table.contains("mail refused (exit status 1)"))
        #expect(table.contains("reminder D-3, Wednesday 17 March 2027 at 9:00 am: missed: jalon was not running"))
        #expect(table.contains("; mail queued\n"))
        #expect(table.contains("recorded as \"superseded\""))
        #expect(table.contains("  all day  Trois enquêtes métiers (deadline) · Marie Dupont · 7 days overdue\n"))
        #expect(table.contains(" · done on Monday 1 March 2027\n"))
        #expect(table.contains("follow-up 2, Saturday 3 April 2027 at 9:00 am: pending\n"))

        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(timeline.json(consultantName: "Claire Martin")))
                as? [String: Any])
        #expect(object["person"] as? String == "marie-dupont")
        #expect(object["consultant_name"] as? String == "Claire Martin")
        let items = try #require(object["items"] as? [[String: Any]])
        let conclusion = try #require(items.first { $0["item"] as? String == "conclusion" })
        #expect(conclusion["state"] as? String == "coming")
        let reminders = try #require(conclusion["reminders"] as? [[String: Any]])
        #expect(reminders.map { $0["outcome"] as? String } == ["on-time", "pending"])
        #expect(reminders.first?["due"] as? String == "2027-03-27T09:30:00+01:00")
        #expect(reminders.first?["to"] as? [String] == ["claire@horizon.example", "marie@example.org"])
        let mail = try #require(reminders.first?["mail"] as? [[String: Any]])
        #expect(mail.map { $0["state"] as? String } == ["sent", "retrying"])
        #expect(mail.last?["next_attempt"] as? String == "2027-03-27T10:30:00+01:00")
        #expect(mail.last?["error"] as? String == "exit status 75")
        let enquetes = try #require(items.first { $0["item"] as? String == "enquetes" })
        #expect(enquetes["state"] as? String == "overdue")
        #expect(enquetes["days_overdue"] as? Int == 7)
    }

    /// The same, read from a real state database: deliveries, the mail queue and acknowledgements of one person
    /// only (another person whose id shares its first letters is left out).
    @Test func historyFromTheStateDatabase() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(directory: dir.path)
        let sent = key("marie-dupont/conclusion/-2d", "2027-03-27T09:30:00+01:00")
        let failed = key("marie-dupont/enquetes/-14d", "2027-03-06T09:00:00+01:00")
        let other = key("marie-dupont-2/x/+0d", "2027-03-06T09:00:00+01:00")
        let now = DeskFixture.paris("2027-03-27T09:30:01+01:00")
        func jobs(_ key: ReminderKey) -> [MailJob] {
            [MailRecipient.address("a@x"), .person].map {
                MailJob(key: MailKey(reminder: key, recipient: $0), kind: .reminder, request: MailRequest())
            }
        }
        try store.record(
            [(sent, .onTime), (failed, .late), (other, .onTime)], mail: jobs(sent) + jobs(failed) + jobs(other),
            at: now)
        var outcomes = jobs(sent).map { job in
            var job = job
            (job.state, job.attempts) = (.sent, 1)
            return job
        }
        outcomes += jobs(failed).map { job in
            var job = job
            (job.state, job.attempts, job.lastResult) = (.failed, 3, "exit status 1")
            return job
        }
        try store.markMail(outcomes, at: now)
        try store.acknowledge(item: "marie-dupont/cv", base: Instant(seconds: 100), at: Instant(seconds: 200))
        try store.acknowledge(item: "marie-dupont-2/cv", base: Instant(seconds: 100), at: Instant(seconds: 200))

        let reader = try Store(directory: dir.path, readOnly: true)
        let history = try reader.history(ofPerson: "marie-dupont")
        #expect(Set(history.records.keys) == [sent, failed])
        #expect(history.records[sent]?.outcome == "on-time")
        #expect(history.records[failed]?.outcome == "late")
        #expect(history.records[sent]?.recordedAt == now)
        #expect(history.messages[sent]?.map(\.state) == ["sent", "sent"])
        #expect(history.messages[failed]?.first?.lastError == "exit status 1")
        #expect(history.messages[failed]?.first?.attempts == 3)
        #expect(Set(history.messages[failed]?.flatMap(\.recipients) ?? []) == ["a@x", "person"])
        #expect(
            history.acknowledgements == [
                Acknowledgement(item: "marie-dupont/cv", base: Instant(seconds: 100)): Instant(seconds: 200)
            ])
        #expect(try reader.acknowledgementTimes().count == 2)
    }
}
