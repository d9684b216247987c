import Foundation
import Testing

@testable import JalonCore

/// `jalon events`: the items themselves in a window, their order, filters, done marks and renderings.
@Suite struct EventListTests {
    let paris = Zone(identifier: "Europe/Paris")!

    func list(
        _ fixture: DeskFixture, from: String = "2027-03-01", to: String = "2027-04-01",
        filter: EventList.Filter = EventList.Filter(), done: DoneMarks = DoneMarks()
    ) -> EventList {
        EventList(
            people: fixture.people, settings: fixture.settings, from: DeskFixture.paris(from),
            to: DeskFixture.paris(to), filter: filter, done: done)
    }

    @Test func itemsInTheWindowSortedByStartThenId() throws {
        let fixture = try DeskFixture()
        let events = list(fixture).events
        #expect(
            events.map(\.id) == [
                "marie-dupont/preliminaire", "marie-dupont/cv", "lea-tremblay/portfolio", "lea-tremblay/bilan",
                "marie-dupont/enquetes", "marie-dupont/investigation", "julien-hoarau/point",
                "marie-dupont/conclusion",
            ])
        for (a, b) in zip(events, events.dropFirst()) {
            #expect(a.start < b.start || (a.start == b.start && bytesPrecede(a.id, b.id)))
        }
        // The window is [from, to): an item at `to` is out, one at `from` is in.
        let tight = list(fixture, from: "2027-03-29T09:30:00+02:00", to: "2027-03-29T09:30:01+02:00")
        #expect(tight.events.map(\.id) == ["marie-dupont/conclusion"])
        #expect(list(fixture, from: "2027-03-29T09:30:01+02:00", to: "2027-03-30").events.isEmpty)
    }

    @Test func aSessionEndsAfterItsDurationAcrossTheSpringChange() throws {
        let fixture = try DeskFixture()
        let byID = Dictionary(uniqueKeysWithValues: list(fixture).events.map { ($0.id, $0) })
        let conclusion = try #require(byID["marie-dupont/conclusion"])
        #expect(paris.rfc3339(conclusion.start) == "2027-03-29T09:30:00+02:00")
        #expect(conclusion.end.map(paris.rfc3339) == "2027-03-29T11:00:00+02:00")
        // 27 March 20:00 in Réunion (+04:00) is 17:00 in Paris, still in winter time.
        let point = try #require(byID["julien-hoarau/point"])
        #expect(point.zone.rfc3339(point.start) == "2027-03-27T20:00:00+04:00")
        #expect(paris.rfc3339(point.start) == "2027-03-27T17:00:00+01:00")
        let cv = try #require(byID["marie-dupont/cv"])
        #expect(cv.isAllDay && cv.end == nil && cv.date == LocalDate(year: 2027, month: 3, day: 10))
    }

    @Test func filtersByPersonConsultantAndKind() throws {
        let fixture = try DeskFixture()
        #expect(
            list(fixture, filter: EventList.Filter(person: "lea-tremblay")).events.map(\.id) == [
                "lea-tremblay/portfolio", "lea-tremblay/bilan",
            ])
        #expect(
            list(fixture, filter: EventList.Filter(consultant: "thomas")).events.map(\.id) == ["julien-hoarau/point"])
        #expect(
            list(fixture, filter: EventList.Filter(consultant: "claire", kind: .deadline)).events.map(\.id) == [
                "marie-dupont/cv", "lea-tremblay/portfolio", "marie-dupont/enquetes",
            ])
        let renewals = list(fixture, from: "2027-01-01", to: "2028-01-01", filter: EventList.Filter(kind: .renewal))
        // SST: 24 months from 15 June 2025.
        #expect(renewals.events.map(\.id) == ["julien-hoarau/sst"])
        #expect(renewals.events.first?.date == LocalDate(year: 2027, month: 6, day: 15))
    }

    @Test func doneInTheFileOrAcknowledgedForTheItemAsItIsNow() throws {
        let fixture = try DeskFixture()
        let cvBase = DeskFixture.paris("2027-03-10T09:00:00+01:00")
        let done = DoneMarks([
            Acknowledgement(item: "marie-dupont/cv", base: cvBase): DeskFixture.paris("2027-03-09T18:00:00+01:00"),
            // An acknowledgement of the item at an earlier date does not make it done now.
            Acknowledgement(item: "marie-dupont/enquetes", base: Instant(seconds: 0)): Instant(seconds: 10),
        ])
        let byID = Dictionary(uniqueKeysWithValues: list(fixture, done: done).events.map { ($0.id, $0) })
        #expect(byID["marie-dupont/preliminaire"]?.done == true)
        #expect(byID["marie-dupont/preliminaire"]?.doneOn == LocalDate(year: 2027, month: 3, day: 1))
        #expect(byID["lea-tremblay/portfolio"]?.done == true)
        #expect(byID["lea-tremblay/portfolio"]?.doneOn == nil)
        #expect(byID["marie-dupont/cv"]?.done == true)
        #expect(byID["marie-dupont/cv"]?.doneOn == LocalDate(year: 2027, month: 3, day: 9))
        #expect(byID["marie-dupont/enquetes"]?.done == false)
    }

    @Test func jsonHasTheKeysOfTheReadmeWithThePersonsOffset() throws {
        let fixture = try DeskFixture()
        let bytes = list(fixture).json()
        let array = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
        #expect(array.count == 8)
        let keys: Set = [
            "id", "person", "person_name", "item", "kind", "title", "start", "end", "all_day", "date", "place", "phase",
            "consultant", "done", "done_on",
        ]
        for object in array { #expect(Set(object.keys) == keys) }
        let point = try #require(array.first { $0["id"] as? String == "julien-hoarau/point" })
        #expect(point["start"] as? String == "2027-03-27T20:00:00+04:00")
        #expect(point["end"] as? String == "2027-03-27T21:00:00+04:00")
        #expect(point["person_name"] as? String == "Julien Hoarau")
        #expect(point["consultant"] as? String == "thomas")
        #expect(point["phase"] as? String == "accompagnement")
        #expect(point["place"] is NSNull)
        let bilan = try #require(array.first { $0["id"] as? String == "lea-tremblay/bilan" })
        #expect(bilan["start"] as? String == "2027-03-15T10:00:00-04:00")  // Montréal is on summer time from 14 March
        let cv = try #require(array.first { $0["id"] as? String == "marie-dupont/cv" })
        #expect(cv["end"] is NSNull)
        #expect(cv["all_day"] as? Bool == true)
        #expect(cv["kind"] as? String == "deadline")
        #expect(cv["done"] as? Bool == false)
        let empty = list(fixture, from: "2030-01-01", to: "2030-01-02").json()
        #expect(String(decoding: empty, as: UTF8.self) == "[]\n")
    }

    @Test func tableByDayInTheSettingsZoneWithThePersonsTimeBeside() throws {
        let fixture = try DeskFixture()
        let table = list(fixture, from: "2027-03-27", to: "2027-03-30").table(language: .fr, zone: paris)
        #expect(
            table == """
                samedi 27 mars 2027
                  17:00–18:00 (20:00–21:00 Indian/Reunion)  Point d'étape (séance, accompagnement) · Julien Hoarau
                      julien-hoarau/point

                lundi 29 mars 2027
                  09:30–11:00  Entretien de conclusion (séance, conclusion) · Marie Dupont
                      marie-dupont/conclusion · Visio : https://visio.example/claire

                """)
        let english = list(fixture, from: "2027-03-10", to: "2027-03-11").table(language: .en, zone: paris)
        #expect(
            english == """
                Wednesday 10 March 2027
                  all day  Mettre à jour le CV (deadline) · Marie Dupont
                      marie-dupont/cv

                """)
        #expect(
            list(fixture, from: "2030-01-01", to: "2030-01-08").table(language: .fr, zone: paris)
                == "Rien de prévu du mardi 1er janvier 2030 au lundi 7 janvier 2030.\n")
    }
}
