import Foundation
import Testing

@testable import JalonCore

/// `jalon overdue` and the digest's overdue section: one list.
@Suite struct OverdueListTests {
    @Test func pastItemsNotDoneOldestFirstWithoutSessions() throws {
        let fixture = try DeskFixture()
        let now = DeskFixture.paris("2027-03-21T10:00:00+01:00")
        let list = OverdueList(
            people: fixture.people, settings: fixture.settings, now: now, isFinished: { _, _ in false })
        // The portfolio is done in its file; sessions that have passed are not "to do".
        #expect(list.events.map(\.id) == ["marie-dupont/cv", "marie-dupont/enquetes"])
        #expect(list.events.map(list.daysOverdue) == [11, 1])
        // An acknowledgement of the item as it is now takes it off.
        let acknowledged = OverdueList(
            people: fixture.people, settings: fixture.settings, now: now,
            isFinished: { $0 == "marie-dupont/cv" && $1 == DeskFixture.paris("2027-03-10T09:00:00+01:00") })
        #expect(acknowledged.events.map(\.id) == ["marie-dupont/enquetes"])
        // An expired training is overdue too (SST: 15 June 2027 at 09:00 in Réunion).
        let later = OverdueList(
            people: fixture.people, settings: fixture.settings, now: DeskFixture.paris("2027-10-01"),
            isFinished: { _, _ in false })
        #expect(
            later.events.map(\.id) == [
                "marie-dupont/cv", "marie-dupont/enquetes", "julien-hoarau/sst", "marie-dupont/suivi",
            ])
        let thomas = OverdueList(
            people: fixture.people, settings: fixture.settings, now: DeskFixture.paris("2027-10-01"),
            consultant: "thomas",
            isFinished: { _, _ in false })
        #expect(thomas.events.map(\.id) == ["julien-hoarau/sst"])
    }

    @Test func jsonAndTable() throws {
        let fixture = try DeskFixture()
        let list = OverdueList(
            people: fixture.people, settings: fixture.settings, now: DeskFixture.paris("2027-03-21T10:00:00+01:00"),
            isFinished: { _, _ in false })
        let array = try #require(try JSONSerialization.jsonObject(with: Data(list.json())) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["marie-dupont/cv", "marie-dupont/enquetes"])
        #expect(array.map { $0["days_overdue"] as? Int } == [11, 1])
        #expect(array.first?["consultant"] as? String == "claire")
        let table = list.table(
            language: .fr, zone: Zone(identifier: "Europe/Paris")!, consultants: fixture.settings.consultants)
        #expect(
            table.hasPrefix(
                """
                mercredi 10 mars 2027, en retard de 11 jours
                  journée  Mettre à jour le CV (échéance) · Marie Dupont
                      marie-dupont/cv · consultant\u{202F}: Claire Martin

                """))
        let none = OverdueList(
            people: [], settings: fixture.settings, now: Instant(seconds: 0), isFinished: { _, _ in false })
        #expect(none.table(language: .en, zone: .utc, consultants: [:]) == "Nothing overdue.\n")
        #expect(String(decoding: none.json(), as: UTF8.self) == "[]\n")
    }

    @Test func theDigestListsTheSameOverdueItems() throws {
        let fixture = try DeskFixture()
        var settings = fixture.settings
        settings.mail = MailSettings(
            from: MailAddress(name: "Cabinet", address: "suivi@horizon.example"), sendmail: ["/bin/true"],
            enabled: true)
        let now = DeskFixture.paris("2027-10-01T08:00:00+02:00")
        let digest = DigestComposer(composer: MailComposer(settings: settings, templates: .builtIn))
        let job = try #require(
            digest.compose(
                for: settings.consultants["claire"]!, at: now, people: fixture.people, isFinished: { _, _ in false }))
        let body = String(decoding: job.message, as: UTF8.self)
        let overdue = OverdueList(
            people: fixture.people, settings: settings, now: now, consultant: "claire", isFinished: { _, _ in false })
        #expect(overdue.events.map(\.id) == ["marie-dupont/cv", "marie-dupont/enquetes", "marie-dupont/suivi"])
        // The body is quoted-printable: its lines begin with ASCII dates, which it leaves as they are.
        var position = body.startIndex
        for event in overdue.events {
            let marker = "depuis le " + DateText.day(event.date, .fr)
            let found = try #require(body.range(of: marker, range: position..<body.endIndex), "\(marker)")
            position = found.upperBound
        }
        #expect(!body.contains(DateText.day(LocalDate(year: 2027, month: 6, day: 15), .fr)))  // Julien's training: Thomas's beneficiary
    }
}
